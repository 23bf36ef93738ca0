import { CASE_STATUSES, CASE_TYPES, CLOSE_REASONS, MERCHANT_REJECT_CODES, INSPECTION_PROBLEMS, REASONS, ROLES, TRANSITIONS } from '../../../services/refunds';
import type { PaymentMethod } from '../../../services/refunds';
import { CATALOG, t } from '../../../bot/i18n';
import {
  actorInSentenceKey,
  actorKey,
  arrivalKey,
  closeReasonKey,
  eventKey,
  itemWords,
  nextStepKey,
  paymentMethodKey,
  reasonKey,
  rejectCodeKey,
  statusNameKey,
  statusStandsKey,
  typeKey,
} from '../../../bot/cards/buyer/case-words';

// Every status, event, close reason, reason, type, role and payment method has its words in both languages.

const exists = (key: string): boolean => Object.hasOwn(CATALOG, key);

describe('case words', () => {
  it.each(CASE_STATUSES)('words status %s: name, where it stands, next step', (s) => {
    for (const key of [statusNameKey(s), statusStandsKey(s), nextStepKey(s)]) expect([key, exists(key)]).toEqual([key, true]);
    expect(t('zh-CN', statusNameKey(s))).not.toBe(t('en-US', statusNameKey(s)));
  });

  it('words every event of the state machine and the filing, with one key each', () => {
    const events = [...Object.keys(TRANSITIONS).filter((e) => e !== 'notice'), 'file'];
    const keys = events.map((event) => eventKey({ event }));
    for (const key of keys) expect(key).not.toBe('status.event.other');
    expect(new Set(keys).size).toBe(events.length);
  });

  it('words reminders by whom they went to, and unknown events generically', () => {
    expect(t('zh-CN', eventKey({ event: 'notice', data: { to: 'merchant', kind: 'reminder' } }))).toBe('提醒商家尽快处理');
    expect(t('en-US', eventKey({ event: 'notice', data: { to: 'buyer', kind: 'reminder' } }))).toBe('sent you a reminder');
    expect(t('en-US', eventKey({ event: 'notice', data: { to: 'cs', kind: 'alert' } }))).toBe('asked platform CS to follow up');
    expect(eventKey({ event: 'something_new' })).toBe('status.event.other');
  });

  it('words close reasons, reasons, types, roles and rejection codes', () => {
    for (const r of CLOSE_REASONS) expect(exists(closeReasonKey(r))).toBe(true);
    expect(closeReasonKey(undefined)).toBe('status.close.unknown');
    for (const r of REASONS) expect(exists(reasonKey(r))).toBe(true);
    for (const type of CASE_TYPES) expect(exists(typeKey(type))).toBe(true);
    for (const role of ROLES) expect([exists(actorKey(role)), exists(actorInSentenceKey(role))]).toEqual([true, true]);
    for (const code of [...MERCHANT_REJECT_CODES, ...INSPECTION_PROBLEMS]) expect(rejectCodeKey(code)).not.toBe('rejection.code.unknown');
    expect(rejectCodeKey('made_up')).toBe('rejection.code.unknown');
    expect(rejectCodeKey(undefined)).toBe('rejection.code.unknown');
  });

  it('says how long each payment method takes', () => {
    const methods: PaymentMethod[] = ['alipay', 'wechat_pay', 'balance', 'bank_card'];
    for (const m of methods) expect(exists(paymentMethodKey(m))).toBe(true);
    expect(methods.map(arrivalKey)).toEqual(['status.arrival.fast', 'status.arrival.fast', 'status.arrival.fast', 'status.arrival.bank']);
    expect(t('en-US', 'status.arrival.bank')).toContain('1-5 business days');
    expect(t('zh-CN', 'status.arrival.fast')).toContain('1 天');
  });

  it('names the units by product title in the buyer language', () => {
    const lines = [
      { index: 0, title: '耳机', titleEn: 'Earbuds' },
      { index: 1, title: '充电器' },
    ];
    const c = { lines: [{ lineIndex: 0, units: [1] }, { lineIndex: 1, units: [1, 2] }] };
    expect(itemWords(c, lines, 'en-US')).toEqual(['Earbuds ×1', '充电器 ×2']);
    expect(itemWords(c, lines, 'zh-CN')).toEqual(['耳机 ×1', '充电器 ×2']);
  });
});
