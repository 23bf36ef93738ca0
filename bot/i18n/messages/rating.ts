import { defineMessages } from './define';

export const rating = defineMessages({});
