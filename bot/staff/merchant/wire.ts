import { MemoryMerchantDirectory, RedisMerchantDirectory } from '../../../services/merchants';
import type { MerchantDirectory } from '../../../services/merchants';
import { MemoryDeliveryMarks, RedisDeliveryMarks } from '../../proactive';
import { LoggedCsAlerts } from '../cs-alerts';
import type { Desk, StaffContext } from '../staff-context';
import { CaseViews } from './case-views';
import { merchantCardActions } from './card-actions';
import { MerchantChat } from './merchant-chat';
import { MerchantNotifier } from './merchant-notifier';
import { MerchantPresence } from './merchant-presence';

/** Registers the merchant desk's message handlers, card actions and consumers. */
export function wireMerchantDesk(ctx: StaffContext): Desk {
  // Demo link codes (LINK-201, LINK-202) work any number of times only in development, without a signing secret.
  const demoCodes = !ctx.config.BUYER_TOKEN_SECRET;
  const directory: MerchantDirectory = ctx.redis
    ? new RedisMerchantDirectory({ client: ctx.redis, prefix: ctx.prefix, demoCodes })
    : new MemoryMerchantDirectory({ demoCodes });
  const timeZone = ctx.config.TIME_ZONE;
  const presence = new MerchantPresence({ references: ctx.references, directory, log: ctx.log });
  const views = new CaseViews({ orders: ctx.orders, policy: ctx.core.service.policy, directory, references: ctx.references, evidenceUrl: (sha) => ctx.evidenceUrl(sha) });
  const chat = new MerchantChat({ directory, service: ctx.core.service, orders: ctx.orders, views, presence, clock: ctx.clock, timeZone, log: ctx.log });
  const fallbackAlerts = new LoggedCsAlerts(ctx.log);
  const notifier = new MerchantNotifier({
    events: ctx.events,
    adapter: ctx.adapter,
    appId: ctx.appId,
    directory,
    references: ctx.references,
    marks: ctx.redis ? new RedisDeliveryMarks({ client: ctx.redis, prefix: `${ctx.prefix}bot:merchant-notify:` }) : new MemoryDeliveryMarks(),
    service: ctx.core.service,
    views,
    alerts: () => ctx.csAlerts ?? fallbackAlerts,
    clock: ctx.clock,
    timeZone,
    log: ctx.log,
  });

  ctx.router
    .addMessageHandler(chat)
    .addInstallHandler(chat)
    .addCardActions('merchant', merchantCardActions({ service: ctx.core.service, directory, views, presence, timeZone, log: ctx.log }));

  return {
    start: () => notifier.start(),
    stop: () => notifier.stop(),
  };
}
