export type {
  TurnLock,
  TurnLockAcquireOptions,
  TurnLockHeld,
  TurnLockResult,
  TurnLockTimedOut,
} from './turn-lock';
export { RedisTurnLock } from './redis-turn-lock';
export type { RedisTurnLockClient, RedisTurnLockOptions } from './redis-turn-lock';
export { InMemoryTurnLock } from './memory-turn-lock';
export type { InMemoryTurnLockOptions, MemoryLeaseMap } from './memory-turn-lock';
export type { QueuedTurnLockOptions } from './queued-turn-lock';
