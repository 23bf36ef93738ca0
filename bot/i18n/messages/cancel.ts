import { defineMessages } from './define';

export const cancel = defineMessages({});
