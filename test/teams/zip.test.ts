import { randomBytes } from 'node:crypto';
import { crc32, writeZip } from '../../scripts/zip';
import { readZip } from './readers';

describe('crc32', () => {
  it('matches the standard check value and chains', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32(Buffer.alloc(0))).toBe(0);
    expect(crc32(Buffer.from('6789'), crc32(Buffer.from('12345')))).toBe(0xcbf43926);
  });
});

describe('writeZip', () => {
  it('round-trips compressible, incompressible, empty and non-ASCII entries', () => {
    const files = [
      { name: 'manifest.json', data: Buffer.from(JSON.stringify({ a: 'x'.repeat(2000) })) },
      { name: 'noise.bin', data: randomBytes(4096) },
      { name: 'empty.txt', data: Buffer.alloc(0) },
      { name: 'dir/退款.txt', data: Buffer.from('退款服务台', 'utf8') },
    ];
    const entries = readZip(writeZip(files));
    expect(entries.map((e) => e.name)).toEqual(files.map((f) => f.name));
    entries.forEach((e, i) => expect(e.data.equals(files[i]!.data)).toBe(true));
    // Deflated only where it pays: text shrinks, random bytes and empty files are stored.
    expect(entries.slice(0, 3).map((e) => e.method)).toEqual([8, 0, 0]);
  });

  it('stores every entry when asked to', () => {
    const data = Buffer.from('a'.repeat(1000));
    const zip = writeZip([{ name: 'a.txt', data }], { method: 'store' });
    expect(readZip(zip)).toEqual([{ name: 'a.txt', method: 0, data }]);
    expect(zip.length).toBeGreaterThan(1000);
  });

  it('writes an empty archive as a bare end record', () => {
    const zip = writeZip([]);
    expect(zip.length).toBe(22);
    expect(readZip(zip)).toEqual([]);
  });

  it('is byte-for-byte reproducible', () => {
    const files = [{ name: 'x.json', data: Buffer.from('{"x":1}') }];
    expect(writeZip(files).equals(writeZip(files))).toBe(true);
  });

  it('refuses entry names that could escape the target directory, and duplicates', () => {
    const data = Buffer.from('x');
    for (const name of ['', '/etc/passwd', '../up.txt', 'a/../../b', 'a\\b']) {
      expect(() => writeZip([{ name, data }])).toThrow(/unsafe entry name/);
    }
    expect(() => writeZip([{ name: 'a', data }, { name: 'a', data }])).toThrow(/duplicate entry a/);
  });

  it('produces an archive whose corruption the reader notices (the round trip proves something)', () => {
    const zip = writeZip([{ name: 'a.txt', data: Buffer.from('hello hello hello') }], { method: 'store' });
    const corrupted = Buffer.from(zip);
    corrupted[30 + 'a.txt'.length] ^= 0xff;
    expect(() => readZip(corrupted)).toThrow(/CRC mismatch/);
  });
});
