import { BotConversation, startTestApp, textOf } from '../support/bot-http';
import type { TestApp } from '../support/bot-http';

describe('POST /api/messages', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  const post = (body: unknown, contentType = 'application/json') =>
    fetch(`${t.app.url}/api/messages`, { method: 'POST', headers: { 'content-type': contentType }, body: typeof body === 'string' ? body : JSON.stringify(body) });

  it.each([
    ['an activity without type', { id: 'x', text: 'hi' }],
    ['an empty object', {}],
    ['a JSON array', []],
    ['a number', 42],
    ['a message without conversation', { type: 'message', from: { id: 'buyer-1001' }, serviceUrl: 'http://127.0.0.1:9', text: 'hi' }],
    ['a message with a wrong-typed text', { type: 'message', conversation: { id: 'c' }, from: { id: 'b' }, serviceUrl: 'http://127.0.0.1:9', text: 42 }],
  ])('answers 400 with a clear message for %s', async (_name, body) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    const json = (await res.json()) as { error?: string; message?: string };
    expect(json.message).toMatch(/activity|JSON/i);
  });

  it('answers 400 for a body that is not JSON', async () => {
    const res = await post('{"type": "message", ', 'application/json');
    expect(res.status).toBe(400);
  });

  it('answers a greeting with replies in the body (expectReplies), in the language written', async () => {
    const c = new BotConversation(t.app.url, 'buyer-1002', { locale: 'en-US' });
    const turn = await c.say('hello');
    expect(turn.status).toBe(200);
    expect(turn.replies.length).toBeGreaterThan(0);
    expect(textOf(turn.replies)).toMatch(/refund/i);
    const zh = await c.say('你好');
    expect(textOf(zh.replies)).toMatch(/退款/);
  });

  it('replays the first answer to a resent activity id', async () => {
    const c = new BotConversation(t.app.url, 'buyer-1001');
    const activity = c.activity({ text: '你好' });
    const first = await c.post(activity);
    const second = await c.post(activity);
    expect(second.status).toBe(first.status);
    expect(second.body).toEqual(first.body);
  });

  it('answers both of two racing messages of one conversation', async () => {
    const c = new BotConversation(t.app.url, 'buyer-1001');
    const [a, b] = await Promise.all([c.say('你好'), c.say('hello')]);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(a.replies.length).toBeGreaterThan(0);
    expect(b.replies.length).toBeGreaterThan(0);
  });
});
