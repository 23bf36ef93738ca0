import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import type { SimulatedGateway } from '../../../services/payments';
import { FakeClock } from '../../support/fake-clock';
import { recordedText } from '../../support/fake-connector';
import { personalChat, teamsUser } from '../../support/teams-http';
import type { CsHarness } from './cs-harness';
import { BUYER, answeredCard, cardText, cardsOf, current, escalatedCase, executeActions, must, pendingCase, startCsHarness, waitForText } from './cs-harness';

// Alerts that come with time (a FakeClock and the deadline sweeper), the agents roster as people join and leave
// the team, and a desk that has not seen its channel yet: nothing is lost, the "open" command lists it.

const HOUR = 3_600_000;

describe('CS desk: alerts over time', () => {
  const clock = new FakeClock('2026-03-05T02:00:00.000Z');
  let h: CsHarness;
  beforeAll(async () => {
    h = await startCsHarness({ overrides: { clock } });
  });
  afterAll(async () => {
    await h.stop();
  });

  it('a review still undecided after 48 hours alerts CS again, once, and shows as overdue in the open list', async () => {
    const c = await escalatedCase(h.service);
    await waitForText(h.connector, h.channelId, `退款单 ${c.id}`, '申请平台介入');

    clock.advance(47 * HOUR);
    await h.test.app.infra.core.timers.sweep();
    expect(await h.connector.settle(100, (r) => recordedText(r).includes('平台审核已超过'))).toEqual([]);

    clock.advance(HOUR + 60_000);
    await h.test.app.infra.core.timers.sweep();
    const alert = await waitForText(h.connector, h.channelId, `退款单 ${c.id}`, '平台审核已超过 48 小时未处理');
    const [card] = cardsOf(alert);
    // The card acts at the version after the alert was recorded; a card from before it still acts too.
    const now = await current(h.service, c.id);
    expect(executeActions(card).find((a) => a.verb === 'cs.approve')?.data).toEqual({ caseId: c.id, version: now.version });
    await h.test.app.infra.core.timers.sweep();
    expect(await h.connector.settle(100, (r) => recordedText(r).includes('平台审核已超过'))).toHaveLength(1);

    await h.teams.say(h.alice, h.place, 'open', { locale: 'en-US' });
    const list = await waitForText(h.connector, h.channelId, 'Open items (');
    expect(recordedText(list)).toContain(`${c.id}** · In platform review`);
    expect(recordedText(list)).toContain('overdue');

    // The first review card, drawn before the alert was recorded, still decides: an alert changes nothing.
    const decided = await h.teams.execute(h.bob, h.place, 'cs.approve', { caseId: c.id, version: c.version });
    expect(cardText(answeredCard(decided.body))).toContain('bob 于');
    expect((await current(h.service, c.id)).platformDecision?.outcome).toBe('approved');
  });

  it('a refund not confirmed within 24 hours alerts CS', async () => {
    const filed = must(await h.service.file(BUYER, { orderId: 'DEMO-1001', lines: [{ lineIndex: 0, quantity: 1 }], type: 'refund_only', reason: 'mistaken_purchase' }, randomUUID()));
    (h.test.app.infra.payments as SimulatedGateway).script(`refund:${filed.id}:g1`, ['accepted_unconfirmed']);
    await h.test.app.infra.core.timers.sweep();
    expect((await current(h.service, filed.id)).status).toBe('refunding');
    clock.advance(24 * HOUR + 60_000);
    // The payment's own status poll comes first; the alert with the next sweep.
    await h.test.app.infra.core.timers.sweep();
    await h.test.app.infra.core.timers.sweep();
    // Posts speak the language of the channel's latest message (English since the "open" above).
    const alert = await waitForText(h.connector, h.channelId, `Case ${filed.id}`, 'still unconfirmed');
    expect(executeActions(cardsOf(alert)[0]).map((a) => a.verb)).toEqual(['cs.intervene']);
  });

  it('someone who joined the team can act once the roster is fetched again; someone who left cannot', async () => {
    const c = await pendingCase(h.service);
    const data = { caseId: c.id, version: c.version, remark: '商家未及时处理' };
    expect(cardText(answeredCard((await h.teams.execute(h.carol, h.place, 'cs.intervene', data)).body))).toContain('仅限平台客服操作');

    h.connector.setMembers(h.channelId, [h.alice, h.carol].map((u) => ({ id: u.id, name: u.name, aadObjectId: u.aadObjectId })) as { id: string; name?: string }[]);
    clock.advance(2 * 60_000);
    const joined = await h.teams.execute(h.carol, h.place, 'cs.intervene', data);
    expect(cardText(answeredCard(joined.body))).toContain('carol 于');
    expect((await current(h.service, c.id)).status).toBe('platform_review');

    // Bob leaves the team: Teams says so, and the roster follows at once.
    const removed = await h.teams.post(h.teams.base(h.alice, h.place, { type: 'conversationUpdate', membersRemoved: [{ id: h.bob.id, name: h.bob.name }] } as Partial<Activity>));
    expect(removed.status).toBeLessThan(300);
    const refused = await h.teams.execute(h.bob, h.place, 'cs.reject', { caseId: c.id, version: c.version + 1, remark: '不支持' });
    expect(cardText(answeredCard(refused.body))).toContain('仅限平台客服操作');
  });

  it('agents may look a case up in a personal chat with the bot; others are left to the other desks', async () => {
    const [c] = await h.service.listCases({ role: 'cs', id: 'reader' }, { status: 'platform_review' });
    await h.teams.say(h.alice, personalChat(h.alice), `case ${c!.id}`, { locale: 'en-US' });
    const shown = await waitForText(h.connector, personalChat(h.alice).conversationId, `Case ${c!.id}`);
    expect(executeActions(cardsOf(shown)[0]).map((a) => a.verb)).toContain('cs.approve');

    const dave = teamsUser('dave');
    await h.teams.say(dave, personalChat(dave), `case ${c!.id}`, { locale: 'en-US' });
    const toDave = await h.connector.settle(150, (r) => r.conversationId === personalChat(dave).conversationId);
    expect(toDave.map(recordedText).join('\n')).not.toContain(`Case ${c!.id}`);
  });
});

describe('CS desk: before the bot has seen its channel', () => {
  let h: CsHarness;
  const erin = teamsUser('erin');
  beforeAll(async () => {
    h = await startCsHarness({ install: false, redis: true, env: { CS_AGENT_IDS: `someone-else, ${erin.aadObjectId}` } });
  });
  afterAll(async () => {
    await h.stop();
  });

  it('alerts are not posted anywhere, and the open command in the channel lists the case', async () => {
    const c = await escalatedCase(h.service);
    expect(await h.connector.settle(200, (r) => recordedText(r).includes(`退款单 ${c.id}`))).toEqual([]);

    // The first message in the channel records it; the list has the case waiting for review.
    await h.teams.say(h.alice, h.place, '<at>Refund Desk</at> 待处理', {
      entities: [{ type: 'mention', mentioned: { id: '28:refund-desk', name: 'Refund Desk' }, text: '<at>Refund Desk</at>' }],
    });
    const list = await waitForText(h.connector, h.channelId, '待处理（1）', c.id);
    cardsOf(list);

    // From now on alerts reach the channel.
    const next = await escalatedCase(h.service, 1);
    await waitForText(h.connector, h.channelId, `退款单 ${next.id}`, '申请平台介入');
  });

  it('agents named in the configuration may act though not channel members', async () => {
    const [c] = await h.service.listCases({ role: 'cs', id: 'reader' }, { status: 'platform_review' });
    const approved = await h.teams.execute(erin, h.place, 'cs.approve', { caseId: c!.id, version: c!.version }, { locale: 'en-US' });
    expect(cardText(answeredCard(approved.body))).toContain('Approved by erin');
    expect((await current(h.service, c!.id)).platformDecision).toMatchObject({ outcome: 'approved', by: { role: 'cs', id: erin.aadObjectId } });
  });
});
