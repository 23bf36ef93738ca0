import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../services/refunds';
import { startTestApp } from '../support/bot-http';
import type { TestApp } from '../support/bot-http';
import { expectValidCards } from '../support/card-schema';
import { samples } from '../services/evidence/sample-files';
import { DirectLineClient, StreamReader, call, fromBot, submitData, visibleText, widgetToken } from './dl-client';
import type { Json } from './dl-client';

// The widget's Direct Line endpoint over real HTTP and a real WebSocket, backed by the whole app: tokens bound to
// one buyer, the conversation's log read by polling and by the stream, uploads into a case's evidence, and the
// bot's proactive messages arriving live.

const BUYER_1001: Actor = { role: 'buyer', id: 'buyer-1001' };
const SYSTEM: Actor = { role: 'system', id: 'system' };

const uploadDir = () => mkdtempSync(join(tmpdir(), 'rd-widget-uploads-'));

describe.each([
  ['in memory', false],
  ['on Redis', true],
])('the Direct Line endpoint %s', (_name, redis) => {
  let app: TestApp;
  let base: string;

  beforeEach(async () => {
    app = await startTestApp({ redis, env: { WIDGET_UPLOAD_DIR: uploadDir() } });
    base = app.app.url;
  });
  afterEach(() => app.stop());

  it('issues a token for one buyer, starts the conversation with a welcome, and logs posts as that buyer', async () => {
    const issued = await widgetToken(base, { buyerId: 'buyer-1001', locale: 'zh-CN' });
    expect(issued).toMatchObject({ mode: 'local', domain: `${base}/v3/directline`, buyerId: 'buyer-1001', expiresIn: 1800, resumed: false });
    const dl = new DirectLineClient(issued.domain, issued.token, issued.conversationId);

    const started = await dl.start();
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ conversationId: issued.conversationId, expires_in: 1800 });
    expect(String(started.body.streamUrl)).toMatch(new RegExp(`^ws://127\\.0\\.0\\.1:\\d+/v3/directline/conversations/${issued.conversationId}/stream\\?t=`));
    // Starting again (a second tab with the same token) does not greet twice.
    expect((await dl.start()).status).toBe(200);

    const welcome = (await dl.poll()).body.activities;
    expect(welcome).toHaveLength(1);
    expect(welcome[0]).toMatchObject({ type: 'message', from: { role: 'bot' }, id: `${issued.conversationId}|0000001` });
    expect(visibleText(welcome)).toContain('申请退款');

    const posted = await dl.say('DEMO-1002 的东西坏了，我要退款', { from: { id: 'buyer-1002', name: 'mallory' }, channelData: { clientActivityID: 'c-1', buyerToken: 'forged' } });
    expect(posted.status).toBe(200);
    const after = (await dl.poll()).body.activities;
    const echo = after[0]!;
    expect(echo).toMatchObject({ id: posted.body.id, type: 'message', channelId: 'directline', text: 'DEMO-1002 的东西坏了，我要退款', from: { id: 'buyer-1001', role: 'user' } });
    expect(echo.channelData).toEqual({ clientActivityID: 'c-1' });
    // The bot answered buyer-1001 (whose order it is) with the items of the order, as a reply to the echo.
    const answer = after.filter(fromBot);
    expect(visibleText(answer)).toContain('订单 DEMO-1002：哪些商品需要售后？');
    expect(answer[0]).toMatchObject({ replyToId: posted.body.id, conversation: { id: issued.conversationId } });
    expect(answer[0]!.serviceUrl).toBeUndefined();
    expectValidCards(answer as never);
  });

  it('refreshes tokens and resumes the conversation: by its token, and through the widget token endpoint after a reload', async () => {
    const dl = await DirectLineClient.open(base, { buyerId: 'buyer-1001', locale: 'zh-CN' });
    await dl.turn(() => dl.say('你好'));

    const refreshed = await call(`${dl.domain}/tokens/refresh`, { method: 'POST', token: dl.token });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).toMatchObject({ conversationId: dl.conversationId, expires_in: 1800 });
    expect(refreshed.body.token).toEqual(expect.any(String));

    // Reconnecting after watermark 1: a fresh token, and a stream that resumes after it.
    const again = new DirectLineClient(dl.domain, String(refreshed.body.token), dl.conversationId);
    const reconnected = await again.reconnect('1');
    expect(reconnected.status).toBe(200);
    expect(String(reconnected.body.streamUrl)).toContain('watermark=1');
    const stream = await StreamReader.open(again.streamUrl);
    await stream.waitFor((a) => a.text === '你好');
    expect(stream.frames[0]!.activities[0]).toMatchObject({ text: '你好' });
    await stream.close();

    // A reloaded page asks the token endpoint for its conversation again: same conversation, whole history.
    const reloaded = await widgetToken(base, { buyerId: 'buyer-1001', conversationId: dl.conversationId });
    expect(reloaded).toMatchObject({ conversationId: dl.conversationId, resumed: true });
    const history = await new DirectLineClient(reloaded.domain, reloaded.token, reloaded.conversationId).poll('');
    expect(history.body.activities.map((a) => a.text)).toContain('你好');

    // Another buyer naming that conversation gets a new one of their own.
    const other = await widgetToken(base, { buyerId: 'buyer-1002', conversationId: dl.conversationId });
    expect(other).toMatchObject({ resumed: false });
    expect(other.conversationId).not.toBe(dl.conversationId);
  });

  it("refuses a buyer's token on another buyer's conversation: 403 on post, read, upload, reconnect and stream", async () => {
    const alice = await DirectLineClient.open(base, { buyerId: 'buyer-1001', locale: 'zh-CN' });
    const bob = await DirectLineClient.open(base, { buyerId: 'buyer-1002', locale: 'en-US' });
    await alice.turn(() => alice.say('DEMO-1002 的东西坏了，我要退款'));

    expect((await alice.post({ type: 'message', text: 'hi' }, bob.token)).status).toBe(403);
    expect((await alice.poll('', bob.token)).status).toBe(403);
    expect((await alice.upload([{ name: 'a.png', type: 'image/png', bytes: samples.png() }], undefined, bob.token)).status).toBe(403);
    expect((await call(`${alice.domain}/conversations/${alice.conversationId}?watermark=`, { token: bob.token })).status).toBe(403);
    const bobStreamToken = new URL(bob.streamUrl).searchParams.get('t')!;
    for (const t of [bob.token, bobStreamToken]) {
      const url = alice.streamUrl.replace(/t=[^&]+/, `t=${encodeURIComponent(t)}`);
      await expect(StreamReader.open(url)).rejects.toMatchObject({ statusCode: 403 });
    }
    // No token, a forged one, an expired-looking one: refused too, and nothing reached Alice's conversation.
    expect((await call(`${alice.domain}/conversations/${alice.conversationId}/activities`, { body: { type: 'message', text: 'x' } })).status).toBe(401);
    const forged = alice.token.replace(/\.[^.]+$/, '.AAAA');
    expect((await alice.post({ type: 'message', text: 'x' }, forged)).status).toBe(403);
    const texts = (await alice.poll('')).body.activities.map((a) => a.text);
    expect(texts).not.toContain('hi');
    expect(texts).not.toContain('x');
  });

  it('polls with watermarks: each read returns what came after it, in the order it happened', async () => {
    const dl = await DirectLineClient.open(base, { buyerId: 'buyer-1002', locale: 'en-US' });
    const first = await dl.poll('');
    expect(first.body.watermark).toBe('1');
    expect((await dl.poll()).body).toEqual({ activities: [], watermark: '1' });

    const sent = await dl.post({ type: 'message', text: 'where is my refund', locale: 'en-US' });
    const next = await dl.poll();
    expect(next.body.activities[0]).toMatchObject({ id: sent.body.id, text: 'where is my refund' });
    expect(next.body.activities.length).toBeGreaterThan(1);
    const numbers = next.body.activities.map((a) => Number(String(a.id).split('|')[1]));
    expect(numbers).toEqual(numbers.map((_, i) => 2 + i));
    expect(next.body.watermark).toBe(String(numbers[numbers.length - 1]));
    // Reading from an older watermark gives the same activities again; a garbage watermark reads from the start.
    expect((await dl.poll('1')).body.activities).toEqual(next.body.activities);
    expect((await dl.poll('abc')).body.activities).toHaveLength(1 + next.body.activities.length);
  });

  it('streams the welcome, then each echo and answer as they happen', async () => {
    const issued = await widgetToken(base, { buyerId: 'buyer-1001', locale: 'zh-CN' });
    const dl = new DirectLineClient(issued.domain, issued.token, issued.conversationId);
    await dl.start();
    const stream = await StreamReader.open(dl.streamUrl);
    await stream.waitFor((a) => fromBot(a) && visibleText([a]).includes('申请退款'));

    const sent = await dl.say('查询进度');
    await stream.waitFor((a) => a.id === sent.body.id);
    await stream.waitFor((a) => fromBot(a) && a.replyToId === sent.body.id);
    const ids = stream.activities.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(stream.frames.every((f) => typeof f.watermark === 'string')).toBe(true);
    expect(ids.indexOf(sent.body.id)).toBeLessThan(stream.activities.findIndex((a) => a.replyToId === sent.body.id));
    await stream.close();
  });

  it("delivers the bot's proactive message (the refund paid) to the open WebSocket", async () => {
    const dl = await DirectLineClient.open(base, { buyerId: 'buyer-1001', locale: 'zh-CN' });
    await dl.turn(() => dl.say('你好'));
    const stream = await StreamReader.open(dl.streamUrl);

    const core = app.app.infra.core;
    const filed = await core.service.file(BUYER_1001, { orderId: 'DEMO-1001', lines: [{ lineIndex: 0, quantity: 1 }], type: 'refund_only', reason: 'mistaken_purchase' }, randomUUID());
    if (!filed.ok) throw new Error(JSON.stringify(filed.error));
    await core.timers.sweep();
    expect(await core.service.getCase(SYSTEM, filed.value.case.id)).toMatchObject({ ok: true, value: { status: 'refunded' } });

    const paid = await stream.waitFor((a) => fromBot(a) && visibleText([a]).includes(filed.value.case.id), 10_000);
    expect(visibleText([paid])).toContain('您的退款已完成');
    expect(visibleText([paid])).toContain('¥207.00');
    expect(paid.replyToId).toBeUndefined();
    await stream.close();
  });

  it("uploads a photo, a video and a PDF from the widget into the case's evidence", async () => {
    const dl = await DirectLineClient.open(base, { buyerId: 'buyer-1001', locale: 'zh-CN' });
    const lines = await dl.turn(() => dl.say('DEMO-1002 的东西坏了，我要退款'));
    const ask = await dl.turn(() => dl.click(submitData(lines, '继续', { qty_0: '0', qty_1: '1', qty_2: '0' })));
    expect(visibleText(ask)).toContain('“质量问题”需要凭证');

    const uploaded = await dl.upload([
      { name: 'charger.png', type: 'image/png', bytes: samples.png() },
      { name: 'unboxing.mp4', type: 'video/mp4', bytes: samples.mp4() },
      { name: 'receipt.pdf', type: 'application/pdf', bytes: samples.pdf() },
    ]);
    expect(uploaded.status).toBe(200);
    const received = (await dl.poll()).body.activities;
    const echo = received[0]!;
    expect(echo).toMatchObject({ id: uploaded.body.id, from: { id: 'buyer-1001' } });
    const attachments = echo.attachments as Json[];
    expect(attachments.map((a) => a.name)).toEqual(['charger.png', 'unboxing.mp4', 'receipt.pdf']);
    for (const a of attachments) expect(String(a.contentUrl)).toMatch(new RegExp(`^${base}/dl-attachments/[0-9a-f]{32}$`));
    const text = visibleText(received.filter(fromBot));
    expect(text).toContain('已收到：charger.png');
    expect(text).toContain('已收到：unboxing.mp4');
    expect(text).toContain('已收到：receipt.pdf');
    expect(text).toContain('已收到 3 个文件');

    // The files are served back for the page: shown inline when they are pictures or videos, else downloaded.
    const photo = await fetch(String(attachments[0]!.contentUrl));
    expect(photo.headers.get('content-type')).toBe('image/png');
    expect(photo.headers.get('content-disposition')).toMatch(/^inline/);
    expect(Buffer.from(await photo.arrayBuffer())).toEqual(samples.png());
    const pdf = await fetch(String(attachments[2]!.contentUrl));
    expect(pdf.headers.get('content-disposition')).toMatch(/^attachment/);
    expect((await fetch(`${base}/dl-attachments/${'0'.repeat(32)}`)).status).toBe(404);

    const quote = await dl.turn(() => dl.click(submitData(received, '完成')));
    const filed = await dl.turn(() => dl.click(submitData(quote, '确认提交')));
    expect(visibleText(filed)).toContain('申请已提交：RD-000001');
    const found = await app.app.infra.core.service.getCase(BUYER_1001, 'RD-000001');
    if (!found.ok) throw new Error(JSON.stringify(found.error));
    expect(found.value.evidence.map((e) => [e.kind, e.name])).toEqual([
      ['image', 'charger.png'],
      ['video', 'unboxing.mp4'],
      ['pdf', 'receipt.pdf'],
    ]);
  });

  it('refuses uploads and posts it cannot take, with a reason', async () => {
    const dl = await DirectLineClient.open(base, { buyerId: 'buyer-1001' });
    const noFiles = await call(`${dl.domain}/conversations/${dl.conversationId}/upload`, { token: dl.token, body: { type: 'message' } });
    expect(noFiles.status).toBe(400);
    const onlyActivity = new FormData();
    onlyActivity.append('activity', new Blob([JSON.stringify({ type: 'message' })], { type: 'application/vnd.microsoft.activity' }));
    expect((await call(`${dl.domain}/conversations/${dl.conversationId}/upload`, { token: dl.token, body: onlyActivity })).body).toMatchObject({ error: { code: 'BadArgument' } });
    // A file must be uploaded: a link to somewhere else is not fetched by the bot on a buyer's say-so.
    const linked = await dl.post({ type: 'message', attachments: [{ contentType: 'image/png', contentUrl: 'http://169.254.169.254/latest' }] });
    expect(linked).toMatchObject({ status: 400, body: { error: { code: 'BadArgument' } } });
    expect((await dl.post({ type: 'invoke', name: 'x' })).status).toBe(400);
    expect((await dl.post({ type: 'message' })).status).toBe(400);
  });

  it('takes the bot’s replies only at its connector URL, and an update replaces the activity in place', async () => {
    const dl = await DirectLineClient.open(base, { buyerId: 'buyer-1001' });
    const welcome = (await dl.poll('')).body.activities[0]!;

    // Nobody but the bot knows the connector's key: a guessed URL is refused.
    const guessed = await call(`${base}/dl-connector/v3/conversations/${dl.conversationId}/activities`, { body: { type: 'message', text: 'phishing' } });
    expect(guessed.status).not.toBe(200);
    const wrongKey = await call(`${base}/dl-connector/${'x'.repeat(32)}/v3/conversations/${dl.conversationId}/activities`, { body: { type: 'message', text: 'phishing' } });
    expect(wrongKey.status).toBe(403);
    expect((await dl.poll()).body.activities).toEqual([]);

    // The bot's own connector URL (the serviceUrl it was given) takes replies and updates.
    await dl.turn(() => dl.say('你好'));
    const serviceUrl = String((await app.app.references.forBuyer('buyer-1001'))!.serviceUrl);
    expect(serviceUrl).toMatch(new RegExp(`^${base}/dl-connector/[A-Za-z0-9_-]{32}/$`));
    const replaced = await call(`${serviceUrl}v3/conversations/${dl.conversationId}/activities/${encodeURIComponent(String(welcome.id))}`, {
      method: 'PUT',
      body: { type: 'message', text: 'updated welcome' },
    });
    expect(replaced).toMatchObject({ status: 200, body: { id: welcome.id } });
    const update = (await dl.poll()).body.activities;
    expect(update).toEqual([expect.objectContaining({ id: welcome.id, text: 'updated welcome', timestamp: welcome.timestamp })]);
    const gone = await call(`${serviceUrl}v3/conversations/no-such-conversation/activities`, { body: { type: 'message', text: 'hello?' } });
    expect(gone.status).toBe(404);
  });
});
