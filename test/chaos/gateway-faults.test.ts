import type { PaymentGateway, PaymentReply, PaymentRequest, RefundCase, RefundCore } from '../../services/refunds';
import { paymentKey } from '../../services/refunds/apply';
import { csAlertOf } from '../../bot/staff/cs/cs-alert-rules';
import { cancelOrder, chaosBuyer } from '../../scripts/chaos/world';
import { violations } from './support/invariants';
import { coreWorld, type CoreWorld } from './support/core-world';

// Gateway faults (issue 6, item 5): timeouts, 5xx, slow confirmations, definitive declines, replies delivered twice.
// Whatever the gateway does, a case is paid at most once (the gateway's ledger is the judge), ends refunded or
// refund_failed, and CS hears of every failure through the outbox.

const LONG = process.env.CHAOS_LONG === '1';
const MINUTE = 60_000;

/** A gateway in front of another that fails the way real ones do before the request reaches them or after. */
class FaultyGateway implements PaymentGateway {
  calls = 0;
  constructor(
    private readonly inner: PaymentGateway,
    private readonly fault: (call: number, request: PaymentRequest | string) => 'timeout' | '5xx' | 'reply_lost' | null,
  ) {}

  async submit(request: PaymentRequest): Promise<PaymentReply> {
    const fault = this.fault(++this.calls, request);
    if (fault === 'timeout') throw new Error('ETIMEDOUT: the gateway did not answer in 10 s');
    if (fault === '5xx') return { kind: 'transient', message: 'HTTP 502 Bad Gateway' };
    const reply = await this.inner.submit(request);
    // The money moved, the answer was lost on the way back.
    if (fault === 'reply_lost') throw new Error('ECONNRESET: socket hang up');
    return reply;
  }

  async status(key: string): Promise<PaymentReply | { kind: 'unknown' }> {
    const fault = this.fault(++this.calls, key);
    if (fault === 'timeout') throw new Error('ETIMEDOUT: the gateway did not answer in 10 s');
    if (fault === '5xx') return { kind: 'transient', message: 'HTTP 503 Service Unavailable' };
    return this.inner.status(key);
  }
}

async function fileCancellations(core: RefundCore, from: number, to: number): Promise<RefundCase[]> {
  const filed: RefundCase[] = [];
  for (let n = from; n <= to; n++) {
    const outcome = await core.service.file(
      { role: 'buyer', id: chaosBuyer(n) },
      { orderId: cancelOrder(n), lines: [{ lineIndex: 0, quantity: 1 }], type: 'refund_only', reason: 'mistaken_purchase' },
      `file-${n}`,
    );
    if (!outcome.ok) throw new Error(`filing ${n}: ${JSON.stringify(outcome.error)}`);
    expect(outcome.value.case.status).toBe('refund_pending');
    filed.push(outcome.value.case);
  }
  return filed;
}

/** Sweeps with every core at once, the clock moving `stepMs` between rounds, until nothing is left to pay. */
async function drive(w: CoreWorld, cores: RefundCore[], stepMs: number, maxRounds = 400): Promise<number> {
  for (let round = 1; round <= maxRounds; round++) {
    await Promise.all(cores.map((c) => c.timers.sweep()));
    const paying = (await w.client.zCard(`${w.prefix}idx:status:refund_pending`)) + (await w.client.zCard(`${w.prefix}idx:status:refunding`));
    if (paying === 0) return round;
    w.clock.advance(stepMs);
  }
  throw new Error('payments did not settle');
}

describe('gateway faults', () => {
  let w: CoreWorld;
  afterEach(() => w.close());

  it('timeouts and 5xx are retried under the same key with backoff: paid once, refunded', async () => {
    w = await coreWorld(10, 'gw-transient');
    // Every case's first three calls fail (a timeout, a 5xx, a lost reply after paying), then the gateway works.
    const seen = new Map<string, number>();
    const faults = ['timeout', '5xx', 'reply_lost'] as const;
    const gateway = new FaultyGateway(w.gateway(), (_call, r) => {
      const key = typeof r === 'string' ? r : r.key;
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      return faults[n - 1] ?? null;
    });
    const core = w.core(gateway);
    await fileCancellations(core, 1, 10);
    await drive(w, [core], MINUTE);
    const world = await w.snapshot();
    expect(violations(world, { settled: true })).toEqual([]);
    expect(world.cases.map((c) => c.status)).toEqual(Array(10).fill('refunded'));
    expect(world.ledger).toHaveLength(10);
    for (const c of world.cases) {
      const trail = world.audits.get(c.id)!;
      expect(trail.filter((e) => e.event === 'payment_retry_scheduled')).toHaveLength(3);
      // One key, generation 1, through every retry.
      expect(new Set(trail.filter((e) => e.data?.key).map((e) => e.data!.key))).toEqual(new Set([paymentKey(c.id, 1)]));
    }
  });

  it('slow confirmations: accepted payments are polled with backoff, CS is alerted after 24 h, and they end refunded once', async () => {
    w = await coreWorld(4, 'gw-slow');
    // Confirmed 30 hours after acceptance: past the 24-hour "payment not confirmed" alert.
    const core = w.core(w.gateway({ confirmAfterMs: 30 * 60 * MINUTE }));
    await fileCancellations(core, 1, 4);
    const rounds = await drive(w, [core], 10 * MINUTE);
    expect(rounds).toBeGreaterThan(100);
    const world = await w.snapshot();
    expect(violations(world, { settled: true })).toEqual([]);
    expect(world.cases.map((c) => c.status)).toEqual(Array(4).fill('refunded'));
    expect(world.ledger).toHaveLength(4);
    const alerts = world.events.filter((e) => e.type === 'notice' && e.notice === 'alert:payment_unconfirmed');
    expect(alerts).toHaveLength(4);
    expect(alerts.map((e) => csAlertOf(e))).toEqual(Array(4).fill({ kind: 'notice', notice: 'payment_unconfirmed' }));
  });

  it('a definitive decline ends refund_failed with nothing paid, and the failure is an event the CS desk turns into an alert', async () => {
    w = await coreWorld(3, 'gw-decline');
    const gateway = w.gateway();
    const core = w.core(gateway);
    const cases = await fileCancellations(core, 1, 3);
    gateway.script(paymentKey(cases[0]!.id, 1), ['transient', { kind: 'declined', code: 'payee_account_closed' }]);
    gateway.script(paymentKey(cases[1]!.id, 1), ['accepted', 'declined']);
    await drive(w, [core], 10 * MINUTE);
    const world = await w.snapshot();
    expect(violations(world, { settled: true })).toEqual([]);
    const status = Object.fromEntries(world.cases.map((c) => [c.id, c.status]));
    // The second one was accepted first: a later 'declined' draw cannot undo a payment that stands.
    expect(status).toEqual({ [cases[0]!.id]: 'refund_failed', [cases[1]!.id]: 'refunded', [cases[2]!.id]: 'refunded' });
    expect(world.ledger.map((r) => r.caseId).sort()).toEqual([cases[1]!.id, cases[2]!.id]);
    const declined = world.events.filter((e) => e.to === 'refund_failed');
    expect(declined).toHaveLength(1);
    expect(declined[0]).toMatchObject({ caseId: cases[0]!.id, type: 'payment_declined', data: { code: 'payee_account_closed' } });
    expect(csAlertOf(declined[0]!)).toEqual({ kind: 'payment_failed', code: 'payee_account_closed' });

    // CS retries under a new generation; the gateway pays that one once.
    const retried = await core.service.execute({ role: 'cs', id: 'cs-1' }, cases[0]!.id, { kind: 'cs_retry_payment', remark: '买家已更换收款账户' }, 'retry-1');
    expect(retried.ok).toBe(true);
    await drive(w, [core], MINUTE);
    const after = await w.snapshot();
    expect(violations(after, { settled: true })).toEqual([]);
    const paid = after.ledger.filter((r) => r.caseId === cases[0]!.id);
    expect(paid.map((r) => r.key)).toEqual([paymentKey(cases[0]!.id, 2)]);
  });

  it('a reply delivered twice (two instances get the same answer for one key) is recorded once', async () => {
    w = await coreWorld(6, 'gw-twice');
    const gateway = w.gateway({ confirmAfterMs: 5 * MINUTE });
    const a = w.core(gateway);
    const b = w.core(gateway);
    const cases = await fileCancellations(a, 1, 6);
    // Both instances advance the same snapshot of each case at once: submit, accepted, both try to record it.
    const first = await Promise.all(cases.flatMap((c) => [a.payments.advance(c), b.payments.advance(c)]));
    expect(first.filter((r) => r !== null).length).toBeGreaterThanOrEqual(6);
    const accepted = (await w.snapshot()).cases;
    w.clock.advance(5 * MINUTE);
    // The confirmation, twice over: both instances poll the accepted payment at once.
    await Promise.all(accepted.flatMap((c) => [a.payments.advance(c), b.payments.advance(c)]));
    const world = await w.snapshot();
    expect(world.cases.map((c) => c.status)).toEqual(Array(6).fill('refunded'));
    // And once more, late: a confirmation for a case already refunded changes nothing.
    const before = world.events.length;
    const late = await Promise.all(accepted.map((c) => a.payments.advance(c)));
    expect(late).toEqual(Array(6).fill(null));
    const end = await w.snapshot();
    expect(end.events).toHaveLength(before);
    expect(violations(end, { settled: true })).toEqual([]);
    expect(end.ledger).toHaveLength(6);
    for (const c of end.cases) expect(end.events.filter((e) => e.caseId === c.id && e.type === 'payment_confirmed')).toHaveLength(1);
  });

  it(`at scale: ${LONG ? 1000 : 100} cases, random timeouts, 5xx, lost replies, declines and slow confirmations, two instances sweeping`, async () => {
    const n = LONG ? 1000 : 100;
    w = await coreWorld(n, 'gw-scale');
    const faults = ['timeout', '5xx', 'reply_lost'] as const;
    const flaky = (seed: number) => {
      let x = seed;
      const random = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
      return new FaultyGateway(w.gateway({ failureRate: 0.2, declineRate: 0.1, confirmAfterMs: 3 * MINUTE, random }), () => {
        const r = random();
        return r < 0.15 ? faults[Math.floor(r / 0.05)]! : null;
      });
    };
    const a = w.core(flaky(7));
    const b = w.core(flaky(11));
    await fileCancellations(a, 1, n);
    await drive(w, [a, b], MINUTE, 2000);
    const world = await w.snapshot();
    expect(violations(world, { settled: true })).toEqual([]);
    const statuses = new Set(world.cases.map((c) => c.status));
    expect([...statuses].every((s) => s === 'refunded' || s === 'refund_failed')).toBe(true);
    const refunded = world.cases.filter((c) => c.status === 'refunded');
    const failed = world.cases.filter((c) => c.status === 'refund_failed');
    expect(refunded.length).toBeGreaterThan(n / 2);
    expect(failed.length).toBeGreaterThan(0);
    // Refunded: paid exactly once, the amount the case says. Failed: nothing paid, and CS has an alert for each.
    expect(world.ledger.map((r) => r.caseId).sort()).toEqual(refunded.map((c) => c.id).sort());
    const failures = world.events.filter((e) => e.type === 'payment_declined').map((e) => csAlertOf(e)?.kind);
    expect(failures).toEqual(Array(failed.length).fill('payment_failed'));
  });
});
