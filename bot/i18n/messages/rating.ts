import { defineMessages } from './define';

// Rating a finished case.

export const rating = defineMessages({
  'rating.card.title': { zh: '为 {caseId} 评分', en: 'Rate {caseId}' },
  'rating.card.prompt': {
    zh: '这次处理您满意吗？请选择 1-5 星，也可以在下面留下评价。',
    en: 'How did we do? Choose 1 to 5 stars; you can leave a comment below too.',
  },
  'rating.card.comment': { zh: '说点什么（选填）', en: 'Comment (optional)' },
  'rating.stars': { zh: '{stars} 星', en: '{stars} stars' },
  'rating.pick': {
    zh: '您有 {count} 笔已结束的申请可以评价，请选择一笔（回复序号或申请编号）：',
    en: 'You have {count} finished requests to rate. Which one? (reply with a number or case id)',
  },
  'rating.noneToRate': { zh: '您目前没有可以评价的已结束申请。', en: 'You have no finished request left to rate.' },
  'rating.notFinished': { zh: '{caseId} 还没有结束，结束后才能评价：{stands}。', en: "{caseId} isn't finished yet, so it can't be rated: {stands}." },
  'rating.alreadyRated': { zh: '您已经为 {caseId} 评过 {stars} 星了，谢谢！', en: 'You already rated {caseId} {stars} stars. Thank you!' },
  'rating.askStarsAgain': { zh: '请回复 1 到 5 之间的数字，例如“5”或“五星”。', en: 'Please reply with 1 to 5, e.g. "5" or "4 stars".' },
  'rating.askComment': {
    zh: '{stars} 星，收到！还有什么想说的吗？直接回复即可，或点“跳过”。',
    en: 'Got it, {stars} stars. Anything you would like to add? Just reply, or tap "Skip".',
  },
  'rating.send': { zh: '提交评价', en: 'Send' },
  'rating.skip': { zh: '跳过', en: 'Skip' },
  'rating.done': { zh: '感谢您的评价：{caseId}，{stars} 星。', en: 'Thank you for rating {caseId}: {stars} stars.' },
});
