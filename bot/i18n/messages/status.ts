import { defineMessages } from './define';

export const status = defineMessages({});
