export * from './handoff-queue';
export * from './memory-handoff-queue';
