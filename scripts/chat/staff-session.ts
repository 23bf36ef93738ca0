import { randomUUID } from 'node:crypto';
import type { AttachmentResult } from './attachment';
import { fileAttachment, parseAttachCommand } from './attachment';
import type { BotTransport, SendResult } from './bot-client';
import type { ConnectorCall, ConnectorMember } from './callback-server';
import { CardForm } from './card-form';
import type { Choice } from './choices';
import type { ActivityLike, Rendered } from './render';
import { formatRendered, renderActivity, renderAdaptiveCard } from './render';
import type { StaffOptions } from './staff-args';
import { STAFF_USAGE } from './staff-args';
import type { TeamsAccount } from './teams-identity';
import { BOT_ACCOUNT, TERMINAL_TEAM, TERMINAL_TENANT_ID, personalConversationId, teamsAccount } from './teams-identity';

// A merchant or CS agent in "Teams", from a terminal. Activities go to the bot as the Teams channel posts them
// (channelId msteams, no expectReplies): the bot answers through the Bot Connector, which the client's local
// listener plays, so replies, proactive cards, card updates and new 1:1 chats all arrive there. A card button
// (Action.Execute) is an `adaptiveCard/action` invoke whose answer, the card redrawn, comes back in the HTTP body.

export interface StaffSessionDeps {
  options: StaffOptions;
  /** Where the bot calls the Bot Connector (the client's local listener). */
  serviceUrl: string;
  transport: BotTransport;
  write: (lines: string[]) => void;
  readAttachment?: (path: string) => Promise<AttachmentResult>;
  /** Echo each line read before acting on it (piped input is not shown by a terminal). */
  echo?: boolean;
  /** Activity ids; Teams gives every activity a new one (card commands use it as their idempotency key). */
  newId?: () => string;
}

export type PlaceKind = 'personal' | 'channel';

export interface Place {
  kind: PlaceKind;
  conversationId: string;
}

export type StaffLineOutcome = 'continue' | 'quit';

/** A numbered choice and where its card is: a click goes to that conversation, about that message. */
interface Shown {
  choice: Choice;
  place: Place;
  messageId?: string;
}

type ValueChoice = Choice & { action: { kind: 'value' } };

const ERROR_TYPE = 'application/vnd.microsoft.error';
const CARD_TYPE = 'application/vnd.microsoft.card.adaptive';
const MESSAGE_TYPE = 'application/vnd.microsoft.activity.message';
const MENTION = `<at>${BOT_ACCOUNT.name}</at>`;

export class StaffSession {
  readonly me: TeamsAccount;
  readonly personal: Place;
  /** The CS channel (CS agents only). */
  readonly channel: Place | null;
  private here: Place;
  private shown: Shown[] = [];
  /** The next choices shown start a new list: the user acted since the last ones. */
  private freshList = true;
  private filling: { shown: Shown & { choice: ValueChoice }; form: CardForm } | null = null;
  private readonly installed = new Set<string>();
  private readonly newId: () => string;

  constructor(private readonly deps: StaffSessionDeps) {
    const o = deps.options;
    this.me = teamsAccount(o.user);
    this.personal = { kind: 'personal', conversationId: personalConversationId(this.me) };
    this.channel = o.as === 'cs' ? { kind: 'channel', conversationId: o.channelId } : null;
    this.here = o.channel && this.channel ? this.channel : this.personal;
    this.newId = deps.newId ?? (() => `f:${randomUUID()}`);
  }

  get where(): PlaceKind {
    return this.here.kind;
  }

  /** What "you>" looks like where the user writes now. */
  get prompt(): string {
    return `${this.speaker('you', this.here)}> `;
  }

  get currentChoices(): readonly Choice[] {
    return this.shown.map((s) => s.choice);
  }

  /**
   * Installs the app where the user starts (the bot stores where to reach them). `moved`: the client listens at
   * another address than last time, so the user's other place is told too (a members-added update, which Teams
   * also sends and which the bot answers silently), else the bot would write there to the old address.
   * False when the bot cannot be reached.
   */
  async start(options: { moved?: boolean } = {}): Promise<boolean> {
    if (!(await this.install(this.here))) return false;
    if (!options.moved) return true;
    for (const place of [this.personal, this.channel]) {
      if (!place || place === this.here) continue;
      const result = await this.deps.transport.post(this.activity(place, { type: 'conversationUpdate', membersAdded: [{ id: this.me.id, name: this.me.name, aadObjectId: this.me.aadObjectId }] }));
      if (!this.report(result)) return false;
    }
    return true;
  }

  async handleLine(raw: string): Promise<StaffLineOutcome> {
    const line = raw.trim();
    if (this.deps.echo) this.deps.write([`${this.prompt}${raw}`]);
    if (line === '/quit' || line === '/exit') return 'quit';
    if (this.filling) return this.answerInput(line);
    if (line === '') return 'continue';
    if (line === '/help') {
      this.deps.write(STAFF_USAGE.split('\n'));
      return 'continue';
    }
    if (line === '/choices') {
      this.deps.write(this.shown.length ? this.shown.map((s, i) => `  [${i + 1}] ${s.choice.label}`) : ['(no choices right now)']);
      return 'continue';
    }
    if (line === '/chat') return this.switchTo(this.personal);
    if (line === '/channel') {
      if (!this.channel) {
        this.deps.write(['(merchants have no CS channel: start with --as cs)']);
        return 'continue';
      }
      return this.switchTo(this.channel);
    }
    if (line.startsWith('/attach')) return this.attach(line.slice('/attach'.length));
    if (line.startsWith('/')) {
      this.deps.write([`unknown command ${line.split(/\s/u)[0]}; type /help`]);
      return 'continue';
    }
    if (/^\d{1,3}$/.test(line)) {
      const n = Number(line);
      if (n >= 1 && n <= this.shown.length) return this.choose(this.shown[n - 1]!);
    }
    await this.message(this.here, { text: line });
    return 'continue';
  }

  // ---- the Bot Connector side: what the local listener hands over ---------------------------------------------

  /** A message the bot sent, replied or updated through the connector. */
  fromConnector(activity: ActivityLike & Record<string, unknown>, conversationId: string, call: ConnectorCall): void {
    if (activity.type === 'typing') return;
    const place = this.placeOf(conversationId);
    const rendered = renderActivity(activity);
    if (rendered.lines.length === 0 && rendered.choices.length === 0) return;
    if (call.kind === 'update') rendered.lines.unshift('(card updated)');
    this.display(rendered, place, call.id, 'add');
  }

  /** The bot opens a 1:1 chat with the user (POST /v3/conversations): Teams answers with the one chat it keeps. */
  createConversation(parameters: Record<string, unknown>): string {
    const members = Array.isArray(parameters.members) ? (parameters.members as { id?: unknown }[]) : [];
    const forMe = members.length === 0 || members.some((m) => m.id === this.me.id || m.id === this.me.aadObjectId);
    if (!forMe) return `a:terminal-other-${randomUUID()}`;
    // The bot is in the chat already: opening it later is no new install.
    this.installed.add(this.personal.conversationId);
    const note = this.here.kind === 'personal' ? '(the bot opened your 1:1 chat with it)' : '(the bot opened your 1:1 chat with it: type /chat to write there)';
    this.deps.write([note]);
    return this.personal.conversationId;
  }

  /** GET /v3/conversations/{id}/members: the user, and in the CS channel the --members too. */
  members(conversationId: string): ConnectorMember[] {
    const inChannel = this.channel !== null && baseId(conversationId) === this.channel.conversationId;
    const names = inChannel ? [this.me.name, ...this.deps.options.members] : [this.me.name];
    if (inChannel) this.deps.write([`(the bot asked who is in the CS channel: ${names.join(', ')})`]);
    return names.map((name) => {
      const account = name === this.me.name ? this.me : teamsAccount(name);
      return { id: account.id, name: account.name, aadObjectId: account.aadObjectId, tenantId: TERMINAL_TENANT_ID, userRole: 'user' };
    });
  }

  // ---- what the user does ---------------------------------------------------------------------------------------

  private async switchTo(place: Place): Promise<StaffLineOutcome> {
    this.here = place;
    this.deps.write([`(now writing in ${place.kind === 'channel' ? `the CS channel ${place.conversationId}` : 'your personal chat with the bot'})`]);
    if (!this.installed.has(place.conversationId)) await this.install(place);
    return 'continue';
  }

  private async install(place: Place): Promise<boolean> {
    this.freshList = true;
    const result = await this.deps.transport.post(this.activity(place, { type: 'installationUpdate', action: 'add' }));
    if (result.ok) this.installed.add(place.conversationId);
    return this.report(result);
  }

  private async choose(shown: Shown): Promise<StaffLineOutcome> {
    const { choice } = shown;
    const action = choice.action;
    switch (action.kind) {
      case 'text':
        this.deps.write([`  (${choice.label})`]);
        await this.message(shown.place, { text: action.text });
        return 'continue';
      case 'open':
        this.deps.write([`  open in a browser: ${action.url || '(no address given)'}`]);
        return 'continue';
      case 'card':
        this.display(renderAdaptiveCard(action.card), shown.place, shown.messageId, 'replace');
        return 'continue';
      case 'value': {
        this.deps.write([`  (${choice.label})`]);
        const valued = { ...shown, choice: choice as ValueChoice };
        if (action.inputs.length > 0) {
          const form = new CardForm(action.inputs);
          this.filling = { shown: valued, form };
          this.deps.write([form.question()]);
          return 'continue';
        }
        await this.click(valued, {});
        return 'continue';
      }
    }
  }

  private async answerInput(line: string): Promise<StaffLineOutcome> {
    const f = this.filling!;
    const step = f.form.answer(line);
    if (step.kind === 'ask') {
      this.deps.write(step.lines);
      return 'continue';
    }
    this.filling = null;
    await this.click(f.shown, step.answers);
    return 'continue';
  }

  /** A button with its inputs: an invoke for Action.Execute (Universal Actions), a message with a value for Submit. */
  private async click(shown: Shown & { choice: ValueChoice }, answers: Record<string, string>): Promise<void> {
    const action = shown.choice.action;
    if (!action.execute) {
      await this.message(shown.place, { value: { ...action.value, ...answers }, ...(action.text ? { text: action.text } : {}) });
      return;
    }
    this.freshList = true;
    const invoke = this.activity(shown.place, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      // As Teams does: the inputs are written over the button's data.
      value: { action: { type: 'Action.Execute', verb: action.execute.verb, data: { ...action.execute.data, ...answers } }, trigger: 'manual' },
      ...(shown.messageId ? { replyToId: shown.messageId } : {}),
    });
    const result = await this.deps.transport.post(invoke);
    if (!this.report(result) || !result.ok) return;
    this.showInvokeAnswer(result.body, shown);
  }

  /** The answer to a card click: the card redrawn in place, a short message, or a refusal. */
  private showInvokeAnswer(body: unknown, shown: Shown): void {
    const answer = isRecord(body) ? body : {};
    const status = typeof answer.statusCode === 'number' ? answer.statusCode : undefined;
    const speaker = this.speaker('bot', shown.place);
    if (answer.type === ERROR_TYPE || (status !== undefined && status >= 400)) {
      const value = isRecord(answer.value) ? answer.value : {};
      const message = typeof value.message === 'string' ? value.message : JSON.stringify(answer.value ?? null);
      this.deps.write([`(the bot refused the click${status ? ` with ${status}` : ''}: ${message})`]);
      return;
    }
    if (answer.type === CARD_TYPE) {
      // The clicked card is replaced in place: its old buttons are gone, the new card's are what numbers pick.
      this.display(renderAdaptiveCard(answer.value), shown.place, shown.messageId, 'replace');
      return;
    }
    if (answer.type === MESSAGE_TYPE && typeof answer.value === 'string') {
      this.deps.write([`${speaker}> ${answer.value}`]);
      return;
    }
    this.deps.write(['(the click got no answer)']);
  }

  private async attach(rest: string): Promise<StaffLineOutcome> {
    const parsed = parseAttachCommand(rest);
    if (!parsed) {
      this.deps.write(['usage: /attach path/to/voucher.pdf [words to send with it]']);
      return 'continue';
    }
    const file = await (this.deps.readAttachment ?? fileAttachment)(parsed.path);
    if (!file.ok) {
      this.deps.write([`  ${file.error.message}`]);
      return 'continue';
    }
    this.deps.write([`  (sending ${file.value.name}, ${file.value.contentType})`]);
    await this.message(this.here, { attachments: [file.value], ...(parsed.text ? { text: parsed.text } : {}) });
    return 'continue';
  }

  /** A message as Teams posts it; in a channel the bot is @mentioned (it only hears messages that mention it). */
  private async message(place: Place, content: { text?: string; value?: Record<string, unknown>; attachments?: unknown[] }): Promise<void> {
    this.freshList = true;
    const mention = place.kind === 'channel' && content.text !== undefined;
    const activity = this.activity(place, {
      type: 'message',
      textFormat: 'plain',
      ...content,
      ...(mention
        ? {
            text: `${MENTION} ${content.text}`,
            entities: [{ type: 'mention', text: MENTION, mentioned: { ...BOT_ACCOUNT } }],
          }
        : {}),
    });
    this.report(await this.deps.transport.post(activity));
  }

  // ---- showing --------------------------------------------------------------------------------------------------

  /**
   * Lines for the terminal; the card's buttons join the numbered choices. The first card after the user acted
   * starts the list again; later ones (several cards in one answer, a card arriving on its own) add to it.
   * `replace`: a card drawn in place of the one clicked, whose choices are the only ones left.
   */
  private display(rendered: Rendered, place: Place, messageId: string | undefined, mode: 'add' | 'replace'): void {
    if (mode === 'replace' || (rendered.choices.length > 0 && this.freshList)) {
      this.shown = [];
      this.freshList = false;
    }
    const first = this.shown.length + 1;
    for (const choice of rendered.choices) this.shown.push({ choice, place, ...(messageId ? { messageId } : {}) });
    this.deps.write(formatRendered(rendered, first, this.speaker('bot', place)));
  }

  /** False when the bot cannot be reached at all. */
  private report(result: SendResult): boolean {
    if (result.ok) return true;
    const e = result.error;
    this.deps.write([`(${e.kind === 'unreachable' ? e.message : `the server answered ${e.status ?? ''} ${e.kind}: ${e.message}`})`]);
    return e.kind !== 'unreachable';
  }

  private placeOf(conversationId: string): Place {
    if (this.channel && baseId(conversationId) === this.channel.conversationId) return this.channel;
    if (conversationId === this.personal.conversationId) return this.personal;
    return { kind: 'personal', conversationId };
  }

  /** Merchants have one place; CS agents see which of theirs a line belongs to. */
  private speaker(who: 'bot' | 'you', place: Place): string {
    if (!this.channel) return place.conversationId === this.personal.conversationId ? who : `${who} [${place.conversationId}]`;
    if (place.kind === 'channel') return `${who} #channel`;
    return place.conversationId === this.personal.conversationId ? `${who} (chat)` : `${who} [${place.conversationId}]`;
  }

  private activity(place: Place, content: Record<string, unknown>): Record<string, unknown> {
    const { locale } = this.deps.options;
    const now = new Date();
    const inChannel = place.kind === 'channel';
    return {
      id: this.newId(),
      channelId: 'msteams',
      serviceUrl: this.deps.serviceUrl,
      timestamp: now.toISOString(),
      from: { id: this.me.id, name: this.me.name, aadObjectId: this.me.aadObjectId },
      recipient: { ...BOT_ACCOUNT },
      conversation: { id: place.conversationId, conversationType: place.kind, tenantId: TERMINAL_TENANT_ID, ...(inChannel ? { isGroup: true } : {}) },
      channelData: {
        tenant: { id: TERMINAL_TENANT_ID },
        ...(inChannel ? { team: { ...TERMINAL_TEAM }, channel: { id: place.conversationId, name: 'CS desk' } } : {}),
      },
      locale,
      ...content,
    };
  }
}

/** A channel message's conversation id names its thread after ";": the channel is the part before. */
function baseId(conversationId: string): string {
  return conversationId.split(';')[0] ?? conversationId;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
