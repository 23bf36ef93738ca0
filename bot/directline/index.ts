import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Server } from 'restify';
import type { EvidenceLimits } from '../../services/evidence';
import { MB, largestByteLimit } from '../../services/evidence';
import type { RedisClient } from '../../services/store';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { mountStaticRoutes } from '../http/static-route';
import type { ActivityBus } from './activity-bus';
import { MemoryActivityBus, RedisActivityBus } from './activity-bus';
import { BotTurns } from './bot-turns';
import type { TurnEntrance } from './bot-turns';
import { proveBuyer } from './buyer-proof';
import { mountConnectorRoutes } from './connector-routes';
import type { ConversationLog } from './conversation-log';
import { DirectLineService } from './direct-line-service';
import { UPLOAD_PATH, mountDirectLineRoutes } from './directline-routes';
import { MemoryConversationLog } from './memory-conversation-log';
import { RedisConversationLog } from './redis-conversation-log';
import { StreamServer, guardSocket } from './stream';
import { connectorKey, resolveTokenSecret } from './token-secret';
import { DirectLineTokens } from './tokens';
import { UploadStore } from './upload-store';
import type { DevBuyer } from './widget-routes';
import { mountWidgetRoutes } from './widget-routes';

// The buyer's chat widget, served by the bot's own server: the page (/), its token endpoint, a Direct Line 3.0
// compatible endpoint backed by this bot (so no Azure is needed), and the connector endpoint the bot replies to.

export { DirectLineService } from './direct-line-service';
export { DirectLineTokens } from './tokens';
export { lockEntrance } from './bot-turns';
export type { TurnEntrance } from './bot-turns';
export type { DevBuyer } from './widget-routes';

export interface DirectLineMountOptions {
  config: Config;
  log: Logger;
  adapter: CloudAdapter;
  /** The bot's turn (the same as /api/messages runs). */
  logic: (context: TurnContext) => Promise<void>;
  /** One turn at a time per conversation, as /api/messages (see lockEntrance for a bare lock). */
  gate: TurnEntrance;
  redis: RedisClient | null;
  /** This server's base URL (PUBLIC_BASE_URL, else where it listens): known once it listens. */
  baseUrl: () => string;
  evidenceLimits: EvidenceLimits;
  devBuyers?: DevBuyer[];
  now?: () => Date;
  fetch?: typeof fetch;
}

export interface DirectLineHandle {
  service: DirectLineService;
  /** Closes the open streams and stops the upload sweeper; call before the HTTP server closes. */
  close(): Promise<void>;
}

const BOT_ACCOUNT_NAME = 'Refund Desk';

export async function mountDirectLine(server: Server, options: DirectLineMountOptions): Promise<DirectLineHandle> {
  const { config, log, redis } = options;
  const now = options.now ?? (() => new Date());
  const days = config.WIDGET_HISTORY_DAYS * 24 * 3_600_000;

  const { secret, source } = await resolveTokenSecret({ ...(config.WIDGET_TOKEN_SECRET ? { configured: config.WIDGET_TOKEN_SECRET } : {}), redis, prefix: config.REDIS_PREFIX });
  if (source === 'process') log.info('widget tokens are signed with a per-process key: open chat pages reconnect with a new token after a restart');

  const conversations: ConversationLog = redis
    ? new RedisConversationLog({ client: redis, prefix: config.REDIS_PREFIX, ttlMs: days })
    : new MemoryConversationLog({ ttlMs: days });
  const bus: ActivityBus = redis
    ? await RedisActivityBus.start({ client: redis, prefix: config.REDIS_PREFIX, onError: (err) => log.warn({ err: err.message }, 'widget stream notifications: redis trouble') })
    : new MemoryActivityBus();
  const uploads = new UploadStore({ dir: config.WIDGET_UPLOAD_DIR, ttlMs: days });

  const turns = new BotTurns({
    adapter: options.adapter,
    logic: options.logic,
    gate: options.gate,
    credentials: {
      ...(config.MicrosoftAppType ? { appType: config.MicrosoftAppType } : {}),
      ...(config.MicrosoftAppId ? { appId: config.MicrosoftAppId } : {}),
      ...(config.MicrosoftAppPassword ? { appPassword: config.MicrosoftAppPassword } : {}),
      ...(config.MicrosoftAppTenantId ? { tenantId: config.MicrosoftAppTenantId } : {}),
    },
    log,
    lockWaitMs: config.TURN_LOCK_WAIT_MS,
  });
  const key = connectorKey(secret);
  const service = new DirectLineService({
    log: conversations,
    bus,
    tokens: new DirectLineTokens(secret),
    turns,
    baseUrl: () => options.baseUrl().replace(/\/+$/, ''),
    connectorKey: key,
    bot: { id: config.MicrosoftAppId || 'refund-desk', name: BOT_ACCOUNT_NAME },
    logger: log,
    now,
  });
  const prove = (input: { buyerToken?: unknown; buyerId?: unknown }) => proveBuyer(input, config.BUYER_TOKEN_SECRET, now());
  const largest = largestByteLimit(options.evidenceLimits);

  // Uploads are read as a stream by their route (to disk, capped): restify's body parser must leave them alone.
  server.pre((req, _res, next) => {
    if (req.method === 'POST' && UPLOAD_PATH.test(req.getPath())) (req as unknown as { _parsedBody: boolean })._parsedBody = true;
    return next();
  });
  mountStaticRoutes(server, { log });
  mountWidgetRoutes(server, {
    service,
    prove,
    signed: Boolean(config.BUYER_TOKEN_SECRET),
    azure: config.DIRECT_LINE_SECRET ? { secret: config.DIRECT_LINE_SECRET, domain: config.DIRECT_LINE_DOMAIN, ...(options.fetch ? { fetch: options.fetch } : {}) } : null,
    evidenceLimits: options.evidenceLimits,
    devBuyers: options.devBuyers ?? [],
    ...(config.PUBLIC_BASE_URL ? { publicBaseUrl: config.PUBLIC_BASE_URL } : {}),
    log,
  });
  mountDirectLineRoutes(server, {
    service,
    uploads,
    log,
    prove,
    ...(config.PUBLIC_BASE_URL ? { publicBaseUrl: config.PUBLIC_BASE_URL } : {}),
    uploadLimits: {
      maxPartBytes: largest,
      // A message's photos all travel in one upload.
      maxBytes: Math.max(largest, options.evidenceLimits.filesPerCase * options.evidenceLimits.imageBytes) + MB,
      maxParts: 21,
    },
  });
  mountConnectorRoutes(server, { service, key, log });

  const streams = new StreamServer({ service, bus, log });
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    if (streams.handleUpgrade(req, socket, head)) return;
    // Nobody else takes upgrades on this server: say so rather than leave the socket hanging. (restify forwards
    // every upgrade to its own 'upgrade' event through one listener of its own on the HTTP server.)
    const othersListening = server.listenerCount('upgrade') > 0 || server.server.listenerCount('upgrade') > 2;
    if (!othersListening) {
      guardSocket(socket);
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    }
  };
  server.server.on('upgrade', onUpgrade);

  const sweep = (): void => {
    uploads.sweep().catch((err: unknown) => log.warn({ err: String(err) }, 'expired uploads could not be removed'));
  };
  sweep();
  const sweeper = setInterval(sweep, 3_600_000);
  sweeper.unref();

  return {
    service,
    async close() {
      clearInterval(sweeper);
      server.server.off('upgrade', onUpgrade);
      await streams.close();
      await bus.close();
    },
  };
}
