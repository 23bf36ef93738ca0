import type { Activity } from 'botbuilder';
import { BotConversation, textOf } from '../../support/bot-http';
import { cancelOrder, chaosBuyer, decisionOrder, CHAOS_SHOP } from '../../../scripts/chaos/world';

// The traffic of a fault-injection run, as retryable steps: buyers filing through chat turns (the same activity,
// same id, is sent again after a failure, as a channel does), cases filed for the merchant through the admin
// address, and merchants deciding them (the same idempotency key again after a failure). Each step remembers
// whether it was interrupted and what the answer was once it got one.

export const MERCHANT = { role: 'merchant' as const, id: 'chaos-merchant-1', shopId: CHAOS_SHOP };
export const MERCHANT_2 = { role: 'merchant' as const, id: 'chaos-merchant-2', shopId: CHAOS_SHOP };

export interface Endpoints {
  url: string;
  admin: string;
}

export interface WorkloadStats {
  turnsSent: number;
  turnsInterrupted: number;
  /** Resent turns that got their answer. */
  turnsRecovered: number;
  commandsSent: number;
  commandsInterrupted: number;
  commandsRecovered: number;
}

export class RetryableFailure extends Error {}

const TIMEOUT_MS = 20_000;

async function postJson(url: string, body: unknown): Promise<{ status: number; body: unknown }> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (err) {
    throw new RetryableFailure(`no answer: ${(err as Error).message}`);
  }
  const text = await res.text().catch((err: unknown) => {
    throw new RetryableFailure(`answer cut: ${(err as Error).message}`);
  });
  // 503: infrastructure trouble or the conversation still locked by a dead instance: the channel retries.
  if (res.status >= 500) throw new RetryableFailure(`HTTP ${res.status} ${text.slice(0, 200)}`);
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

/** Told whenever a turn is sent; `filing` when it is a buyer's confirmation (the turn that files a case). */
export const turnWatch: { listener: ((filing: boolean) => void) | null } = { listener: null };

type Step = { kind: 'turn'; activity: Partial<Activity>; filing?: boolean } | { kind: 'file'; body: unknown } | { kind: 'execute'; body: unknown };

interface StepState {
  step: Step;
  tries: number;
  interrupted: boolean;
}

/** A sequence of steps done in order; each step is retried with the same identity until it is answered. */
abstract class Task {
  protected states: StepState[] = [];
  protected index = 0;
  done = false;

  constructor(protected readonly stats: WorkloadStats) {}

  /** Runs the next step; throws RetryableFailure when the server did not answer (it is then retried as it was). */
  async advance(at: Endpoints): Promise<void> {
    const state = this.states[this.index];
    if (!state) {
      this.done = true;
      return;
    }
    const turn = state.step.kind === 'turn';
    if (state.tries === 0) {
      if (turn) this.stats.turnsSent++;
      else this.stats.commandsSent++;
    }
    state.tries++;
    if (state.step.kind === 'turn') turnWatch.listener?.(state.step.filing === true);
    let answer: { status: number; body: unknown };
    try {
      answer =
        state.step.kind === 'turn'
          ? await postJson(`${at.url}/api/messages`, state.step.activity)
          : await postJson(`${at.admin}/${state.step.kind}`, state.step.body);
    } catch (err) {
      if (err instanceof RetryableFailure && !state.interrupted) {
        state.interrupted = true;
        if (turn) this.stats.turnsInterrupted++;
        else this.stats.commandsInterrupted++;
      }
      throw err;
    }
    if (state.interrupted) {
      if (turn) this.stats.turnsRecovered++;
      else this.stats.commandsRecovered++;
    }
    this.index++;
    this.answered(state.step, answer);
    if (this.index >= this.states.length) this.done = true;
  }

  protected abstract answered(step: Step, answer: { status: number; body: unknown }): void;
}

/** Buyer n cancels CXC-n in chat: asks, then confirms. */
export class CancelInChat extends Task {
  readonly orderId: string;
  /** The case id the confirmation answered with, if it did. */
  filedCase: string | null = null;
  /** Problems with answers (a turn answered with nothing, ...). */
  readonly problems: string[] = [];
  private attempt = 0;

  constructor(
    stats: WorkloadStats,
    readonly n: number,
    private readonly serviceUrl: string,
  ) {
    super(stats);
    this.orderId = cancelOrder(n);
    this.plan();
  }

  private plan(): void {
    const conversation = new BotConversation('', chaosBuyer(this.n), { locale: 'zh-CN', serviceUrl: this.serviceUrl, conversationId: `chaos-conv-${this.n}-${this.attempt}-${Date.now()}` });
    this.states = [
      { step: { kind: 'turn', activity: conversation.activity({ text: `我要取消订单 ${this.orderId}` }) }, tries: 0, interrupted: false },
      { step: { kind: 'turn', activity: conversation.activity({ text: '好的' }), filing: true }, tries: 0, interrupted: false },
    ];
    this.index = 0;
  }

  protected answered(step: Step, answer: { status: number; body: unknown }): void {
    const replies = ((answer.body as { activities?: Partial<Activity>[] } | undefined)?.activities ?? []) as Partial<Activity>[];
    const text = textOf(replies);
    if (answer.status !== 200 || replies.length === 0) this.problems.push(`${this.orderId}: turn "${(step as { activity: { text?: string } }).activity.text}" answered ${answer.status} with ${replies.length} replies`);
    if (this.index < this.states.length) return;
    const id = /RD-\d{6}/.exec(text)?.[0] ?? null;
    if (id) {
      this.filedCase = id;
      return;
    }
    // The confirmation fell on a conversation whose state was lost or moved on: the buyer starts again (at most
    // three times); a second filing on the order must then be refused, never made.
    if (this.attempt < 2 && !/已有|处理中|已经|already/i.test(text)) {
      this.attempt++;
      this.plan();
      this.done = false;
    }
  }
}

/** Buyer n asks where their refund is, in a conversation of its own: background traffic for kills to cut into. */
export class AskStatus extends Task {
  readonly problems: string[] = [];

  constructor(
    stats: WorkloadStats,
    readonly n: number,
    serviceUrl: string,
  ) {
    super(stats);
    const conversation = new BotConversation('', chaosBuyer(n), { locale: 'zh-CN', serviceUrl, conversationId: `chaos-ask-${n}-${Math.random().toString(36).slice(2)}` });
    this.states = [{ step: { kind: 'turn', activity: conversation.activity({ text: '我的退款到哪了' }) }, tries: 0, interrupted: false }];
  }

  protected answered(_step: Step, answer: { status: number; body: unknown }): void {
    const replies = ((answer.body as { activities?: Partial<Activity>[] } | undefined)?.activities ?? []) as Partial<Activity>[];
    if (answer.status !== 200 || replies.length === 0) this.problems.push(`status question of ${chaosBuyer(this.n)} answered ${answer.status} with ${replies.length} replies`);
  }
}

/** A no-reason return of CXD-n filed for buyer n (through the admin address), then the merchant's decision. */
export class FileAndDecide extends Task {
  readonly orderId: string;
  caseId: string | null = null;
  outcome: string | null = null;
  readonly problems: string[] = [];

  constructor(
    stats: WorkloadStats,
    readonly n: number,
    /** What the merchant does: nothing (the deadline decides), approve without return, or reject. */
    readonly decision: 'none' | 'approve_without_return' | 'reject',
    run: string,
  ) {
    super(stats);
    this.orderId = decisionOrder(n);
    this.states = [
      {
        step: {
          kind: 'file',
          body: {
            buyerId: chaosBuyer(n),
            key: `${run}-file-${n}`,
            request: { orderId: this.orderId, lines: [{ lineIndex: 1, quantity: 1 }], type: 'return_refund', reason: 'no_reason_7_days', description: '不想要了' },
          },
        },
        tries: 0,
        interrupted: false,
      },
    ];
    if (decision !== 'none') {
      const command = decision === 'reject' ? { kind: 'merchant_reject', code: 'outside_policy', remark: '商品已拆封使用' } : { kind: 'merchant_approve_without_return', remark: '不用寄回了' };
      this.states.push({ step: { kind: 'execute', body: { actor: MERCHANT, caseId: '', command, key: `${run}-decide-${n}` } }, tries: 0, interrupted: false });
    }
  }

  protected answered(step: Step, answer: { status: number; body: unknown }): void {
    const outcome = answer.body as { ok: boolean; value?: { case: { id: string } }; error?: { kind: string } };
    if (step.kind === 'file') {
      if (!outcome.ok) {
        this.problems.push(`${this.orderId}: filing refused ${JSON.stringify(outcome.error)}`);
        this.states.length = 1;
        return;
      }
      this.caseId = outcome.value!.case.id;
      const next = this.states[1];
      if (next && next.step.kind === 'execute') (next.step.body as { caseId: string }).caseId = this.caseId;
      return;
    }
    // The deadline may have approved the case first: a conflict is a right answer too.
    this.outcome = outcome.ok ? 'decided' : outcome.error!.kind;
    if (!outcome.ok && outcome.error!.kind !== 'conflict') this.problems.push(`${this.orderId}: decision answered ${JSON.stringify(outcome.error)}`);
  }
}

export type AnyTask = CancelInChat | FileAndDecide | AskStatus;

/**
 * Runs tasks against the current endpoints with a few in flight, until all are done or `stop()` is called; a
 * failed step is tried again after a short pause (on whatever endpoints are current by then).
 */
export class Driver {
  private stopped = false;
  private closed = false;
  private readonly pending: AnyTask[];

  constructor(
    tasks: AnyTask[],
    private endpoints: () => Endpoints | null,
    private readonly concurrency = 4,
  ) {
    this.pending = [...tasks];
  }

  add(tasks: AnyTask[]): void {
    this.pending.push(...tasks);
  }

  /** No more tasks will be added: run() resolves once the pending ones are done. */
  close(): void {
    this.closed = true;
  }

  stop(): void {
    this.stopped = true;
  }

  /** Resolves when closed and every task is done (or stop() was called and the steps in flight ended). */
  async run(): Promise<void> {
    this.stopped = false;
    let busy = 0;
    const worker = async (): Promise<void> => {
      while (!this.stopped) {
        const task = this.pending.shift();
        if (!task) {
          if (this.closed && busy === 0) return;
          await sleep(50);
          continue;
        }
        const at = this.endpoints();
        if (!at) {
          this.pending.unshift(task);
          await sleep(50);
          continue;
        }
        busy++;
        try {
          await task.advance(at);
        } catch (err) {
          if (!(err instanceof RetryableFailure)) throw err;
          await sleep(100 + Math.random() * 200);
        } finally {
          busy--;
        }
        if (!task.done) this.pending.push(task);
      }
    };
    await Promise.all(Array.from({ length: this.concurrency }, worker));
  }

  get remaining(): number {
    return this.pending.length;
  }
}

/** True when `promise` settles within `ms`; the timer never outlives the race. */
export async function within(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([promise.then(() => true), late]);
  } finally {
    clearTimeout(timer);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function newStats(): WorkloadStats {
  return { turnsSent: 0, turnsInterrupted: 0, turnsRecovered: 0, commandsSent: 0, commandsInterrupted: 0, commandsRecovered: 0 };
}
