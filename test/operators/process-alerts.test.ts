import { randomUUID } from 'node:crypto';
import { startTestApp } from '../support/bot-http';
import type { TestApp } from '../support/bot-http';
import { FakeConnector, recordedText } from '../support/fake-connector';
import type { RecordedActivity } from '../support/fake-connector';
import { TeamsClient, channelPlace, teamsUser } from '../support/teams-http';
import { cardErrors } from '../support/card-schema';
import { fileCancellation, fileReturn, operatorsWorld, payCases } from './world';
import type { RefundCase } from '../../services/refunds';
import type { World } from './world';

// Process alerts through the whole app: the CS channel is learnt from the bot's install there, the outbox feeds
// the payment failures, and the check runs on its timer. Each alert reaches the channel once per condition; the
// payment alert comes again after its 24 hours have passed and failures pile up anew; the digest once a day.

const RATE_TITLE = 'Refund cases far above the median';
const PAYMENT_TITLE = 'Refund payment failures are piling up';
const DIGEST_TITLE = 'Daily digest of overdue cases';

describe.each([
  ['memory', false],
  ['redis', true],
])('process alerts in the CS channel (%s)', (_name, redis) => {
  let connector: FakeConnector;
  let t: TestApp;
  let world: World;
  let channelId: string;
  let install: () => Promise<void>;

  const posts = (title: string): RecordedActivity[] => connector.sentTo(channelId).filter((r) => recordedText(r).includes(title));

  beforeAll(async () => {
    connector = await FakeConnector.start();
    channelId = `19:cs-${randomUUID().slice(0, 8)}@thread.tacv2`;
    const agent = teamsUser('agent');
    connector.setMembers(channelId, [{ id: agent.id, name: agent.name }]);
    world = operatorsWorld();
    t = await startTestApp({
      redis,
      env: {
        CS_CHANNEL_ID: channelId,
        PROCESS_ALERT_INTERVAL_MS: '100',
        PAYMENT_DECLINE_RATE: '1',
        PAYMENT_FAILURE_ALERT_COUNT: '4',
        DIGEST_HOUR: '9',
        PUBLIC_BASE_URL: 'https://refund-desk.example',
      },
      overrides: { clock: world.clock, orders: world.catalogue },
    });
    install = async () => {
      const installed = await new TeamsClient(t.app.url, connector.url).install(agent, channelPlace(channelId));
      expect(installed.status).toBeLessThan(400);
    };
  });

  afterAll(async () => {
    await t?.stop();
    await connector?.stop();
  });

  it('posts each condition once, in both languages, on valid cards', async () => {
    const core = t.app.infra.core;
    // A return nobody answers: 25 hours later it is past the merchant's 24 hours.
    await fileReturn(core, world, 'shop-b');
    world.clock.advance(25 * 3_600_000); // Thursday 11:00 in Shanghai, after the digest hour
    // Cases per shop: a 1, b 2, c 1, d 1, e 5: the median is 1, and shop-e is more than 3 times it.
    const cancelled: RefundCase[] = [];
    for (const shop of ['shop-a', 'shop-b', 'shop-c', 'shop-d']) cancelled.push(await fileCancellation(core, world, shop));
    for (let i = 0; i < 5; i++) cancelled.push(await fileCancellation(core, world, 'shop-e', { reason: i % 2 ? 'other' : 'mistaken_purchase' }));
    await payCases(core, cancelled); // every payment is declined: 9 failures
    // Until the bot has seen the CS channel the alerts wait; from the install on they go out.
    await connector.settle(300);
    expect(posts(RATE_TITLE)).toEqual([]);
    await install();

    const rate = await connector.waitFor((r) => r.conversationId === channelId && recordedText(r).includes(RATE_TITLE));
    const payment = await connector.waitFor((r) => r.conversationId === channelId && recordedText(r).includes(PAYMENT_TITLE));
    const digest = await connector.waitFor((r) => r.conversationId === channelId && recordedText(r).includes(DIGEST_TITLE));
    await connector.settle(600); // several more checks
    expect([posts(RATE_TITLE).length, posts(PAYMENT_TITLE).length, posts(DIGEST_TITLE).length]).toEqual([1, 1, 1]);

    const rateText = recordedText(rate);
    expect(rateText).toContain('退款申请异常偏多：测试店铺5 (shop-e)');
    expect(rateText).toContain('Test Shop 5 (shop-e)');
    expect(rateText).toContain('In the last 30 days the shop had 5 refund cases, 5.0 times the platform median of 1 (alert threshold: 3 times)');
    expect(recordedText(payment)).toContain('9 refund payments failed (9 declined, 0 transient errors; threshold 4)');
    expect(recordedText(payment)).toContain('拒付 9 次');
    const digestText = recordedText(digest);
    expect(digestText).toContain('Daily digest of overdue cases (2025-06-19)');
    expect(digestText).toContain('1 cases are past their deadline, in 1 shops');
    expect(digestText).toContain('Test Shop 2 (shop-b): 1 (Pending merchant 1)');
    expect(digestText).toContain('测试店铺2 (shop-b)：1 个（待商家处理 1）');

    for (const post of [rate, payment, digest]) {
      const attachments = (post.activity.attachments ?? []) as { contentType: string; content: Record<string, unknown> }[];
      expect(attachments.map((a) => a.contentType)).toEqual(['application/vnd.microsoft.card.adaptive']);
      expect(cardErrors(attachments[0]!.content)).toEqual([]);
      expect(JSON.stringify(attachments[0]!.content)).toContain('https://refund-desk.example/dashboard');
    }
  });

  it('alerts again once a condition has cleared and come back, and sends the next day its digest', async () => {
    const core = t.app.infra.core;
    world.clock.advance(25 * 3_600_000); // the declines have left the 24 hours; Friday 12:00
    await connector.waitFor((r) => r.conversationId === channelId && recordedText(r).includes('Daily digest of overdue cases (2025-06-20)'));
    await connector.settle(300);
    expect(posts(PAYMENT_TITLE)).toHaveLength(1);
    const more: RefundCase[] = [];
    for (const shop of ['shop-a', 'shop-c', 'shop-d', 'shop-a']) more.push(await fileCancellation(core, world, shop));
    await payCases(core, more);
    await connector.waitFor((r) => posts(PAYMENT_TITLE).length === 2 && r.conversationId === channelId);
    await connector.settle(400);
    expect(recordedText(posts(PAYMENT_TITLE)[1]!)).toContain('4 refund payments failed (4 declined');
    expect([posts(RATE_TITLE).length, posts(PAYMENT_TITLE).length, posts(DIGEST_TITLE).length]).toEqual([1, 2, 2]);
  });
});
