import type { Attachment, TurnContext } from 'botbuilder';
import { Prompt } from 'botbuilder-dialogs';
import type { PromptOptions, PromptRecognizerResult, PromptValidator } from 'botbuilder-dialogs';

// Every question the bot asks is answered either by a click on a card (the submit data in `activity.value`) or
// by free text (and attachments, where files are expected). This prompt hands back whatever came, raw; the
// waterfall step after it reads it (with the recognizer where it is text) and asks again if it has to.

export interface Reply {
  /** Submit data of a card action (Action.Submit / messageBack), when the buyer clicked. */
  value?: Record<string, unknown>;
  text?: string;
  attachments?: Attachment[];
}

export function replyOf(context: TurnContext): Reply | undefined {
  const a = context.activity;
  if (a.type !== 'message') return undefined;
  const reply: Reply = {};
  if (a.value && typeof a.value === 'object' && !Array.isArray(a.value)) reply.value = a.value as Record<string, unknown>;
  const text = typeof a.text === 'string' ? a.text.trim() : '';
  if (text) reply.text = text;
  if (Array.isArray(a.attachments) && a.attachments.length > 0) {
    // Cards echoed back by some channels are not files.
    const files = a.attachments.filter((x) => !x.contentType?.startsWith('application/vnd.microsoft.card'));
    if (files.length > 0) reply.attachments = files;
  }
  return reply.value || reply.text || reply.attachments ? reply : undefined;
}

export class ReplyPrompt extends Prompt<Reply> {
  constructor(dialogId: string, validator?: PromptValidator<Reply>) {
    super(dialogId, validator);
  }

  protected async onPrompt(context: TurnContext, _state: unknown, options: PromptOptions, isRetry: boolean): Promise<void> {
    const activity = isRetry && options.retryPrompt ? options.retryPrompt : options.prompt;
    if (activity) await context.sendActivity(activity);
  }

  protected async onRecognize(context: TurnContext): Promise<PromptRecognizerResult<Reply>> {
    const reply = replyOf(context);
    return reply ? { succeeded: true, value: reply } : { succeeded: false };
  }
}
