export { RedisStorage } from './redis-storage';
export { DEFAULT_STATE_TTL_SECONDS } from './state-ttl';
export type { RedisStorageClient, RedisStorageOptions } from './redis-storage';
export { InMemoryStorage } from './memory-storage';
export type { InMemoryStorageOptions, MemoryStorageEntry, MemoryStorageMap } from './memory-storage';
export { ETagConflictError } from './etag-conflict-error';
export { RedisScript } from './redis-script';
export type { RedisScriptClient, ScriptArguments } from './redis-script';
