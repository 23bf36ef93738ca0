// Dialog and prompt ids: constants, so state written by one version of the bot is read by the next.

export const DIALOG = {
  main: 'main',
  fileRefund: 'file-refund',
  caseStatus: 'case-status',
  returnShipping: 'return-shipping',
  rejection: 'after-rejection',
  cancelCase: 'cancel-case',
  rate: 'rate-case',
  handoff: 'handoff',
} as const;

export const PROMPT = {
  reply: 'reply-prompt',
} as const;
