import type { Choice } from '../../scripts/chat/choices';
import type { ActivityLike } from '../../scripts/chat/render';
import { renderActivity } from '../../scripts/chat/render';

// What a buyer in the benchmark says next, given the bot's last replies: a greeting, a status question, then a
// refund filed up to the quote, which the buyer cancels. Card buttons are read the way the terminal client reads
// them (scripts/chat/render.ts) and clicked by their submit data, so the script follows the real flow rather than
// a recording of it, and notices when the flow does not go where it should.

export interface MessageContent {
  text?: string;
  value?: Record<string, unknown>;
  attachments?: { contentType: string; contentUrl: string; name: string }[];
}

export interface TurnPlan {
  /** What this turn is, for the per-step figures ("greeting", "file: order", ...). */
  step: string;
  content: MessageContent;
}

export interface BuyerProfile {
  user: string;
  locale: 'zh-CN' | 'en-US';
  greeting: string;
  statusQuestion: string;
  fileOpener: string;
  orderId: string;
  reason: string;
  type: string;
  /** Free text for a question with no buttons (a description). */
  description: string;
  /** Upload a photo when the evidence step asks for one. */
  uploadEvidence: boolean;
  /** What the buyer does at the quote: cancel (the benchmark's conversations) or confirm (seeding a case). */
  atQuote?: 'cancel' | 'confirm';
  /** Skip the greeting and the status question: straight to filing. */
  fileOnly?: boolean;
}

/** A valid 1x1 PNG: real bytes for the evidence sniffing, as a phone upload would be. */
export const PHOTO_DATA_URL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

export const BUYERS: readonly BuyerProfile[] = [
  {
    user: 'buyer-1001',
    locale: 'zh-CN',
    greeting: '你好',
    statusQuestion: '我的退款到哪了？',
    fileOpener: '我要退款',
    orderId: 'DEMO-1002',
    reason: 'no_reason_7_days',
    type: 'return_refund',
    description: '不想要了，包装完好',
    uploadEvidence: false,
  },
  {
    user: 'buyer-1002',
    locale: 'en-US',
    greeting: 'hello',
    statusQuestion: 'where is my refund?',
    fileOpener: 'I want to return DEMO-2001, the headphones crackle in the left ear',
    orderId: 'DEMO-2001',
    reason: 'quality_issue',
    type: 'return_refund',
    description: 'The left ear crackles at any volume.',
    uploadEvidence: true,
  },
];

/** Files one case before the run, so that "where is my refund" has something to show (an unshipped order:
 * cancelled and refunded at once). */
export const SEED: BuyerProfile = { ...BUYERS[0]!, orderId: 'DEMO-1001', fileOpener: '我要退款 DEMO-1001，不想要了', reason: 'mistaken_purchase', type: 'refund_only', atQuote: 'confirm', fileOnly: true };

/** The bot's apology for a failed turn, in both languages. */
const FAILED_TURN = /处理您的消息时出了点问题|something went wrong while handling your message/;

/** Turns allowed between the filing opener and the quote before the buyer gives up. */
const MAX_FILING_TURNS = 10;

export class BuyerScript {
  private phase: 'greeting' | 'status' | 'open' | 'filing' | 'done' = 'greeting';
  private filingTurns = 0;
  private uploaded = false;
  /** Set once the quote card was shown (and cancelled or confirmed). */
  reachedQuote = false;

  constructor(readonly profile: BuyerProfile) {
    if (profile.fileOnly) this.phase = 'open';
  }

  /** The next message, or null when the conversation is over. */
  next(lastReplies: readonly ActivityLike[]): TurnPlan | null {
    const p = this.profile;
    switch (this.phase) {
      case 'greeting':
        this.phase = 'status';
        return { step: 'greeting', content: { text: p.greeting } };
      case 'status':
        this.phase = 'open';
        return { step: 'status question', content: { text: p.statusQuestion } };
      case 'open':
        this.phase = 'filing';
        return { step: 'file: opener', content: { text: p.fileOpener } };
      case 'filing':
        return this.filingStep(lastReplies);
      case 'done':
        return null;
    }
  }

  private filingStep(replies: readonly ActivityLike[]): TurnPlan | null {
    const p = this.profile;
    this.filingTurns += 1;
    if (this.filingTurns > MAX_FILING_TURNS) {
      this.phase = 'done';
      return { step: 'file: gave up', content: { text: p.locale === 'zh-CN' ? '取消' : 'cancel' } };
    }
    const choices = replies.flatMap((r) => renderActivity(r).choices);
    const clicks = choices.filter((c): c is Choice & { action: { kind: 'value' } } => c.action.kind === 'value');
    const data = (c: (typeof clicks)[number]) => c.action.value;
    const find = (test: (v: Record<string, unknown>) => boolean) => clicks.find((c) => test(data(c)));
    const click = (step: string, c: (typeof clicks)[number]): TurnPlan => ({ step, content: { value: clickValue(c) } });

    const atQuote = p.atQuote ?? 'cancel';
    const finish = find((v) => v.step === 'confirm' && v.choice === atQuote);
    if (finish) {
      this.reachedQuote = true;
      this.phase = 'done';
      return click(`file: ${atQuote} at quote`, finish);
    }
    const order = find((v) => v.step === 'order' && v.orderId === p.orderId);
    if (order) return click('file: order', order);
    // "All of it" (no inputs) before the form with per-line quantities.
    const lines = clicks.find((c) => data(c).step === 'lines' && c.action.inputs.length === 0) ?? find((v) => v.step === 'lines');
    if (lines) return click('file: lines', lines);
    const quantity = find((v) => v.step === 'quantity');
    if (quantity) return click('file: quantity', quantity);
    const reason = find((v) => v.step === 'reason' && v.reason === p.reason) ?? find((v) => v.step === 'reason');
    if (reason) return click('file: reason', reason);
    const type = find((v) => v.step === 'type' && v.type === p.type) ?? find((v) => v.step === 'type');
    if (type) return click('file: type', type);
    if (clicks.some((c) => data(c).step === 'evidence') || (p.uploadEvidence && !this.uploaded && mentionsEvidence(replies))) {
      if (p.uploadEvidence && !this.uploaded) {
        this.uploaded = true;
        return { step: 'file: evidence upload', content: { attachments: [{ contentType: 'image/png', contentUrl: PHOTO_DATA_URL, name: 'photo.png' }] } };
      }
      const done = find((v) => v.step === 'evidence' && v.choice === 'done') ?? find((v) => v.step === 'evidence' && v.choice === 'skip');
      if (done) return click('file: evidence done', done);
    }
    const other = clicks.find((c) => data(c).action !== 'human' && data(c).choice !== 'cancel' && data(c).step !== 'change');
    if (other) return click('file: other click', other);
    return { step: 'file: free text', content: { text: p.description } };
  }
}

/** What a click on the button sends: its data, with the card's inputs at their preset values. */
function clickValue(choice: Choice & { action: { kind: 'value' } }): Record<string, unknown> {
  const presets = Object.fromEntries(choice.action.inputs.filter((i) => i.preset !== undefined).map((i) => [i.id, i.preset]));
  return { ...choice.action.value, ...presets };
}

function mentionsEvidence(replies: readonly ActivityLike[]): boolean {
  return replies.some((r) => /照片|凭证|photo|evidence|picture/i.test(JSON.stringify(r)));
}

export function isFailedTurn(replies: readonly ActivityLike[]): boolean {
  return replies.some((r) => typeof r.text === 'string' && FAILED_TURN.test(r.text));
}
