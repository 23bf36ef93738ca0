import { defineMessages } from './define';

export const evidence = defineMessages({});
