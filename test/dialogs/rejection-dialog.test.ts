import { CaseWorld, PNG_DATA_URL, ZH_BUYER, cardsText, seen } from './cases/case-world';
import { textOf } from '../support/bot-http';

// After the shop rejects a request, over real HTTP: its reason and remark, the deadline, and the three ways on
// (resubmit with new words or files, escalate to the platform, accept), each confirmed.

const LANGS = [
  {
    lang: 'zh-CN' as const,
    progressOf: (id: string) => `${id} 进度`,
    card: ['商家拒绝了 RD-000001', '凭证不足', '照片看不出问题', '2025年6月25日 23:59', '平台客服会在 48 小时内审核'],
    revision: '左耳没有声音，附上新的说明',
    askRevision: '请发送新的问题描述',
    confirmResubmit: '确认重新提交 RD-000001 吗？新的描述：“左耳没有声音，附上新的说明”。',
    resubmitted: '已重新提交 RD-000001，商家需在 2025年6月20日 10:00 前处理。',
    escalate: '申诉',
    confirmEscalate: '确认为 RD-000001 申请平台介入吗？平台客服会在 48 小时内审核。',
    escalated: '已为 RD-000001 申请平台介入。平台客服会在 48 小时内审核',
    accept: '3',
    confirmAccept: '确认接受商家的拒绝吗？RD-000001 将关闭，不会退款。',
    accepted: '好的，RD-000001 已关闭。',
    yes: '确认',
    no: '不',
    kept: '好的，暂不处理。请记得在 2025年6月25日 23:59 前做出选择。',
    files: '新增凭证 1 个。',
    notRejected: 'RD-000001 现在不在等待您回应商家拒绝的阶段：商家正在审核这笔申请。',
  },
  {
    lang: 'en-US' as const,
    progressOf: (id: string) => `status of ${id}`,
    card: ['The shop rejected RD-000001', 'Not enough evidence', 'the photos show no fault', 'Jun 25, 2025, 23:59', 'reviews it within 48 hours'],
    revision: 'The left earbud is silent, here is a better description',
    askRevision: 'Please send a new description of the problem',
    confirmResubmit: 'Resubmit RD-000001? New description: "The left earbud is silent, here is a better description".',
    resubmitted: 'Resubmitted RD-000001: the shop must respond by Jun 20, 2025, 10:00.',
    escalate: 'appeal to the platform',
    confirmEscalate: 'Escalate RD-000001 to the platform? Platform CS reviews it within 48 hours.',
    escalated: 'Escalated RD-000001 to the platform. Platform CS reviews it within 48 hours',
    accept: 'I accept',
    confirmAccept: "Accept the shop's rejection? RD-000001 will be closed without a refund.",
    accepted: 'OK, RD-000001 is closed.',
    yes: 'yes',
    no: 'no',
    kept: 'OK, nothing changed. Remember to choose by Jun 25, 2025, 23:59.',
    files: 'New evidence files: 1.',
    notRejected: "RD-000001 isn't waiting for your answer to a rejection: the shop is still reviewing the request.",
  },
];

describe.each(LANGS)('after a rejection ($lang)', (L) => {
  let world: CaseWorld;
  beforeEach(async () => {
    world = await CaseWorld.start();
  });
  afterEach(async () => {
    await world.stop();
  });

  it("shows the shop's reason in words, its remark and the deadline, then resubmits a revised description", async () => {
    const c = await world.rejected();
    const chat = world.talk(ZH_BUYER, L.lang);
    const shown = seen((await chat.click({ action: 'after_rejection', caseId: c.id })).replies);
    for (const part of L.card) expect(shown).toContain(part);

    expect(textOf((await chat.say('1')).replies)).toContain(L.askRevision);
    expect(seen((await chat.say(L.revision)).replies)).toContain(L.confirmResubmit);
    expect(textOf((await chat.say(L.yes)).replies)).toBe(L.resubmitted);
    const after = await world.get(c.id);
    expect(after.status).toBe('pending_merchant');
    expect(after.description).toBe(L.revision);
    expect(after.resubmissions).toBe(1);
  });

  it('resubmits with a new photo attached', async () => {
    const c = await world.rejected();
    const chat = world.talk(ZH_BUYER, L.lang);
    await chat.click({ action: 'after_rejection', caseId: c.id, choice: 'resubmit' });
    const confirm = await chat.attach([{ contentType: 'image/png', contentUrl: PNG_DATA_URL, name: 'left-earbud.png' }]);
    expect(seen(confirm.replies)).toContain(L.files);
    await chat.say(L.yes);
    const after = await world.get(c.id);
    expect(after.status).toBe('pending_merchant');
    expect(after.evidence).toHaveLength(2);
    expect(after.evidence[1]).toMatchObject({ kind: 'image', name: 'left-earbud.png', addedBy: 'buyer' });
  });

  it('escalates to the platform from the status question, saying it reviews within 48 h', async () => {
    const c = await world.rejected();
    const chat = world.talk(ZH_BUYER, L.lang);
    const shown = seen((await chat.say(L.progressOf(c.id))).replies);
    expect(shown).toContain(L.card[0]);
    expect(seen((await chat.say(L.escalate)).replies)).toContain(L.confirmEscalate);
    expect(textOf((await chat.say(L.yes)).replies)).toContain(L.escalated);
    expect((await world.get(c.id)).status).toBe('platform_review');
  });

  it('accepts the rejection, which closes the case', async () => {
    const c = await world.rejected();
    const chat = world.talk(ZH_BUYER, L.lang);
    await chat.click({ action: 'after_rejection', caseId: c.id });
    expect(seen((await chat.say(L.accept)).replies)).toContain(L.confirmAccept);
    expect(textOf((await chat.say(L.yes)).replies)).toBe(L.accepted);
    const after = await world.get(c.id);
    expect(after.status).toBe('closed');
    expect(after.closeReason).toBe('buyer_accepted_rejection');
  });

  it('changes nothing when the buyer says no at the confirmation', async () => {
    const c = await world.rejected();
    const chat = world.talk(ZH_BUYER, L.lang);
    await chat.click({ action: 'after_rejection', caseId: c.id });
    await chat.say(L.accept);
    expect(textOf((await chat.say(L.no)).replies)).toBe(L.kept);
    expect((await world.get(c.id)).status).toBe('merchant_rejected');
  });

  it('says where the case stands when it is not rejected', async () => {
    const c = await world.pendingMerchant();
    const chat = world.talk(ZH_BUYER, L.lang);
    expect(textOf((await chat.click({ action: 'after_rejection', caseId: c.id })).replies)).toBe(L.notRejected);
  });
});

describe('after a rejection: details', () => {
  let world: CaseWorld;
  beforeEach(async () => {
    world = await CaseWorld.start();
  });
  afterEach(async () => {
    await world.stop();
  });

  it('explains a file it cannot take and asks again', async () => {
    const c = await world.rejected();
    const chat = world.talk(ZH_BUYER, 'zh-CN');
    await chat.click({ action: 'after_rejection', caseId: c.id, choice: 'resubmit' });
    const refused = await chat.attach([{ contentType: 'text/plain', contentUrl: 'data:text/plain;base64,aGVsbG8gd29ybGQ=', name: 'note.txt' }]);
    const text = textOf(refused.replies);
    expect(text).toContain('文件“note.txt”没有收下：只支持图片、视频或 PDF。');
    expect(text).toContain('没有收到新的描述或可用的文件，请重新发送。');
    expect(seen((await chat.say('左耳没声音')).replies)).toContain('确认重新提交 RD-000001 吗？');
  });

  it('asks again when the choice is unclear, and takes the card button then', async () => {
    const c = await world.rejected();
    const chat = world.talk(ZH_BUYER, 'zh-CN');
    await chat.click({ action: 'after_rejection', caseId: c.id });
    expect(textOf((await chat.say('嗯')).replies)).toContain('请回复 1（重新提交）、2（申请平台介入）或 3（接受拒绝）');
    const confirm = await chat.click({ action: 'after_rejection', caseId: c.id, choice: 'escalate' });
    expect(cardsText(confirm.replies)).toContain('"choice":"escalate"');
    await chat.click({ action: 'after_rejection', caseId: c.id, choice: 'escalate', confirm: true });
    expect((await world.get(c.id)).status).toBe('platform_review');
  });

  it('a late click on a confirm card escalates exactly that case', async () => {
    const c = await world.rejected();
    const chat = world.talk(ZH_BUYER, 'zh-CN');
    const done = await chat.click({ action: 'after_rejection', caseId: c.id, choice: 'escalate', confirm: true });
    expect(textOf(done.replies)).toContain('已为 RD-000001 申请平台介入');
    expect((await world.get(c.id)).status).toBe('platform_review');
  });

  it('says who closed the case when the buyer answers after the window ran out', async () => {
    const c = await world.rejected();
    const chat = world.talk(ZH_BUYER, 'zh-CN');
    await chat.click({ action: 'after_rejection', caseId: c.id });
    await chat.say('2');
    world.clock.advance(8 * 24 * 3_600_000);
    await world.core.timers.sweep();
    const late = await chat.say('确认');
    expect(textOf(late.replies)).toContain('RD-000001 已于 2025年6月26日 10:00 被系统更新，当前状态：已关闭');
  });
});

describe('after a rejection on Redis', () => {
  let world: CaseWorld;
  beforeAll(async () => {
    world = await CaseWorld.start({ redis: true });
  });
  afterAll(async () => {
    await world.stop();
  });

  it('escalates, in Chinese, from the timeline', async () => {
    const c = await world.rejected();
    const chat = world.talk(ZH_BUYER, 'zh-CN');
    expect(seen((await chat.say(`${c.id} 进度`)).replies)).toContain('凭证不足');
    await chat.say('2');
    expect(textOf((await chat.say('好的')).replies)).toContain('已为 RD-000001 申请平台介入');
    expect((await world.get(c.id)).status).toBe('platform_review');
  });
});

describe('after a rejection, words that also mean "a person"', () => {
  let world: CaseWorld;
  beforeEach(async () => {
    world = await CaseWorld.start();
  });
  afterEach(async () => {
    await world.stop();
  });

  it('reads "escalate" as the escalation to the platform, not as a request for a person', async () => {
    const c = await world.rejected();
    const chat = world.talk(ZH_BUYER, 'en-US');
    await chat.say(`status of ${c.id}`);
    expect(seen((await chat.say('I want to escalate')).replies)).toContain('Escalate RD-000001 to the platform?');
  });

  it('still hands over to a person when the buyer asks for one outright', async () => {
    const c = await world.rejected();
    const chat = world.talk(ZH_BUYER, 'en-US');
    await chat.say(`status of ${c.id}`);
    expect(seen((await chat.say('talk to a person')).replies)).not.toContain('Escalate RD-000001 to the platform?');
  });
});
