import { ConversationState } from 'botbuilder';
import type { Storage } from 'botbuilder';
import type { Config } from './config';
import type { Logger } from './logger';
import type { Infrastructure, InfrastructureOverrides } from './infrastructure';
import { buildInfrastructure } from './infrastructure';
import { createServer, listen } from './server';
import { createAdapter } from './adapter';
import { RefundBot } from './refund-bot';
import { BuyerIdentity } from './identity';
import { InMemoryStorage, RedisStorage } from './storage';
import { InMemoryTurnLock, RedisTurnLock } from './turn-lock';
import type { TurnLock } from './turn-lock';
import { MemoryReplyCache } from './http/reply-cache';
import { MemoryTurnGate, RedisTurnGate } from './http/turn-gate';
import type { TurnGate } from './http/turn-gate';
import { messagesRoute } from './http/messages-route';
import { SweeperLoop } from '../services/scheduler';
import { EvidenceService } from '../services/evidence';
import { createRecognizer } from '../services/nlu';
import type { Recognizer } from '../services/nlu';
import { MemoryHandoffQueue, RedisHandoffQueue, conversationOwned } from '../services/handoff';
import type { HandoffQueue } from '../services/handoff';
import { MainDialog } from '../dialogs/main-dialog';
import { BuyerNotifier, MemoryConversationReferences, MemoryDeliveryMarks, RedisConversationReferences, RedisDeliveryMarks, ReferenceRecorder } from './proactive';
import type { ConversationReferenceStore } from './proactive';
import { StaffRouter } from './staff/staff-router';
import { MemoryStaffReferences, RedisStaffReferences } from './staff/staff-references';
import { buildStaffSide } from './staff/staff-side';
import { evidenceRoute } from './http/evidence-route';
import { mountOperators } from './operators/mount';
import { signEvidenceUrl } from '../services/evidence';
import { randomBytes } from 'node:crypto';
import { mountDirectLine } from './directline';

// Wires config -> adapters -> services -> dialogs -> server, and runs the timers. Tests start the whole app here.

export interface App {
  url: string;
  infra: Infrastructure;
  bot: RefundBot;
  /** Proactive messages to buyers, from the outbox. */
  notifier: BuyerNotifier;
  /** Where each buyer (and each case's filing) can be reached. */
  references: ConversationReferenceStore;
  stop(): Promise<void>;
}

export interface AppOverrides extends InfrastructureOverrides {
  recognizer?: Recognizer;
}

export async function startApp(config: Config, log: Logger, overrides: AppOverrides = {}): Promise<App> {
  const infra = await buildInfrastructure(config, log, overrides);
  const sweeper = new SweeperLoop({
    timers: infra.core.timers,
    payments: infra.core.payments,
    sweepIntervalMs: config.SWEEP_INTERVAL_MS,
    returnPollIntervalMs: config.RETURN_POLL_INTERVAL_MS,
    onSweep: (r) => log.info({ examined: r.examined, fired: r.fired, lostRaces: r.lostRaces }, 'deadline sweep'),
    onError: (err, what) => log.error({ err: String(err), what }, 'timer run failed; it runs again at the next interval'),
  });
  await sweeper.start();
  const stopEvents = await infra.events.subscribe('audit-log', `${process.pid}`, async (event) => {
    log.info({ caseId: event.caseId, version: event.version, type: event.type, from: event.from, to: event.to, actor: event.actor.role }, 'case event');
  });

  let storage: Storage;
  let gate: TurnGate;
  let lock: TurnLock;
  if (infra.redis) {
    const redisStorage = new RedisStorage({ client: infra.redis, prefix: `${config.REDIS_PREFIX}bot:` });
    lock = new RedisTurnLock({ client: infra.redis, prefix: `${config.REDIS_PREFIX}bot:`, ttlMs: config.TURN_LOCK_TTL_MS });
    storage = redisStorage;
    // A buyer turn reads whether a person owns the conversation (and its transcript) with its lock.
    gate = new RedisTurnGate({ lock, storage: redisStorage, prefix: config.REDIS_PREFIX, alsoRead: (conversationId) => handoff.turnState(conversationId)?.keys ?? [] });
  } else {
    storage = new InMemoryStorage();
    lock = new InMemoryTurnLock({ ttlMs: config.TURN_LOCK_TTL_MS });
    gate = new MemoryTurnGate({ lock, replies: new MemoryReplyCache() });
  }

  const conversationState = new ConversationState(storage);
  const recognizer =
    overrides.recognizer ??
    createRecognizer({
      ...(config.OPENAI_API_KEY ? { apiKey: config.OPENAI_API_KEY } : {}),
      ...(config.OPENAI_BASE_URL ? { baseUrl: config.OPENAI_BASE_URL } : {}),
      model: config.OPENAI_MODEL,
    });
  const evidence = new EvidenceService({ dir: config.EVIDENCE_DIR, allowedHosts: config.EVIDENCE_ALLOWED_HOSTS });
  const handoff: HandoffQueue = infra.redis ? new RedisHandoffQueue({ client: infra.redis, prefix: config.REDIS_PREFIX }) : new MemoryHandoffQueue();
  const main = new MainDialog({ refunds: infra.core.service, evidence, recognizer, handoff, timeZone: config.TIME_ZONE, clock: infra.clock });
  const references: ConversationReferenceStore = infra.redis
    ? new RedisConversationReferences({ client: infra.redis, prefix: `${config.REDIS_PREFIX}bot:` })
    : new MemoryConversationReferences();
  const recorder = new ReferenceRecorder({ store: references });
  const adapter = createAdapter(
    {
      ...(config.MicrosoftAppType ? { appType: config.MicrosoftAppType } : {}),
      ...(config.MicrosoftAppId ? { appId: config.MicrosoftAppId } : {}),
      ...(config.MicrosoftAppPassword ? { appPassword: config.MicrosoftAppPassword } : {}),
      ...(config.MicrosoftAppTenantId ? { tenantId: config.MicrosoftAppTenantId } : {}),
    },
    log,
    (context) => bot.reset(context),
  );

  // Evidence reaches staff only through signed, expiring links served here.
  if (!config.EVIDENCE_URL_SECRET) log.warn('EVIDENCE_URL_SECRET is not set: evidence links are signed with a per-process key and stop working after a restart');
  const evidenceSecret = config.EVIDENCE_URL_SECRET ?? randomBytes(32).toString('hex');
  let publicBaseUrl = config.PUBLIC_BASE_URL ?? '';
  const router = new StaffRouter();
  const staff = buildStaffSide({
    config,
    log,
    adapter,
    appId: config.MicrosoftAppId ?? '',
    core: infra.core,
    events: infra.events,
    orders: infra.orders,
    clock: infra.clock,
    redis: infra.redis,
    prefix: config.REDIS_PREFIX,
    evidence,
    evidenceUrl: (sha256) =>
      signEvidenceUrl(`${publicBaseUrl}/evidence`, sha256, new Date(infra.clock.now().getTime() + config.EVIDENCE_URL_TTL_MINUTES * 60_000), evidenceSecret),
    references: infra.redis ? new RedisStaffReferences({ client: infra.redis, prefix: `${config.REDIS_PREFIX}bot:` }) : new MemoryStaffReferences(),
    buyerReferences: references,
    handoff,
    recognizer,
    router,
  });

  const bot = new RefundBot({
    staff: router,
    relayBuyerMessage: (context, buyer) => staff.relayBuyerMessage(context, buyer),
    onBuyerActivity: async (context, buyer) => {
      // Where to reach the buyer later; a failure here must not cost the buyer their turn.
      await recorder.record(buyer.id, context.activity).catch((err: unknown) => log.warn({ err: String(err) }, 'could not save the conversation reference'));
    },
    conversationState,
    identity: new BuyerIdentity({ ...(config.BUYER_TOKEN_SECRET ? { secret: config.BUYER_TOKEN_SECRET } : {}) }),
    recognizer,
    main,
    log,
  });
  const server = createServer(infra, log);
  server.post('/api/messages', messagesRoute({ adapter, logic: (context) => bot.run(context), gate, log, lockWaitMs: config.TURN_LOCK_WAIT_MS }));
  server.get('/evidence/:sha256', evidenceRoute({ evidence, secret: evidenceSecret, now: () => infra.clock.now(), log }));
  // The buyer's chat widget at /, with its Direct Line endpoint: the bot's replies come back to this server.
  const directLine = await mountDirectLine(server, { config, log, adapter, logic: (context) => bot.run(context), gate, redis: infra.redis, baseUrl: () => publicBaseUrl, evidenceLimits: evidence.limits, devBuyers: infra.demo?.buyers ?? [] });
  mountOperators(server, {
    config,
    log,
    core: infra.core,
    orders: infra.orders,
    handoff,
    clock: infra.clock,
    evidenceUrl: (sha256) =>
      signEvidenceUrl(`${publicBaseUrl}/evidence`, sha256, new Date(infra.clock.now().getTime() + config.EVIDENCE_URL_TTL_MINUTES * 60_000), evidenceSecret),
  });
  const url = await listen(server, config.PORT, config.HOST);
  publicBaseUrl ||= url;
  const notifier = new BuyerNotifier({
    events: infra.events,
    adapter,
    appId: config.MicrosoftAppId ?? '',
    references,
    marks: infra.redis ? new RedisDeliveryMarks({ client: infra.redis, prefix: `${config.REDIS_PREFIX}bot:notify:` }) : new MemoryDeliveryMarks(),
    refunds: infra.core.service,
    buyers: infra.orders,
    timeZone: config.TIME_ZONE,
    isOwned: (conversationId) => conversationOwned(handoff, conversationId),
    log,
  });
  await notifier.start();
  await staff.start();
  return {
    url,
    infra,
    bot,
    notifier,
    references,
    async stop() {
      await sweeper.stop();
      await staff.stop();
      await notifier.stop();
      await stopEvents();
      await directLine.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await infra.close();
    },
  };
}
