import type { Activity } from 'botbuilder';
import { referenceOf } from '../../proactive';
import type { Reference } from '../staff-references';

// Which Teams conversation is the CS desk. A channel message's conversation id carries the thread
// (`19:...@thread.tacv2;messageid=...`); the channel itself is the part before `;`.

export function baseConversationId(conversationId: string | undefined): string {
  return (conversationId ?? '').split(';')[0] ?? '';
}

/** The Teams channel an activity happened in, if any. */
export function channelOf(activity: Partial<Activity>): string | null {
  const data = activity.channelData as { channel?: { id?: unknown } } | undefined;
  if (typeof data?.channel?.id === 'string' && data.channel.id) return data.channel.id;
  return activity.conversation?.conversationType === 'channel' ? baseConversationId(activity.conversation.id) : null;
}

export function teamOf(activity: Partial<Activity>): string | null {
  const data = activity.channelData as { team?: { id?: unknown } } | undefined;
  return typeof data?.team?.id === 'string' && data.team.id ? data.team.id : null;
}

/** Whether the activity happened in the configured CS channel (any of its threads). */
export function isCsChannel(activity: Partial<Activity>, csChannelId: string | undefined): boolean {
  if (!csChannelId) return false;
  return baseConversationId(activity.conversation?.id) === csChannelId || channelOf(activity) === csChannelId;
}

/**
 * Where to post into the CS channel: the reference of an activity seen in it, pointed at the channel itself so
 * that a post starts a new thread instead of replying inside the thread the activity came from.
 */
export function channelReference(activity: Partial<Activity>, csChannelId: string): Reference {
  const reference = referenceOf(activity);
  return { ...reference, conversation: { ...(reference.conversation ?? {}), id: csChannelId } as NonNullable<Reference['conversation']> };
}
