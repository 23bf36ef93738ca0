import { ActivityHandler, MessageFactory } from 'botbuilder';
import type { ConversationState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { Dialog, DialogState } from 'botbuilder-dialogs';
import { DialogSet, DialogTurnStatus } from 'botbuilder-dialogs';
import type { Recognizer } from '../services/nlu';
import type { Actor } from '../services/refunds';
import type { Logger } from './logger';
import type { BuyerIdentity } from './identity';
import { chooseLanguage, langOfLocale, t } from './i18n';
import type { ConversationProfile } from './turn-info';
import { setTurnInfo } from './turn-info';

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
}

export class RefundBot extends ActivityHandler {
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
      await this.handleBuyerMessage(context);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
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
    const recognition = text && !clicked ? await this.deps.recognizer.recognize(text, { locale: lang }) : null;
    setTurnInfo(context, { actor, profile, lang, recognition, correlationId });
    await this.deps.onBuyerActivity?.(context, actor);

    const dc = await this.dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.deps.main.id);
  }
}
