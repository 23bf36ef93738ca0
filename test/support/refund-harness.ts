import { randomBytes } from 'node:crypto';
import { demoData } from '../../services/orders';
import { FixtureCatalogue } from '../../services/orders';
import { FixtureLogistics } from '../../services/logistics';
import { SimulatedGateway, type SimulatedGatewayOptions } from '../../services/payments';
import { createRefundCore, type RefundCore } from '../../services/refunds';
import type { Actor, AuditEntry, DomainEvent, EvidenceRef } from '../../services/refunds/case';
import type { PolicyConfig } from '../../services/refunds/policy';
import type { CaseStore, EventSource, PaymentGateway, PaymentReply, PaymentRequest } from '../../services/refunds/ports';
import type { RefundServiceDeps } from '../../services/refunds/service';
import { createRedis, type RedisClient } from '../../services/store';
import { FakeClock } from './fake-clock';

// The refund core wired on a given case store with the demo marketplace, a simulated gateway and carrier, and a
// fake clock: what the service suites and the sweeper tests drive.

export const BUYER: Actor = { role: 'buyer', id: 'buyer-1001' };
export const OTHER_BUYER: Actor = { role: 'buyer', id: 'buyer-1002' };
export const MERCHANT: Actor = { role: 'merchant', id: 'm-1', shopId: 'shop-201' };
/** A second merchant user of the same shop. */
export const MERCHANT_2: Actor = { role: 'merchant', id: 'm-2', shopId: 'shop-201' };
export const OTHER_SHOP_MERCHANT: Actor = { role: 'merchant', id: 'm-9', shopId: 'shop-202' };
export const CS: Actor = { role: 'cs', id: 'cs-1' };

/** Photo evidence as the evidence store would describe it. */
export function photo(seed = 'a', at = '2025-06-18T02:00:00.000Z'): EvidenceRef {
  return { sha256: seed.repeat(64).slice(0, 64), kind: 'image', mediaType: 'image/jpeg', size: 48_213, name: 'photo.jpg', addedBy: 'buyer', addedAt: at };
}

/** Passes every call to a gateway and remembers the keys it was asked about: retries must reuse the same key. */
export class RecordingGateway implements PaymentGateway {
  readonly submits: PaymentRequest[] = [];
  readonly statusChecks: string[] = [];
  /** The next status check answers as a timeout would (transient). */
  failNextStatus = false;

  constructor(private readonly inner: PaymentGateway) {}

  async submit(request: PaymentRequest): Promise<PaymentReply> {
    this.submits.push({ ...request });
    return this.inner.submit(request);
  }

  async status(key: string): Promise<PaymentReply | { kind: 'unknown' }> {
    this.statusChecks.push(key);
    if (this.failNextStatus) {
      this.failNextStatus = false;
      return { kind: 'transient', message: 'gateway timeout' };
    }
    return this.inner.status(key);
  }

  keysSubmittedFor(caseId: string): string[] {
    return this.submits.filter((r) => r.caseId === caseId).map((r) => r.key);
  }
}

export interface RefundHarnessOptions {
  store: CaseStore;
  clock?: FakeClock;
  policy?: Partial<PolicyConfig>;
  gateway?: Omit<SimulatedGatewayOptions, 'clock'>;
  /** How long a registered return parcel takes to arrive (default: the carrier simulator's 2 minutes). */
  returnTransitMs?: number;
}

export interface RefundHarness {
  core: RefundCore;
  store: CaseStore;
  clock: FakeClock;
  catalogue: FixtureCatalogue;
  logistics: FixtureLogistics;
  /** The money: its ledger says what was really paid. */
  gateway: SimulatedGateway;
  /** What the core sent to the gateway. */
  calls: RecordingGateway;
  /** The dependencies the core was built from (to build another instance on the same world). */
  deps: RefundServiceDeps;
  /** Another core on the same store and the same outside world, as a second process would be (overrides replace ports). */
  newCore(overrides?: Partial<RefundServiceDeps>): RefundCore;
}

export function refundHarness(options: RefundHarnessOptions): RefundHarness {
  const clock = options.clock ?? new FakeClock();
  const data = demoData(clock.now());
  const catalogue = new FixtureCatalogue({ data, clock });
  const logistics = new FixtureLogistics({
    clock,
    tracking: data.tracking,
    ...(options.returnTransitMs !== undefined ? { returnTransitMs: options.returnTransitMs } : {}),
  });
  const gateway = new SimulatedGateway({ clock, ...options.gateway });
  const calls = new RecordingGateway(gateway);
  const deps: RefundServiceDeps = {
    store: options.store,
    orders: catalogue,
    payments: calls,
    logistics,
    clock,
    ...(options.policy ? { policy: options.policy } : {}),
  };
  return {
    core: createRefundCore(deps),
    store: options.store,
    clock,
    catalogue,
    logistics,
    gateway,
    calls,
    deps,
    newCore: (overrides = {}) => createRefundCore({ ...deps, ...overrides }),
  };
}

/**
 * Subscribes a fresh consumer group, waits until `expected` events arrived (and a little longer, so extras
 * would show), then stops. Every event ever written is delivered: a new group starts at the oldest.
 */
export async function drainEvents(events: EventSource, expected: number, timeoutMs = 10_000): Promise<DomainEvent[]> {
  const got: DomainEvent[] = [];
  const stop = await events.subscribe(`test-${randomBytes(4).toString('hex')}`, 'c1', async (e) => {
    got.push(e);
  });
  try {
    const deadline = Date.now() + timeoutMs;
    while (got.length < expected && Date.now() < deadline) await sleep(10);
    await sleep(150);
  } finally {
    await stop();
  }
  return got;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Events of the audit trail, in order: a compact way to check a lifecycle. */
export function steps(trail: AuditEntry[]): string[] {
  return trail.map((a) => `${a.event}:${a.to}`);
}

// ---- Redis for tests -------------------------------------------------------------------------------------------

export function redisUrl(): string {
  return process.env.REDIS_URL || 'redis://127.0.0.1:6379';
}

/** A key prefix no other test file or run shares. */
export function uniquePrefix(name: string): string {
  return `test:${name}:${randomBytes(6).toString('hex')}:`;
}

export async function connectRedis(name: string): Promise<RedisClient> {
  const client = createRedis({ url: redisUrl(), name, onError: (err) => console.error(`test redis: ${err.message}`) });
  await client.connect();
  return client;
}

/** Removes every key under the prefix (SCAN + UNLINK, never FLUSHDB: the server is shared). */
export async function deleteKeysUnder(client: RedisClient, prefix: string): Promise<number> {
  const pattern = `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`;
  let cursor = '0';
  let deleted = 0;
  do {
    const [next, keys] = await client.sendCommand<[string, string[]]>(['SCAN', cursor, 'MATCH', pattern, 'COUNT', '1000']);
    if (keys.length > 0) deleted += Number(await client.sendCommand(['UNLINK', ...keys]));
    cursor = String(next);
  } while (cursor !== '0');
  return deleted;
}
