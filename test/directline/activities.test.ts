import { conversationStarted, safeThumbnail, shapeBotActivity, shapeClientActivity } from '../../bot/directline/activities';

// What a widget client's activity becomes: the sender, channel, conversation and time are the endpoint's; the
// platform token goes to the bot only.

const ctx = {
  conversationId: 'conv-1',
  buyerId: 'buyer-1001',
  bot: { id: 'refund-desk', name: 'Refund Desk' },
  serviceUrl: 'http://127.0.0.1:3978/dl-connector/key/',
  buyerToken: 'platform.jwt.token',
  now: new Date('2026-03-01T12:00:00Z'),
};

describe('shaping a client activity', () => {
  it("replaces the client's sender, channel and conversation, and keeps its words, card data and locale", () => {
    const shaped = shapeClientActivity(
      {
        type: 'message',
        id: 'client-id',
        text: '你好',
        value: { action: 'file_refund' },
        locale: 'zh-CN',
        from: { id: 'buyer-1002', name: 'someone' },
        conversation: { id: 'conv-2' },
        serviceUrl: 'http://evil.example/',
        channelId: 'emulator',
        channelData: { clientActivityID: 'c1', buyerToken: 'forged' },
        entities: [{ type: 'ClientCapabilities' }, 'junk'],
      },
      ctx,
    );
    if (!shaped.ok) throw new Error(shaped.error.message);
    const { forLog, forBot } = shaped.value;
    expect(forLog).toEqual({
      type: 'message',
      channelId: 'directline',
      timestamp: '2026-03-01T12:00:00.000Z',
      from: { id: 'buyer-1001', role: 'user' },
      recipient: { id: 'refund-desk', name: 'Refund Desk', role: 'bot' },
      conversation: { id: 'conv-1' },
      text: '你好',
      locale: 'zh-CN',
      value: { action: 'file_refund' },
      entities: [{ type: 'ClientCapabilities' }],
      channelData: { clientActivityID: 'c1' },
    });
    expect(forBot).toEqual({ ...forLog, serviceUrl: ctx.serviceUrl, channelData: { clientActivityID: 'c1', buyerToken: 'platform.jwt.token' } });
  });

  it('passes no buyer token in development, and drops a forged one', () => {
    const { buyerToken: _none, ...dev } = ctx;
    const shaped = shapeClientActivity({ type: 'message', text: 'hi', channelData: { buyerToken: 'forged' } }, dev);
    expect(shaped.ok && shaped.value.forBot.channelData).toEqual({});
  });

  it('refuses what the bot must not get', () => {
    const bad = (input: unknown) => {
      const shaped = shapeClientActivity(input, ctx, { ownAttachment: (url) => url.startsWith('http://127.0.0.1:3978/dl-attachments/') });
      return shaped.ok ? null : shaped.error.message;
    };
    expect(bad(null)).toMatch(/JSON activity/);
    expect(bad({ type: 'invoke' })).toMatch(/message and event/);
    expect(bad({ type: 'message' })).toMatch(/needs text/);
    expect(bad({ type: 'message', text: 'x'.repeat(5_001) })).toMatch(/5000/);
    expect(bad({ type: 'message', value: { big: 'x'.repeat(40_000) } })).toMatch(/value is too large/);
    expect(bad({ type: 'message', attachments: [{ contentType: 'image/png', contentUrl: 'data:image/png;base64,AAAA' }] })).toMatch(/upload endpoint/);
    expect(bad({ type: 'message', attachments: [{ contentType: 'image/png', contentUrl: 'http://127.0.0.1:3978/dl-attachments/abc' }] })).toBeNull();
  });

  it('takes the uploaded files as the attachments', () => {
    const shaped = shapeClientActivity({ type: 'message', attachments: [{ contentUrl: 'http://elsewhere/' }] }, ctx, {
      attachments: [{ contentType: 'image/png', contentUrl: 'http://127.0.0.1:3978/dl-attachments/1', name: 'a.png' }],
    });
    expect(shaped.ok && shaped.value.forBot.attachments).toEqual([{ contentType: 'image/png', contentUrl: 'http://127.0.0.1:3978/dl-attachments/1', name: 'a.png' }]);
  });
});

describe('other activities', () => {
  it('tells the bot the buyer joined, in the page locale', () => {
    expect(conversationStarted(ctx, 'en-US')).toMatchObject({
      type: 'conversationUpdate',
      membersAdded: [{ id: 'refund-desk', name: 'Refund Desk' }, { id: 'buyer-1001' }],
      locale: 'en-US',
      serviceUrl: ctx.serviceUrl,
      channelData: { buyerToken: 'platform.jwt.token' },
    });
  });

  it("keeps the bot's message, in this conversation, from the bot, without its service URL", () => {
    const shaped = shapeBotActivity(
      { type: 'message', id: 'x', text: 'hi', serviceUrl: 'http://internal/', replyToId: 'continuation-event', conversation: { id: 'other' }, from: { id: 'refund-desk' } },
      { conversationId: 'conv-1', bot: ctx.bot, now: ctx.now },
    );
    expect(shaped).toEqual({
      type: 'message',
      text: 'hi',
      channelId: 'directline',
      conversation: { id: 'conv-1' },
      from: { id: 'refund-desk', name: 'Refund Desk', role: 'bot' },
      timestamp: '2026-03-01T12:00:00.000Z',
    });
  });

  it('keeps only small inline image thumbnails', () => {
    expect(safeThumbnail('data:image/png;base64,iVBORw0KGgo=')).toBe('data:image/png;base64,iVBORw0KGgo=');
    expect(safeThumbnail('https://tracker.example/pixel.png')).toBeUndefined();
    expect(safeThumbnail('data:image/svg+xml;base64,PHN2Zz4=')).toBeUndefined();
    expect(safeThumbnail(`data:image/png;base64,${'A'.repeat(200_000)}`)).toBeUndefined();
  });
});
