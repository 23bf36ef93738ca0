import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { EvidenceKind } from '../refunds/case';
import { SNIFF_BYTES, sniff, type SniffedType } from './sniff';

// Content-addressed files: `<dir>/<first two hex digits>/<sha256>`. A file's name is its hash, so the same
// bytes are stored once, and a stored file never changes. Type and size are derived from the file itself
// (its first bytes and its length), so there is no second file that could disagree with it.

const SHA256_HEX = /^[0-9a-f]{64}$/i;

export const isSha256Hex = (value: string): boolean => SHA256_HEX.test(value);

export interface StoredObject {
  sha256: string;
  kind: EvidenceKind;
  mediaType: string;
  size: number;
  /** The same bytes were already stored (uploaded earlier, possibly by someone else). */
  alreadyStored: boolean;
}

export interface EvidenceMeta {
  sha256: string;
  kind: EvidenceKind;
  mediaType: string;
  size: number;
}

export type StoreLookupError = { kind: 'invalid_sha256' } | { kind: 'not_found' };
export type ReadResult = { ok: true; value: EvidenceMeta & { bytes: Buffer } } | { ok: false; error: StoreLookupError };
export type OpenResult = { ok: true; value: EvidenceMeta & { stream: Readable } } | { ok: false; error: StoreLookupError };
export type StatResult = { ok: true; value: EvidenceMeta } | { ok: false; error: StoreLookupError };

/** Receives a file chunk by chunk, hashing as it goes; nothing is visible under the hash before `commit`. */
export interface EvidenceWriter {
  readonly size: number;
  write(chunk: Uint8Array): Promise<void>;
  commit(): Promise<StoredObject>;
  /** Drops the partial file. Safe to call more than once, and after a failed commit. */
  abort(): Promise<void>;
}

export interface EvidenceStoreOptions {
  dir: string;
}

export class EvidenceStore {
  private readonly dir: string;
  private readonly tmpDir: string;

  constructor(options: EvidenceStoreOptions) {
    this.dir = options.dir;
    this.tmpDir = join(options.dir, '.tmp');
  }

  async begin(): Promise<EvidenceWriter> {
    await mkdir(this.tmpDir, { recursive: true });
    const tmpPath = join(this.tmpDir, `${randomBytes(12).toString('hex')}.part`);
    const handle = await open(tmpPath, 'wx');
    return new FileWriter(handle, tmpPath, (sha256) => this.pathOf(sha256));
  }

  async put(bytes: Uint8Array): Promise<StoredObject> {
    const writer = await this.begin();
    try {
      await writer.write(bytes);
      return await writer.commit();
    } finally {
      await writer.abort();
    }
  }

  async stat(sha256: string): Promise<StatResult> {
    const found = await this.openHandle(sha256);
    if (!found.ok) return found;
    try {
      return { ok: true, value: await describe(found.value.handle, found.value.sha256) };
    } finally {
      await found.value.handle.close();
    }
  }

  async read(sha256: string): Promise<ReadResult> {
    const found = await this.openHandle(sha256);
    if (!found.ok) return found;
    const { handle } = found.value;
    try {
      const meta = await describe(handle, found.value.sha256);
      return { ok: true, value: { ...meta, bytes: await handle.readFile() } };
    } finally {
      await handle.close();
    }
  }

  /** A stream of the file, for serving it; the stream closes the file when it ends or is destroyed. */
  async open(sha256: string): Promise<OpenResult> {
    const found = await this.openHandle(sha256);
    if (!found.ok) return found;
    const { handle } = found.value;
    try {
      const meta = await describe(handle, found.value.sha256);
      return { ok: true, value: { ...meta, stream: handle.createReadStream({ start: 0, autoClose: true }) } };
    } catch (err) {
      await handle.close();
      throw err;
    }
  }

  private pathOf(sha256: string): string {
    // Only ever called with a validated, lower-cased hash: the name cannot leave the store's directory.
    return join(this.dir, sha256.slice(0, 2), sha256);
  }

  private async openHandle(
    sha256: string,
  ): Promise<{ ok: true; value: { handle: FileHandle; sha256: string } } | { ok: false; error: StoreLookupError }> {
    if (typeof sha256 !== 'string' || !isSha256Hex(sha256)) return { ok: false, error: { kind: 'invalid_sha256' } };
    const normalized = sha256.toLowerCase();
    try {
      return { ok: true, value: { handle: await open(this.pathOf(normalized), 'r'), sha256: normalized } };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ok: false, error: { kind: 'not_found' } };
      throw err;
    }
  }
}

async function describe(handle: FileHandle, sha256: string): Promise<EvidenceMeta> {
  const { size } = await handle.stat();
  const head = Buffer.alloc(Math.min(SNIFF_BYTES, size));
  await handle.read(head, 0, head.length, 0);
  return { sha256, ...typeOf(head, sha256), size };
}

function typeOf(head: Uint8Array, what: string): SniffedType {
  const sniffed = sniff(head);
  // Only sniffed types are ever committed: anything else in the store is corruption, not a user error.
  if (!sniffed.ok) throw new Error(`evidence store: ${what} is not a supported type (${sniffed.error.detected})`);
  return sniffed.value;
}

class FileWriter implements EvidenceWriter {
  private readonly hash = createHash('sha256');
  private readonly head: Buffer[] = [];
  private headLength = 0;
  private written = 0;
  private state: 'open' | 'committed' | 'aborted' = 'open';

  constructor(
    private readonly handle: FileHandle,
    private readonly tmpPath: string,
    private readonly pathOf: (sha256: string) => string,
  ) {}

  get size(): number {
    return this.written;
  }

  async write(chunk: Uint8Array): Promise<void> {
    if (this.state !== 'open') throw new Error(`evidence writer is ${this.state}`);
    if (chunk.length === 0) return;
    if (this.headLength < SNIFF_BYTES) {
      const part = Buffer.from(chunk.subarray(0, SNIFF_BYTES - this.headLength));
      this.head.push(part);
      this.headLength += part.length;
    }
    this.hash.update(chunk);
    this.written += chunk.length;
    let offset = 0;
    while (offset < chunk.length) {
      const { bytesWritten } = await this.handle.write(chunk, offset, chunk.length - offset);
      offset += bytesWritten;
    }
  }

  async commit(): Promise<StoredObject> {
    if (this.state !== 'open') throw new Error(`evidence writer is ${this.state}`);
    if (this.written === 0) throw new Error('evidence writer: nothing to commit');
    const type = typeOf(Buffer.concat(this.head), 'the committed file');
    const sha256 = this.hash.digest('hex');
    // Flushed before the rename: after a crash the name never points at a partly written file.
    await this.handle.sync();
    await this.handle.close();
    const finalPath = this.pathOf(sha256);
    await mkdir(join(finalPath, '..'), { recursive: true });
    const alreadyStored = await exists(finalPath);
    if (alreadyStored) {
      await unlink(this.tmpPath);
    } else {
      // Two uploads of the same bytes may race here: rename replaces atomically, and the content is the same.
      await rename(this.tmpPath, finalPath);
    }
    this.state = 'committed';
    return { sha256, ...type, size: this.written, alreadyStored };
  }

  async abort(): Promise<void> {
    if (this.state !== 'open') return;
    this.state = 'aborted';
    await this.handle.close().catch(() => undefined);
    await unlink(this.tmpPath).catch(() => undefined);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
}
