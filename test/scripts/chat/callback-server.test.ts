import { startCallbackServer } from '../../../scripts/chat/callback-server';
import type { CallbackServer } from '../../../scripts/chat/callback-server';

describe('the local listener for proactive messages', () => {
  const received: { activity: Record<string, unknown>; conversationId: string }[] = [];
  let server: CallbackServer;
  beforeAll(async () => {
    server = await startCallbackServer({ port: 0, onActivity: (activity, conversationId) => received.push({ activity, conversationId }) });
  });
  afterAll(() => server.close());

  it('listens on 127.0.0.1 and answers like the connector: 200 with an id', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${server.url}/v3/conversations/conv%3A1/activities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'paid' }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { id?: string }).id).toEqual(expect.any(String));
    expect(received.at(-1)).toEqual({ activity: { type: 'message', text: 'paid' }, conversationId: 'conv:1' });
  });

  it('takes replies to an activity too, and refuses bodies that are not activities', async () => {
    const reply = await fetch(`${server.url}/v3/conversations/c2/activities/a1`, { method: 'POST', body: JSON.stringify({ type: 'message', text: 'r' }) });
    expect(reply.status).toBe(200);
    expect(received.at(-1)?.conversationId).toBe('c2');
    const bad = await fetch(`${server.url}/v3/conversations/c2/activities`, { method: 'POST', body: '[1,2]' });
    expect(bad.status).toBe(400);
    const notJson = await fetch(`${server.url}/v3/conversations/c2/activities`, { method: 'POST', body: '{' });
    expect(notJson.status).toBe(400);
    expect((await fetch(`${server.url}/elsewhere`)).status).toBe(404);
  });
});
