import type { Activity, Attachment } from 'botbuilder';
import type { TranscriptAttachment, TranscriptLine } from '../../../services/handoff';
import { maskPersonalData } from '../../../services/nlu';

// What goes into a conversation's transcript: the buyer's words and files, the bot's answers (the text of its
// cards too) and the agent's words, each masked of phone numbers, addresses and card numbers, and short.

const MAX_TEXT = 500;
/** Inline files (data: URLs) can be megabytes: the transcript keeps only a note that one was sent. */
const MAX_URL = 2_000;

export function clip(text: string, max = MAX_TEXT): string {
  const t = text.trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** Files sent with a message, as links (a Teams download link, a channel's file URL or an inline data URL). */
export function filesOf(activity: Partial<Activity>): Attachment[] {
  return (activity.attachments ?? []).filter((a) => {
    if (a.contentType === 'application/vnd.microsoft.teams.file.download.info') return true;
    // Teams repeats the message itself as an HTML attachment; cards are not files.
    if (a.contentType === 'text/html' || a.contentType?.startsWith('application/vnd.microsoft.card')) return false;
    return typeof a.contentUrl === 'string' && a.contentUrl !== '';
  });
}

function urlOf(a: Attachment): string {
  const download = (a.content as { downloadUrl?: unknown } | undefined)?.downloadUrl;
  if (a.contentType === 'application/vnd.microsoft.teams.file.download.info' && typeof download === 'string') return download;
  return a.contentUrl ?? '';
}

export function transcriptAttachments(files: readonly Attachment[]): TranscriptAttachment[] {
  return files.map((a) => {
    const url = urlOf(a);
    const kept = url.startsWith('data:') || url.length > MAX_URL ? `${url.slice(0, url.indexOf(',') > 0 ? Math.min(url.indexOf(','), 60) : 60)},…` : url;
    return { url: kept, ...(a.contentType ? { contentType: a.contentType } : {}), ...(a.name ? { name: a.name } : {}) };
  });
}

/** The line a message adds to the transcript, or null for one with nothing to keep. */
export function lineOf(activity: Partial<Activity>, from: TranscriptLine['from'], at: Date): TranscriptLine | null {
  if (activity.type !== 'message') return null;
  const words = typeof activity.text === 'string' ? activity.text.trim() : '';
  const files = filesOf(activity);
  const clicked = !words && activity.value && typeof activity.value === 'object' ? clickWords(activity.value as Record<string, unknown>) : '';
  const text = words || clicked || cardWords(activity);
  if (!text && files.length === 0) return null;
  return {
    from,
    text: clip(maskPersonalData(text)),
    at: at.toISOString(),
    ...(files.length > 0 ? { attachments: transcriptAttachments(files) } : {}),
  };
}

/** A card click, as the agent can read it: the flow and the choice (`[rate 5]`). */
function clickWords(value: Record<string, unknown>): string {
  const parts = Object.entries(value)
    .filter(([, v]) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
    .slice(0, 4)
    .map(([k, v]) => (k === 'action' ? String(v) : `${k}=${String(v)}`));
  return parts.length > 0 ? `[${parts.join(' ')}]` : '';
}

/** The first text blocks of the bot's cards: what the bot offered. */
function cardWords(activity: Partial<Activity>): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (out.length >= 3 || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const o = node as Record<string, unknown>;
    if (o.type === 'TextBlock' && typeof o.text === 'string') out.push(o.text);
    for (const [k, v] of Object.entries(o)) if (k !== 'actions' && typeof v === 'object') walk(v);
  };
  for (const a of activity.attachments ?? []) if (a.contentType?.startsWith('application/vnd.microsoft.card')) walk(a.content);
  return out.join(' / ');
}
