import type { Activity, CloudAdapter, ConversationReference, ResourceResponse, TurnContext } from 'botbuilder';
import type { ConversationAddress } from '../../../services/handoff';

// Sending into a conversation outside its own turn (to the buyer, to the agent's chat, to the CS channel).
// A failed send is returned, not thrown: thrown inside the turn, it would reach the adapter's turn error
// handler, which is made for buyers' own turns (it resets their conversation state) and swallows the error.

export type Sent<T> = { ok: true; value: T } | { ok: false; error: unknown; status: number | null };

export type Address = Partial<ConversationReference>;

export function addressOf(stored: ConversationAddress | undefined | null): Address | null {
  return stored ? (stored as Address) : null;
}

export async function withConversation<T>(adapter: CloudAdapter, appId: string, reference: Address, logic: (context: TurnContext) => Promise<T>): Promise<Sent<T>> {
  const outcome: { done: boolean; value?: T; error?: unknown } = { done: false };
  try {
    await adapter.continueConversationAsync(appId, reference, async (context) => {
      // A new message, not a reply to the made-up activity the adapter continues the conversation with (in a
      // Teams channel a reply would land in someone else's thread, or nowhere).
      context.onSendActivities(async (_ctx, activities, next) => {
        for (const a of activities) delete a.replyToId;
        return next();
      });
      try {
        outcome.value = await logic(context);
        outcome.done = true;
      } catch (error) {
        outcome.error = error;
      }
    });
  } catch (error) {
    return { ok: false, error, status: statusOf(error) };
  }
  if (outcome.done) return { ok: true, value: outcome.value as T };
  const error = outcome.error ?? new Error('the adapter did not run the send');
  return { ok: false, error, status: statusOf(error) };
}

export function sendInto(adapter: CloudAdapter, appId: string, reference: Address, activity: Partial<Activity>): Promise<Sent<ResourceResponse | undefined>> {
  return withConversation(adapter, appId, reference, (context) => context.sendActivity(activity));
}

/** The HTTP status of a failed connector call (botframework-connector throws RestError with `statusCode`). */
export function statusOf(err: unknown): number | null {
  if (!err || typeof err !== 'object') return null;
  const e = err as { statusCode?: unknown; status?: unknown; response?: { status?: unknown } };
  for (const v of [e.statusCode, e.status, e.response?.status]) if (typeof v === 'number') return v;
  return null;
}
