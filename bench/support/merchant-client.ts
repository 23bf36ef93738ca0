import { performance } from 'node:perf_hooks';

// A merchant in Microsoft Teams as the bot sees one: messages in a personal chat and Action.Execute clicks
// (adaptiveCard/action invokes) on case cards, POSTed to /api/messages the way the Teams channel posts them.
// The invoke's answer is the redrawn card, read here for the case's status and version.

const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
let counter = 0;

export interface InvokeResult {
  status: number;
  ms: number;
  /** The invoke response's type (a card, or a message instead). */
  type: string | null;
  /** The version the redrawn card carries on its buttons, if any. */
  version: number | null;
  /** Text of the card or message (banners included). */
  text: string;
}

export class MerchantClient {
  readonly userId: string;
  readonly aadObjectId: string;
  readonly conversationId: string;

  constructor(
    private readonly baseUrl: string,
    private readonly serviceUrl: string,
    readonly name: string,
    private readonly locale: 'zh-CN' | 'en-US',
  ) {
    const n = ++counter;
    this.userId = `29:bench-${name}-${process.pid}-${n}`;
    this.aadObjectId = `00000000-0000-4000-9000-${String(process.pid * 100 + n).padStart(12, '0').slice(-12)}`;
    this.conversationId = `a:bench-personal-${this.aadObjectId}`;
  }

  /** Links this merchant to a shop with a demo link code ("LINK-201"). */
  link(code: string): Promise<InvokeResult> {
    return this.post({ type: 'message', text: this.locale === 'zh-CN' ? `绑定 ${code}` : `link ${code}` });
  }

  refresh(caseId: string, version: number): Promise<InvokeResult> {
    return this.execute('merchant.refresh', { caseId, version });
  }

  execute(verb: string, data: Record<string, unknown>): Promise<InvokeResult> {
    return this.post({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' } });
  }

  private async post(partial: Record<string, unknown>): Promise<InvokeResult> {
    const activity = {
      id: `f:bench-${process.pid}-${++counter}`,
      channelId: 'msteams',
      serviceUrl: this.serviceUrl,
      timestamp: new Date().toISOString(),
      from: { id: this.userId, name: this.name, aadObjectId: this.aadObjectId },
      recipient: { id: '28:refund-desk', name: 'Refund Desk' },
      conversation: { id: this.conversationId, conversationType: 'personal', tenantId: TENANT_ID, isGroup: false },
      channelData: { tenant: { id: TENANT_ID } },
      locale: this.locale,
      ...partial,
    };
    const started = performance.now();
    let status = 0;
    let body: unknown;
    try {
      const res = await fetch(`${this.baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      status = res.status;
      const text = await res.text();
      body = text ? (JSON.parse(text) as unknown) : undefined;
    } catch {
      // status 0: no answer
    }
    const ms = performance.now() - started;
    const reply = body as { type?: string; value?: unknown } | undefined;
    return { status, ms, type: reply?.type ?? null, version: versionOn(reply?.value), text: textOf(reply?.value) };
  }
}

function versionOn(card: unknown): number | null {
  let found: number | null = null;
  walk(card, (node) => {
    const data = node.data as { caseId?: unknown; version?: unknown } | undefined;
    if (found === null && node.type === 'Action.Execute' && data && typeof data.version === 'number') found = data.version;
  });
  return found;
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  const parts: string[] = [];
  walk(value, (node) => {
    if (typeof node.text === 'string') parts.push(node.text);
    if (typeof node.title === 'string') parts.push(node.title);
    if (typeof node.value === 'string' && node.type === 'Fact') parts.push(node.value);
  });
  return parts.join('\n');
}

function walk(node: unknown, visit: (node: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) for (const n of node) walk(n, visit);
  else if (node && typeof node === 'object') {
    visit(node as Record<string, unknown>);
    for (const v of Object.values(node)) walk(v, visit);
  }
}
