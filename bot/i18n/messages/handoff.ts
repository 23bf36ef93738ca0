import { defineMessages } from './define';

export const handoff = defineMessages({});
