import { defineMessages } from './define';

export const refusals = defineMessages({});
