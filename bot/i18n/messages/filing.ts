import { defineMessages } from './define';

export const filing = defineMessages({});
