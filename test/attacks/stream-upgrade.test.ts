import { startAttackApp } from './support/attack-app';
import type { AttackApp } from './support/attack-app';
import { settle, troubleMark, troubleSince } from './support/process-trouble';
import { rawRequest, resetAfter, upgradeRequest } from './support/raw-http';

// The Direct Line stream (WebSocket upgrades) is reached before restify and its error handling: whatever a
// client sends there, or however it drops the connection, the process must not fall over.

describe('WebSocket upgrades from hostile clients', () => {
  let t: AttackApp;
  let port: number;
  beforeAll(async () => {
    t = await startAttackApp();
    port = Number(new URL(t.url).port);
  });
  afterAll(() => t.stop());

  let mark: ReturnType<typeof troubleMark>;
  beforeEach(() => {
    mark = troubleMark();
  });
  afterEach(async () => {
    await settle(50);
    expect(troubleSince(mark)).toEqual({ unhandledRejections: [], uncaughtExceptions: [] });
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
  });

  it('answers a conversation id with broken percent-escapes with 400, and stays up', async () => {
    for (const id of ['%E0%A4%A', '%', '%ZZ', '%C0%80', 'abc%']) {
      const answer = await rawRequest(port, upgradeRequest(`/v3/directline/conversations/${id}/stream?t=x`));
      expect(answer.status).toBe(400);
    }
  });

  it('refuses request targets that are no URL, and stays up', async () => {
    for (const target of ['http://[::1/v3/directline/conversations/a/stream', 'http://%zz/x', '//[/stream']) {
      const answer = await rawRequest(port, upgradeRequest(target));
      expect(answer.status === null || (answer.status >= 400 && answer.status < 500)).toBe(true);
    }
  });

  it('answers an upgrade to any other path with 404 instead of leaving the socket open', async () => {
    const answer = await rawRequest(port, upgradeRequest('/somewhere/else'), 5_000);
    expect(answer.status).toBe(404);
  });

  it('survives clients that reset the connection right after asking for an upgrade, on the stream path and elsewhere', async () => {
    const paths = ['/v3/directline/conversations/abc/stream?t=bad', '/v3/directline/conversations/abc/stream', '/somewhere/else'];
    for (const path of paths) {
      for (let i = 0; i < 15; i++) await resetAfter(port, upgradeRequest(path), i % 4);
    }
  });
});
