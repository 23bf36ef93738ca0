import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { WaterfallDialog } from 'botbuilder-dialogs';
import { MessageFactory } from 'botbuilder';
import type { MessageKey } from '../../bot/i18n';
import { turnInfo } from '../../bot/turn-info';
import type { AdaptiveCard } from '../../bot/cards/adaptive';
import { attachment } from '../../bot/cards/adaptive';
import { PROMPT } from '../dialog-ids';
import type { DialogDeps } from '../dialog-deps';
import type { Reply } from '../prompts/reply-prompt';
import { belongsElsewhere, reroute } from './reroute';
import { readYesNo } from './yes-no';

// "Are you sure?" before a command: the confirm card, then a click or a typed yes/no; anything else is asked
// once more, then handed back.

export interface ConfirmOptions {
  card: AdaptiveCard;
  /** Said when the answer was neither yes nor no. */
  againKey: MessageKey;
  /** The flow's card action (a click on another flow's card leaves). */
  action: string;
  retried?: boolean;
}

export type ConfirmResult = { kind: 'yes' } | { kind: 'no' } | { kind: 'none' } | { kind: 'reroute' };

export class ConfirmDialog extends WaterfallDialog {
  constructor(
    id: string,
    private readonly deps: DialogDeps,
  ) {
    super(id);
    this.addStep(this.askStep.bind(this));
    this.addStep(this.readAnswerStep.bind(this));
  }

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = step.options as ConfirmOptions;
    const info = turnInfo(step.context);
    const prompt = options.retried ? MessageFactory.text(info.t(options.againKey)) : MessageFactory.attachment(attachment(options.card));
    return step.prompt(PROMPT.reply, { prompt });
  }

  private async readAnswerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = step.options as ConfirmOptions;
    const info = turnInfo(step.context);
    const reply = step.result as Reply | undefined;
    if (belongsElsewhere(reply, info.recognition, options.action)) return step.endDialog(away(step));
    const yes = await readYesNo(reply, this.deps.recognizer, info.lang);
    if (yes !== null) return step.endDialog({ kind: yes ? 'yes' : 'no' } satisfies ConfirmResult);
    if (!options.retried) return step.replaceDialog(this.id, { ...options, retried: true } satisfies ConfirmOptions);
    return step.endDialog(away(step));
  }
}

function away(step: WaterfallStepContext): ConfirmResult {
  return reroute(step.context) ? { kind: 'reroute' } : { kind: 'none' };
}
