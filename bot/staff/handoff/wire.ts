import type { MessageKey } from '../../i18n';
import { t } from '../../i18n';
import { MemoryDeliveryMarks, RedisDeliveryMarks } from '../../proactive';
import { createSummarizer } from '../../../services/handoff';
import type { Desk, StaffContext } from '../staff-context';
import { AgentChat } from './agent-chat';
import { Agents } from './agents';
import { BackgroundTasks } from './background';
import { BuyerTurns } from './buyer-turns';
import { HandoffCardActions } from './card-actions';
import { HandoffChannel } from './channel';
import { HandBack } from './handback';
import { HandoffIntake } from './intake';
import { PacketBuilder } from './packet';
import { ContactCentre } from './protocol';
import { QueueWatch } from './queue-watch';
import { Relay } from './relay';
import { deskSettings } from './settings';
import { HandoffTriggers } from './triggers';

/**
 * The human handoff desk (issue 4): buyers' conversations handed to CS agents in Teams and relayed both ways,
 * or, with HANDOFF_MODE=protocol, handed to a contact centre through the Bot Framework handoff protocol.
 */
export function wireHandoffDesk(ctx: StaffContext): Desk {
  const settings = deskSettings(ctx.config);
  const { log, adapter, appId, clock } = ctx;
  const queue = ctx.handoff;
  const refunds = ctx.core.service;
  const tasks = new BackgroundTasks(log);
  const summarizer = createSummarizer({
    ...(ctx.config.OPENAI_API_KEY ? { apiKey: ctx.config.OPENAI_API_KEY } : {}),
    ...(ctx.config.OPENAI_BASE_URL ? { baseUrl: ctx.config.OPENAI_BASE_URL } : {}),
    model: ctx.config.OPENAI_MODEL,
    words: (key, lang, params) => t(lang, `handoffDesk.${key}` as MessageKey, params),
    onFallback: (reason, err) => log.warn({ reason, err: String(err) }, 'handoff summary by template: the model did not answer usefully'),
  });
  const packets = new PacketBuilder({ refunds, orders: ctx.orders, queue, summarizer, evidenceUrl: ctx.evidenceUrl, log });
  const channel = new HandoffChannel({ adapter, appId, references: ctx.references, queue, packets, settings, clock, log });
  const contactCentre = new ContactCentre({ adapter, appId, queue, refunds, clock, timeZone: settings.timeZone, log });
  const intake = new HandoffIntake({ queue, clock, settings, channel, contactCentre, tasks, log });
  const relay = new Relay({ adapter, appId, queue, orders: ctx.orders, clock, transcriptKeep: settings.transcriptKeep, log });
  const handBack = new HandBack({ queue, relay, channel, refunds, clock, timeZone: settings.timeZone, tasks, log });
  const agents = new Agents({ adapter, appId, references: ctx.references, settings, log });
  const buyerTurns = new BuyerTurns({ queue, intake, relay, channel, contactCentre, clock, settings, tasks, log });
  const agentChat = new AgentChat({ queue, agents, channel, relay, handBack });
  const actions = new HandoffCardActions({ queue, agents, channel, relay, handBack, packets, clock, settings, tasks, log });
  const triggers = new HandoffTriggers({
    events: ctx.events,
    refunds,
    orders: ctx.orders,
    references: ctx.buyerReferences,
    marks: ctx.redis ? new RedisDeliveryMarks({ client: ctx.redis, prefix: `${ctx.prefix}bot:handoff-triggers:` }) : new MemoryDeliveryMarks(),
    intake,
    adapter,
    appId,
    timeZone: settings.timeZone,
    log,
  });
  const watch = new QueueWatch({ queue, channel, relay, clock, settings, log });

  ctx.router.addMessageHandler(agentChat);
  ctx.router.addInstallHandler(agentChat);
  ctx.router.addCardActions('handoff', actions.handle);
  if (settings.mode === 'teams' && !settings.channelId) log.warn('CS_CHANNEL_ID is not set: handoffs are queued, but no CS channel gets their cards');

  return {
    async start() {
      await triggers.start();
      watch.start();
    },
    async stop() {
      await watch.stop();
      await triggers.stop();
      await tasks.drain();
    },
    relayBuyerMessage: (context, buyer) => buyerTurns.onBuyerActivity(context, buyer),
  };
}
