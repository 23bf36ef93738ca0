import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { join } from 'node:path';
import {
  EVIDENCE_ERROR_KINDS,
  EvidenceService,
  MB,
  toEvidenceRef,
  type EvidenceError,
  type EvidenceErrorKind,
  type EvidenceServiceOptions,
  type FetchFn,
} from '../../../services/evidence';
import { redirect, serve, startServer, type TestServer } from './file-server';
import { padded, samples, unique, type SampleName } from './sample-files';

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
const dataUrl = (mediaType: string, bytes: Buffer): string => `data:${mediaType};base64,${bytes.toString('base64')}`;

async function eventually(check: () => boolean, timeoutMs = 2000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) return false;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return true;
}

describe('EvidenceService', () => {
  let dir: string;
  let service: EvidenceService;
  // a: the activity's service host; b: another host, allowed only where a test says so.
  let a: TestServer;
  let b: TestServer;
  const cleanups: (() => void)[] = [];

  const make = (options: Partial<EvidenceServiceOptions> = {}): EvidenceService => new EvidenceService({ dir, ...options });
  const context = (existingCount = 0) => ({ serviceUrl: a.origin, existingCount });

  async function storedFiles(): Promise<string[]> {
    const shards = (await readdir(dir).catch(() => [] as string[])).filter((name) => name !== '.tmp');
    const files = await Promise.all(shards.map((shard) => readdir(join(dir, shard))));
    return files.flat();
  }

  async function partialFiles(): Promise<string[]> {
    return readdir(join(dir, '.tmp')).catch(() => []);
  }

  beforeAll(async () => {
    a = await startServer();
    b = await startServer();
  });

  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
  });

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'evidence-service-'));
    service = make();
    a.requests.length = 0;
    b.requests.length = 0;
  });

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) cleanup();
    expect(await partialFiles()).toEqual([]);
    await rm(dir, { recursive: true, force: true });
  });

  describe('from the service host', () => {
    it.each<[SampleName, string, string]>([
      ['jpeg', 'image', 'image/jpeg'],
      ['png', 'image', 'image/png'],
      ['webp', 'image', 'image/webp'],
      ['heic', 'image', 'image/heic'],
      ['mp4', 'video', 'video/mp4'],
      ['mov', 'video', 'video/quicktime'],
      ['movWithoutFtyp', 'video', 'video/quicktime'],
      ['pdf', 'pdf', 'application/pdf'],
    ])('accepts a %s file, typed from its bytes, and stores it under its sha256', async (name, kind, mediaType) => {
      const bytes = unique(samples[name]());
      a.route(`/files/${name}`, serve(bytes, { 'content-type': 'application/octet-stream' }));

      const result = await service.ingest({ contentUrl: `${a.origin}/files/${name}`, name: `evidence.${name}` }, context());

      expect(result).toEqual({
        ok: true,
        value: { sha256: sha256(bytes), kind, mediaType, size: bytes.length, name: `evidence.${name}`, alreadyStored: false },
      });
      const read = await service.read(sha256(bytes));
      expect(read.ok && read.value.bytes).toEqual(bytes);
      expect(read.ok && read.value.mediaType).toBe(mediaType);
      expect(await storedFiles()).toEqual([sha256(bytes)]);
    });

    it('works with the local Emulator, whose service host is localhost', async () => {
      const local = await startServer('localhost');
      try {
        const bytes = unique(samples.png());
        local.route('/v3/attachments/1/views/original', serve(bytes, { 'content-type': 'image/png' }));
        const result = await service.ingest(
          { contentUrl: `${local.origin}/v3/attachments/1/views/original` },
          { serviceUrl: `${local.origin}/`, existingCount: 0 },
        );
        expect(result.ok && result.value.sha256).toBe(sha256(bytes));
      } finally {
        await local.close();
      }
    });

    it('matches the service host by name: the same machine under another name is not allowed', async () => {
      a.route('/a.png', serve(samples.png()));
      const result = await service.ingest(
        { contentUrl: `http://127.0.0.1:${a.port}/a.png` },
        { serviceUrl: `http://localhost:${a.port}`, existingCount: 0 },
      );
      expect(result).toEqual({ ok: false, error: { kind: 'host_not_allowed', host: `127.0.0.1:${a.port}`, viaRedirect: false } });
      expect(a.requests).toEqual([]);
    });

    it('answers fetch_failed with the status for an error response', async () => {
      const result = await service.ingest({ contentUrl: `${a.origin}/missing.jpg` }, context());
      expect(result).toEqual({ ok: false, error: { kind: 'fetch_failed', reason: 'http_status', status: 404 } });
    });

    it('answers empty for an empty body', async () => {
      a.route('/empty.jpg', serve(Buffer.alloc(0), { 'content-type': 'image/jpeg' }));
      expect(await service.ingest({ contentUrl: `${a.origin}/empty.jpg` }, context())).toEqual({ ok: false, error: { kind: 'empty' } });
    });

    it('answers fetch_failed when nothing listens', async () => {
      const gone = await startServer();
      await gone.close();
      const result = await service.ingest({ contentUrl: `${gone.origin}/a.jpg` }, { serviceUrl: gone.origin, existingCount: 0 });
      expect(result).toEqual({ ok: false, error: { kind: 'fetch_failed', reason: 'network' } });
    });

    it('sends the channel authorization to the service host only, never to a redirect target', async () => {
      a.route('/protected.jpg', redirect(`${b.origin}/cdn.jpg`));
      b.route('/cdn.jpg', serve(unique(samples.jpeg())));
      const allowingB = make({ allowedHosts: [`127.0.0.1:${b.port}`] });

      const result = await allowingB.ingest(
        { contentUrl: `${a.origin}/protected.jpg` },
        { serviceUrl: a.origin, existingCount: 0, authorization: 'Bearer channel-token' },
      );

      expect(result.ok).toBe(true);
      expect(a.requests[0]!.headers.authorization).toBe('Bearer channel-token');
      expect(b.requests[0]!.headers.authorization).toBeUndefined();
    });
  });

  describe('other hosts', () => {
    it('refuses a host that is neither the service host nor allowed, without any request to it', async () => {
      b.route('/a.jpg', serve(samples.jpeg()));
      const result = await service.ingest({ contentUrl: `${b.origin}/a.jpg` }, context());
      expect(result).toEqual({ ok: false, error: { kind: 'host_not_allowed', host: `127.0.0.1:${b.port}`, viaRedirect: false } });
      expect(b.requests).toEqual([]);
      expect(await storedFiles()).toEqual([]);
    });

    it('never fetches (or resolves) a DNS name that is not allowed', async () => {
      let calls = 0;
      const counting: FetchFn = async (...args) => {
        calls++;
        return fetch(...args);
      };
      const result = await make({ fetch: counting }).ingest({ contentUrl: 'http://metadata.attacker.test/latest/x.jpg' }, context());
      expect(result).toEqual({ ok: false, error: { kind: 'host_not_allowed', host: 'metadata.attacker.test', viaRedirect: false } });
      expect(calls).toBe(0);
    });

    it('accepts a configured host', async () => {
      const bytes = unique(samples.jpeg());
      b.route('/a.jpg', serve(bytes));
      const result = await make({ allowedHosts: [`127.0.0.1:${b.port}`] }).ingest({ contentUrl: `${b.origin}/a.jpg` }, context());
      expect(result.ok && result.value.sha256).toBe(sha256(bytes));
    });

    it('accepts a configured host without any service URL', async () => {
      const bytes = unique(samples.pdf());
      b.route('/invoice.pdf', serve(bytes));
      const result = await make({ allowedHosts: [`127.0.0.1:${b.port}`] }).ingest(
        { contentUrl: `${b.origin}/invoice.pdf` },
        { existingCount: 0 },
      );
      expect(result.ok && result.value.kind).toBe('pdf');
    });

    it.each([
      ['file:///etc/passwd'],
      ['ftp://127.0.0.1/a.jpg'],
      ['not a url'],
      ['javascript:alert(1)'],
    ])('refuses the URL %j', async (contentUrl) => {
      expect(await service.ingest({ contentUrl }, context())).toEqual({ ok: false, error: { kind: 'fetch_failed', reason: 'bad_url' } });
    });

    it('refuses credentials in the URL', async () => {
      a.route('/a.jpg', serve(samples.jpeg()));
      const contentUrl = `http://user:secret@127.0.0.1:${a.port}/a.jpg`;
      expect(await service.ingest({ contentUrl }, context())).toEqual({ ok: false, error: { kind: 'fetch_failed', reason: 'bad_url' } });
      expect(a.requests).toEqual([]);
    });

    it('answers no_url for an attachment without a contentUrl', async () => {
      expect(await service.ingest({ contentType: 'image/png', name: 'a.png' }, context())).toEqual({
        ok: false,
        error: { kind: 'fetch_failed', reason: 'no_url' },
      });
    });
  });

  describe('redirects', () => {
    it('refuses a redirect to a host that is not allowed, without requesting it', async () => {
      a.route('/r.jpg', redirect(`${b.origin}/a.jpg`));
      b.route('/a.jpg', serve(samples.jpeg()));
      const result = await service.ingest({ contentUrl: `${a.origin}/r.jpg` }, context());
      expect(result).toEqual({ ok: false, error: { kind: 'host_not_allowed', host: `127.0.0.1:${b.port}`, viaRedirect: true } });
      expect(b.requests).toEqual([]);
    });

    it('follows relative and allowed redirects, up to three', async () => {
      const bytes = unique(samples.webp());
      a.route('/r1', redirect('/r2', 301));
      a.route('/r2', redirect(`${b.origin}/r3`, 307));
      b.route('/r3', redirect(`${b.origin}/file.webp`, 308));
      b.route('/file.webp', serve(bytes));
      const result = await make({ allowedHosts: [`127.0.0.1:${b.port}`] }).ingest({ contentUrl: `${a.origin}/r1` }, context());
      expect(result.ok && result.value.sha256).toBe(sha256(bytes));
      expect([...a.requests, ...b.requests].map((r) => r.line)).toEqual(['GET /r1', 'GET /r2', 'GET /r3', 'GET /file.webp']);
    });

    it('gives up after three redirects', async () => {
      for (const n of [1, 2, 3, 4]) a.route(`/hop${n}`, redirect(`/hop${n + 1}`));
      a.route('/hop5', serve(samples.jpeg()));
      const result = await service.ingest({ contentUrl: `${a.origin}/hop1` }, context());
      expect(result).toEqual({ ok: false, error: { kind: 'fetch_failed', reason: 'too_many_redirects' } });
      expect(a.requests.map((r) => r.line)).toEqual(['GET /hop1', 'GET /hop2', 'GET /hop3', 'GET /hop4']);
    });

    it('refuses a redirect to another scheme or without a location', async () => {
      a.route('/to-file', redirect('file:///etc/passwd'));
      a.route('/nowhere', (_req, res) => {
        res.writeHead(302);
        res.end();
      });
      for (const path of ['/to-file', '/nowhere']) {
        expect(await service.ingest({ contentUrl: `${a.origin}${path}` }, context())).toEqual({
          ok: false,
          error: { kind: 'fetch_failed', reason: 'bad_redirect' },
        });
      }
    });
  });

  describe('size limits', () => {
    it('refuses a Content-Length over every limit before reading the body', async () => {
      let closedEarly = false;
      a.route('/huge.mp4', (_req, res) => {
        res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': 51 * MB });
        res.write(padded(samples.mp4(), 512));
        res.on('close', () => (closedEarly = !res.writableFinished));
      });
      const result = await service.ingest({ contentUrl: `${a.origin}/huge.mp4` }, context());
      expect(result).toEqual({ ok: false, error: { kind: 'too_large', limitBytes: 50 * MB, evidenceKind: null, sizeBytes: 51 * MB } });
      expect(await eventually(() => closedEarly)).toBe(true);
      expect(await storedFiles()).toEqual([]);
    });

    it('refuses a Content-Length over the limit of the kind found in the first bytes, without reading the rest', async () => {
      let closedEarly = false;
      a.route('/big.jpg', (_req, res) => {
        // Labelled as a video: the label is not trusted, the bytes say JPEG, and images stop at 10 MB.
        res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': 11 * MB });
        res.write(padded(samples.jpeg(), 512));
        res.on('close', () => (closedEarly = !res.writableFinished));
      });
      const result = await service.ingest({ contentUrl: `${a.origin}/big.jpg`, contentType: 'video/mp4' }, context());
      expect(result).toEqual({ ok: false, error: { kind: 'too_large', limitBytes: 10 * MB, evidenceKind: 'image', sizeBytes: 11 * MB } });
      expect(await eventually(() => closedEarly)).toBe(true);
      expect(await storedFiles()).toEqual([]);
    });

    it('cuts off a body that streams past the limit without announcing its length', async () => {
      let sent = 0;
      let clientGone = false;
      const target = 50 * MB;
      a.route('/endless.jpg', (_req, res) => {
        res.writeHead(200, { 'content-type': 'image/jpeg' });
        res.on('close', () => (clientGone = true));
        const chunk = randomBytes(16 * 1024);
        res.write(samples.jpeg());
        const pump = (): void => {
          while (!clientGone && sent < target) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end();
        };
        pump();
      });
      const small = make({ limits: { imageBytes: 64 * 1024 } });

      const result = await small.ingest({ contentUrl: `${a.origin}/endless.jpg` }, context());

      expect(result).toEqual({ ok: false, error: { kind: 'too_large', limitBytes: 64 * 1024, evidenceKind: 'image' } });
      expect(await eventually(() => clientGone)).toBe(true);
      expect(sent).toBeLessThan(target);
      expect(await storedFiles()).toEqual([]);
    });

    it('cuts off a body that streams past the limit until the connection closes (no length, no chunking)', async () => {
      let sent = 0;
      let clientGone = false;
      const sockets = new Set<Socket>();
      const raw = createNetServer((socket) => {
        sockets.add(socket);
        socket.once('data', () => {
          socket.write('HTTP/1.1 200 OK\r\ncontent-type: application/pdf\r\nconnection: close\r\n\r\n');
          socket.write(samples.pdf());
          const chunk = randomBytes(16 * 1024);
          const pump = (): void => {
            while (!clientGone && sent < 50 * MB) {
              sent += chunk.length;
              if (!socket.write(chunk)) return void socket.once('drain', pump);
            }
            socket.end();
          };
          pump();
        });
        socket.on('close', () => (clientGone = true));
        socket.on('error', () => (clientGone = true));
      });
      await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
      const origin = `http://127.0.0.1:${(raw.address() as AddressInfo).port}`;
      try {
        const result = await make({ limits: { pdfBytes: 100 * 1024 } }).ingest(
          { contentUrl: `${origin}/stream.pdf` },
          { serviceUrl: origin, existingCount: 0 },
        );
        expect(result).toEqual({ ok: false, error: { kind: 'too_large', limitBytes: 100 * 1024, evidenceKind: 'pdf' } });
        expect(await eventually(() => clientGone)).toBe(true);
        expect(sent).toBeLessThan(50 * MB);
      } finally {
        for (const socket of sockets) socket.destroy();
        await new Promise((resolve) => raw.close(resolve));
      }
    });

    it('fails a body that ends before its announced length, storing nothing', async () => {
      a.route('/short.pdf', (req, res) => {
        res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': 1000 });
        res.write(samples.pdf());
        setTimeout(() => req.socket.destroy(), 20);
      });
      const result = await service.ingest({ contentUrl: `${a.origin}/short.pdf` }, context());
      expect(result).toEqual({ ok: false, error: { kind: 'fetch_failed', reason: 'network' } });
      expect(await storedFiles()).toEqual([]);
    });

    it('applies the limit of the detected kind, not of the name or announced type', async () => {
      const video = padded(samples.mp4(), 3000);
      a.route('/holiday.jpg', serve(video, { 'content-type': 'image/jpeg' }));
      const limited = make({ limits: { imageBytes: 1000, videoBytes: 5000 } });
      const result = await limited.ingest({ contentUrl: `${a.origin}/holiday.jpg`, contentType: 'image/jpeg', name: 'holiday.jpg' }, context());
      expect(result.ok && result.value).toMatchObject({ kind: 'video', mediaType: 'video/mp4', size: 3000 });

      const pdf = padded(samples.pdf(), 3000);
      a.route('/invoice', serve(pdf, { 'content-type': 'video/mp4' }));
      const invoice = await limited.ingest({ contentUrl: `${a.origin}/invoice` }, context());
      expect(invoice.ok && invoice.value).toMatchObject({ kind: 'pdf', size: 3000 });
      const tightPdf = make({ limits: { pdfBytes: 2000 } });
      expect(await tightPdf.ingest({ contentUrl: `${a.origin}/invoice` }, context())).toEqual({
        ok: false,
        error: { kind: 'too_large', limitBytes: 2000, evidenceKind: 'pdf', sizeBytes: 3000 },
      });
    });
  });

  describe('timeouts', () => {
    it('gives up on a server that never answers', async () => {
      a.route('/silent.jpg', () => undefined);
      const started = Date.now();
      const result = await make({ connectTimeoutMs: 200, timeoutMs: 5000 }).ingest({ contentUrl: `${a.origin}/silent.jpg` }, context());
      expect(result).toEqual({ ok: false, error: { kind: 'timeout', phase: 'connect', timeoutMs: 200 } });
      expect(Date.now() - started).toBeLessThan(2000);
    });

    it('gives up on a server that answers but trickles the body', async () => {
      a.route('/trickle.jpg', (_req, res) => {
        res.writeHead(200, { 'content-type': 'image/jpeg' });
        res.write(padded(samples.jpeg(), 300));
        const timer = setInterval(() => res.write(Buffer.from([0])), 50);
        res.on('close', () => clearInterval(timer));
        cleanups.push(() => clearInterval(timer));
      });
      const started = Date.now();
      const result = await make({ connectTimeoutMs: 5000, timeoutMs: 400 }).ingest({ contentUrl: `${a.origin}/trickle.jpg` }, context());
      expect(result).toEqual({ ok: false, error: { kind: 'timeout', phase: 'total', timeoutMs: 400 } });
      expect(Date.now() - started).toBeLessThan(2000);
      expect(await storedFiles()).toEqual([]);
    });
  });

  describe('types', () => {
    it.each<[SampleName, string]>([
      ['exe', 'exe'],
      ['svg', 'svg'],
      ['html', 'html'],
      ['gif', 'gif'],
      ['zip', 'zip'],
    ])('refuses a %s file sent as a JPEG', async (name, detected) => {
      a.route(`/${name}.jpg`, serve(samples[name](), { 'content-type': 'image/jpeg' }));
      const result = await service.ingest(
        { contentUrl: `${a.origin}/${name}.jpg`, contentType: 'image/jpeg', name: 'receipt.jpg' },
        context(),
      );
      expect(result).toEqual({ ok: false, error: { kind: 'unsupported_type', detected } });
      expect(await storedFiles()).toEqual([]);
    });

    it('stops downloading a file as soon as its first bytes rule it out', async () => {
      let clientGone = false;
      a.route('/setup.jpg', (_req, res) => {
        res.writeHead(200, { 'content-type': 'image/jpeg' });
        res.write(padded(samples.exe(), 4096));
        res.on('close', () => (clientGone = true));
      });
      const result = await service.ingest({ contentUrl: `${a.origin}/setup.jpg` }, context());
      expect(result).toEqual({ ok: false, error: { kind: 'unsupported_type', detected: 'exe' } });
      expect(await eventually(() => clientGone)).toBe(true);
    });
  });

  describe('data URLs', () => {
    it('accepts an image sent inline', async () => {
      const png = unique(samples.png());
      const result = await service.ingest({ contentUrl: dataUrl('image/png', png), name: 'screenshot.png' }, context());
      expect(result).toEqual({
        ok: true,
        value: { sha256: sha256(png), kind: 'image', mediaType: 'image/png', size: png.length, name: 'screenshot.png', alreadyStored: false },
      });
      expect(a.requests).toEqual([]);
    });

    it('accepts a percent-encoded data URL', async () => {
      const pdf = samples.pdf();
      const result = await service.ingest({ contentUrl: `data:application/pdf,${encodeURIComponent(pdf.toString('latin1'))}` }, context());
      expect(result.ok && result.value.sha256).toBe(sha256(pdf));
    });

    it.each([
      ['no comma', 'data:image/png;base64', 'syntax'],
      ['a malformed media type', 'data:image png;base64,iVBORw0KGgo=', 'syntax'],
      ['characters outside base64', 'data:image/png;base64,iVBOR$w0KGgo=', 'encoding'],
      ['a truncated base64 group', 'data:image/png;base64,iVBORw0KG', 'encoding'],
      ['misplaced padding', 'data:image/png;base64,iV=BORw0KGgo', 'encoding'],
      ['a broken percent escape', 'data:application/pdf,%PDF-1.4', 'encoding'],
    ])('refuses a data URL with %s', async (_label, contentUrl, reason) => {
      expect(await service.ingest({ contentUrl }, context())).toEqual({ ok: false, error: { kind: 'bad_data_url', reason } });
    });

    it('refuses an empty data URL, an unsupported one and an oversized one', async () => {
      expect(await service.ingest({ contentUrl: 'data:image/png;base64,' }, context())).toEqual({ ok: false, error: { kind: 'empty' } });
      expect(await service.ingest({ contentUrl: dataUrl('image/png', samples.svg()) }, context())).toEqual({
        ok: false,
        error: { kind: 'unsupported_type', detected: 'svg' },
      });
      const big = padded(samples.png(), 2000);
      expect(await make({ limits: { imageBytes: 1000 } }).ingest({ contentUrl: dataUrl('image/png', big) }, context())).toEqual({
        ok: false,
        error: { kind: 'too_large', limitBytes: 1000, evidenceKind: 'image', sizeBytes: 2000 },
      });
      expect(await storedFiles()).toEqual([]);
    });
  });

  describe('content addressing', () => {
    it('stores identical content once, whichever way it arrives', async () => {
      const jpeg = unique(samples.jpeg());
      a.route('/one.jpg', serve(jpeg));
      a.route('/two.jpg', serve(jpeg));

      const first = await service.ingest({ contentUrl: `${a.origin}/one.jpg`, name: 'one.jpg' }, context());
      const second = await service.ingest({ contentUrl: `${a.origin}/two.jpg`, name: 'two.jpg' }, context(1));
      const third = await service.ingest({ contentUrl: dataUrl('image/jpeg', jpeg) }, context(2));

      expect(first.ok && first.value.alreadyStored).toBe(false);
      expect(second.ok && second.value).toMatchObject({ sha256: sha256(jpeg), alreadyStored: true, name: 'two.jpg' });
      expect(third.ok && third.value).toMatchObject({ sha256: sha256(jpeg), alreadyStored: true });
      expect(await storedFiles()).toEqual([sha256(jpeg)]);
    });
  });

  describe('file count', () => {
    it('refuses a tenth file before fetching anything', async () => {
      a.route('/a.jpg', serve(unique(samples.jpeg())));
      expect(await service.ingest({ contentUrl: `${a.origin}/a.jpg` }, context(9))).toEqual({
        ok: false,
        error: { kind: 'too_many_files', limit: 9, count: 9 },
      });
      expect(await service.ingest({ contentUrl: dataUrl('image/png', samples.png()) }, context(12))).toEqual({
        ok: false,
        error: { kind: 'too_many_files', limit: 9, count: 12 },
      });
      expect(a.requests).toEqual([]);
      expect((await service.ingest({ contentUrl: `${a.origin}/a.jpg` }, context(8))).ok).toBe(true);
    });

    it('follows a configured limit', async () => {
      const two = make({ limits: { filesPerCase: 2 } });
      expect(two.checkFileCount(1)).toEqual({ ok: true });
      expect(await two.ingest({ contentUrl: dataUrl('image/png', samples.png()) }, context(2))).toEqual({
        ok: false,
        error: { kind: 'too_many_files', limit: 2, count: 2 },
      });
    });
  });

  it('maps a stored file onto the case EvidenceRef, with a display-safe name', async () => {
    const png = unique(samples.png());
    const result = await service.ingest({ contentUrl: dataUrl('image/png', png), name: 'C:\\fakepath\\pho\u202eto\u0000.png' }, context());
    if (!result.ok) throw new Error(`expected a stored file, got ${result.error.kind}`);
    expect(toEvidenceRef(result.value, 'buyer', '2026-03-01T12:00:00.000Z')).toEqual({
      sha256: sha256(png),
      kind: 'image',
      mediaType: 'image/png',
      size: png.length,
      name: 'photo.png',
      addedBy: 'buyer',
      addedAt: '2026-03-01T12:00:00.000Z',
    });
  });
});

describe('EvidenceError', () => {
  // A switch with a `never` default, as the bot's wording will be: this fails to compile if a kind is missing.
  const code = (error: EvidenceError): string => {
    switch (error.kind) {
      case 'host_not_allowed':
        return `host:${error.host}`;
      case 'too_large':
        return `too_large:${error.evidenceKind ?? 'any'}:${error.limitBytes}`;
      case 'unsupported_type':
        return `type:${error.detected}`;
      case 'fetch_failed':
        return `fetch:${error.reason}`;
      case 'timeout':
        return `timeout:${error.phase}`;
      case 'too_many_files':
        return `files:${error.limit}`;
      case 'empty':
        return 'empty';
      case 'bad_data_url':
        return `data_url:${error.reason}`;
      default: {
        const unreachable: never = error;
        return unreachable;
      }
    }
  };

  it('lists every kind, each with its data', () => {
    const samplesByKind: Record<EvidenceErrorKind, EvidenceError> = {
      host_not_allowed: { kind: 'host_not_allowed', host: 'x.test', viaRedirect: false },
      too_large: { kind: 'too_large', limitBytes: 10 * MB, evidenceKind: 'image' },
      unsupported_type: { kind: 'unsupported_type', detected: 'gif' },
      fetch_failed: { kind: 'fetch_failed', reason: 'network' },
      timeout: { kind: 'timeout', phase: 'total', timeoutMs: 10_000 },
      too_many_files: { kind: 'too_many_files', limit: 9, count: 9 },
      empty: { kind: 'empty' },
      bad_data_url: { kind: 'bad_data_url', reason: 'syntax' },
    };
    expect([...EVIDENCE_ERROR_KINDS].sort()).toEqual(Object.keys(samplesByKind).sort());
    expect(EVIDENCE_ERROR_KINDS.map((kind) => code(samplesByKind[kind]))).toEqual([
      'host:x.test',
      'too_large:image:10485760',
      'type:gif',
      'fetch:network',
      'timeout:total',
      'files:9',
      'empty',
      'data_url:syntax',
    ]);
  });
});
