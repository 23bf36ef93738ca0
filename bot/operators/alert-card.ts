import type { CaseStatus } from '../../services/refunds';
import type { ProcessAlert } from '../../services/analytics';
import type { AdaptiveCard, CardAction, Element } from '../cards/adaptive';
import { card, container, heading, text } from '../cards/adaptive';
import type { Lang, MessageKey } from '../i18n';
import { formatDateTime, t } from '../i18n';

// A process alert as an Adaptive Card for the CS channel. A channel post has no single reader's language, so the
// card says everything in Chinese, then in English.

export interface AlertCardContext {
  timeZone: string;
  /** Shop names by id (both languages), as the order catalogue knows them. */
  shops: ReadonlyMap<string, { zh: string; en: string }>;
  /** The server's public address, for a link to the dashboard; null: no link. */
  publicBaseUrl: string | null;
}

const LANGS: readonly Lang[] = ['zh-CN', 'en-US'];

function shopName(id: string, lang: Lang, ctx: AlertCardContext): string {
  const names = ctx.shops.get(id);
  if (!names) return id;
  return `${lang === 'zh-CN' ? names.zh : names.en} (${id})`;
}

function section(alert: ProcessAlert, lang: Lang, ctx: AlertCardContext): Element[] {
  const tr = (key: MessageKey, params: Record<string, string | number> = {}): string => t(lang, key, params);
  switch (alert.kind) {
    case 'refund_rate':
      return [
        heading(tr('operators.alert.refundRate.title', { shop: shopName(alert.shopId, lang, ctx) })),
        text(
          tr('operators.alert.refundRate.body', {
            days: alert.windowDays,
            cases: alert.cases,
            median: alert.median,
            ratio: (alert.cases / alert.median).toFixed(1),
            factor: alert.factor,
          }),
        ),
        text(tr('operators.alert.once'), { isSubtle: true, size: 'Small' }),
      ];
    case 'payment_failures':
      return [
        heading(tr('operators.alert.paymentFailures.title')),
        text(
          tr('operators.alert.paymentFailures.body', {
            hours: alert.windowHours,
            total: alert.declined + alert.transient,
            declined: alert.declined,
            transient: alert.transient,
            threshold: alert.threshold,
          }),
        ),
        text(tr('operators.alert.once'), { isSubtle: true, size: 'Small' }),
      ];
    case 'overdue_digest': {
      const separator = lang === 'zh-CN' ? '、' : ', ';
      const states = (byState: Partial<Record<CaseStatus, number>>): string =>
        Object.entries(byState)
          .map(([state, n]) => `${tr(`operators.state.${state}` as MessageKey)} ${n}`)
          .join(separator);
      return [
        heading(tr('operators.alert.digest.title', { date: alert.date })),
        text(tr('operators.alert.digest.body', { total: alert.total, shops: alert.shops.length })),
        ...alert.shops.slice(0, 20).map((s) =>
          text(
            `- ${tr('operators.alert.digest.shopLine', {
              shop: shopName(s.shopId, lang, ctx),
              cases: s.cases,
              states: states(s.byState),
              since: formatDateTime(s.oldestDueAt, lang, ctx.timeZone),
            })}`,
          ),
        ),
        text(tr('operators.alert.daily'), { isSubtle: true, size: 'Small' }),
      ];
    }
    default: {
      const never: never = alert;
      throw new Error(`unknown process alert ${JSON.stringify(never)}`);
    }
  }
}

export function processAlertCard(alert: ProcessAlert, ctx: AlertCardContext): AdaptiveCard {
  const body = LANGS.map((lang, i) => container(section(alert, lang, ctx), i > 0 ? { separator: true, spacing: 'Medium' } : {}));
  const actions: CardAction[] = ctx.publicBaseUrl
    ? [{ type: 'Action.OpenUrl', title: `${t('zh-CN', 'operators.alert.openDashboard')} / ${t('en-US', 'operators.alert.openDashboard')}`, url: `${ctx.publicBaseUrl.replace(/\/$/, '')}/dashboard` }]
    : [];
  return card(body, actions);
}

/** The shops an alert names (to look their names up before drawing the card). */
export function shopsOf(alert: ProcessAlert): string[] {
  switch (alert.kind) {
    case 'refund_rate':
      return [alert.shopId];
    case 'payment_failures':
      return [];
    case 'overdue_digest':
      return alert.shops.map((s) => s.shopId);
    default: {
      const never: never = alert;
      throw new Error(`unknown process alert ${JSON.stringify(never)}`);
    }
  }
}
