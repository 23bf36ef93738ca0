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
