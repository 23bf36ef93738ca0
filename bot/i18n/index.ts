export * from './language';
export * from './format';
export * from './catalog';
export { defineMessages } from './messages/define';
export type { Bilingual } from './messages/define';
