// A streaming multipart/form-data reader for uploads: each part's bytes go to a sink as they arrive (a file on
// disk for files), so a 50 MB video never sits in memory. The whole body, each part and each header block are
// capped; a body that ends early or breaks the format is refused, never half-accepted.

export interface MultipartPart {
  name: string;
  /** Present for file parts. */
  filename?: string;
  /** As announced by the client (the bytes decide later). */
  contentType: string;
}

export interface PartSink {
  write(chunk: Buffer): Promise<void> | void;
  end(): Promise<void> | void;
}

export interface MultipartLimits {
  maxBytes: number;
  maxPartBytes: number;
  maxParts: number;
  maxHeaderBytes?: number;
}

export type MultipartError =
  | { kind: 'malformed'; reason: string }
  | { kind: 'too_large'; limitBytes: number }
  | { kind: 'part_too_large'; limitBytes: number; name: string; filename?: string }
  | { kind: 'too_many_parts'; limit: number };

export type MultipartResult = { ok: true; parts: number } | { ok: false; error: MultipartError };

/** The boundary of a multipart/form-data content type, or null. */
export function boundaryOf(contentType: unknown): string | null {
  if (typeof contentType !== 'string') return null;
  const [type, ...params] = contentType.split(';');
  if (type?.trim().toLowerCase() !== 'multipart/form-data') return null;
  for (const param of params) {
    const eq = param.indexOf('=');
    if (eq < 0 || param.slice(0, eq).trim().toLowerCase() !== 'boundary') continue;
    let value = param.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    // RFC 2046: 1 to 70 characters.
    return value.length >= 1 && value.length <= 70 ? value : null;
  }
  return null;
}

type State = 'preamble' | 'after-delimiter' | 'headers' | 'body' | 'done';

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

export async function readMultipart(
  body: AsyncIterable<Buffer | Uint8Array | string>,
  boundary: string,
  onPart: (part: MultipartPart) => Promise<PartSink> | PartSink,
  limits: MultipartLimits,
): Promise<MultipartResult> {
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  const maxHeaderBytes = limits.maxHeaderBytes ?? 8 * 1024;
  // The first boundary has no CRLF before it: pretend it has one, so every boundary looks the same.
  let buf: Buffer = Buffer.from(CRLF);
  let state: State = 'preamble';
  let total = 0;
  let parts = 0;
  let sink: PartSink | null = null;
  let part: MultipartPart | null = null;
  let partBytes = 0;

  const fail = (error: MultipartError): MultipartResult => ({ ok: false, error });

  // Consumes what it can of `buf`; returns an error, 'more' (needs bytes) or 'done'.
  const step = async (): Promise<MultipartResult | 'more' | 'done'> => {
    for (;;) {
      switch (state) {
        case 'preamble': {
          const at = buf.indexOf(delimiter);
          if (at < 0) {
            if (buf.length > maxHeaderBytes) return fail({ kind: 'malformed', reason: 'no boundary' });
            return 'more';
          }
          buf = buf.subarray(at + delimiter.length);
          state = 'after-delimiter';
          break;
        }
        case 'after-delimiter': {
          if (buf.length < 2) return 'more';
          if (buf[0] === 0x2d && buf[1] === 0x2d) {
            state = 'done';
            return 'done';
          }
          const eol = buf.indexOf(CRLF);
          if (eol < 0) return buf.length > 64 ? fail({ kind: 'malformed', reason: 'boundary line' }) : 'more';
          // Transport padding (spaces, tabs) may follow a boundary.
          if (!/^[ \t]*$/.test(buf.subarray(0, eol).toString('latin1'))) return fail({ kind: 'malformed', reason: 'boundary line' });
          buf = buf.subarray(eol + 2);
          state = 'headers';
          break;
        }
        case 'headers': {
          let end: number;
          let headerText: string;
          if (buf.length >= 2 && buf[0] === 0x0d && buf[1] === 0x0a) {
            end = 2;
            headerText = '';
          } else {
            const at = buf.indexOf(HEADER_END);
            if (at < 0) return buf.length > maxHeaderBytes ? fail({ kind: 'malformed', reason: 'headers too long' }) : 'more';
            if (at > maxHeaderBytes) return fail({ kind: 'malformed', reason: 'headers too long' });
            end = at + 4;
            headerText = buf.subarray(0, at).toString('utf8');
          }
          const parsed = parsePartHeaders(headerText);
          if (!parsed) return fail({ kind: 'malformed', reason: 'part headers' });
          parts += 1;
          if (parts > limits.maxParts) return fail({ kind: 'too_many_parts', limit: limits.maxParts });
          part = parsed;
          partBytes = 0;
          sink = await onPart(parsed);
          buf = buf.subarray(end);
          state = 'body';
          break;
        }
        case 'body': {
          const at = buf.indexOf(delimiter);
          const usable = at >= 0 ? at : Math.max(0, buf.length - (delimiter.length - 1));
          if (usable > 0) {
            partBytes += usable;
            if (partBytes > limits.maxPartBytes) {
              return fail({ kind: 'part_too_large', limitBytes: limits.maxPartBytes, name: part!.name, ...(part!.filename !== undefined ? { filename: part!.filename } : {}) });
            }
            // A copy: the sink may keep the chunk while `buf` moves on.
            await sink!.write(Buffer.from(buf.subarray(0, usable)));
          }
          if (at < 0) {
            buf = buf.subarray(usable);
            return 'more';
          }
          await sink!.end();
          sink = null;
          buf = buf.subarray(at + delimiter.length);
          state = 'after-delimiter';
          break;
        }
        case 'done':
          return 'done';
      }
    }
  };

  for await (const raw of body) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw) : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
    total += chunk.length;
    if (total > limits.maxBytes) return fail({ kind: 'too_large', limitBytes: limits.maxBytes });
    buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
    const outcome = await step();
    if (outcome === 'done') return { ok: true, parts };
    if (outcome !== 'more') return outcome;
  }
  const last = await step();
  if (last === 'done') return { ok: true, parts };
  if (last !== 'more') return last;
  return fail({ kind: 'malformed', reason: 'body ended early' });
}

/** Content-Disposition (form-data; name; filename) and Content-Type of one part, or null when unusable. */
export function parsePartHeaders(text: string): MultipartPart | null {
  let disposition: string | null = null;
  let contentType = 'application/octet-stream';
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) return null;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'content-disposition') disposition = value;
    else if (name === 'content-type' && value) contentType = value.toLowerCase();
  }
  if (!disposition || !/^form-data\s*(;|$)/i.test(disposition)) return null;
  const partName = dispositionParam(disposition, 'name');
  if (partName === null) return null;
  const filename = dispositionParam(disposition, 'filename');
  return { name: partName, contentType, ...(filename !== null ? { filename } : {}) };
}

function dispositionParam(disposition: string, param: string): string | null {
  const re = new RegExp(`;\\s*${param}\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]*))`, 'i');
  const match = re.exec(disposition);
  if (!match) return null;
  if (match[1] !== undefined) return match[1].replace(/\\(.)/g, '$1');
  return match[2] ?? '';
}
