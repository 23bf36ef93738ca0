import { OutboxSubscription } from '../proactive/outbox-subscription';
import { MessageFactory } from 'botbuilder';
import type { ProcessAlert } from '../../services/analytics';
import { MemoryAlertState, MemoryPaymentFailureLog, ProcessAlerts, RedisAlertState, RedisPaymentFailureLog, readOnlyCases } from '../../services/analytics';
import { attachment } from '../cards/adaptive';
import { processAlertCard, shopsOf } from '../operators/alert-card';
import type { Desk, StaffContext } from './staff-context';

// Alerts about the refund process as a whole, posted to the CS channel (issue 5): a shop far above the median,
// payment failures piling up, and a daily digest of overdue cases by shop. Checked every
// PROCESS_ALERT_INTERVAL_MS; each condition is posted once and again only after it has cleared.

export const PROCESS_ALERTS_GROUP = 'operators-alerts';

export interface OperatorsDesk extends Desk {
  alerts: ProcessAlerts;
  /** One check now (the timer runs the same). */
  checkNow(): Promise<void>;
}

export function wireOperatorsDesk(ctx: StaffContext): OperatorsDesk {
  const { config, log } = ctx;
  const alerts = new ProcessAlerts({
    cases: readOnlyCases(ctx.core.service),
    policy: ctx.core.service.policy,
    clock: ctx.clock,
    failures: ctx.redis ? new RedisPaymentFailureLog({ client: ctx.redis, prefix: ctx.prefix }) : new MemoryPaymentFailureLog(),
    state: ctx.redis ? new RedisAlertState({ client: ctx.redis, prefix: ctx.prefix }) : new MemoryAlertState(),
    options: {
      refundRateFactor: config.REFUND_RATE_ALERT_FACTOR,
      paymentFailureThreshold: config.PAYMENT_FAILURE_ALERT_COUNT,
      digestHour: config.DIGEST_HOUR,
    },
    post: (alert) => post(alert),
    onPostError: (err, alert) => log.error({ err: String(err), alert: alert.key }, 'process alert could not be posted; retried at the next check'),
  });
  let warnedNoChannel = false;

  async function post(alert: ProcessAlert): Promise<boolean> {
    const channelId = config.CS_CHANNEL_ID;
    const reference = channelId ? await ctx.references.channel(channelId) : null;
    if (!reference) {
      // Known once the bot has seen the channel (install or a message there); until then alerts wait.
      if (!warnedNoChannel) log.warn({ alert: alert.key, channelId: channelId ?? null }, 'process alert waiting: the CS channel is not known yet');
      warnedNoChannel = true;
      return false;
    }
    warnedNoChannel = false;
    const shops = new Map<string, { zh: string; en: string }>();
    for (const id of shopsOf(alert)) {
      const shop = await ctx.orders.getShop(id);
      if (shop) shops.set(id, { zh: shop.name, en: shop.nameEn ?? shop.name });
    }
    const cardBody = processAlertCard(alert, { timeZone: ctx.core.service.policy.timeZone, shops, publicBaseUrl: config.PUBLIC_BASE_URL ?? null });
    let sent = false;
    await ctx.adapter.continueConversationAsync(ctx.appId, reference, async (tc) => {
      // A failed send throws in here: caught here, or the adapter's turn error handler would swallow it.
      try {
        await tc.sendActivity(MessageFactory.attachment(attachment(cardBody)));
        sent = true;
      } catch (err) {
        log.warn({ err: String(err), alert: alert.key }, 'process alert post failed; retried at the next check');
      }
    });
    if (sent) log.info({ alert: alert.key, kind: alert.kind }, 'process alert posted');
    return sent;
  }

  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  const subscription = new OutboxSubscription(ctx.events, PROCESS_ALERTS_GROUP, (event) => alerts.onEvent(event));

  const checkNow = async (): Promise<void> => {
    if (running) return running;
    running = (async () => {
      try {
        const report = await alerts.check();
        if (report.posted.length || report.rearmed.length) log.info(report, 'process alerts checked');
      } catch (err) {
        log.error({ err: String(err) }, 'process alert check failed; it runs again at the next interval');
      } finally {
        running = null;
      }
    })();
    return running;
  };

  return {
    alerts,
    checkNow,
    async start() {
      await subscription.start();
      timer = setInterval(() => void checkNow(), config.PROCESS_ALERT_INTERVAL_MS);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
      await subscription.stop();
    },
  };
}
