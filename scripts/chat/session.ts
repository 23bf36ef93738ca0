import { randomUUID } from 'node:crypto';
import type { ChatOptions } from './args';
import { USAGE } from './args';
import type { AttachmentResult } from './attachment';
import { fileAttachment, parseAttachCommand } from './attachment';
import type { BotTransport, SendResult } from './bot-client';
import { CardForm } from './card-form';
import type { Choice } from './choices';
import type { ActivityLike, Rendered } from './render';
import { formatRendered, renderActivity, renderAdaptiveCard } from './render';

// One buyer's conversation from a terminal: each line typed becomes one activity (text, a clicked choice, or a
// file), and the bot's replies are shown with their choices numbered. Card inputs are asked one by one before
// the card's submit is sent.

export interface ChatSessionDeps {
  options: ChatOptions;
  /** Where the bot sends proactive messages (the client's local listener). */
  serviceUrl: string;
  transport: BotTransport;
  write: (lines: string[]) => void;
  readAttachment?: (path: string) => Promise<AttachmentResult>;
  conversationId?: string;
  /** Echo each line read before acting on it (piped input is not shown by a terminal). */
  echo?: boolean;
}

export type LineOutcome = 'continue' | 'quit';

interface FillingInputs {
  choice: Choice & { action: { kind: 'value' } };
  form: CardForm;
}

export class ChatSession {
  readonly conversationId: string;
  private choices: Choice[] = [];
  private filling: FillingInputs | null = null;
  private sent = 0;

  constructor(private readonly deps: ChatSessionDeps) {
    this.conversationId = deps.conversationId ?? `terminal-${deps.options.user}-${randomUUID().slice(0, 8)}`;
  }

  /** Joins the conversation (the bot greets new members). False when the bot cannot be reached. */
  async start(): Promise<boolean> {
    const result = await this.deps.transport.post(
      this.activity({ type: 'conversationUpdate', membersAdded: [{ id: this.deps.options.user, name: this.deps.options.user }] }),
    );
    return this.show(result);
  }

  /** The current numbered choices (the latest shown). */
  get currentChoices(): readonly Choice[] {
    return this.choices;
  }

  /** A message the bot sent on its own (through the local listener). */
  showProactive(activity: ActivityLike): void {
    if (activity.type === 'typing') return;
    const rendered = renderActivity(activity);
    if (rendered.lines.length === 0 && rendered.choices.length === 0) return;
    // A notification with buttons becomes what the numbers refer to; one without leaves the choices as they are.
    const first = rendered.choices.length > 0 ? 1 : this.choices.length + 1;
    if (rendered.choices.length > 0) this.choices = rendered.choices;
    this.deps.write(formatRendered(rendered, first));
  }

  async handleLine(raw: string): Promise<LineOutcome> {
    const line = raw.trim();
    if (this.deps.echo) this.deps.write([`you> ${raw}`]);
    if (line === '/quit' || line === '/exit') return 'quit';
    if (this.filling) return this.answerInput(line);
    if (line === '') return 'continue';
    if (line === '/help') {
      this.deps.write(USAGE.split('\n'));
      return 'continue';
    }
    if (line === '/choices') {
      this.deps.write(this.choices.length ? this.choices.map((c, i) => `  [${i + 1}] ${c.label}`) : ['(no choices right now)']);
      return 'continue';
    }
    if (line.startsWith('/attach')) return this.attach(line.slice('/attach'.length));
    if (line.startsWith('/')) {
      this.deps.write([`unknown command ${line.split(/\s/u)[0]}; type /help`]);
      return 'continue';
    }
    if (/^\d{1,3}$/.test(line)) {
      const n = Number(line);
      if (n >= 1 && n <= this.choices.length) return this.choose(this.choices[n - 1]!);
    }
    await this.send({ text: line });
    return 'continue';
  }

  private async choose(choice: Choice): Promise<LineOutcome> {
    const action = choice.action;
    switch (action.kind) {
      case 'text':
        this.deps.write([`  (${choice.label})`]);
        await this.send({ text: action.text });
        return 'continue';
      case 'open':
        this.deps.write([`  open in a browser: ${action.url || '(no address given)'}`]);
        return 'continue';
      case 'card': {
        const rendered = renderAdaptiveCard(action.card);
        this.choices = rendered.choices;
        this.deps.write(formatRendered(rendered, 1));
        return 'continue';
      }
      case 'value':
        this.deps.write([`  (${choice.label})`]);
        if (action.inputs.length > 0) {
          const form = new CardForm(action.inputs);
          this.filling = { choice: choice as FillingInputs['choice'], form };
          this.deps.write([form.question()]);
          return 'continue';
        }
        await this.send({ value: action.value, ...(action.text ? { text: action.text } : {}) });
        return 'continue';
    }
  }

  private async answerInput(line: string): Promise<LineOutcome> {
    const f = this.filling!;
    const step = f.form.answer(line);
    if (step.kind === 'ask') {
      this.deps.write(step.lines);
      return 'continue';
    }
    this.filling = null;
    const { value, text } = f.choice.action;
    // As in Adaptive Card renderers, input values are written over the submit data.
    await this.send({ value: { ...value, ...step.answers }, ...(text ? { text } : {}) });
    return 'continue';
  }

  private async attach(rest: string): Promise<LineOutcome> {
    const parsed = parseAttachCommand(rest);
    if (!parsed) {
      this.deps.write(['usage: /attach path/to/photo.jpg [words to send with it]']);
      return 'continue';
    }
    const file = await (this.deps.readAttachment ?? fileAttachment)(parsed.path);
    if (!file.ok) {
      this.deps.write([`  ${file.error.message}`]);
      return 'continue';
    }
    this.deps.write([`  (sending ${file.value.name}, ${file.value.contentType})`]);
    await this.send({ attachments: [file.value], ...(parsed.text ? { text: parsed.text } : {}) });
    return 'continue';
  }

  private async send(content: { text?: string; value?: Record<string, unknown>; attachments?: unknown[] }): Promise<void> {
    const result = await this.deps.transport.post(this.activity({ type: 'message', ...content }));
    this.show(result);
  }

  private show(result: SendResult): boolean {
    if (!result.ok) {
      const e = result.error;
      this.deps.write([`(${e.kind === 'unreachable' ? e.message : `the server answered ${e.status ?? ''} ${e.kind}: ${e.message}`})`]);
      return e.kind !== 'unreachable';
    }
    // A turn's replies replace the choices, numbered across all of them.
    const rendered: Rendered[] = result.replies.map((r) => renderActivity(r));
    this.choices = [];
    const lines: string[] = [];
    for (const r of rendered) {
      if (r.lines.length === 0 && r.choices.length === 0) continue;
      lines.push(...formatRendered(r, this.choices.length + 1));
      this.choices.push(...r.choices);
    }
    if (lines.length > 0) this.deps.write(lines);
    return true;
  }

  private activity(content: Record<string, unknown>): Record<string, unknown> {
    const { user, locale, token } = this.deps.options;
    const now = new Date();
    return {
      id: `${this.conversationId}-${++this.sent}`,
      channelId: 'terminal',
      serviceUrl: this.deps.serviceUrl,
      conversation: { id: this.conversationId },
      from: { id: user, name: user, role: 'user' },
      recipient: { id: 'refund-desk', name: 'Refund Desk', role: 'bot' },
      locale,
      timestamp: now.toISOString(),
      deliveryMode: 'expectReplies',
      ...(token ? { channelData: { buyerToken: token } } : {}),
      ...content,
    };
  }
}

// Kept here too: the input answers were first read by this module.
export { parseInputAnswer } from './card-form';
export type { InputAnswer } from './card-form';
