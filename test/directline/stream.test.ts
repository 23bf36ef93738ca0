import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MemoryActivityBus } from '../../bot/directline/activity-bus';
import { DirectLineService } from '../../bot/directline/direct-line-service';
import type { TurnRunner } from '../../bot/directline/direct-line-service';
import { MemoryConversationLog } from '../../bot/directline/memory-conversation-log';
import { StreamServer } from '../../bot/directline/stream';
import { DirectLineTokens } from '../../bot/directline/tokens';
import { createLogger } from '../../bot/logger';
import { StreamReader } from './dl-client';

// The stream WebSocket on its own: keep-alives, resuming after a watermark, new activities as they are
// announced, refusals before the upgrade, and a cap on streams per conversation.

/** The bot, as far as the stream is concerned: turns run and change nothing. */
const quietBot: TurnRunner = {
  async run(_activity, beforeTurn) {
    await beforeTurn?.();
    return { ok: true };
  },
};

describe('the stream WebSocket', () => {
  const log = new MemoryConversationLog();
  const bus = new MemoryActivityBus();
  const service = new DirectLineService({
    log,
    bus,
    tokens: new DirectLineTokens('stream-test-secret-0123456789'),
    turns: quietBot,
    baseUrl: () => 'http://127.0.0.1:1',
    connectorKey: 'k',
    bot: { id: 'refund-desk', name: 'Refund Desk' },
    logger: createLogger('silent'),
  });
  let streams: StreamServer;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    streams = new StreamServer({ service, bus, log: createLogger('silent'), keepAliveMs: 50, maxPerConversation: 2 });
    server = createServer((_req, res) => res.end());
    server.on('upgrade', (req, socket, head) => {
      if (!streams.handleUpgrade(req, socket, head)) socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/v3/directline/conversations`;
  });
  afterAll(async () => {
    await streams.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  async function conversation() {
    const issued = await service.openConversation({ buyerId: 'buyer-1001' });
    const record = (await log.get(issued.conversationId))!;
    return { record, streamUrl: (watermark?: number) => `${url}/${record.id}/stream?${watermark !== undefined ? `watermark=${watermark}&` : ''}t=${service.issue(record, 'stream').token}` };
  }

  it('sends the history after the watermark, then each new activity, and empty keep-alive frames', async () => {
    const { record, streamUrl } = await conversation();
    await log.append(record.id, { type: 'message', text: 'one' });
    await log.append(record.id, { type: 'message', text: 'two' });
    const reader = await StreamReader.open(streamUrl(1));
    await reader.waitFor((a) => a.text === 'two');
    expect(reader.activities.map((a) => a.text)).toEqual(['two']);
    expect(reader.frames[0]!.watermark).toBe('2');

    await service.fromBot(record.id, { type: 'message', text: 'three' });
    await reader.waitFor((a) => a.text === 'three');
    expect(reader.frames.at(-1)!.watermark).toBe('3');
    await new Promise((resolve) => setTimeout(resolve, 160));
    expect(reader.keepAlives.length).toBeGreaterThanOrEqual(2);
    await reader.close();
  });

  it('refuses before the upgrade: no token 401, a gone conversation 404', async () => {
    const { record } = await conversation();
    await expect(StreamReader.open(`${url}/${record.id}/stream`)).rejects.toMatchObject({ statusCode: 401 });
    const lost = service.issue({ ...record, id: 'forgotten' }, 'stream').token;
    await expect(StreamReader.open(`${url}/forgotten/stream?t=${lost}`)).rejects.toMatchObject({ statusCode: 404 });
  });

  it('keeps at most the allowed streams per conversation, closing the oldest', async () => {
    const { streamUrl } = await conversation();
    const first = await StreamReader.open(streamUrl());
    const closed = new Promise<number>((resolve) => first.ws.once('close', (code) => resolve(code)));
    const second = await StreamReader.open(streamUrl());
    const third = await StreamReader.open(streamUrl());
    expect(await closed).toBe(1008);
    expect(streams.openCount).toBeGreaterThanOrEqual(2);
    await Promise.all([second.close(), third.close()]);
  });
});
