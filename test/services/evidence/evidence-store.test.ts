import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EvidenceStore } from '../../../services/evidence/evidence-store';
import { samples, unique } from './sample-files';

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

describe('EvidenceStore', () => {
  let dir: string;
  let store: EvidenceStore;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'evidence-store-'));
    store = new EvidenceStore({ dir });
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('stores bytes under <dir>/<aa>/<sha256> and derives type and size from them', async () => {
    const png = unique(samples.png());
    const hash = sha256(png);

    const stored = await store.put(png);

    expect(stored).toEqual({ sha256: hash, kind: 'image', mediaType: 'image/png', size: png.length, alreadyStored: false });
    expect(await readFile(join(dir, hash.slice(0, 2), hash))).toEqual(png);
    expect(await store.stat(hash)).toEqual({ ok: true, value: { sha256: hash, kind: 'image', mediaType: 'image/png', size: png.length } });
  });

  it('reads a file back as bytes and as a stream', async () => {
    const pdf = unique(samples.pdf());
    const { sha256: hash } = await store.put(pdf);

    const read = await store.read(hash);
    expect(read.ok && read.value.bytes).toEqual(pdf);
    expect(read.ok && read.value.mediaType).toBe('application/pdf');

    const opened = await store.open(hash);
    if (!opened.ok) throw new Error('expected the file');
    const chunks: Buffer[] = [];
    for await (const chunk of opened.value.stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks)).toEqual(pdf);
    expect(opened.value.kind).toBe('pdf');
  });

  it('stores the same content once, however often it is put', async () => {
    const jpeg = unique(samples.jpeg());

    const first = await store.put(jpeg);
    const second = await store.put(jpeg);
    const [third, fourth] = await Promise.all([store.put(jpeg), store.put(jpeg)]);

    expect(first.alreadyStored).toBe(false);
    expect(second).toEqual({ ...first, alreadyStored: true });
    expect(third!.sha256).toBe(first.sha256);
    expect(fourth!.sha256).toBe(first.sha256);
    expect(await readdir(join(dir, first.sha256.slice(0, 2)))).toEqual([first.sha256]);
    expect(await readdir(join(dir, '.tmp'))).toEqual([]);
  });

  it('writes in chunks and publishes nothing before commit', async () => {
    const mp4 = unique(samples.mp4());
    const hash = sha256(mp4);
    const writer = await store.begin();

    await writer.write(mp4.subarray(0, 5));
    await writer.write(mp4.subarray(5));
    expect(writer.size).toBe(mp4.length);
    expect(await store.read(hash)).toEqual({ ok: false, error: { kind: 'not_found' } });

    const stored = await writer.commit();
    expect(stored.sha256).toBe(hash);
    expect(stored.mediaType).toBe('video/mp4');
    await writer.abort();
    expect((await store.read(hash)).ok).toBe(true);
  });

  it('leaves no partial file behind when a write is aborted', async () => {
    const writer = await store.begin();
    await writer.write(samples.jpeg());
    expect(await readdir(join(dir, '.tmp'))).toHaveLength(1);

    await writer.abort();
    await writer.abort();

    expect(await readdir(join(dir, '.tmp'))).toEqual([]);
    await expect(writer.write(samples.jpeg())).rejects.toThrow(/aborted/);
  });

  it('refuses to commit bytes of an unsupported type (a bug upstream), and abort still cleans up', async () => {
    const writer = await store.begin();
    await writer.write(samples.exe());
    await expect(writer.commit()).rejects.toThrow(/not a supported type/);
    await writer.abort();
    expect(await readdir(join(dir, '.tmp'))).toEqual([]);
    expect((await readdir(dir)).filter((name) => name !== '.tmp')).toEqual([]);
  });

  it.each([
    '../../../../etc/passwd',
    `../${'a'.repeat(61)}`,
    'a'.repeat(63),
    'a'.repeat(65),
    'g'.repeat(64),
    `${'a'.repeat(62)}/x`,
    `${'a'.repeat(63)}\n`,
    '',
  ])('refuses %j as a hash without touching the filesystem', async (bad) => {
    expect(await store.read(bad)).toEqual({ ok: false, error: { kind: 'invalid_sha256' } });
    expect(await store.open(bad)).toEqual({ ok: false, error: { kind: 'invalid_sha256' } });
    expect(await store.stat(bad)).toEqual({ ok: false, error: { kind: 'invalid_sha256' } });
  });

  it('never reads outside its directory, even for a file planted under a hash-like name elsewhere', async () => {
    const outside = join(dir, '..', `${'b'.repeat(64)}`);
    await writeFile(outside, samples.jpeg());
    try {
      expect(await store.read('b'.repeat(64))).toEqual({ ok: false, error: { kind: 'not_found' } });
    } finally {
      await rm(outside, { force: true });
    }
  });

  it('answers not_found for a valid hash it does not hold, and accepts upper-case hex', async () => {
    expect(await store.read('0'.repeat(64))).toEqual({ ok: false, error: { kind: 'not_found' } });
    const { sha256: hash } = await store.put(unique(samples.webp()));
    const read = await store.read(hash.toUpperCase());
    expect(read.ok && read.value.sha256).toBe(hash);
  });
});
