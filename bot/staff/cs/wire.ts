import { MemoryDeliveryMarks, RedisDeliveryMarks } from '../../proactive';
import type { CsAlerts } from '../cs-alerts';
import type { Desk, StaffContext } from '../staff-context';
import { CsAlertConsumer } from './cs-alert-consumer';
import { MemoryCsAgents, RedisCsAgents } from './cs-agents';
import { CsCardActions } from './cs-card-actions';
import { CsCaseViews } from './cs-case-view';
import { CsChannelAlerts } from './cs-channel-alerts';
import { CsChannelPoster } from './cs-channel-poster';
import { CsDecisions } from './cs-decisions';
import { CsInstall } from './cs-install';
import { CsMessages } from './cs-messages';
import { CsDirectory } from './cs-roster';

/** The CS desk, and the alerts other desks raise to it. */
export interface CsDesk extends Desk {
  alerts: CsAlerts;
}

/** Registers the cs desk's message handlers, card actions and consumers. */
export function wireCsDesk(ctx: StaffContext): CsDesk {
  const csChannelId = ctx.config.CS_CHANNEL_ID;
  const timeZone = ctx.config.TIME_ZONE;
  const refunds = ctx.core.service;
  const agents = ctx.redis ? new RedisCsAgents({ client: ctx.redis, prefix: `${ctx.prefix}bot:` }) : new MemoryCsAgents();
  const directory = new CsDirectory({ agents, configured: ctx.config.CS_AGENT_IDS, csChannelId, clock: ctx.clock, log: ctx.log });
  const views = new CsCaseViews({ refunds, orders: ctx.orders, evidenceUrl: (sha256) => ctx.evidenceUrl(sha256), nameOf: (id) => directory.nameOf(id) });
  const decisions = new CsDecisions({ refunds, views, directory });
  const alerts = new CsChannelAlerts({
    csChannelId,
    references: ctx.references,
    views,
    directory,
    poster: new CsChannelPoster({ adapter: ctx.adapter, appId: ctx.appId }),
    marks: ctx.redis ? new RedisDeliveryMarks({ client: ctx.redis, prefix: `${ctx.prefix}bot:cs-alerts:` }) : new MemoryDeliveryMarks(),
    timeZone,
    log: ctx.log,
  });
  const consumer = new CsAlertConsumer({ events: ctx.events, alerts, policy: refunds.policy });

  if (!csChannelId) ctx.log.warn('CS_CHANNEL_ID is not set: CS alerts are not posted anywhere (they show in the "open" list once a channel is set)');
  ctx.router
    .addMessageHandler(
      new CsMessages({ csChannelId, refunds, views, decisions, directory, references: ctx.references, evidence: ctx.evidence, timeZone, log: ctx.log }),
    )
    .addCardActions('cs', new CsCardActions({ decisions, views, directory, csChannelId, timeZone, log: ctx.log }).handle)
    .addInstallHandler(new CsInstall({ csChannelId, references: ctx.references, directory, log: ctx.log }));

  return {
    alerts,
    start: () => consumer.start(),
    stop: () => consumer.stop(),
  };
}
