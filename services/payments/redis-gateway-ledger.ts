import type { PaymentRequest } from '../refunds/ports';
import type { RedisCommandSender } from '../store/redis-client';
import type { LedgerRow } from './simulated-gateway';

// The simulated gateway's memory (requests per key, the outcome that stands for each key, the money that moved)
// kept in Redis, so it outlives the processes that call it: fault-injection runs kill servers mid-payment and
// still need one judge of "paid twice". Each submit is one script, so concurrent submits of one key from several
// processes cannot both see it unpaid, exactly as the in-memory gateway guarantees within one process.

export type LedgerOutcome =
  | { kind: 'paid'; reference: string; at: string; confirmAt: number | null }
  | { kind: 'declined'; code: string; message?: string };

/** What a fresh submission would do if the key has no outcome yet; null records the request only (no answer). */
export type LedgerProposal = { kind: 'pay'; confirmAfterMs: number | null } | { kind: 'decline'; code: string; message?: string } | null;

export interface SettleResult {
  /** The first request under the key when this one differs from it: the key was reused for another payment. */
  reusedBy: PaymentRequest | null;
  /** The outcome that stands for the key (the first one ever written), or null when there is none. */
  outcome: LedgerOutcome | null;
}

/** Where a SimulatedGateway keeps its state when it must outlive its process. */
export interface GatewayLedger {
  /** One atomic step: remember the request, and write `proposal` as the key's outcome unless it already has one. */
  settle(request: PaymentRequest, proposal: LedgerProposal, at: Date): Promise<SettleResult>;
  outcome(key: string): Promise<LedgerOutcome | null>;
  /** Confirms an accepted payment at `at` (or earlier if it was already due). */
  confirm(key: string, at: Date): Promise<void>;
  /** One row per real payment, oldest first. */
  rows(): Promise<LedgerRow[]>;
}

const REF = '@REF@';

// KEYS: 1 request, 2 outcome, 3 ledger list, 4 reference sequence
// ARGV: 1 request JSON, 2 proposal kind ('' | 'pay' | 'decline'), 3 outcome JSON (reference as @REF@), 4 row JSON (same)
// Reply: {'reused', first request JSON} | {'known', outcome JSON} | {'new', outcome JSON} | {'none'}
const SETTLE_SCRIPT = `
local stored = redis.call('GET', KEYS[1])
if stored then
  local a = cjson.decode(stored)
  local b = cjson.decode(ARGV[1])
  for _, f in ipairs({'caseId', 'orderId', 'buyerId', 'currency', 'amount', 'pointsRestored', 'method'}) do
    if a[f] ~= b[f] then return {'reused', stored} end
  end
else
  redis.call('SET', KEYS[1], ARGV[1])
end
local known = redis.call('GET', KEYS[2])
if known then return {'known', known} end
if ARGV[2] == '' then return {'none'} end
local outcome = ARGV[3]
if ARGV[2] == 'pay' then
  local ref = string.format('SIM-%08d', redis.call('INCR', KEYS[4]))
  outcome = string.gsub(ARGV[3], '${REF}', ref)
  local row = string.gsub(ARGV[4], '${REF}', ref)
  redis.call('RPUSH', KEYS[3], row)
end
redis.call('SET', KEYS[2], outcome)
return {'new', outcome}
`;

// KEYS: 1 outcome; ARGV: 1 time (epoch ms)
const CONFIRM_SCRIPT = `
local stored = redis.call('GET', KEYS[1])
if not stored then return 0 end
local o = cjson.decode(stored)
if o.kind ~= 'paid' then return 0 end
local at = tonumber(ARGV[1])
if o.confirmAt == cjson.null or o.confirmAt > at then
  o.confirmAt = at
  redis.call('SET', KEYS[1], cjson.encode(o))
end
return 1
`;

export interface RedisGatewayLedgerOptions {
  client: RedisCommandSender;
  /** Key prefix; the ledger's keys live under `<prefix>gateway:`. */
  prefix: string;
}

export class RedisGatewayLedger implements GatewayLedger {
  private readonly client: RedisCommandSender;
  private readonly base: string;

  constructor(options: RedisGatewayLedgerOptions) {
    this.client = options.client;
    this.base = `${options.prefix}gateway:`;
  }

  async settle(request: PaymentRequest, proposal: LedgerProposal, at: Date): Promise<SettleResult> {
    const { key } = request;
    const outcome: LedgerOutcome | null =
      proposal === null
        ? null
        : proposal.kind === 'pay'
          ? { kind: 'paid', reference: REF, at: at.toISOString(), confirmAt: proposal.confirmAfterMs === null ? null : at.getTime() + proposal.confirmAfterMs }
          : { kind: 'declined', code: proposal.code, ...(proposal.message !== undefined ? { message: proposal.message } : {}) };
    const row: LedgerRow = { key, caseId: request.caseId, amount: request.amount, pointsRestored: request.pointsRestored, at: at.toISOString(), reference: REF };
    const reply = await this.client.sendCommand<[string, string?]>([
      'EVAL',
      SETTLE_SCRIPT,
      '4',
      this.requestKey(key),
      this.outcomeKey(key),
      this.ledgerKey,
      `${this.base}seq`,
      JSON.stringify(request),
      proposal === null ? '' : proposal.kind,
      outcome === null ? '' : JSON.stringify(outcome),
      JSON.stringify(row),
    ]);
    switch (reply[0]) {
      case 'reused':
        return { reusedBy: JSON.parse(reply[1]!) as PaymentRequest, outcome: null };
      case 'known':
      case 'new':
        return { reusedBy: null, outcome: JSON.parse(reply[1]!) as LedgerOutcome };
      case 'none':
        return { reusedBy: null, outcome: null };
      default:
        throw new Error(`unexpected gateway ledger reply ${JSON.stringify(reply)}`);
    }
  }

  async outcome(key: string): Promise<LedgerOutcome | null> {
    const json = await this.client.sendCommand<string | null>(['GET', this.outcomeKey(key)]);
    return json === null ? null : (JSON.parse(json) as LedgerOutcome);
  }

  async confirm(key: string, at: Date): Promise<void> {
    const found = await this.client.sendCommand<number>(['EVAL', CONFIRM_SCRIPT, '1', this.outcomeKey(key), String(at.getTime())]);
    if (Number(found) !== 1) throw new Error(`confirm: no payment under key ${key}`);
  }

  async rows(): Promise<LedgerRow[]> {
    const rows = await this.client.sendCommand<string[]>(['LRANGE', this.ledgerKey, '0', '-1']);
    return rows.map((r) => JSON.parse(r) as LedgerRow);
  }

  private get ledgerKey(): string {
    return `${this.base}ledger`;
  }

  private requestKey(key: string): string {
    return `${this.base}request:${key}`;
  }

  private outcomeKey(key: string): string {
    return `${this.base}outcome:${key}`;
  }
}
