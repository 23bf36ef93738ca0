export * from './handoff-queue';
export * from './memory-handoff-queue';
export * from './redis-handoff-queue';
export * from './business-hours';
export * from './summarizer';
export { keepLatest } from './transitions';
