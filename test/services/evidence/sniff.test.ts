import fc from 'fast-check';
import { SNIFF_BYTES, sniff } from '../../../services/evidence/sniff';
import { box, ftyp, samples, type SampleName } from './sample-files';

describe('sniff', () => {
  it.each<[SampleName, string, string]>([
    ['jpeg', 'image', 'image/jpeg'],
    ['png', 'image', 'image/png'],
    ['webp', 'image', 'image/webp'],
    ['heic', 'image', 'image/heic'],
    ['mp4', 'video', 'video/mp4'],
    ['mov', 'video', 'video/quicktime'],
    ['movWithoutFtyp', 'video', 'video/quicktime'],
    ['pdf', 'pdf', 'application/pdf'],
  ])('accepts %s as %s (%s)', (name, kind, mediaType) => {
    expect(sniff(samples[name]())).toEqual({ ok: true, value: { kind, mediaType } });
  });

  it.each<[SampleName, string]>([
    ['exe', 'exe'],
    ['gif', 'gif'],
    ['zip', 'zip'],
    ['svg', 'svg'],
    ['html', 'html'],
  ])('refuses %s', (name, detected) => {
    expect(sniff(samples[name]())).toEqual({ ok: false, error: { kind: 'unsupported_type', detected } });
  });

  it.each([
    ['heic', 'image/heic'],
    ['heix', 'image/heic'],
    ['heim', 'image/heic'],
    ['heis', 'image/heic'],
    ['hevc', 'image/heic-sequence'],
    ['mif1', 'image/heif'],
    ['msf1', 'image/heif-sequence'],
  ])('accepts the HEIF brand %s as %s', (brand, mediaType) => {
    expect(sniff(ftyp(brand, [brand]))).toEqual({ ok: true, value: { kind: 'image', mediaType } });
  });

  it.each(['isom', 'iso2', 'mp41', 'mp42', 'avc1', 'M4V ', 'dash'])('accepts the MP4 brand %j', (brand) => {
    expect(sniff(ftyp(brand, ['isom']))).toEqual({ ok: true, value: { kind: 'video', mediaType: 'video/mp4' } });
  });

  it('tells HEIC from AVIF behind the generic mif1 brand', () => {
    expect(sniff(ftyp('mif1', ['mif1', 'heic']))).toEqual({ ok: true, value: { kind: 'image', mediaType: 'image/heic' } });
    expect(sniff(ftyp('mif1', ['mif1', 'miaf', 'avif']))).toEqual({ ok: false, error: { kind: 'unsupported_type', detected: 'avif' } });
    expect(sniff(ftyp('avif', ['mif1', 'avif']))).toEqual({ ok: false, error: { kind: 'unsupported_type', detected: 'avif' } });
  });

  it('falls back to the compatible brands when the major brand is unknown', () => {
    expect(sniff(ftyp('XAVC', ['XAVC', 'mp42', 'iso2']))).toEqual({ ok: true, value: { kind: 'video', mediaType: 'video/mp4' } });
    expect(sniff(ftyp('abcd', ['efgh']))).toEqual({ ok: false, error: { kind: 'unsupported_type', detected: 'iso_bmff' } });
  });

  it('refuses audio-only MP4 brands', () => {
    expect(sniff(ftyp('M4A ', ['M4A ', 'mp42', 'isom']))).toEqual({ ok: false, error: { kind: 'unsupported_type', detected: 'audio' } });
  });

  it.each(['moov', 'mdat', 'wide', 'free'])('accepts QuickTime starting with a %s atom', (atom) => {
    expect(sniff(Buffer.concat([box(atom, Buffer.alloc(8)), box('mdat')]))).toEqual({
      ok: true,
      value: { kind: 'video', mediaType: 'video/quicktime' },
    });
  });

  it('refuses a QuickTime atom name with an impossible size', () => {
    const bogus = Buffer.concat([Buffer.from([0, 0, 0, 5]), Buffer.from('free', 'latin1'), Buffer.alloc(8)]);
    expect(sniff(bogus).ok).toBe(false);
  });

  it('refuses RIFF files that are not WebP, and truncated signatures', () => {
    const avi = Buffer.concat([Buffer.from('RIFF', 'latin1'), Buffer.alloc(4), Buffer.from('AVI LIST', 'latin1')]);
    expect(sniff(avi)).toEqual({ ok: false, error: { kind: 'unsupported_type', detected: 'riff' } });
    expect(sniff(samples.png().subarray(0, 7)).ok).toBe(false);
    expect(sniff(Buffer.from('%PDF', 'latin1')).ok).toBe(false);
    expect(sniff(Buffer.alloc(0))).toEqual({ ok: false, error: { kind: 'unsupported_type', detected: 'unknown' } });
  });

  it('needs no more than SNIFF_BYTES to decide', () => {
    const longFtyp = ftyp('mif1', [...Array.from({ length: 40 }, () => 'mif1'), 'heic']);
    expect(longFtyp.length).toBeLessThanOrEqual(SNIFF_BYTES);
    expect(sniff(longFtyp)).toEqual({ ok: true, value: { kind: 'image', mediaType: 'image/heic' } });
  });

  it('ignores a PDF signature that is not at the start', () => {
    expect(sniff(Buffer.from('<html>%PDF-1.4', 'latin1'))).toEqual({ ok: false, error: { kind: 'unsupported_type', detected: 'html' } });
  });
});

describe('sniff on arbitrary bytes', () => {
  const signatures: Record<string, (b: Buffer) => boolean> = {
    'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
    'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
    'image/webp': (b) => b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP',
    'application/pdf': (b) => b.toString('latin1', 0, 5) === '%PDF-',
  };
  const isoBmff = (b: Buffer): boolean => ['ftyp', 'moov', 'mdat', 'wide', 'free'].includes(b.toString('latin1', 4, 8));

  it('never throws, and accepts only bytes that carry an accepted signature', () => {
    const prefixes = [[0xff, 0xd8, 0xff], [0x25, 0x50, 0x44, 0x46, 0x2d], [0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70], []];
    fc.assert(
      fc.property(fc.constantFrom(...prefixes), fc.uint8Array({ maxLength: 300 }), (prefix, rest) => {
        const bytes = Buffer.concat([Buffer.from(prefix), Buffer.from(rest)]);
        const result = sniff(bytes);
        if (!result.ok) return true;
        const check = signatures[result.value.mediaType];
        return check ? check(bytes) : isoBmff(bytes);
      }),
      { numRuns: 400 },
    );
  });
});
