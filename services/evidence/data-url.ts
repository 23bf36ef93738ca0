// RFC 2397 data URLs, as Web Chat and the Emulator send inline uploads: `data:image/png;base64,....`.

export interface ParsedDataUrl {
  /** Decoded size, known before decoding so an oversized payload is never decoded. */
  size: number;
  /** The first bytes only, for sniffing before the whole payload is decoded. */
  head(bytes: number): Buffer;
  decode(): Buffer;
}

export type DataUrlResult =
  | { ok: true; value: ParsedDataUrl }
  | { ok: false; error: { kind: 'bad_data_url'; reason: 'syntax' | 'encoding' } };

const DATA_URL = /^data:([^,]*),/i;
const MEDIA_TYPE = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/i;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export const isDataUrl = (url: string): boolean => /^data:/i.test(url);

export function parseDataUrl(url: string): DataUrlResult {
  const match = DATA_URL.exec(url);
  if (!match) return badDataUrl('syntax');
  const params = match[1]!.split(';').map((p) => p.trim());
  const base64 = params.length > 1 && params[params.length - 1]!.toLowerCase() === 'base64';
  const mediaType = params[0]!;
  if (mediaType !== '' && !MEDIA_TYPE.test(mediaType)) return badDataUrl('syntax');
  const payload = url.slice(match[0].length);
  // The media type is checked for syntax only: the bytes decide the type.
  return base64 ? parseBase64(payload) : parsePercentEncoded(payload);
}

function parseBase64(payload: string): DataUrlResult {
  const text = payload.replace(/(?:%20|%0a|%0d|\s)+/gi, '');
  if (!BASE64.test(text)) return badDataUrl('encoding');
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  // Padded input comes in groups of four; unpadded input may end with a group of two or three characters.
  if (padding > 0 ? text.length % 4 !== 0 : text.length % 4 === 1) return badDataUrl('encoding');
  const size = Math.floor((text.length * 3) / 4) - padding;
  const head = (bytes: number): Buffer => Buffer.from(text.slice(0, Math.ceil(bytes / 3) * 4), 'base64').subarray(0, bytes);
  return { ok: true, value: { size, head, decode: () => Buffer.from(text, 'base64') } };
}

function parsePercentEncoded(payload: string): DataUrlResult {
  let size = 0;
  for (let i = 0; i < payload.length; i++) {
    const code = payload.charCodeAt(i);
    if (code >= 0x80) return badDataUrl('encoding');
    if (code === 0x25) {
      if (!/^[0-9a-f]{2}$/i.test(payload.slice(i + 1, i + 3))) return badDataUrl('encoding');
      i += 2;
    }
    size++;
  }
  const decode = (limit = size): Buffer => {
    const bytes = Buffer.alloc(Math.min(limit, size));
    let at = 0;
    for (let i = 0; i < payload.length && at < bytes.length; i++) {
      if (payload.charCodeAt(i) === 0x25) {
        bytes[at++] = parseInt(payload.slice(i + 1, i + 3), 16);
        i += 2;
      } else {
        bytes[at++] = payload.charCodeAt(i);
      }
    }
    return bytes;
  };
  return { ok: true, value: { size, head: (bytes) => decode(bytes), decode: () => decode() } };
}

const badDataUrl = (reason: 'syntax' | 'encoding'): DataUrlResult => ({ ok: false, error: { kind: 'bad_data_url', reason } });
