import { randomUUID } from 'node:crypto';
import type { Actor, RefundCase, RefundService } from '../../../services/refunds';
import type { AppOverrides } from '../../../bot/app';
import { startTestApp } from '../../support/bot-http';
import type { TestApp } from '../../support/bot-http';
import { FakeConnector, recordedText } from '../../support/fake-connector';
import type { RecordedActivity } from '../../support/fake-connector';
import { TeamsClient, channelPlace, teamsUser } from '../../support/teams-http';
import type { TeamsPlace, TeamsUser } from '../../support/teams-http';
import { cardErrors } from '../../support/card-schema';

// The whole app over HTTP with a fake Bot Connector, a CS channel whose members are Alice and Bob, and Carol who
// is not an agent. The core is driven directly for what buyers and merchants do elsewhere.

export const BUYER: Actor = { role: 'buyer', id: 'buyer-1001' };
export const MERCHANT: Actor = { role: 'merchant', id: 'merchant-201', shopId: 'shop-201' };

export interface CsHarness {
  test: TestApp;
  connector: FakeConnector;
  teams: TeamsClient;
  channelId: string;
  place: TeamsPlace;
  alice: TeamsUser;
  bob: TeamsUser;
  carol: TeamsUser;
  service: RefundService;
  stop(): Promise<void>;
}

export async function startCsHarness(options: { redis?: boolean; overrides?: AppOverrides; install?: boolean; env?: Record<string, string> } = {}): Promise<CsHarness> {
  const connector = await FakeConnector.start();
  const alice = teamsUser('alice');
  const bob = teamsUser('bob');
  const carol = teamsUser('carol');
  const channelId = `19:cs-${randomUUID().slice(0, 8)}@thread.tacv2`;
  connector.setMembers(channelId, [alice, bob].map((u) => ({ id: u.id, name: u.name, aadObjectId: u.aadObjectId })) as { id: string; name?: string }[]);
  const test = await startTestApp({
    ...(options.redis ? { redis: true } : {}),
    env: { CS_CHANNEL_ID: channelId, ...options.env },
    ...(options.overrides ? { overrides: options.overrides } : {}),
  });
  const teams = new TeamsClient(test.app.url, connector.url);
  const place = channelPlace(channelId);
  if (options.install !== false) {
    const installed = await teams.install(alice, place);
    if (installed.status >= 400) throw new Error(`install answered ${installed.status}`);
  }
  return {
    test,
    connector,
    teams,
    channelId,
    place,
    alice,
    bob,
    carol,
    service: test.app.infra.core.service,
    async stop() {
      await test.stop();
      await connector.stop();
    },
  };
}

export function must(outcome: { ok: true; value: { case: RefundCase } } | { ok: false; error: unknown }): RefundCase {
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return outcome.value.case;
}

/** The case as it is now (read as CS: every case is visible). */
export async function current(service: RefundService, caseId: string): Promise<RefundCase> {
  const loaded = await service.getCase({ role: 'cs', id: 'reader' }, caseId);
  if (!loaded.ok) throw new Error(`${caseId}: ${JSON.stringify(loaded.error)}`);
  return loaded.value;
}

/** A return the shop rejected and the buyer escalated: the case is in platform review. */
export async function escalatedCase(service: RefundService, line = 2): Promise<RefundCase> {
  const filed = must(await service.file(BUYER, { orderId: 'DEMO-1002', lines: [{ lineIndex: line, quantity: 1 }], type: 'return_refund', reason: 'no_reason_7_days', description: '不想要了' }, randomUUID()));
  must(await service.execute(MERCHANT, filed.id, { kind: 'merchant_reject', code: 'outside_policy', remark: '已拆封' }, randomUUID()));
  return must(await service.execute(BUYER, filed.id, { kind: 'buyer_escalate', remark: '包装完好，没有拆封' }, randomUUID()));
}

/** A return waiting for the shop. */
export async function pendingCase(service: RefundService, line = 1): Promise<RefundCase> {
  return must(await service.file(BUYER, { orderId: 'DEMO-1002', lines: [{ lineIndex: line, quantity: 1 }], type: 'return_refund', reason: 'no_reason_7_days' }, randomUUID()));
}

/** The Adaptive Cards of a recorded activity, each checked against the 1.5 schema. */
export function cardsOf(r: RecordedActivity): Record<string, unknown>[] {
  const attachments = (r.activity.attachments as { contentType?: string; content?: Record<string, unknown> }[] | undefined) ?? [];
  const cards = attachments.filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive').map((a) => a.content!);
  for (const card of cards) expectValid(card);
  return cards;
}

export function expectValid(card: unknown): void {
  const errors = cardErrors(card);
  if (errors.length > 0) throw new Error(`invalid Adaptive Card:\n${errors.join('\n')}\n${JSON.stringify(card, null, 2)}`);
}

/** The card of an invoke answer (the clicked card's replacement), checked against the schema. */
export function answeredCard(body: unknown): Record<string, unknown> {
  const b = body as { statusCode?: number; type?: string; value?: Record<string, unknown> };
  if (b?.type !== 'application/vnd.microsoft.card.adaptive' || !b.value) throw new Error(`not a card answer: ${JSON.stringify(body)}`);
  expectValid(b.value);
  return b.value;
}

/** Every visible text of a card. */
export function cardText(card: unknown): string {
  return recordedText({ kind: 'send', conversationId: '', id: '', at: 0, activity: { attachments: [{ content: card }] } });
}

/** Action.Execute actions of a card, its show-cards included, as verb -> data. */
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

/** Waits for a post or reply in the conversation whose text has every word. */
export function waitForText(connector: FakeConnector, conversationId: string, ...words: string[]): Promise<RecordedActivity> {
  return connector.waitFor((r) => r.conversationId === conversationId && (r.kind === 'send' || r.kind === 'reply') && words.every((w) => recordedText(r).includes(w)));
}
