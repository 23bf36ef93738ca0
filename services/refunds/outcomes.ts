import type { Actor, CaseStatus, RefundCase } from './case';
import type { Refusal } from './eligibility';

// What commands and queries answer. Business outcomes are values, never exceptions.

export type CommandError =
  /** No such case, or (for a buyer) someone else's: the two are indistinguishable on purpose. */
  | { kind: 'not_found' }
  | { kind: 'forbidden'; reason: 'other_shop' | 'role_not_allowed' | 'not_a_buyer' }
  | { kind: 'invalid_state'; status: CaseStatus; command: string }
  | { kind: 'invalid_input'; issues: string[] }
  /** Lost a race: someone else changed the case first. */
  | { kind: 'conflict'; status: CaseStatus; by: Actor; at: string; event: string; version: number }
  /** The idempotency key was used before with another payload. */
  | { kind: 'key_reused' }
  /** Filing refused by the automatic review, with every reason. */
  | { kind: 'refused'; refusals: Refusal[] };

export type Result<T, E = CommandError> = { ok: true; value: T } | { ok: false; error: E };

export interface CommandSuccess {
  case: RefundCase;
  /** True when this answer is the stored result of an earlier delivery of the same command. */
  replayed: boolean;
}

export type CommandOutcome = Result<CommandSuccess>;

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const fail = <E>(error: E): { ok: false; error: E } => ({ ok: false, error });
