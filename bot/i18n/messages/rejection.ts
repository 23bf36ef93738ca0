import { defineMessages } from './define';

export const rejection = defineMessages({});
