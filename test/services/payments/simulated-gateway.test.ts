import { SimulatedGateway } from '../../../services/payments/simulated-gateway';
import type { SimulatedGatewayOptions } from '../../../services/payments/simulated-gateway';
import type { PaymentRequest } from '../../../services/refunds/ports';
import { FakeClock } from '../../support/fake-clock';

const request = (overrides: Partial<PaymentRequest> = {}): PaymentRequest => ({
  key: 'pay:RF-1:1',
  caseId: 'RF-1',
  orderId: 'DEMO-1002',
  buyerId: 'buyer-1001',
  currency: 'CNY',
  amount: 5216,
  pointsRestored: 172,
  method: 'alipay',
  ...overrides,
});

/** A random source that plays the given draws, then fails loudly: tests say exactly what chance does. */
function draws(...values: number[]): () => number {
  return () => {
    const next = values.shift();
    if (next === undefined) throw new Error('random called more often than the test expected');
    return next;
  };
}

function gateway(options: Partial<SimulatedGatewayOptions> = {}): { gw: SimulatedGateway; clock: FakeClock } {
  const clock = new FakeClock();
  return { gw: new SimulatedGateway({ clock, random: draws(), ...options }), clock };
}

describe('SimulatedGateway', () => {
  it('pays and confirms at once by default, writing one ledger row', async () => {
    const { gw, clock } = gateway({ random: draws(0.5) });
    const reply = await gw.submit(request());
    expect(reply).toEqual({ kind: 'confirmed', reference: expect.stringMatching(/^SIM-/) });
    await expect(gw.status('pay:RF-1:1')).resolves.toEqual(reply);
    expect(gw.ledger()).toEqual([
      { key: 'pay:RF-1:1', caseId: 'RF-1', amount: 5216, pointsRestored: 172, at: clock.now().toISOString(), reference: (reply as { reference: string }).reference },
    ]);
    expect(gw.paidTwice()).toEqual([]);
  });

  it('a second submit under the same key never pays again and returns the first outcome', async () => {
    const { gw } = gateway({ random: draws(0.5) });
    const first = await gw.submit(request());
    const second = await gw.submit(request());
    expect(second).toEqual(first);
    expect(gw.ledger()).toHaveLength(1);
  });

  it('concurrent submits of one key pay once', async () => {
    const { gw } = gateway({ random: () => 0.5, latencyMs: 20 });
    const replies = await Promise.all([gw.submit(request()), gw.submit(request()), gw.submit(request())]);
    expect(new Set(replies.map((r) => JSON.stringify(r))).size).toBe(1);
    expect(gw.ledger()).toHaveLength(1);
  });

  it('a transient failure is not an outcome: the retry under the same key may pay', async () => {
    const { gw } = gateway({ failureRate: 0.2, random: draws(0.1, 0.9) });
    await expect(gw.submit(request())).resolves.toMatchObject({ kind: 'transient' });
    await expect(gw.status('pay:RF-1:1')).resolves.toEqual({ kind: 'unknown' });
    expect(gw.ledger()).toEqual([]);
    await expect(gw.submit(request())).resolves.toMatchObject({ kind: 'confirmed' });
    expect(gw.ledger()).toHaveLength(1);
  });

  it('a declined key stays declined', async () => {
    const { gw } = gateway({ failureRate: 0.1, declineRate: 0.2, random: draws(0.25) });
    const declined = await gw.submit(request());
    expect(declined).toMatchObject({ kind: 'declined', code: 'simulated_decline' });
    await expect(gw.submit(request())).resolves.toEqual(declined);
    await expect(gw.status('pay:RF-1:1')).resolves.toEqual(declined);
    expect(gw.ledger()).toEqual([]);
  });

  it('a new key generation after a decline may pay', async () => {
    const { gw } = gateway({ random: draws(0.5) });
    gw.script('pay:RF-1:1', ['declined']);
    await gw.submit(request());
    await expect(gw.submit(request({ key: 'pay:RF-1:2' }))).resolves.toMatchObject({ kind: 'confirmed' });
    expect(gw.ledger().map((r) => r.key)).toEqual(['pay:RF-1:2']);
    expect(gw.paidTwice()).toEqual([]);
  });

  it('with confirmAfterMs, replies accepted and confirms on the clock', async () => {
    const { gw, clock } = gateway({ confirmAfterMs: 60_000, random: draws(0.5) });
    const reply = await gw.submit(request());
    expect(reply.kind).toBe('accepted');
    clock.advance(59_999);
    await expect(gw.status('pay:RF-1:1')).resolves.toMatchObject({ kind: 'accepted' });
    clock.advance(1);
    await expect(gw.status('pay:RF-1:1')).resolves.toEqual({ kind: 'confirmed', reference: (reply as { reference: string }).reference });
    // A late retry reports the same payment, now confirmed, and pays nothing.
    await expect(gw.submit(request())).resolves.toMatchObject({ kind: 'confirmed' });
    expect(gw.ledger()).toHaveLength(1);
  });

  it('status of a key never seen is unknown', async () => {
    const { gw } = gateway();
    await expect(gw.status('pay:nope:1')).resolves.toEqual({ kind: 'unknown' });
  });

  it('scripted replies: transient, transient, accepted', async () => {
    const { gw } = gateway();
    gw.script('pay:RF-1:1', ['transient', 'transient', 'accepted']);
    await expect(gw.submit(request())).resolves.toMatchObject({ kind: 'transient' });
    await expect(gw.submit(request())).resolves.toMatchObject({ kind: 'transient' });
    await expect(gw.submit(request())).resolves.toMatchObject({ kind: 'accepted' });
    expect(gw.ledger()).toHaveLength(1);
  });

  it('a reply lost after paying: the retry gets the payment, not a second one', async () => {
    const { gw } = gateway();
    gw.script('pay:RF-1:1', ['paid_reply_lost', 'transient']);
    await expect(gw.submit(request())).resolves.toMatchObject({ kind: 'transient' });
    await expect(gw.status('pay:RF-1:1')).resolves.toMatchObject({ kind: 'confirmed' });
    await expect(gw.submit(request())).resolves.toMatchObject({ kind: 'transient' });
    await expect(gw.submit(request())).resolves.toMatchObject({ kind: 'confirmed' });
    expect(gw.ledger()).toHaveLength(1);
  });

  it('scripted outcomes after the first outcome change nothing', async () => {
    const { gw } = gateway();
    gw.script('pay:RF-1:1', [{ kind: 'declined', code: 'payee_frozen', message: 'account frozen' }, 'confirmed', 'paid_reply_lost']);
    const declined = await gw.submit(request());
    expect(declined).toEqual({ kind: 'declined', code: 'payee_frozen', message: 'account frozen' });
    await expect(gw.submit(request())).resolves.toEqual(declined);
    await expect(gw.submit(request())).resolves.toMatchObject({ kind: 'transient' });
    expect(gw.ledger()).toEqual([]);
  });

  it('accepted_unconfirmed waits for confirm()', async () => {
    const { gw, clock } = gateway();
    gw.script('pay:RF-1:1', ['accepted_unconfirmed']);
    await expect(gw.submit(request())).resolves.toMatchObject({ kind: 'accepted' });
    clock.advance(48 * 3_600_000);
    await expect(gw.status('pay:RF-1:1')).resolves.toMatchObject({ kind: 'accepted' });
    gw.confirm('pay:RF-1:1');
    await expect(gw.status('pay:RF-1:1')).resolves.toMatchObject({ kind: 'confirmed' });
    expect(() => gw.confirm('pay:nope:1')).toThrow(/no payment/);
  });

  it('paidTwice names the cases paid under two keys', async () => {
    const { gw } = gateway({ random: () => 0.5 });
    await gw.submit(request());
    await gw.submit(request({ key: 'pay:RF-2:1', caseId: 'RF-2' }));
    expect(gw.paidTwice()).toEqual([]);
    await gw.submit(request({ key: 'pay:RF-1:2' }));
    expect(gw.paidTwice()).toEqual(['RF-1']);
  });

  it('refuses a key reused for another payment, and malformed amounts, as bugs', async () => {
    const { gw } = gateway({ random: () => 0.5 });
    await gw.submit(request());
    await expect(gw.submit(request({ amount: 9999 }))).rejects.toThrow(/reused/);
    await expect(gw.submit(request({ key: 'k2', amount: 1.5 }))).rejects.toThrow(/non-negative integer/);
    await expect(gw.submit(request({ key: 'k3', pointsRestored: -1 }))).rejects.toThrow(/non-negative integer/);
    expect(() => new SimulatedGateway({ clock: new FakeClock(), failureRate: 0.7, declineRate: 0.5 })).toThrow(RangeError);
  });

  it('over many cases with flaky replies and retries, every case is paid exactly once', async () => {
    // A small deterministic generator, so a failure reproduces.
    let seed = 42;
    const random = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const { gw } = gateway({ failureRate: 0.3, declineRate: 0.05, random });
    for (let i = 0; i < 300; i++) {
      const r = request({ key: `pay:RF-${i}:1`, caseId: `RF-${i}` });
      if (i % 7 === 0) gw.script(r.key, ['paid_reply_lost']);
      for (let attempt = 0; attempt < 10; attempt++) {
        const reply = await gw.submit(r);
        if (reply.kind !== 'transient') break;
      }
    }
    const ledger = gw.ledger();
    expect(gw.paidTwice()).toEqual([]);
    expect(new Set(ledger.map((row) => row.key)).size).toBe(ledger.length);
    expect(ledger.length).toBeGreaterThan(250);
  });
});
