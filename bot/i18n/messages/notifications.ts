import { defineMessages } from './define';

export const notifications = defineMessages({});
