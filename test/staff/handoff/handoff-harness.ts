import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import type { AppOverrides } from '../../../bot/app';
import { BotConversation, startTestApp } from '../../support/bot-http';
import type { TestApp } from '../../support/bot-http';
import { FakeClock } from '../../support/fake-clock';
import { FakeConnector, recordedText } from '../../support/fake-connector';
import type { RecordedActivity } from '../../support/fake-connector';
import { TeamsClient, channelPlace, personalChat, teamsUser } from '../../support/teams-http';
import type { TeamsPlace, TeamsUser } from '../../support/teams-http';
import { cardErrors } from '../../support/card-schema';

// The whole app over HTTP with a fake Bot Connector: buyers chat over the buyer channel (their conversations'
// serviceUrl is the fake connector, so what the bot sends them proactively lands there), CS agents Alice and
// Bob click cards in the CS channel and chat with the bot in Teams. Alice has a personal chat with the bot; Bob
// never wrote to it, so the desk opens one with him. The clock starts on a Wednesday at 10:00 in Shanghai.

export interface HandoffHarness {
  test: TestApp;
  connector: FakeConnector;
  teams: TeamsClient;
  clock: FakeClock;
  channelId: string;
  channel: TeamsPlace;
  alice: TeamsUser;
  bob: TeamsUser;
  buyer(userId?: string, locale?: string): BotConversation;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  redis?: boolean;
  env?: Record<string, string>;
  overrides?: AppOverrides;
  clock?: FakeClock;
  connector?: FakeConnector;
  channelId?: string;
  agents?: { alice: TeamsUser; bob: TeamsUser };
}

export async function startHandoffHarness(options: HarnessOptions = {}): Promise<HandoffHarness> {
  const connector = options.connector ?? (await FakeConnector.start());
  const clock = options.clock ?? new FakeClock('2025-06-18T02:00:00.000Z');
  const { alice, bob } = options.agents ?? { alice: teamsUser('alice'), bob: teamsUser('bob') };
  const channelId = options.channelId ?? `19:handoff-${randomUUID().slice(0, 8)}@thread.tacv2`;
  connector.setMembers(channelId, [alice, bob].map((u) => ({ id: u.id, name: u.name, aadObjectId: u.aadObjectId })) as { id: string; name?: string }[]);
  const test = await startTestApp({
    ...(options.redis ? { redis: true } : {}),
    env: { CS_CHANNEL_ID: channelId, CS_AGENT_IDS: `${alice.aadObjectId},${bob.aadObjectId}`, HANDOFF_CHECK_INTERVAL_MS: '100', ...options.env },
    overrides: { clock, ...options.overrides },
  });
  const teams = new TeamsClient(test.app.url, connector.url);
  const channel = channelPlace(channelId);
  if (!options.connector) {
    for (const [user, place] of [[alice, channel], [alice, personalChat(alice)]] as const) {
      const installed = await teams.install(user, place);
      if (installed.status >= 400) throw new Error(`install answered ${installed.status}`);
    }
  }
  return {
    test,
    connector,
    teams,
    clock,
    channelId,
    channel,
    alice,
    bob,
    buyer: (userId = 'buyer-1001', locale = 'zh-CN') => new BotConversation(test.app.url, userId, { locale, serviceUrl: connector.url }),
    async stop() {
      await test.stop();
      if (!options.connector) await connector.stop();
    },
  };
}

export type Recorded = RecordedActivity;

const isPost = (r: RecordedActivity): boolean => r.kind === 'send' || r.kind === 'reply';

/** Waits for a post in the conversation whose visible text has every word. */
export function waitForText(connector: FakeConnector, conversationId: string, ...words: string[]): Promise<RecordedActivity> {
  return connector.waitFor((r) => r.conversationId === conversationId && isPost(r) && words.every((w) => recordedText(r).includes(w)));
}

/** Waits for a post anywhere whose visible text has every word. */
export function waitForAnywhere(connector: FakeConnector, ...words: string[]): Promise<RecordedActivity> {
  return connector.waitFor((r) => isPost(r) && words.every((w) => recordedText(r).includes(w)));
}

/** The handoff card posted to the CS channel for a buyer (by name), and the id its take button carries. */
export async function handoffCard(h: HandoffHarness, buyerName: string): Promise<{ card: Record<string, unknown>; handoffId: string; posted: RecordedActivity }> {
  const posted = await h.connector.waitFor(
    (r) => r.conversationId === h.channelId && r.kind === 'send' && executeActions(cardsOf(r)[0]).some((a) => a.verb === 'handoff.take') && recordedText(r).includes(buyerName),
  );
  const card = cardsOf(posted)[0]!;
  const take = executeActions(card).find((a) => a.verb === 'handoff.take')!;
  return { card, handoffId: String(take.data.handoffId), posted };
}

/** The Adaptive Cards of a recorded activity, each checked against the 1.5 schema. */
export function cardsOf(r: RecordedActivity | Partial<Activity>): Record<string, unknown>[] {
  const activity = ('activity' in r ? r.activity : r) as { attachments?: { contentType?: string; content?: Record<string, unknown> }[] };
  const cards = (activity.attachments ?? []).filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive').map((a) => a.content!);
  for (const card of cards) expectValid(card);
  return cards;
}

export function expectValid(card: unknown): void {
  const errors = cardErrors(card);
  if (errors.length > 0) throw new Error(`invalid Adaptive Card:\n${errors.join('\n')}\n${JSON.stringify(card, null, 2)}`);
}

/** The card of an invoke answer, checked against the schema. */
export function answeredCard(body: unknown): Record<string, unknown> {
  const b = body as { type?: string; value?: Record<string, unknown> };
  if (b?.type !== 'application/vnd.microsoft.card.adaptive' || !b.value) throw new Error(`not a card answer: ${JSON.stringify(body)}`);
  expectValid(b.value);
  return b.value;
}

export function cardText(card: unknown): string {
  return recordedText({ kind: 'send', conversationId: '', id: '', at: 0, activity: { attachments: [{ content: card }] } });
}

export function executeActions(card: unknown): { verb: string; data: Record<string, unknown>; title: string }[] {
  const out: { verb: string; data: Record<string, unknown>; title: string }[] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const o = node as Record<string, unknown>;
    if (o.type === 'Action.Execute' && typeof o.verb === 'string' && typeof o.title === 'string') out.push({ verb: o.verb, data: (o.data ?? {}) as Record<string, unknown>, title: o.title });
    for (const [k, v] of Object.entries(o)) if (k !== 'refresh' && typeof v === 'object') walk(v);
  };
  walk(card);
  return out;
}

/** Posts to the buyer's conversation since `since` (an index into the connector's record). */
export function buyerPosts(h: HandoffHarness, conversationId: string, since = 0): RecordedActivity[] {
  return h.connector.activities.slice(since).filter((r) => r.conversationId === conversationId && isPost(r));
}

export const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
