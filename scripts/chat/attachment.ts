import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';

// A local file sent as evidence: a data URL attachment, the way Web Chat uploads small files. The content type
// is only a guess from the extension; the server sniffs the real bytes and decides for itself.

const TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.heic': 'image/heic',
  '.bmp': 'image/bmp',
  '.pdf': 'application/pdf',
  '.mp4': 'video/mp4',
  '.mov': 'video/quicktime',
  '.txt': 'text/plain',
};

/** Somewhat above the server's largest limit, so the server (not the client) says what is too large. */
export const MAX_ATTACHMENT_BYTES = 11 * 1024 * 1024;

export function guessContentType(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export interface FileAttachment {
  contentType: string;
  contentUrl: string;
  name: string;
}

export type AttachmentResult = { ok: true; value: FileAttachment } | { ok: false; error: { kind: 'not_found' | 'not_a_file' | 'too_large'; message: string } };

export async function fileAttachment(path: string): Promise<AttachmentResult> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) return { ok: false, error: { kind: 'not_a_file', message: `${path} is not a file` } };
    size = info.size;
  } catch {
    return { ok: false, error: { kind: 'not_found', message: `cannot read ${path}` } };
  }
  if (size > MAX_ATTACHMENT_BYTES) {
    return { ok: false, error: { kind: 'too_large', message: `${path} is ${(size / 1024 / 1024).toFixed(1)} MB; files up to 10 MB are accepted` } };
  }
  const bytes = await readFile(path);
  const contentType = guessContentType(path);
  return { ok: true, value: { contentType, contentUrl: `data:${contentType};base64,${bytes.toString('base64')}`, name: basename(path) } };
}

/** "/attach path words…": the path may be quoted to hold spaces; the rest is sent as text with the file. */
export function parseAttachCommand(rest: string): { path: string; text: string } | null {
  const trimmed = rest.trim();
  if (!trimmed) return null;
  const quoted = /^(["'])(.+?)\1\s*(.*)$/su.exec(trimmed);
  if (quoted) return { path: quoted[2]!, text: quoted[3]!.trim() };
  const space = trimmed.search(/\s/u);
  return space < 0 ? { path: trimmed, text: '' } : { path: trimmed.slice(0, space), text: trimmed.slice(space + 1).trim() };
}
