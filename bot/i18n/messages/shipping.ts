import { defineMessages } from './define';

export const shipping = defineMessages({});
