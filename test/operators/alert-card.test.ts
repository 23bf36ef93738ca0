import type { ProcessAlert } from '../../services/analytics';
import { processAlertCard, shopsOf } from '../../bot/operators/alert-card';
import { cardErrors } from '../support/card-schema';

const ALERTS: ProcessAlert[] = [
  { kind: 'refund_rate', key: 'refund_rate:shop-9', shopId: 'shop-9', cases: 12, median: 2.5, factor: 3, windowDays: 30 },
  { kind: 'payment_failures', key: 'payment_failures', declined: 3, transient: 4, threshold: 5, windowHours: 24 },
  {
    kind: 'overdue_digest',
    key: 'digest:2026-03-05',
    date: '2026-03-05',
    total: 3,
    shops: [
      { shopId: 'shop-9', cases: 2, byState: { pending_merchant: 1, platform_review: 1 }, oldestDueAt: '2026-03-03T02:00:00.000Z' },
      { shopId: 'shop-unknown', cases: 1, byState: { return_received: 1 }, oldestDueAt: '2026-03-04T02:00:00.000Z' },
    ],
  },
];

const ctx = { timeZone: 'Asia/Shanghai', shops: new Map([['shop-9', { zh: '九号店', en: 'Shop Nine' }]]), publicBaseUrl: 'https://ops.example/' };
const texts = (card: unknown): string => JSON.stringify(card);

describe('process alert cards', () => {
  it.each(ALERTS.map((a) => [a.kind, a] as const))('%s is a valid Adaptive Card 1.5 in both languages', (_kind, alert) => {
    const card = processAlertCard(alert, ctx);
    expect(cardErrors(card)).toEqual([]);
    expect(card.body).toHaveLength(2);
    expect(texts(card.body[0])).toMatch(/[\u4e00-\u9fff]/);
    expect(texts(card.body[1])).not.toMatch(/[\u4e00-\u9fff]/);
    expect(card.actions).toEqual([expect.objectContaining({ type: 'Action.OpenUrl', url: 'https://ops.example/dashboard' })]);
  });

  it('says what happened with the figures', () => {
    expect(texts(processAlertCard(ALERTS[0]!, ctx))).toContain('12 refund cases, 4.8 times the platform median of 2.5 (alert threshold: 3 times)');
    expect(texts(processAlertCard(ALERTS[0]!, ctx))).toContain('九号店 (shop-9)');
    expect(texts(processAlertCard(ALERTS[1]!, ctx))).toContain('7 refund payments failed (3 declined, 4 transient errors; threshold 5)');
    const digest = texts(processAlertCard(ALERTS[2]!, ctx));
    expect(digest).toContain('Shop Nine (shop-9): 2 (Pending merchant 1, Platform review 1), the oldest due since');
    expect(digest).toContain('shop-unknown: 1 (Return received 1)');
    expect(digest).toContain('九号店 (shop-9)：2 个（待商家处理 1、平台审核 1）');
  });

  it('has no dashboard link without a public address', () => {
    expect(processAlertCard(ALERTS[1]!, { ...ctx, publicBaseUrl: null }).actions).toBeUndefined();
  });

  it('names the shops to look up', () => {
    expect(ALERTS.map(shopsOf)).toEqual([['shop-9'], [], ['shop-9', 'shop-unknown']]);
  });
});
