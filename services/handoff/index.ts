export * from './handoff-queue';
export * from './memory-handoff-queue';
export * from './redis-handoff-queue';
