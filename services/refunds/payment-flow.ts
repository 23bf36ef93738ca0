import type { PaymentRecord, RefundCase } from './case';
import { SYSTEM } from './case';
import type { CaseWriter } from './case-writer';
import { paymentKey } from './apply';
import { quoteCase } from './money';
import type { PolicyConfig } from './policy';
import type { CaseStore, Clock, OrderCatalogue, PaymentGateway, PaymentReply, PaymentRequest } from './ports';

// Payment execution (DESIGN.md §2 "Payments"): refund_pending -> gateway -> refunding -> confirmed refunded.
// The intent (key, amount) is written before the gateway is called, so a process that dies in between leaves a
// case the next sweep resubmits under the same key: the gateway pays at most once per key.

/**
 * The boundaries between the payment path's durable steps. A hook called at each lets fault-injection runs stop a
 * process exactly there; production leaves it unset.
 */
export type PaymentStep = 'after_intent' | 'after_gateway_accept' | 'before_confirm_commit';
export type PaymentStepHook = (step: PaymentStep, caseId: string) => void;

export class PaymentFlow {
  private readonly onStep: PaymentStepHook;

  constructor(
    private readonly deps: { store: CaseStore; orders: OrderCatalogue; payments: PaymentGateway; clock: Clock; onPaymentStep?: PaymentStepHook },
    private readonly policy: PolicyConfig,
    private readonly writer: CaseWriter,
  ) {
    this.onStep = deps.onPaymentStep ?? (() => undefined);
  }

  /** Moves the payment of a case one step. Returns the case as written, or null when another sweeper got there first. */
  async advance(c: RefundCase): Promise<RefundCase | null> {
    let current = c;
    if (current.status === 'refund_pending') {
      const submitted = await this.recordIntent(current);
      if (!submitted) return null;
      this.onStep('after_intent', submitted.id);
      current = submitted;
    }
    if (current.status !== 'refunding' || !current.payment) return current;
    const p = current.payment;
    if (p.status === 'confirmed' || p.status === 'declined') return current;
    const reply = await this.callGateway(current, p);
    if (reply.kind === 'accepted' || reply.kind === 'confirmed') this.onStep('after_gateway_accept', current.id);
    return this.record(current, p, reply);
  }

  /**
   * The refund amount is settled when the money moves: coupons and shipping go with the case that completes the
   * order. Intents on one order are serialized through the order's guard counter (the store's only per-order
   * compare-and-set): two sibling cases paid at once by two instances would otherwise each see the other unpaid,
   * and neither would carry the shipping fee and the coupon.
   */
  private async recordIntent(c: RefundCase): Promise<RefundCase | null> {
    const order = await this.deps.orders.getOrder(c.orderId);
    if (!order) throw new Error(`order ${c.orderId} of ${c.id} is gone`);
    for (let attempt = 0; attempt < 10; attempt++) {
      const now = this.deps.clock.now();
      const guard = await this.deps.store.filingsOnOrder(c.orderId);
      const siblings = await this.deps.store.find({ orderId: c.orderId });
      const paidOrPaying = siblings
        .filter((s) => s.id !== c.id && (s.status === 'refunded' || ((s.status === 'refunding' || s.status === 'refund_failed') && s.payment)))
        .flatMap((s) => s.lines);
      // A payment already recorded under this key (the case came back after a CS intervention) keeps its amount:
      // the gateway answers a repeated key with the first outcome, and a key must never carry two amounts.
      const recorded = c.payment && c.payment.status !== 'declined' ? c.payment : null;
      const quote = recorded
        ? c.quote
        : quoteCase({ order, lines: c.lines, type: c.type, reason: c.reason, otherUnits: paidOrPaying, ...(c.refundWithoutReturn ? { withoutReturn: true } : {}) });
      const generation = c.payment?.generation ?? 1;
      const payment: PaymentRecord = {
        generation,
        key: paymentKey(c.id, generation),
        amount: recorded ? recorded.amount : quote.cash,
        pointsRestored: recorded ? recorded.pointsRestored : quote.pointsRestored,
        status: 'submitting',
        attempts: 0,
        polls: 0,
        submittedAt: now.toISOString(),
        nextAttemptAt: new Date(now.getTime() + this.policy.paymentLeaseMs).toISOString(),
      };
      const next: RefundCase = { ...c, status: 'refunding', quote, payment };
      const { result, written } = await this.writer.write(c, next, {
        actor: SYSTEM,
        event: 'payment_submitted',
        now,
        data: { key: payment.key, generation, amount: payment.amount, pointsRestored: payment.pointsRestored },
        orderGuard: { orderId: c.orderId, expectedFilings: guard },
      });
      if (result.ok) return written;
      // Another case of the order moved first: quote again against its siblings as they are now.
      if (result.kind !== 'order_conflict') return null;
    }
    return null;
  }

  private async callGateway(c: RefundCase, p: PaymentRecord): Promise<PaymentReply> {
    const request: PaymentRequest = {
      key: p.key,
      caseId: c.id,
      orderId: c.orderId,
      buyerId: c.buyerId,
      currency: c.quote.currency,
      amount: p.amount,
      pointsRestored: p.pointsRestored,
      method: c.paymentMethod,
    };
    try {
      if (p.status === 'accepted') {
        const status = await this.deps.payments.status(p.key);
        // The gateway never saw the key (lost on its side): submitting again under the same key is safe.
        return status.kind === 'unknown' ? await this.deps.payments.submit(request) : status;
      }
      return await this.deps.payments.submit(request);
    } catch (err) {
      return { kind: 'transient', message: err instanceof Error ? err.message : String(err) };
    }
  }

  private async record(c: RefundCase, p: PaymentRecord, reply: PaymentReply): Promise<RefundCase | null> {
    const now = this.deps.clock.now();
    const at = now.toISOString();
    const attempts = p.attempts + 1;
    let next: RefundCase;
    let event: string;
    let data: Record<string, unknown>;
    switch (reply.kind) {
      case 'confirmed':
        next = { ...c, status: 'refunded', payment: { ...p, attempts, status: 'confirmed', confirmedAt: at, gatewayReference: reply.reference } };
        event = 'payment_confirmed';
        data = { key: p.key, reference: reply.reference, amount: p.amount };
        break;
      case 'accepted': {
        const polls = p.status === 'accepted' ? p.polls + 1 : 0;
        const delay = pick(this.policy.paymentPollMs, polls);
        next = { ...c, payment: { ...p, attempts, polls, failures: 0, status: 'accepted', gatewayReference: reply.reference, nextAttemptAt: new Date(now.getTime() + delay).toISOString() } };
        event = 'payment_accepted';
        data = { key: p.key, reference: reply.reference };
        break;
      }
      case 'declined':
        next = { ...c, status: 'refund_failed', paymentFailures: c.paymentFailures + 1, payment: { ...p, attempts, status: 'declined', lastError: reply.code } };
        event = 'payment_declined';
        data = { key: p.key, code: reply.code };
        break;
      case 'transient': {
        // Timeout, 5xx or unknown: the same key again later, with backoff counted over consecutive failures only
        // (answers in between, such as "accepted" to a poll, start it again).
        const failures = (p.failures ?? 0) + 1;
        const delay = pick(this.policy.paymentRetryMs, failures - 1);
        const status = p.status === 'accepted' ? 'accepted' : 'retry_wait';
        next = { ...c, payment: { ...p, attempts, failures, status, lastError: reply.message, nextAttemptAt: new Date(now.getTime() + delay).toISOString() } };
        event = 'payment_retry_scheduled';
        data = { key: p.key, attempt: attempts, retryAt: next.payment?.nextAttemptAt };
        break;
      }
      default: {
        const never: never = reply;
        throw new Error(`unknown gateway reply ${JSON.stringify(never)}`);
      }
    }
    if (reply.kind === 'confirmed') this.onStep('before_confirm_commit', c.id);
    const { result, written } = await this.writer.write(c, next, { actor: SYSTEM, event, now, data });
    return result.ok ? written : null;
  }

  /** Start-up reconciliation: payments whose process died mid-call are finished now (same key, so never twice). */
  async reconcile(): Promise<number> {
    const cases = [...(await this.deps.store.find({ status: 'refund_pending' })), ...(await this.deps.store.find({ status: 'refunding' }))];
    let advanced = 0;
    for (const c of cases) {
      if (c.status === 'refunding' && c.payment?.status !== 'submitting') continue;
      if (await this.advance(c)) advanced++;
    }
    return advanced;
  }
}

function pick(delays: readonly number[], index: number): number {
  return delays[Math.min(index, delays.length - 1)] ?? 60_000;
}
