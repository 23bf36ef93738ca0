import { performance } from 'node:perf_hooks';
import type { ActivityLike } from '../../scripts/chat/render';
import type { MessageContent } from './buyer-script';

// One conversation as a channel drives it: activities POSTed to /api/messages with deliveryMode expectReplies,
// timed from the request to the last byte of the answer.

export interface TurnResult {
  status: number;
  replies: ActivityLike[];
  /** Milliseconds from sending to the whole answer read. */
  ms: number;
  startedAt: number;
  endedAt: number;
}

let sequence = 0;

export class BenchConversation {
  readonly id: string;
  private turn = 0;

  constructor(
    private readonly baseUrl: string,
    private readonly user: string,
    private readonly locale: string,
    private readonly serviceUrl: string,
    tag: string,
  ) {
    this.id = `bench-${tag}-${process.pid}-${++sequence}`;
  }

  async send(content: MessageContent): Promise<TurnResult> {
    const activity = {
      type: 'message',
      id: `${this.id}-${++this.turn}`,
      channelId: 'bench',
      serviceUrl: this.serviceUrl,
      conversation: { id: this.id },
      from: { id: this.user, name: this.user },
      recipient: { id: 'bot', name: 'bot' },
      locale: this.locale,
      timestamp: new Date().toISOString(),
      deliveryMode: 'expectReplies',
      ...content,
    };
    const startedAt = performance.now();
    let status = 0;
    let body: unknown;
    try {
      const res = await fetch(`${this.baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      status = res.status;
      const text = await res.text();
      body = text ? (JSON.parse(text) as unknown) : undefined;
    } catch {
      // status 0: counted as a failed turn
    }
    const endedAt = performance.now();
    const replies = body && typeof body === 'object' && Array.isArray((body as { activities?: unknown }).activities) ? (body as { activities: ActivityLike[] }).activities : [];
    return { status, replies, ms: endedAt - startedAt, startedAt, endedAt };
  }
}
