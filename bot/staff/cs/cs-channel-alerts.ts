import { MessageFactory } from 'botbuilder';
import { langOfLocale } from '../../i18n';
import type { Logger } from '../../logger';
import { attachment } from '../../cards/adaptive';
import type { CardContext } from '../../cards/buyer/case-words';
import type { CsCaseView } from '../../cards/staff/cs-case-card';
import { csCaseCard } from '../../cards/staff/cs-case-card';
import type { CsBanner } from '../../cards/staff/cs-words';
import type { DeliveryMarks } from '../../proactive';
import type { CsAlerts } from '../cs-alerts';
import type { StaffReferences } from '../staff-references';
import type { CsCaseViews } from './cs-case-view';
import type { CsChannelPoster } from './cs-channel-poster';
import type { CsDirectory } from './cs-roster';
import { cardContext } from './cs-turn';

// Posts a case card headed by an alert into the CS channel, once per alert: a mark per alert id is written after
// a successful post, so an alert delivered twice is posted once. Without a known channel (the bot has not yet
// seen the CS channel) the alert is logged, not lost: the channel's "open" command lists every case CS owes work.

export type AlertPostOutcome =
  | { kind: 'sent' }
  | { kind: 'skipped'; why: 'already_sent' | 'case_gone' | 'moved_on' | 'no_channel' }
  | { kind: 'unreachable'; status: number; code?: string };

export interface CsChannelAlertsOptions {
  csChannelId: string | undefined;
  references: StaffReferences;
  views: CsCaseViews;
  directory: CsDirectory;
  poster: CsChannelPoster;
  marks: DeliveryMarks;
  timeZone: string;
  log: Logger;
}

export class CsChannelAlerts implements CsAlerts {
  constructor(private readonly o: CsChannelAlertsOptions) {}

  /**
   * Posts the case's card with the banner. Throws when the post failed in a way that may pass, so the caller can
   * try again later; `onlyIf` skips a case that has moved on since the alert was raised.
   */
  async postCase(alertId: string, caseId: string, banner: (ctx: CardContext, view: CsCaseView) => CsBanner, onlyIf?: (view: CsCaseView) => boolean): Promise<AlertPostOutcome> {
    if (await this.o.marks.has(alertId)) return { kind: 'skipped', why: 'already_sent' };
    const view = await this.o.views.load(caseId);
    if (!view) {
      this.o.log.warn({ caseId, alertId }, 'case of a CS alert is gone; not posted');
      return { kind: 'skipped', why: 'case_gone' };
    }
    if (onlyIf && !onlyIf(view)) return { kind: 'skipped', why: 'moved_on' };
    const reference = this.o.csChannelId ? await this.o.references.channel(this.o.csChannelId) : null;
    if (!reference) {
      this.o.log.warn(
        { caseId, alertId, csChannelId: this.o.csChannelId ?? null },
        'no CS channel known yet (CS_CHANNEL_ID unset, or the bot has not been installed or addressed there): alert not posted; it shows in the channel\'s "open" list',
      );
      return { kind: 'skipped', why: 'no_channel' };
    }
    const lang = langOfLocale(reference.locale) ?? 'zh-CN';
    const ctx = cardContext(lang, this.o.timeZone);
    const card = csCaseCard(view, { ctx, banner: banner(ctx, view), refreshUserIds: await this.o.directory.refreshUserIds() });
    const activity = MessageFactory.attachment(attachment(card));
    activity.locale = lang;
    const posted = await this.o.poster.post(reference, activity);
    if (!posted.ok) {
      if (posted.permanent && posted.status !== null) {
        this.o.log.warn({ caseId, alertId, status: posted.status, ...(posted.code ? { code: posted.code } : {}) }, 'CS channel unreachable (bot removed from the team?); alert dropped');
        return { kind: 'unreachable', status: posted.status, ...(posted.code ? { code: posted.code } : {}) };
      }
      throw posted.error;
    }
    if (!(await this.o.marks.mark(alertId))) this.o.log.warn({ caseId, alertId }, 'CS alert was posted by two deliveries at once');
    this.o.log.info({ caseId, alertId }, 'CS alert posted');
    return { kind: 'sent' };
  }

  async merchantUnreachable(shopId: string, userId: string, caseId: string): Promise<void> {
    try {
      const merchant = (await this.o.references.user(userId))?.user?.name ?? userId;
      await this.postCase(`merchant_unreachable:${caseId}:${userId}`, caseId, (ctx, view) => ({
        tone: 'attention',
        text: ctx.t('cs.alert.merchant_unreachable', { merchant, shop: (ctx.lang === 'en-US' ? view.shopName?.en : view.shopName?.zh) ?? shopId }),
      }));
    } catch (err) {
      this.o.log.error({ caseId, shopId, err: err instanceof Error ? err.message : String(err) }, 'could not alert CS about an unreachable merchant');
    }
  }
}
