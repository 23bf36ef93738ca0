import { defineMessages } from './define';

export const errors = defineMessages({
  'error.turn': {
    zh: '抱歉，处理您的消息时出了点问题（编号 {correlationId}）。您的申请和资料都没有丢失，请稍后再发一次；如果仍有问题，可以说“转人工”。',
    en: 'Sorry, something went wrong while handling your message (reference {correlationId}). Nothing you filed is lost: please send it again in a moment, or say "talk to a person" if it keeps happening.',
  },
  'error.unavailable': {
    zh: '系统暂时繁忙，您的消息没有丢失，请稍后再试。',
    en: 'The service is temporarily unavailable. Nothing is lost: please try again in a moment.',
  },
  'error.identity': {
    zh: '抱歉，无法确认您的身份，为保护您的信息，我暂时不能查看订单。请重新登录后再试。',
    en: "Sorry, I couldn't confirm who you are, so to protect your information I can't look at any orders. Please sign in again and retry.",
  },
});
