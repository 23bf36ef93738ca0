import { CaseWorld, ZH_BUYER, cardsText, seen } from './cases/case-world';
import { textOf } from '../support/bot-http';

// Rating a finished case over real HTTP: stars by button or typed ("5", "五星", "4 stars"), an optional comment.

const LANGS = [
  {
    lang: 'zh-CN' as const,
    fiveStars: '五星',
    askComment: '5 星，收到！还有什么想说的吗？',
    comment: '处理很快，谢谢',
    done: '感谢您的评价：RD-000001，5 星。',
    skip: '跳过',
    typedStarsAndWords: '4 星，处理得很耐心',
    restComment: '处理得很耐心',
    notFinished: 'RD-000001 还没有结束，结束后才能评价：商家正在审核这笔申请。',
    already: '您已经为 RD-000001 评过 5 星了，谢谢！',
    none: '您目前没有可以评价的已结束申请。',
  },
  {
    lang: 'en-US' as const,
    fiveStars: '5 stars',
    askComment: 'Got it, 5 stars. Anything you would like to add?',
    comment: 'Quick and painless, thanks',
    done: 'Thank you for rating RD-000001: 5 stars.',
    skip: 'skip',
    typedStarsAndWords: '4 stars, very patient support',
    restComment: 'very patient support',
    notFinished: "RD-000001 isn't finished yet, so it can't be rated: the shop is still reviewing the request.",
    already: 'You already rated RD-000001 5 stars. Thank you!',
    none: 'You have no finished request left to rate.',
  },
];

describe.each(LANGS)('rating a finished case ($lang)', (L) => {
  let world: CaseWorld;
  beforeEach(async () => {
    world = await CaseWorld.start();
  });
  afterEach(async () => {
    await world.stop();
  });

  it('takes "5 stars" for the only finished case, then the comment', async () => {
    const c = await world.refundedByAlipay();
    const chat = world.talk(ZH_BUYER, L.lang);
    expect(seen((await chat.say(L.fiveStars)).replies)).toContain(L.askComment);
    expect(textOf((await chat.say(L.comment)).replies)).toBe(L.done);
    expect((await world.get(c.id)).rating).toMatchObject({ stars: 5, comment: L.comment });
  });

  it('takes stars and words in one message from the rating card', async () => {
    const c = await world.refundedByAlipay();
    const chat = world.talk(ZH_BUYER, L.lang);
    const card = await chat.click({ action: 'rate', caseId: c.id });
    expect(cardsText(card.replies)).toContain('"stars":5');
    await chat.say(L.typedStarsAndWords);
    expect((await world.get(c.id)).rating).toMatchObject({ stars: 4, comment: L.restComment });
  });

  it('takes a typed "5" and no comment', async () => {
    const c = await world.refundedByAlipay();
    const chat = world.talk(ZH_BUYER, L.lang);
    await chat.click({ action: 'rate', caseId: c.id });
    expect(seen((await chat.say('5')).replies)).toContain(L.askComment);
    expect(textOf((await chat.say(L.skip)).replies)).toBe(L.done);
    const rating = (await world.get(c.id)).rating;
    expect(rating?.stars).toBe(5);
    expect(rating?.comment).toBeUndefined();
  });

  it('says a case still open cannot be rated yet, and a rated one is rated once', async () => {
    const open = await world.pendingMerchant();
    const chat = world.talk(ZH_BUYER, L.lang);
    expect(textOf((await chat.click({ action: 'rate', caseId: open.id, stars: 5 })).replies)).toBe(L.notFinished);
    await world.act({ role: 'buyer', id: ZH_BUYER }, open.id, { kind: 'buyer_cancel' });
    await chat.click({ action: 'rate', caseId: open.id, stars: 5, comment: '' });
    expect(textOf((await chat.click({ action: 'rate', caseId: open.id, stars: 3 })).replies)).toBe(L.already);
    expect((await world.get(open.id)).rating?.stars).toBe(5);
  });

  it('says so when there is nothing to rate', async () => {
    await world.pendingMerchant();
    const chat = world.talk(ZH_BUYER, L.lang);
    expect(textOf((await chat.say(L.fiveStars)).replies)).toBe(L.none);
  });
});

describe('rating: details', () => {
  let world: CaseWorld;
  beforeEach(async () => {
    world = await CaseWorld.start();
  });
  afterEach(async () => {
    await world.stop();
  });

  it('takes a star button with the comment typed into the card', async () => {
    const c = await world.refundedByAlipay();
    const chat = world.talk(ZH_BUYER, 'zh-CN');
    const done = await chat.click({ action: 'rate', caseId: c.id, stars: 4, comment: '还不错' });
    expect(textOf(done.replies)).toBe('感谢您的评价：RD-000001，4 星。');
    expect((await world.get(c.id)).rating).toMatchObject({ stars: 4, comment: '还不错' });
  });

  it('takes the skip button of the comment card', async () => {
    const c = await world.refundedByAlipay();
    const chat = world.talk(ZH_BUYER, 'zh-CN');
    await chat.say('五星');
    const done = await chat.click({ action: 'rate', caseId: c.id, stars: 5, skip: true, comment: 'typed but skipped' });
    expect(textOf(done.replies)).toBe('感谢您的评价：RD-000001，5 星。');
    expect((await world.get(c.id)).rating?.comment).toBeUndefined();
  });

  it('asks again for stars it cannot read', async () => {
    const c = await world.refundedByAlipay();
    const chat = world.talk(ZH_BUYER, 'zh-CN');
    await chat.click({ action: 'rate', caseId: c.id });
    expect(textOf((await chat.say('七')).replies)).toBe('请回复 1 到 5 之间的数字，例如“5”或“五星”。');
    await chat.say('打三星');
    await chat.say('没有');
    expect((await world.get(c.id)).rating?.stars).toBe(3);
  });

  it('lists the finished cases when there are several', async () => {
    const paid = await world.refundedByAlipay();
    const closed = await world.rejected();
    await world.act({ role: 'buyer', id: ZH_BUYER }, closed.id, { kind: 'buyer_accept_rejection' });
    const chat = world.talk(ZH_BUYER, 'zh-CN');
    const listed = seen((await chat.say('五星')).replies);
    expect(listed).toContain('您有 2 笔已结束的申请可以评价');
    await chat.say('2');
    await chat.say('谢谢');
    expect((await world.get(paid.id)).rating).toMatchObject({ stars: 5, comment: '谢谢' });
    expect((await world.get(closed.id)).rating).toBeUndefined();
  });
});

describe('rating on Redis', () => {
  let world: CaseWorld;
  beforeAll(async () => {
    world = await CaseWorld.start({ redis: true });
  });
  afterAll(async () => {
    await world.stop();
  });

  it('rates 5 stars with a comment', async () => {
    const c = await world.refundedByAlipay();
    const chat = world.talk(ZH_BUYER, 'zh-CN');
    expect(seen((await chat.say('五星')).replies)).toContain('5 星，收到！');
    expect(textOf((await chat.say('很满意')).replies)).toBe('感谢您的评价：RD-000001，5 星。');
    expect((await world.get(c.id)).rating).toMatchObject({ stars: 5, comment: '很满意' });
  });
});
