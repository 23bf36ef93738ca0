import type { App } from '../../../bot/app';
import type { RefundCase } from '../../../services/refunds';
import { SimulatedGateway } from '../../../services/payments';
import { BotConversation, startTestApp } from '../../support/bot-http';
import type { TestApp } from '../../support/bot-http';
import { expectValidCards } from '../../support/card-schema';
import { FakeClock } from '../../support/fake-clock';
import type { RecordedActivity } from '../../support/fake-connector';
import { FakeConnector, recordedText } from '../../support/fake-connector';
import type { TeamsPlace, TeamsUser } from '../../support/teams-http';
import { TeamsClient, personalChat, teamsUser } from '../../support/teams-http';

// The whole app over HTTP with the fake Bot Connector as every channel's service: two merchants of shop-201
// (Alice in Chinese, Bob in English), one of shop-202 (Carol), and the buyers of the demo data.

export type Json = Record<string, unknown>;

export interface MerchantWorld {
  t: TestApp;
  app: App;
  fake: FakeConnector;
  teams: TeamsClient;
  clock: FakeClock;
  alice: TeamsUser;
  bob: TeamsUser;
  carol: TeamsUser;
  chatOf(user: TeamsUser): TeamsPlace;
  /** Sends a message in the user's personal chat; returns what the bot answered there. */
  say(user: TeamsUser, text: string, locale?: string): Promise<RecordedActivity[]>;
  /** Links Alice and Bob to shop-201 and Carol to shop-202 with the demo codes. */
  linkAll(): Promise<void>;
  file(request: Json, buyerId?: string): Promise<RefundCase>;
  /** Waits for a card about the case in the user's personal chat (the first that matches `also`). */
  cardFor(user: TeamsUser, caseId: string, also?: (text: string) => boolean): Promise<{ record: RecordedActivity; card: Json; text: string }>;
  /** Clicks an Action.Execute button; returns the invoke response. */
  execute(user: TeamsUser, verb: string, data: Json, id?: string): Promise<{ status: number; body: { statusCode?: number; type?: string; value?: unknown } }>;
  caseOf(caseId: string): Promise<RefundCase>;
  gateway(): SimulatedGateway;
  /** A buyer who has written to the bot once, so proactive updates reach their conversation at the fake connector. */
  buyer(buyerId: string, locale?: string): Promise<BotConversation>;
  stop(): Promise<void>;
}

export async function merchantWorld(options: { redis?: boolean; env?: Record<string, string> } = {}): Promise<MerchantWorld> {
  const fake = await FakeConnector.start();
  const clock = new FakeClock();
  // A gateway of our own, so its ledger (what was really paid) can be read whatever the app would pick.
  const payments = new SimulatedGateway({ clock, latencyMs: 0, confirmAfterMs: 0 });
  const t = await startTestApp({ redis: options.redis ?? false, ...(options.env ? { env: options.env } : {}), overrides: { clock, payments } });
  const app = t.app;
  const teams = new TeamsClient(app.url, fake.url);
  const alice = { ...teamsUser('alice'), name: 'Alice Li' };
  const bob = { ...teamsUser('bob'), name: 'Bob Chen' };
  const carol = { ...teamsUser('carol'), name: 'Carol Wu' };
  const locales = new Map<string, string>([
    [alice.id, 'zh-CN'],
    [bob.id, 'en-US'],
    [carol.id, 'zh-CN'],
  ]);
  let fileCount = 0;

  const world: MerchantWorld = {
    t,
    app,
    fake,
    teams,
    clock,
    alice,
    bob,
    carol,
    chatOf: personalChat,
    async say(user, text, locale) {
      const chat = personalChat(user);
      const before = fake.sentTo(chat.conversationId).length;
      const res = await teams.say(user, chat, text, { locale: locale ?? locales.get(user.id) ?? 'zh-CN' });
      if (res.status >= 400) throw new Error(`message refused: ${res.status} ${JSON.stringify(res.body)}`);
      const replies = fake.sentTo(chat.conversationId).slice(before);
      expectValidCards(replies.map((r) => r.activity as { attachments?: { contentType?: string; content?: unknown }[] }));
      return replies;
    },
    async linkAll() {
      await world.say(alice, '绑定 LINK-201');
      await world.say(bob, 'link LINK-201');
      await world.say(carol, '绑定 LINK-202');
    },
    async file(request, buyerId = 'buyer-1001') {
      const outcome = await app.infra.core.service.file({ role: 'buyer', id: buyerId }, request, `filing-${++fileCount}-${Date.now()}`);
      if (!outcome.ok) throw new Error(`filing refused: ${JSON.stringify(outcome.error)}`);
      return outcome.value.case;
    },
    async cardFor(user, caseId, also = () => true) {
      const conv = personalChat(user).conversationId;
      const record = await fake.waitFor((r) => r.conversationId === conv && r.kind === 'send' && cardOf(r) !== null && recordedText(r).includes(caseId) && also(recordedText(r)));
      const [card] = expectValidCards([record.activity as { attachments?: { contentType?: string; content?: unknown }[] }]) as Json[];
      return { record, card: card!, text: recordedText(record) };
    },
    async execute(user, verb, data, id) {
      const res = await teams.execute(user, personalChat(user), verb, data, { locale: locales.get(user.id) ?? 'zh-CN', ...(id ? { id } : {}) });
      const body = res.body as { statusCode?: number; type?: string; value?: unknown };
      if (body?.type === 'application/vnd.microsoft.card.adaptive') expectValidCards([{ attachments: [{ contentType: body.type, content: body.value }] }]);
      return { status: res.status, body };
    },
    async caseOf(caseId) {
      const c = await app.infra.store.get(caseId);
      if (!c) throw new Error(`no case ${caseId}`);
      return c;
    },
    gateway: () => payments,
    async buyer(buyerId, locale = 'zh-CN') {
      const conversation = new BotConversation(app.url, buyerId, { locale, serviceUrl: fake.url });
      const res = await conversation.say(locale === 'zh-CN' ? '你好' : 'hello');
      if (res.status >= 400) throw new Error(`buyer message refused: ${res.status}`);
      return conversation;
    },
    async stop() {
      await t.stop();
      await fake.stop();
    },
  };
  return world;
}

export function cardOf(r: RecordedActivity): Json | null {
  const attachments = (r.activity.attachments as { contentType?: string; content?: Json }[] | undefined) ?? [];
  return attachments.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content ?? null;
}

/** Every node of a card, depth first. */
export function nodes(node: unknown, out: Json[] = []): Json[] {
  if (Array.isArray(node)) node.forEach((n) => nodes(n, out));
  else if (node && typeof node === 'object') {
    out.push(node as Json);
    Object.values(node).forEach((v) => nodes(v, out));
  }
  return out;
}

/** The Action.Execute buttons of a card (its refresh excluded). */
export function buttons(card: Json): Json[] {
  return nodes(card.actions).filter((n) => n.type === 'Action.Execute');
}

export function cardText(card: unknown): string {
  return nodes(card)
    .flatMap((n) => [n.text, n.title, n.value].filter((v): v is string => typeof v === 'string'))
    .join('\n');
}

/** The data of the card's button for `verb`: what Teams sends back, before the inputs are merged in. */
export function dataOf(card: Json, verb: string): Json {
  const button = buttons(card).find((b) => b.verb === verb);
  if (!button) throw new Error(`no ${verb} button on the card: ${cardText(card)}`);
  return { ...(button.data as Json) };
}

/** Runs the sweeper until nothing more is due (payments need a few passes). */
export async function sweepUntilQuiet(world: MerchantWorld, passes = 6): Promise<void> {
  for (let i = 0; i < passes; i++) {
    const report = await world.app.infra.core.timers.sweep();
    if (report.fired === 0) return;
  }
}

export const HOUR = 3_600_000;
