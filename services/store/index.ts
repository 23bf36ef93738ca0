export { RedisCaseStore, type RedisCaseStoreOptions } from './redis-case-store';
export { MemoryCaseStore, type MemoryCaseStoreOptions } from './memory-case-store';
export { RedisEventSource, type RedisEventSourceOptions } from './redis-event-source';
export { MemoryEventSource, type MemoryEventSourceOptions } from './memory-event-source';
export { MemoryOutbox, type MemoryOutboxOptions, type OutboxDelivery } from './memory-outbox';
export {
  createRedis,
  reconnectDelay,
  type CreateRedisOptions,
  type RedisClient,
  type RedisCommandSender,
  type RedisDedicatedConnection,
  type RedisDuplicable,
} from './redis-client';
export { DEFAULT_PREFIX, storeKeys, type StoreKeys } from './keys';
export { reportDeliveryErrorToStderr, type DeliveryErrorContext, type DeliveryErrorHook } from './delivery-errors';
