import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';

// Tiny real files, written byte by byte: enough of each format for its signature, and for PNG and WebP a
// complete 1x1 image.

const ascii = (text: string): Buffer => Buffer.from(text, 'latin1');

const u32be = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};

/** An ISO BMFF box: 32-bit size, 4-character type, payload. */
export const box = (type: string, payload: Buffer = Buffer.alloc(0)): Buffer =>
  Buffer.concat([u32be(8 + payload.length), ascii(type), payload]);

export const ftyp = (major: string, compatible: readonly string[], minor = 0): Buffer =>
  box('ftyp', Buffer.concat([ascii(major), u32be(minor), ...compatible.map(ascii)]));

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

const crc32 = (bytes: Buffer): number => {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

const pngChunk = (type: string, data: Buffer): Buffer =>
  Buffer.concat([u32be(data.length), ascii(type), data, u32be(crc32(Buffer.concat([ascii(type), data])))]);

export const samples = {
  /** SOI, a JFIF APP0 segment, EOI. */
  jpeg: (): Buffer =>
    Buffer.concat([
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
      ascii('JFIF\0'),
      Buffer.from([0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]),
      Buffer.from([0xff, 0xd9]),
    ]),
  /** A complete 1x1 RGB PNG. */
  png: (): Buffer => {
    const ihdr = Buffer.concat([u32be(1), u32be(1), Buffer.from([8, 2, 0, 0, 0])]);
    return Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      pngChunk('IHDR', ihdr),
      pngChunk('IDAT', deflateSync(Buffer.from([0, 0xff, 0x00, 0x00]))),
      pngChunk('IEND', Buffer.alloc(0)),
    ]);
  },
  /** A complete 1x1 lossless WebP. */
  webp: (): Buffer =>
    Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64'),
  heic: (): Buffer => Buffer.concat([ftyp('heic', ['mif1', 'heic']), box('meta', Buffer.alloc(4))]),
  mp4: (): Buffer => Buffer.concat([ftyp('isom', ['isom', 'iso2', 'avc1', 'mp41'], 0x200), box('free'), box('mdat', Buffer.alloc(16))]),
  mov: (): Buffer => Buffer.concat([ftyp('qt  ', ['qt  '], 0x20050300), box('wide'), box('mdat', Buffer.alloc(16))]),
  /** An older QuickTime file: no ftyp, the first atom is `wide`. */
  movWithoutFtyp: (): Buffer => Buffer.concat([box('wide'), box('mdat', Buffer.alloc(16))]),
  pdf: (): Buffer =>
    ascii(
      '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n' +
        'trailer<</Root 1 0 R>>\n%%EOF\n',
    ),
  /** A DOS/PE executable header, as in an .exe renamed .jpg. */
  exe: (): Buffer => Buffer.concat([ascii('MZ'), Buffer.alloc(58), u32be(0x80), ascii('This program cannot be run in DOS mode.')]),
  gif: (): Buffer => Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64'),
  zip: (): Buffer => Buffer.concat([Buffer.from([0x50, 0x4b, 0x05, 0x06]), Buffer.alloc(18)]),
  svg: (): Buffer => ascii('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
  html: (): Buffer => ascii('  <!doctype html><html><body>hi</body></html>'),
};

export type SampleName = keyof typeof samples;

/** The sample followed by random filler bytes up to a size (random, so two padded files never collide). */
export function padded(sample: Buffer, totalSize: number): Buffer {
  return Buffer.concat([sample, randomBytes(Math.max(0, totalSize - sample.length))]);
}

/** The sample with random trailing bytes: a distinct file of the same type. */
export function unique(sample: Buffer): Buffer {
  return Buffer.concat([sample, randomBytes(16)]);
}
