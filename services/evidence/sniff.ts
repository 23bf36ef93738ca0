import type { EvidenceKind } from '../refunds/case';

// The type of a file is decided from its first bytes only: names and announced content types are the
// uploader's word, and an .exe renamed .jpg must not reach a merchant as a photo.

export interface SniffedType {
  kind: EvidenceKind;
  mediaType: string;
}

export type SniffResult =
  | { ok: true; value: SniffedType }
  /** `detected` names what the bytes look like (`gif`, `exe`, `svg`, `avif`, `unknown`...), for logs and replies. */
  | { ok: false; error: { kind: 'unsupported_type'; detected: string } };

/** Bytes needed for a decision: every signature below, and the compatible brands of an ISO BMFF `ftyp` box. */
export const SNIFF_BYTES = 256;

type BrandClass = SniffedType | 'avif' | 'audio';

const image = (mediaType: string): SniffedType => ({ kind: 'image', mediaType });
const video = (mediaType: string): SniffedType => ({ kind: 'video', mediaType });

// ISO BMFF brands (the `ftyp` box): HEIF/HEIC stills and sequences, MP4 and its relatives, QuickTime.
const BRANDS: Readonly<Record<string, BrandClass>> = {
  heic: image('image/heic'),
  heix: image('image/heic'),
  heim: image('image/heic'),
  heis: image('image/heic'),
  hevc: image('image/heic-sequence'),
  hevx: image('image/heic-sequence'),
  mif1: image('image/heif'),
  msf1: image('image/heif-sequence'),
  avif: 'avif',
  avis: 'avif',
  isom: video('video/mp4'),
  iso2: video('video/mp4'),
  iso3: video('video/mp4'),
  iso4: video('video/mp4'),
  iso5: video('video/mp4'),
  iso6: video('video/mp4'),
  mp41: video('video/mp4'),
  mp42: video('video/mp4'),
  avc1: video('video/mp4'),
  'M4V ': video('video/mp4'),
  M4VH: video('video/mp4'),
  M4VP: video('video/mp4'),
  dash: video('video/mp4'),
  mmp4: video('video/mp4'),
  MSNV: video('video/mp4'),
  '3gp4': video('video/3gpp'),
  '3gp5': video('video/3gpp'),
  '3gp6': video('video/3gpp'),
  '3g2a': video('video/3gpp2'),
  'qt  ': video('video/quicktime'),
  'M4A ': 'audio',
  'M4B ': 'audio',
  'M4P ': 'audio',
};

// QuickTime files written without an `ftyp` box start directly with one of these atoms.
const QUICKTIME_FIRST_ATOMS = new Set(['moov', 'mdat', 'wide', 'free']);

const ascii = (bytes: Uint8Array, start: number, end: number): string =>
  bytes.length >= end ? String.fromCharCode(...bytes.subarray(start, end)) : '';

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0): boolean =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

const u32 = (bytes: Uint8Array, offset: number): number =>
  ((bytes[offset]! << 24) | (bytes[offset + 1]! << 16) | (bytes[offset + 2]! << 8) | bytes[offset + 3]!) >>> 0;

const accept = (value: SniffedType): SniffResult => ({ ok: true, value });
const refuse = (detected: string): SniffResult => ({ ok: false, error: { kind: 'unsupported_type', detected } });

export function sniff(head: Uint8Array): SniffResult {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return accept(image('image/jpeg'));
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return accept(image('image/png'));
  if (ascii(head, 0, 4) === 'RIFF') {
    return ascii(head, 8, 12) === 'WEBP' && ascii(head, 12, 15) === 'VP8' ? accept(image('image/webp')) : refuse('riff');
  }
  if (ascii(head, 0, 5) === '%PDF-') return accept({ kind: 'pdf', mediaType: 'application/pdf' });
  const isoBmff = sniffIsoBmff(head);
  if (isoBmff) return isoBmff;
  return refuse(nameUnsupported(head));
}

function sniffIsoBmff(head: Uint8Array): SniffResult | null {
  if (head.length < 8) return null;
  const size = u32(head, 0);
  const type = ascii(head, 4, 8);
  if (type === 'ftyp') {
    if (size < 16 || head.length < 12) return refuse('iso_bmff');
    const major = ascii(head, 8, 12);
    const compatible: string[] = [];
    for (let at = 16; at + 4 <= Math.min(size, head.length); at += 4) compatible.push(ascii(head, at, at + 4));
    return fromBrands(major, compatible);
  }
  // A first atom's size is 0 (runs to the end), 1 (64-bit size follows) or at least its 8-byte header.
  if (QUICKTIME_FIRST_ATOMS.has(type) && (size === 0 || size === 1 || size >= 8)) return accept(video('video/quicktime'));
  return null;
}

function fromBrands(major: string, compatible: readonly string[]): SniffResult {
  // A generic HEIF major brand says little: the compatible brands tell HEIC from AVIF.
  if (major === 'mif1' || major === 'msf1') {
    const heic = compatible.find((b) => b === 'heic' || b === 'heix' || b === 'hevc' || b === 'hevx');
    if (heic) return classify(BRANDS[heic]!);
    if (compatible.includes('avif') || compatible.includes('avis')) return refuse('avif');
  }
  const known = BRANDS[major] ?? compatible.map((b) => BRANDS[b]).find((c) => c !== undefined);
  return known ? classify(known) : refuse('iso_bmff');
}

function classify(brand: BrandClass): SniffResult {
  return typeof brand === 'string' ? refuse(brand) : accept(brand);
}

// Names for common refused formats, so logs and replies can say what was sent.
function nameUnsupported(head: Uint8Array): string {
  const start = ascii(head, 0, 6);
  if (start === 'GIF87a' || start === 'GIF89a') return 'gif';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(head, [0x4d, 0x5a])) return 'exe';
  if (startsWith(head, [0x7f, 0x45, 0x4c, 0x46])) return 'elf';
  if (startsWith(head, [0x1f, 0x8b])) return 'gzip';
  if (startsWith(head, [0x42, 0x4d])) return 'bmp';
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  const text = Buffer.from(head).toString('latin1').replace(/^\xef\xbb\xbf/, '').trimStart().toLowerCase();
  if (text.startsWith('<')) {
    if (text.includes('<svg')) return 'svg';
    if (text.startsWith('<?xml')) return 'xml';
    return 'html';
  }
  return 'unknown';
}
