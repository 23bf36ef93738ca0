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

describe('the local listener playing the Teams connector', () => {
  const calls: { conversationId: string; call: unknown; text: unknown }[] = [];
  const created: Record<string, unknown>[] = [];
  let server: CallbackServer;
  beforeAll(async () => {
    server = await startCallbackServer({
      onActivity: (activity, conversationId, call) => calls.push({ conversationId, call, text: activity.text }),
      onCreateConversation: (parameters) => {
        created.push(parameters);
        return 'a:chat-1';
      },
      members: (conversationId) => [{ id: '29:agent-1', name: conversationId }],
    });
  });
  afterAll(() => server.close());
  const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('tells sends, replies and updates apart; an update keeps its id', async () => {
    const sent = (await (await fetch(`${server.url}/v3/conversations/c/activities`, json({ type: 'message', text: 's' }))).json()) as { id: string };
    await fetch(`${server.url}/v3/conversations/c/activities/${encodeURIComponent(sent.id)}`, json({ type: 'message', text: 'r' }));
    const put = await fetch(`${server.url}/v3/conversations/c/activities/${encodeURIComponent(sent.id)}`, { ...json({ type: 'message', text: 'u' }), method: 'PUT' });
    expect(((await put.json()) as { id: string }).id).toBe(sent.id);
    expect(calls.map((c) => [c.text, (c.call as { kind: string }).kind])).toEqual([
      ['s', 'send'],
      ['r', 'reply'],
      ['u', 'update'],
    ]);
    expect(calls[1]!.call).toMatchObject({ replyToId: sent.id });
    expect(calls[2]!.call).toEqual({ kind: 'update', id: sent.id });
  });

  it('opens a conversation (with its first activity) and lists members', async () => {
    const res = await fetch(`${server.url}/v3/conversations`, json({ isGroup: false, members: [{ id: '29:agent-1' }], activity: { type: 'message', text: 'first' } }));
    const body = (await res.json()) as { id: string; activityId?: string };
    expect(body.id).toBe('a:chat-1');
    expect(body.activityId).toEqual(expect.any(String));
    expect(created.at(-1)).toMatchObject({ isGroup: false });
    expect(calls.at(-1)).toMatchObject({ conversationId: 'a:chat-1', text: 'first', call: { kind: 'send', id: body.activityId } });
    const members = await fetch(`${server.url}/v3/conversations/${encodeURIComponent('19:cs@thread.tacv2')}/members`);
    expect(await members.json()).toEqual([{ id: '29:agent-1', name: '19:cs@thread.tacv2' }]);
  });
});
