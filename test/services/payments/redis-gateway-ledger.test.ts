import { createClient } from 'redis';
import { RedisGatewayLedger, SimulatedGateway } from '../../../services/payments';
import type { PaymentRequest } from '../../../services/refunds/ports';
import { FakeClock } from '../../support/fake-clock';

// The simulated gateway with its memory in Redis: the same promises as in memory (one payment per key, the first
// outcome stands, a key reused for another payment is a bug), kept across gateway objects (processes).

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `test:gateway-ledger:${process.pid}:${Math.random().toString(36).slice(2, 8)}:`;
const client = createClient({ url: REDIS_URL });

const request = (overrides: Partial<PaymentRequest> = {}): PaymentRequest => ({
  key: 'pay:RD-000001:1',
  caseId: 'RD-000001',
  orderId: 'DEMO-1002',
  buyerId: 'buyer-1001',
  currency: 'CNY',
  amount: 5216,
  pointsRestored: 172,
  method: 'alipay',
  ...overrides,
});

let run = 0;
function world(options: { confirmAfterMs?: number; failureRate?: number; declineRate?: number } = {}) {
  const ledger = new RedisGatewayLedger({ client, prefix: `${prefix}${++run}:` });
  const clock = new FakeClock();
  const gateway = () => new SimulatedGateway({ clock, ledger, ...options });
  return { ledger, clock, gateway };
}

beforeAll(() => client.connect());
afterAll(async () => {
  const keys: string[] = [];
  for await (const batch of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) keys.push(...batch);
  if (keys.length) await client.del(keys);
  await client.quit();
});

describe('SimulatedGateway on a RedisGatewayLedger', () => {
  it('pays a key once however many gateways submit it at once', async () => {
    const { ledger, gateway } = world();
    const replies = await Promise.all(Array.from({ length: 20 }, () => gateway().submit(request())));
    expect(new Set(replies.map((r) => JSON.stringify(r))).size).toBe(1);
    expect(replies[0]).toEqual({ kind: 'confirmed', reference: 'SIM-00000001' });
    expect(await ledger.rows()).toEqual([expect.objectContaining({ key: 'pay:RD-000001:1', caseId: 'RD-000001', amount: 5216, reference: 'SIM-00000001' })]);
  });

  it('keeps an accepted payment across gateway objects and confirms it when due', async () => {
    const { clock, gateway } = world({ confirmAfterMs: 60_000 });
    expect(await gateway().submit(request())).toEqual({ kind: 'accepted', reference: 'SIM-00000001' });
    expect(await gateway().status('pay:RD-000001:1')).toEqual({ kind: 'accepted', reference: 'SIM-00000001' });
    clock.advance(60_000);
    expect(await gateway().status('pay:RD-000001:1')).toEqual({ kind: 'confirmed', reference: 'SIM-00000001' });
    expect(await gateway().status('pay:unknown')).toEqual({ kind: 'unknown' });
  });

  it('plays scripts: a lost reply pays once, a decline sticks, an unconfirmed payment waits for confirm()', async () => {
    const { ledger, clock, gateway } = world();
    const gw = gateway();
    gw.script('pay:RD-000001:1', ['transient', 'paid_reply_lost']);
    expect((await gw.submit(request())).kind).toBe('transient');
    expect((await gw.submit(request())).kind).toBe('transient');
    expect((await gw.submit(request())).kind).toBe('confirmed');
    expect(await ledger.rows()).toHaveLength(1);

    gw.script('pay:RD-000002:1', [{ kind: 'declined', code: 'account_closed' }]);
    const second = request({ key: 'pay:RD-000002:1', caseId: 'RD-000002' });
    expect(await gw.submit(second)).toEqual({ kind: 'declined', code: 'account_closed' });
    expect(await gateway().submit(second)).toEqual({ kind: 'declined', code: 'account_closed' });

    gw.script('pay:RD-000003:1', ['accepted_unconfirmed']);
    const third = request({ key: 'pay:RD-000003:1', caseId: 'RD-000003' });
    expect((await gw.submit(third)).kind).toBe('accepted');
    clock.advance(86_400_000);
    expect((await gw.status('pay:RD-000003:1')).kind).toBe('accepted');
    await ledger.confirm('pay:RD-000003:1', clock.now());
    expect((await gw.status('pay:RD-000003:1')).kind).toBe('confirmed');
    expect((await ledger.rows()).map((r) => r.caseId)).toEqual(['RD-000001', 'RD-000003']);
    await expect(ledger.confirm('pay:RD-000002:1', clock.now())).rejects.toThrow(/no payment/);
  });

  it('refuses a key reused for another payment, and the sync accessors point to the ledger', async () => {
    const { gateway } = world();
    const gw = gateway();
    await gw.submit(request());
    await expect(gateway().submit(request({ amount: 9999 }))).rejects.toThrow(/reused for a different payment/);
    expect(() => gw.ledger()).toThrow(/read the ledger/);
    expect(() => gw.confirm('pay:RD-000001:1')).toThrow(/confirm on the ledger/);
  });

  it('answers transient without paying when chance says so, and the next submit may pay', async () => {
    const { ledger } = world();
    const draws = [0.1, 0.9];
    const gw = new SimulatedGateway({ clock: new FakeClock(), ledger, failureRate: 0.5, random: () => draws.shift()! });
    expect((await gw.submit(request())).kind).toBe('transient');
    expect(await ledger.rows()).toHaveLength(0);
    expect((await gw.submit(request())).kind).toBe('confirmed');
    expect(await ledger.rows()).toHaveLength(1);
  });
});
