import type { Actor, Command, RefundCase } from '../../../services/refunds';
import type { TestApp } from '../../support/bot-http';
import { BotConversation, startTestApp, textOf } from '../../support/bot-http';
import { expectValidCards } from '../../support/card-schema';
import { FakeClock } from '../../support/fake-clock';

// The case flows' test world: the whole app over HTTP on a clock the test moves, with cases set up directly
// through the refund core (as buyer, merchant or timers) before the buyer talks to the bot.

export const MERCHANT: Actor = { role: 'merchant', id: 'm-1', shopId: 'shop-201' };
export const ZH_BUYER = 'buyer-1001';
export const EN_BUYER = 'buyer-1002';

export const PHOTO = {
  sha256: 'a'.repeat(64),
  kind: 'image' as const,
  mediaType: 'image/jpeg',
  size: 48_213,
  name: 'photo.jpg',
  addedBy: 'buyer' as const,
  addedAt: '2025-06-18T02:00:00.000Z',
};

/** A 1x1 PNG as a data URL: evidence a test can attach without a file server. */
export const PNG_DATA_URL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

let keys = 0;
const key = (): string => `setup-${process.pid}-${++keys}`;

export class CaseWorld {
  private constructor(
    readonly test: TestApp,
    readonly clock: FakeClock,
  ) {}

  static async start(options: { redis?: boolean; env?: Record<string, string> } = {}): Promise<CaseWorld> {
    const clock = new FakeClock('2025-06-18T02:00:00.000Z');
    const test = await startTestApp({ ...(options.redis ? { redis: true } : {}), ...(options.env ? { env: options.env } : {}), overrides: { clock } });
    return new CaseWorld(test, clock);
  }

  get core() {
    return this.test.app.infra.core;
  }

  stop(): Promise<void> {
    return this.test.stop();
  }

  talk(userId: string, locale: 'zh-CN' | 'en-US'): BotConversation {
    return new BotConversation(this.test.app.url, userId, { locale });
  }

  async file(buyerId: string, request: Record<string, unknown>): Promise<RefundCase> {
    const filed = await this.core.service.file({ role: 'buyer', id: buyerId }, request, key());
    if (!filed.ok) throw new Error(`filing failed: ${JSON.stringify(filed.error)}`);
    return filed.value.case;
  }

  async act(actor: Actor, caseId: string, command: Command): Promise<RefundCase> {
    const done = await this.core.service.execute(actor, caseId, command, key());
    if (!done.ok) throw new Error(`${command.kind} failed: ${JSON.stringify(done.error)}`);
    return done.value.case;
  }

  async get(caseId: string): Promise<RefundCase> {
    const c = await this.test.app.infra.store.get(caseId);
    if (!c) throw new Error(`no case ${caseId}`);
    return c;
  }

  /** A return approved by the shop: waiting for the buyer to ship it (DEMO-1002, one charger, no-reason return). */
  async awaitingReturnShipment(): Promise<RefundCase> {
    const c = await this.file(ZH_BUYER, { orderId: 'DEMO-1002', lines: [{ lineIndex: 1, quantity: 1 }], type: 'return_refund', reason: 'no_reason_7_days' });
    return this.act(MERCHANT, c.id, { kind: 'merchant_approve' });
  }

  /** A return the shop rejected (DEMO-1002, one cable). */
  async rejected(remark = '照片看不出问题 / the photos show no fault'): Promise<RefundCase> {
    const c = await this.file(ZH_BUYER, { orderId: 'DEMO-1002', lines: [{ lineIndex: 2, quantity: 1 }], type: 'return_refund', reason: 'quality_issue', description: '充不进电', evidence: [PHOTO] });
    return this.act(MERCHANT, c.id, { kind: 'merchant_reject', code: 'evidence_insufficient', remark });
  }

  /** A cancellation before shipment, fast-tracked and paid by the sweeper (DEMO-1001, Alipay). */
  async refundedByAlipay(): Promise<RefundCase> {
    const c = await this.file(ZH_BUYER, { orderId: 'DEMO-1001', lines: [{ lineIndex: 0, quantity: 1 }], type: 'refund_only', reason: 'mistaken_purchase' });
    await this.core.timers.sweep();
    return this.get(c.id);
  }

  /** A missing part refunded without return to the English-speaking buyer's bank card (DEMO-2001). */
  async refundedByBankCard(): Promise<RefundCase> {
    const c = await this.file(EN_BUYER, { orderId: 'DEMO-2001', lines: [{ lineIndex: 1, quantity: 1 }], type: 'refund_only', reason: 'missing_parts', description: 'case missing', evidence: [PHOTO] });
    await this.act(MERCHANT, c.id, { kind: 'merchant_approve' });
    await this.core.timers.sweep();
    return this.get(c.id);
  }

  /** A request still waiting for the shop (DEMO-1005, past the no-reason window: a quality complaint). */
  async pendingMerchant(): Promise<RefundCase> {
    return this.file(ZH_BUYER, { orderId: 'DEMO-1005', lines: [{ lineIndex: 0, quantity: 1 }], type: 'return_refund', reason: 'quality_issue', description: '键盘有个键失灵', evidence: [PHOTO] });
  }
}

/** Every card in the replies, validated against the Adaptive Cards 1.5 schema, as one searchable string. */
export function cardsText(replies: Parameters<typeof expectValidCards>[0]): string {
  return JSON.stringify(expectValidCards(replies));
}

/** All visible text, cards validated on the way. */
export function seen(replies: Parameters<typeof expectValidCards>[0] & Parameters<typeof textOf>[0]): string {
  expectValidCards(replies);
  return `${textOf(replies)}\n${cardsText(replies)}`;
}
