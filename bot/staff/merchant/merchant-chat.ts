import type { Activity, TurnContext } from 'botbuilder';
import { MessageFactory } from 'botbuilder';
import type { MerchantDirectory, RedeemError } from '../../../services/merchants';
import { looksLikeLinkCommand, parseLinkCommand } from '../../../services/merchants';
import type { Clock, OrderCatalogue, RefundCase, RefundService } from '../../../services/refunds';
import type { Logger } from '../../logger';
import type { Translate } from '../../i18n';
import { translator } from '../../i18n';
import { attachment } from '../../cards/adaptive';
import type { CardContext } from '../../cards/buyer/case-words';
import { merchantCaseCard } from '../../cards/staff/merchant-case-card';
import type { StaffInstallHandler, StaffMessageHandler } from '../staff-router';
import type { CaseViews } from './case-views';
import type { MerchantCaller } from './merchant-caller';
import { callerOf, isPersonalChat, merchantActor } from './merchant-caller';
import type { MerchantPresence } from './merchant-presence';
import { caseListLines, needsAction, byUrgency } from './open-cases';

// The merchant's personal chat with the bot: linking the Teams account to a shop with a one-time code, and help
// (what the bot does, and the shop's cases waiting for the merchant, as cards). Someone not linked gets
// instructions, never case data. Messages in channels and group chats are left to the other desks.

export interface MerchantChatDeps {
  directory: Pick<MerchantDirectory, 'redeem' | 'shopOf'>;
  service: Pick<RefundService, 'listCases' | 'getCase' | 'policy'>;
  orders: Pick<OrderCatalogue, 'getShop'>;
  views: Pick<CaseViews, 'of'>;
  presence: MerchantPresence;
  clock: Clock;
  timeZone: string;
  log: Logger;
  /** Cards sent with the help answer at most (the most urgent cases); the rest are listed. Default 5. */
  maxCards?: number;
}

const CASE_ID = /\bRD-\d{6}\b/i;

export class MerchantChat implements StaffMessageHandler, StaffInstallHandler {
  private readonly maxCards: number;

  constructor(private readonly deps: MerchantChatDeps) {
    this.maxCards = deps.maxCards ?? 5;
  }

  async onMessage(context: TurnContext): Promise<boolean> {
    const activity = context.activity;
    if (!isPersonalChat(activity)) return false;
    const caller = callerOf(activity);
    if (!caller) return false;
    await this.deps.presence.seen(activity, caller);
    const t = translator(caller.lang);
    const text = typeof activity.text === 'string' ? activity.text : '';

    const code = parseLinkCommand(text);
    if (code) {
      await this.link(context, caller, code, t);
      return true;
    }
    if (looksLikeLinkCommand(text)) {
      await context.sendActivity(t('merchant.link.how'));
      return true;
    }
    const shopId = await this.deps.directory.shopOf(caller.userId);
    if (!shopId) {
      await context.sendActivity(t('merchant.unbound'));
      return true;
    }
    if (hasFiles(activity)) {
      await context.sendActivity(t('merchant.photos'));
      return true;
    }
    const asked = CASE_ID.exec(text)?.[0]?.toUpperCase();
    if (asked) {
      await this.showCase(context, caller, shopId, asked, t);
      return true;
    }
    await this.help(context, caller, shopId, t);
    return true;
  }

  async onInstall(context: TurnContext): Promise<void> {
    const activity = context.activity;
    if (!isPersonalChat(activity)) return;
    const caller = callerOf(activity);
    if (!caller) return;
    await this.deps.presence.seen(activity, caller);
    // Teams announces an install twice (installationUpdate and membersAdded): the welcome goes with the first.
    if (activity.type !== 'installationUpdate' || (activity.action ?? 'add') !== 'add') return;
    const t = translator(caller.lang);
    const shopId = await this.deps.directory.shopOf(caller.userId);
    if (shopId) await this.help(context, caller, shopId, t);
    else await context.sendActivity(t('merchant.welcome'));
  }

  private async link(context: TurnContext, caller: MerchantCaller, code: string, t: Translate): Promise<void> {
    const redeemed = await this.deps.directory.redeem(code, { userId: caller.userId, ...(caller.name ? { name: caller.name } : {}) }, this.deps.clock.now());
    if (!redeemed.ok) {
      this.deps.log.info({ userId: caller.userId, refused: redeemed.error.kind }, 'merchant link code refused');
      await context.sendActivity(t(redeemErrorKey(redeemed.error)));
      return;
    }
    const { shopId, rebound, previousShopId } = redeemed.value;
    this.deps.log.info({ userId: caller.userId, shopId, rebound }, 'merchant linked');
    const shop = await this.deps.orders.getShop(shopId);
    const shopName = shopNameOf(shop, shopId, caller);
    const first = rebound && previousShopId ? t('merchant.link.rebound', { shop: shopName, previous: previousShopId }) : t('merchant.link.done', { shop: shopName });
    await context.sendActivity(`${first}\n\n${t('merchant.help.what')}`);
    await this.sendOpenCases(context, caller, shopId, t);
  }

  private async help(context: TurnContext, caller: MerchantCaller, shopId: string, t: Translate): Promise<void> {
    const shop = await this.deps.orders.getShop(shopId);
    await context.sendActivity(`${t('merchant.help.intro', { shop: shopNameOf(shop, shopId, caller) })}\n\n${t('merchant.help.what')}`);
    await this.sendOpenCases(context, caller, shopId, t);
  }

  /** The cases waiting for this shop: a short list, then a card for each of the most urgent. */
  private async sendOpenCases(context: TurnContext, caller: MerchantCaller, shopId: string, t: Translate): Promise<void> {
    const all = await this.deps.service.listCases(merchantActor(caller.userId, shopId));
    const open = all.filter(needsAction).sort(byUrgency(this.deps.service.policy));
    if (open.length === 0) {
      await context.sendActivity(t('merchant.help.none'));
      return;
    }
    const ctx = this.cardContext(caller, t);
    const list = caseListLines(open, this.deps.service.policy, ctx);
    const shown = open.slice(0, this.maxCards);
    const head = t('merchant.help.open', { count: open.length });
    const tail = open.length > shown.length ? `\n\n${t('merchant.help.more', { shown: shown.length })}` : '';
    await context.sendActivity(`${head}\n\n${list.map((l) => `- ${l}`).join('\n')}${tail}`);
    for (const c of shown) await this.sendCard(context, c, ctx);
  }

  private async showCase(context: TurnContext, caller: MerchantCaller, shopId: string, caseId: string, t: Translate): Promise<void> {
    const loaded = await this.deps.service.getCase(merchantActor(caller.userId, shopId), caseId);
    if (!loaded.ok) {
      await context.sendActivity(t(loaded.error.kind === 'forbidden' ? 'merchant.case.otherShop' : 'merchant.case.notFound', { caseId }));
      return;
    }
    await this.sendCard(context, loaded.value, this.cardContext(caller, t));
  }

  private async sendCard(context: TurnContext, c: RefundCase, ctx: CardContext): Promise<void> {
    const card = merchantCaseCard(await this.deps.views.of(c), ctx);
    const message = MessageFactory.attachment(attachment(card));
    message.summary = ctx.t('merchant.card.fallback', { caseId: c.id });
    await context.sendActivity(message);
  }

  private cardContext(caller: MerchantCaller, t: Translate): CardContext {
    return { t, lang: caller.lang, timeZone: this.deps.timeZone };
  }
}

function redeemErrorKey(error: RedeemError): 'merchant.link.unknown' | 'merchant.link.expired' | 'merchant.link.used' {
  switch (error.kind) {
    case 'unknown_code':
      return 'merchant.link.unknown';
    case 'expired':
      return 'merchant.link.expired';
    case 'used':
      return 'merchant.link.used';
    default: {
      const never: never = error;
      throw new Error(`unknown redeem error ${JSON.stringify(never)}`);
    }
  }
}

function shopNameOf(shop: { name: string; nameEn?: string | undefined } | null, shopId: string, caller: MerchantCaller): string {
  if (!shop) return shopId;
  return caller.lang === 'en-US' ? (shop.nameEn ?? shop.name) : shop.name;
}

/** Files or pictures sent in the chat (not the card attachments Teams adds to some messages). */
function hasFiles(activity: Partial<Activity>): boolean {
  return (activity.attachments ?? []).some((a) => a.contentType !== 'text/html' && !a.contentType?.startsWith('application/vnd.microsoft.card.'));
}
