import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readFile, readdir, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { SNIFF_BYTES, sniff } from '../../services/evidence';

// Files uploaded through the widget, kept on disk under a random id until they expire. They are not evidence
// yet: the bot downloads them from /dl-attachments/<id> like any channel's attachment, and only then checks and
// stores them. The same directory can be shared by several instances, as the evidence directory is.

export interface UploadMeta {
  id: string;
  /** What the uploader announced; never used to serve the file as active content. */
  contentType: string;
  name?: string;
  size: number;
  createdAt: number;
}

export interface UploadWriter {
  readonly size: number;
  write(chunk: Buffer): Promise<void>;
  commit(): Promise<UploadMeta>;
  /** Drops the partial file; safe after commit and twice. */
  abort(): Promise<void>;
}

export interface ServedUpload {
  meta: UploadMeta;
  /** The type the file is served as: a sniffed image, video or PDF type, else application/octet-stream. */
  servedType: string;
  /** Shown in the page (images, videos) or downloaded (everything else). */
  inline: boolean;
  stream: Readable;
}

export interface UploadStoreOptions {
  dir: string;
  /** How long uploads are kept. Default 30 days. */
  ttlMs?: number;
  now?: () => number;
}

const ID = /^[0-9a-f]{32}$/;

export const isUploadId = (id: string): boolean => ID.test(id);

export class UploadStore {
  private readonly dir: string;
  private readonly tmp: string;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: UploadStoreOptions) {
    this.dir = options.dir;
    this.tmp = join(options.dir, '.tmp');
    this.ttlMs = options.ttlMs ?? 30 * 24 * 3_600_000;
    this.now = options.now ?? Date.now;
  }

  async begin(info: { contentType: string; name?: string }): Promise<UploadWriter> {
    await mkdir(this.tmp, { recursive: true });
    const id = randomBytes(16).toString('hex');
    const partPath = join(this.tmp, `${id}.part`);
    const handle: FileHandle = await open(partPath, 'wx');
    let size = 0;
    let closed = false;
    const close = async (): Promise<void> => {
      if (closed) return;
      closed = true;
      await handle.close();
    };
    return {
      get size() {
        return size;
      },
      write: async (chunk) => {
        await handle.write(chunk);
        size += chunk.length;
      },
      commit: async () => {
        await close();
        const meta: UploadMeta = { id, contentType: info.contentType, ...(info.name ? { name: info.name } : {}), size, createdAt: this.now() };
        await writeFile(join(this.dir, `${id}.json`), JSON.stringify(meta));
        await rename(partPath, join(this.dir, id));
        return meta;
      },
      abort: async () => {
        await close().catch(() => undefined);
        await rm(partPath, { force: true });
      },
    };
  }

  async open(id: string): Promise<ServedUpload | null> {
    if (!isUploadId(id)) return null;
    let meta: UploadMeta;
    try {
      meta = JSON.parse(await readFile(join(this.dir, `${id}.json`), 'utf8')) as UploadMeta;
    } catch {
      return null;
    }
    if (this.now() - meta.createdAt > this.ttlMs) return null;
    const path = join(this.dir, id);
    let head: Buffer;
    try {
      const handle = await open(path, 'r');
      try {
        const buffer = Buffer.alloc(SNIFF_BYTES);
        const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
        head = buffer.subarray(0, bytesRead);
      } finally {
        await handle.close();
      }
    } catch {
      return null;
    }
    const sniffed = sniff(head);
    // Served from this origin: only types a browser will not run as a page are shown inline.
    const servedType = sniffed.ok ? sniffed.value.mediaType : 'application/octet-stream';
    const inline = sniffed.ok && (sniffed.value.kind === 'image' || sniffed.value.kind === 'video');
    return { meta, servedType, inline, stream: createReadStream(path) };
  }

  /** Removes expired uploads (and abandoned partial files); returns how many went. */
  async sweep(): Promise<number> {
    let removed = 0;
    const cutoff = this.now() - this.ttlMs;
    for (const [dir, pattern] of [
      [this.dir, ID],
      [this.tmp, /^[0-9a-f]{32}\.part$/],
    ] as const) {
      let names: string[];
      try {
        names = await readdir(dir);
      } catch {
        continue;
      }
      for (const name of names) {
        if (!pattern.test(name)) continue;
        try {
          const info = await stat(join(dir, name));
          // Partial files older than a day were abandoned by a crashed upload.
          const limit = dir === this.tmp ? this.now() - 24 * 3_600_000 : cutoff;
          if (info.mtimeMs > limit) continue;
          await rm(join(dir, name), { force: true });
          if (dir === this.dir) await rm(join(dir, `${name}.json`), { force: true });
          removed += 1;
        } catch {
          // Gone already (another instance swept it).
        }
      }
    }
    return removed;
  }
}
