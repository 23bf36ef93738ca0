import type { Activity } from 'botbuilder';
import type { ProactiveAdapter } from '../../proactive';
import type { Reference } from '../staff-references';

// Posts into the CS channel. A send's failure is returned, not thrown: thrown inside the turn it would reach the
// adapter's turn error handler, which is made for buyers' turns and swallows it. The caller decides: trouble that
// may pass (5xx, timeout, network) is retried by leaving the event pending; 403/404 (the bot was removed from
// the team, the channel is gone) will not pass by retrying.

export type PostOutcome = { ok: true } | { ok: false; error: unknown; status: number | null; code?: string; permanent: boolean };

export class CsChannelPoster {
  constructor(private readonly o: { adapter: ProactiveAdapter; appId: string }) {}

  async post(reference: Reference, activity: Partial<Activity>): Promise<PostOutcome> {
    const outcome: { sent: boolean; error?: unknown } = { sent: false };
    try {
      await this.o.adapter.continueConversationAsync(this.o.appId, reference, async (context) => {
        try {
          await context.sendActivity(activity);
          outcome.sent = true;
        } catch (error) {
          outcome.error = error;
        }
      });
    } catch (error) {
      outcome.error = error;
    }
    if (outcome.sent) return { ok: true };
    const error = outcome.error ?? new Error('the adapter did not run the send');
    const status = statusOf(error);
    const code = errorCodeOf(error);
    return { ok: false, error, status, ...(code ? { code } : {}), permanent: status === 403 || status === 404 };
  }
}

/** The HTTP status of a failed connector call (botframework-connector throws RestError with `statusCode`). */
export function statusOf(err: unknown): number | null {
  if (!err || typeof err !== 'object') return null;
  const e = err as { statusCode?: unknown; status?: unknown; response?: { status?: unknown } };
  for (const v of [e.statusCode, e.status, e.response?.status]) if (typeof v === 'number') return v;
  return null;
}

function errorCodeOf(err: unknown): string | undefined {
  if (!err || typeof err !== 'object') return undefined;
  const e = err as { code?: unknown; body?: { error?: { code?: unknown } }; response?: { parsedBody?: { error?: { code?: unknown } } } };
  const fromBody = e.body?.error?.code ?? e.response?.parsedBody?.error?.code;
  if (typeof fromBody === 'string') return fromBody;
  return typeof e.code === 'string' ? e.code : undefined;
}
