import { MessageFactory, TeamsActivityHandler } from 'botbuilder';
import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, ConversationState, InvokeResponse, StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { Dialog, DialogState } from 'botbuilder-dialogs';
import { DialogSet, DialogTurnStatus } from 'botbuilder-dialogs';
import type { Recognizer } from '../services/nlu';
import type { Actor } from '../services/refunds';
import type { Logger } from './logger';
import type { BuyerIdentity } from './identity';
import { chooseLanguage, langOfLocale, t } from './i18n';
import type { ConversationProfile } from './turn-info';
import { setTurnInfo } from './turn-info';
import { StaffRouter, isStaffChannel } from './staff/staff-router';

const EMPTY_STAFF = new StaffRouter();

// The activity handler: who is this, which language, what did they mean; then the buyer's dialogs run and the
// conversation state is saved once.

export interface RefundBotDeps {
  conversationState: ConversationState;
  identity: BuyerIdentity;
  recognizer: Recognizer;
  main: Dialog;
  log: Logger;
  /** Called on every buyer message: remembers where to reach the buyer later. */
  onBuyerActivity?: (context: TurnContext, buyer: Actor) => Promise<void>;
  /** Merchants and CS agents in Teams. */
  staff?: StaffRouter;
  /**
   * While a person owns the buyer's conversation (a handoff), the buyer's messages go to them and the bot says
   * nothing of its own. Returns true when it took the message. Events from the buyer's channel come here too
   * (the handoff protocol's `handoff.status`), with the channel as the actor.
   */
  relayBuyerMessage?: (context: TurnContext, buyer: Actor) => Promise<boolean>;
}

export class RefundBot extends TeamsActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly profile: StatePropertyAccessor<ConversationProfile>;
  private readonly dialogs: DialogSet;

  constructor(private readonly deps: RefundBotDeps) {
    super();
    this.dialogState = deps.conversationState.createProperty<DialogState>('dialogState');
    this.profile = deps.conversationState.createProperty<ConversationProfile>('profile');
    this.dialogs = new DialogSet(this.dialogState);
    this.dialogs.add(deps.main);

    this.onMessage(async (context, next) => {
      if (isStaffChannel(context)) await this.staff.onMessage(context);
      else await this.handleBuyerMessage(context);
      await next();
    });

    // A contact centre reports on a handoff with events in the buyer's conversation (handoff protocol).
    this.onEvent(async (context, next) => {
      if (!isStaffChannel(context)) await this.deps.relayBuyerMessage?.(context, { role: 'system', id: context.activity.from?.id ?? 'channel' });
      await next();
    });

    // Teams install events are unreliable: staff desks also record where to reach people on every message.
    this.onInstallationUpdate(async (context, next) => {
      if (isStaffChannel(context)) await this.staff.onInstall(context);
      await next();
    });

    // Members leaving a team change who may act on CS cards (personal chats: the install events say it all).
    this.onMembersRemoved(async (context, next) => {
      if (isStaffChannel(context) && context.activity.conversation?.conversationType !== 'personal') await this.staff.onInstall(context);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      if (isStaffChannel(context)) {
        await this.staff.onInstall(context);
        await next();
        return;
      }
      const joined = (context.activity.membersAdded ?? []).some((m) => m.id !== context.activity.recipient?.id);
      if (joined) {
        const lang = langOfLocale(context.activity.locale) ?? 'zh-CN';
        await context.sendActivity(
          MessageFactory.suggestedActions(
            [t(lang, 'common.menu.file'), t(lang, 'common.menu.status'), t(lang, 'common.menu.shipping'), t(lang, 'common.menu.human')],
            t(lang, 'common.welcome'),
          ),
        );
      }
      await next();
    });
  }

  private get staff(): StaffRouter {
    return this.deps.staff ?? EMPTY_STAFF;
  }

  /** Universal Actions (Action.Execute) from staff cards; without this override Teams gets 501. */
  protected override async onAdaptiveCardInvoke(context: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    return this.staff.onCardAction(context, value);
  }

  /**
   * Card actions are the only invokes this bot offers. The SDK answers the others (task modules, message
   * extensions, tabs...) with 501, or fails on their payloads (a turn error, 501 again): a client's mistake, not
   * a server fault, so they are answered 400 without running, and server-error alerts stay meaningful.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const name = typeof context.activity.name === 'string' ? context.activity.name.slice(0, 64) : '';
    if (name !== 'adaptiveCard/action') return { status: 400, body: { code: 'BadRequest', message: `unsupported invoke ${name || '(no name)'}` } };
    // The SDK reads value.action.type unchecked: a card action without an action object would fail the turn.
    const value = context.activity.value as { action?: unknown } | null | undefined;
    if (!value || typeof value !== 'object' || !value.action || typeof value.action !== 'object') {
      return { status: 400, body: { code: 'BadRequest', message: 'a card action needs value.action' } };
    }
    return super.onInvokeActivity(context);
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.deps.conversationState.saveChanges(context, false);
  }

  /** After a failed turn: start the conversation afresh rather than fail the same way again. */
  async reset(context: TurnContext): Promise<void> {
    await this.deps.conversationState.delete(context);
  }

  private async handleBuyerMessage(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const profile = await this.profile.get(context, { notUnderstood: 0 });
    const text = typeof activity.text === 'string' ? activity.text.trim() : '';
    const lang = chooseLanguage({ text, locale: activity.locale, previous: profile.lang ?? null });
    profile.lang = lang;
    const correlationId = (activity as { correlationId?: string }).correlationId ?? activity.id ?? 'none';

    const who = this.deps.identity.resolve(activity);
    if (!who.ok) {
      this.deps.log.info({ correlationId, refused: who.kind }, 'buyer identity refused');
      await context.sendActivity(t(lang, 'error.identity'));
      return;
    }
    const actor: Actor = { role: 'buyer', id: who.buyerId };
    // A click on a card carries data, not words: nothing to recognise.
    const clicked = activity.value !== undefined && activity.value !== null;
    await this.deps.onBuyerActivity?.(context, actor);
    if (await this.deps.relayBuyerMessage?.(context, actor)) return;
    const recognition = text && !clicked ? await this.deps.recognizer.recognize(text, { locale: lang }) : null;
    setTurnInfo(context, { actor, profile, lang, recognition, correlationId });

    const dc = await this.dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.deps.main.id);
  }
}
