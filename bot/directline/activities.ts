// What a widget client may say, and what the bot and the log get from it. The client's word is taken for its
// text, card data and locale only: who sent it (the buyer of the token), where it goes, its id and time are
// the endpoint's. The platform buyer token is added for the bot only; the log, which the page reads back,
// never holds it.

export const CHANNEL_ID = 'directline';

export interface Account {
  id: string;
  name?: string;
  role?: string;
}

export interface ActivityContext {
  conversationId: string;
  buyerId: string;
  bot: Account;
  /** This server's connector endpoint: where the bot's replies go. */
  serviceUrl: string;
  /** Passed to the bot in channelData.buyerToken when buyer tokens are signed. */
  buyerToken?: string;
  now: Date;
}

/** An uploaded file as it travels on the activity. */
export interface UploadedAttachment {
  contentType: string;
  contentUrl: string;
  name?: string;
  thumbnailUrl?: string;
}

export type ShapeResult =
  | { ok: true; value: { forLog: Record<string, unknown>; forBot: Record<string, unknown> } }
  | { ok: false; error: { kind: 'bad_activity'; message: string } };

const TYPES = new Set(['message', 'event']);
const MAX_TEXT = 5_000;
const MAX_JSON = 32 * 1024;
const MAX_ENTITIES = 10;
const MAX_THUMBNAIL = 100 * 1024;
const THUMBNAIL = /^data:image\/(png|jpeg|webp|gif);base64,[A-Za-z0-9+/=]+$/;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Serialised length; nesting too deep to serialise (a stack overflow) counts as too large. */
const jsonSize = (v: unknown): number => {
  if (v === undefined) return 0;
  try {
    return JSON.stringify(v).length;
  } catch {
    return Infinity;
  }
};
const shortString = (v: unknown, max: number): string | undefined => (typeof v === 'string' && v.length <= max ? v : undefined);

/**
 * Shapes a client activity. `attachments` are the files this endpoint stored for it (uploads); attachments the
 * client lists itself are accepted only when `ownAttachment` recognises their URL as one of those.
 */
export function shapeClientActivity(
  input: unknown,
  ctx: ActivityContext,
  options: { attachments?: UploadedAttachment[]; ownAttachment?: (contentUrl: string) => boolean } = {},
): ShapeResult {
  if (!isRecord(input)) return bad('The body must be a JSON activity object.');
  const type = input.type;
  if (typeof type !== 'string' || !TYPES.has(type)) return bad('Only message and event activities can be posted.');
  if (input.text !== undefined && (typeof input.text !== 'string' || input.text.length > MAX_TEXT)) return bad(`text must be a string of at most ${MAX_TEXT} characters.`);
  for (const field of ['value', 'channelData', 'entities'] as const) {
    if (jsonSize(input[field]) > MAX_JSON) return bad(`${field} is too large.`);
  }

  let attachments: UploadedAttachment[] | undefined = options.attachments;
  if (!attachments && input.attachments !== undefined) {
    if (!Array.isArray(input.attachments) || input.attachments.length > 10) return bad('attachments must be a list of at most 10.');
    const listed: UploadedAttachment[] = [];
    for (const a of input.attachments) {
      const url = isRecord(a) ? a.contentUrl : undefined;
      if (typeof url !== 'string' || !options.ownAttachment?.(url)) return bad('Files must be sent with the upload endpoint.');
      listed.push({ contentType: shortString((a as Record<string, unknown>).contentType, 256) ?? 'application/octet-stream', contentUrl: url, ...nameOf(a) });
    }
    attachments = listed;
  }

  const channelData = isRecord(input.channelData) ? { ...input.channelData } : {};
  delete channelData.buyerToken;
  const entities = Array.isArray(input.entities) ? input.entities.filter(isRecord).slice(0, MAX_ENTITIES) : undefined;

  const common: Record<string, unknown> = {
    type,
    channelId: CHANNEL_ID,
    timestamp: ctx.now.toISOString(),
    from: { id: ctx.buyerId, role: 'user' },
    recipient: { ...ctx.bot, role: 'bot' },
    conversation: { id: ctx.conversationId },
    ...(typeof input.text === 'string' ? { text: input.text } : {}),
    ...(shortString(input.textFormat, 16) ? { textFormat: input.textFormat } : {}),
    ...(shortString(input.locale, 32) ? { locale: input.locale } : {}),
    ...(shortString(input.localTimestamp, 64) ? { localTimestamp: input.localTimestamp } : {}),
    ...(shortString(input.localTimezone, 64) ? { localTimezone: input.localTimezone } : {}),
    ...(type === 'event' && shortString(input.name, 128) ? { name: input.name } : {}),
    ...(input.value !== undefined && input.value !== null ? { value: input.value } : {}),
    ...(shortString(input.replyToId, 256) ? { replyToId: input.replyToId } : {}),
    ...(attachments && attachments.length ? { attachments } : {}),
    ...(entities && entities.length ? { entities } : {}),
  };
  if (type === 'message' && !common.text && !common.attachments && common.value === undefined) return bad('A message needs text, a file or card data.');

  return {
    ok: true,
    value: {
      forLog: { ...common, channelData },
      forBot: { ...common, serviceUrl: ctx.serviceUrl, channelData: ctx.buyerToken ? { ...channelData, buyerToken: ctx.buyerToken } : channelData },
    },
  };
}

/** The activity the bot gets when the buyer opens a new conversation: the buyer joined (the bot says hello). */
export function conversationStarted(ctx: ActivityContext, locale: string | undefined): Record<string, unknown> {
  return {
    type: 'conversationUpdate',
    channelId: CHANNEL_ID,
    timestamp: ctx.now.toISOString(),
    serviceUrl: ctx.serviceUrl,
    from: { id: ctx.buyerId, role: 'user' },
    recipient: { ...ctx.bot, role: 'bot' },
    conversation: { id: ctx.conversationId },
    membersAdded: [{ ...ctx.bot }, { id: ctx.buyerId }],
    ...(locale ? { locale } : {}),
    channelData: ctx.buyerToken ? { buyerToken: ctx.buyerToken } : {},
  };
}

/** A bot activity as the log keeps it: the endpoint's own conversation, channel and time; `replyToId` when it is in the log. */
export function shapeBotActivity(input: Record<string, unknown>, ctx: { conversationId: string; bot: Account; now: Date; replyToId?: string }): Record<string, unknown> {
  // Web Chat holds a reply back until what it answers has arrived: a reply to something not in this log (the
  // event that started a proactive turn) is sent as a plain message.
  const { serviceUrl: _serviceUrl, id: _id, replyToId: _replyToId, ...rest } = input;
  const from = isRecord(rest.from) ? rest.from : {};
  return {
    ...rest,
    channelId: CHANNEL_ID,
    conversation: { id: ctx.conversationId },
    from: { ...ctx.bot, ...from, role: 'bot' },
    timestamp: ctx.now.toISOString(),
    ...(ctx.replyToId ? { replyToId: ctx.replyToId } : {}),
  };
}

/** Keeps a client thumbnail only when it is a small inline image (never a link to somewhere else). */
export function safeThumbnail(value: unknown): string | undefined {
  return typeof value === 'string' && value.length <= MAX_THUMBNAIL && THUMBNAIL.test(value) ? value : undefined;
}

function nameOf(a: unknown): { name?: string } {
  const name = isRecord(a) ? shortString(a.name, 255) : undefined;
  return name ? { name } : {};
}

const bad = (message: string): ShapeResult => ({ ok: false, error: { kind: 'bad_activity', message } });
