import { mkdtempSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EvidenceService, signEvidenceUrl } from '../../services/evidence';
import type { IngestResult } from '../../services/evidence';
import { BotConversation, textOf } from '../support/bot-http';
import { samples } from '../services/evidence/sample-files';
import { startAttackApp } from './support/attack-app';
import type { AttackApp } from './support/attack-app';
import { CountingServer, RawServer } from './support/counting-server';

// Issue 6.3: evidence downloads under attack. One loopback server plays the channel's attachment host (the
// activity's service URL); a second one is a host evidence must never come from, and counts every request it
// gets, so "refused" is proven by a count of zero, not only by the answer. No network is needed: names that
// would resolve to loopback (evil.localhost, localtest.me) are refused by name before any lookup.

const MB = 1024 * 1024;
const png = samples.png();
/** A JPEG's first bytes, then an HTML page with a script: a browser that sniffs would run it. */
const POLYGLOT = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0<html><body><script>alert(document.cookie)</script></body></html>')]);
const PDF_WITH_JS = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/OpenAction<</S/JavaScript/JS(app.alert(document.cookie))>>>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
/** A valid PNG header declaring a 100000 x 100000 image: a decoder's bomb, but only a few bytes. */
const HUGE_DECLARED_PNG = (() => {
  const b = Buffer.from(png);
  b.writeUInt32BE(100_000, 16);
  b.writeUInt32BE(100_000, 20);
  return b;
})();

/** A route that answers once (restify, loaded in the same worker, patches writeHead: no chaining on it). */
const answer =
  (status: number, headers: () => Record<string, string>, body?: string | Buffer) =>
  (_req: unknown, res: import('node:http').ServerResponse): void => {
    res.writeHead(status, headers());
    res.end(body);
  };

describe('evidence downloads under attack', () => {
  let host: CountingServer;
  let evil: CountingServer;
  let dir: string;
  let service: EvidenceService;
  let bombSize = 0;

  beforeAll(async () => {
    evil = await CountingServer.start({ '/x.png': (_req, res) => res.end(png) });
    const bomb = gzipSync(Buffer.concat([png.subarray(0, 64), Buffer.alloc(64 * MB)]), { level: 9 });
    bombSize = bomb.length;
    host = await CountingServer.start({
      '/photo.png': (_req, res) => res.end(png),
      '/polyglot.jpg': (_req, res) => res.end(POLYGLOT),
      '/evil.pdf': (_req, res) => res.end(PDF_WITH_JS),
      '/huge-declared.png': (_req, res) => res.end(HUGE_DECLARED_PNG),
      '/script.svg': answer(200, () => ({ 'content-type': 'image/png' }), '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
      '/page.html': answer(200, () => ({ 'content-type': 'image/jpeg' }), '<!doctype html><script>alert(1)</script>'),
      '/bomb.png': (_req, res, s) => {
        res.writeHead(200, { 'content-type': 'image/png', 'content-encoding': 'gzip', 'content-length': String(bomb.length) });
        s.send(res, '/bomb.png', bomb);
        res.end();
      },
      '/endless.png': (_req, res, s) => {
        // No length, never-ending: only the byte count can stop it.
        res.writeHead(200, { 'content-type': 'image/png' });
        s.send(res, '/endless.png', png.subarray(0, 64));
        const filler = Buffer.alloc(256 * 1024);
        const more = (): void => {
          while (!res.destroyed && (s.bytesSent.get('/endless.png') ?? 0) < 200 * MB) if (!s.send(res, '/endless.png', filler)) return void res.once('drain', more);
          res.end();
        };
        more();
      },
      '/announced-too-big.png': (_req, res, s) => {
        res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(60 * MB) });
        s.send(res, '/announced-too-big.png', png.subarray(0, 64));
      },
      '/announced-over-image-limit.png': (_req, res, s) => {
        res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(20 * MB) });
        // Enough bytes to tell the kind (an image), far fewer than announced.
        s.send(res, '/announced-over-image-limit.png', Buffer.concat([png, Buffer.alloc(1_024)]));
      },
      '/to-evil': answer(302, () => ({ location: `${evil.url}/x.png` })),
      '/to-localhost': answer(301, () => ({ location: `http://localhost:${evil.portNumber}/x.png` })),
      '/to-metadata': answer(307, () => ({ location: 'http://169.254.169.254/latest/meta-data/iam' })),
      '/to-file': answer(302, () => ({ location: 'file:///etc/passwd' })),
      '/to-self': answer(302, () => ({ location: '/photo.png' })),
      '/loop': answer(302, () => ({ location: '/loop' })),
      '/hang': () => undefined,
      '/trickle.png': (_req, res) => {
        res.writeHead(200, { 'content-type': 'image/png' });
        res.write(png.subarray(0, 8));
        const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write(Buffer.from([0]))), 100);
        res.on('close', () => clearInterval(timer));
      },
    });
    dir = mkdtempSync(join(tmpdir(), 'rd-attack-evidence-'));
    service = new EvidenceService({ dir, allowedHosts: ['cdn.example.com'], timeoutMs: 1_500, connectTimeoutMs: 1_000 });
  });

  afterAll(async () => {
    await host?.stop();
    await evil?.stop();
  });

  const ingest = (contentUrl: string, serviceUrl = `${host.url}/`): Promise<IngestResult> => service.ingest({ contentUrl, contentType: 'image/png', name: 'x.png' }, { serviceUrl, existingCount: 0 });
  const errorOf = (r: IngestResult) => (r.ok ? null : r.error);
  const storedFiles = (): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? readdirSync(join(dir, d.name)).map((f) => `${d.name}/${f}`) : [d.name]));

  describe('SSRF: nothing is fetched from a host that is not the service host or configured', () => {
    // EVIL stands for the forbidden server's port (known once it listens).
    const forbidden = [
      'http://127.0.0.1:EVIL/x.png',
      'http://localhost:EVIL/x.png',
      'http://127.0.0.2:EVIL/x.png',
      'http://127.1:EVIL/x.png',
      'http://0x7f000001:EVIL/x.png',
      'http://2130706433:EVIL/x.png',
      'http://0177.0.0.1:EVIL/x.png',
      'http://[::1]:EVIL/x.png',
      'http://[::ffff:127.0.0.1]:EVIL/x.png',
      'http://0.0.0.0:EVIL/x.png',
      'http://evil.localhost:EVIL/x.png',
      'http://localtest.me:EVIL/x.png',
      'http://127.0.0.1.nip.io:EVIL/x.png',
      'http://cdn.example.com.evil.localhost:EVIL/x.png',
      'http://cdn.example.com@127.0.0.1:EVIL/x.png',
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.1/x.png',
      'http://192.168.1.1/x.png',
      'http://[fd00::1]/x.png',
    ];

    it.each(forbidden)('refuses %s without a request', async (pattern) => {
      const before = evil.count();
      const r = await ingest(pattern.replace('EVIL', String(evil.portNumber)));
      expect(errorOf(r)?.kind === 'host_not_allowed' || (errorOf(r)?.kind === 'fetch_failed' && (errorOf(r) as { reason: string }).reason === 'bad_url')).toBe(true);
      expect(evil.count()).toBe(before);
    });

    it('refuses the service host under another name or port', async () => {
      for (const url of [`http://localhost:${host.portNumber}/photo.png`, `http://127.0.0.1:${evil.portNumber}/photo.png`, `http://127.0.0.1:${host.portNumber + 1}/photo.png`, `http://127.0.0.1/photo.png`]) {
        expect(errorOf(await ingest(url))?.kind).toBe('host_not_allowed');
      }
      expect(host.count('/photo.png')).toBe(0);
      expect(evil.count()).toBe(0);
    });

    it.each(['file:///etc/passwd', 'javascript:alert(1)', 'ftp://127.0.0.1/x.png', 'gopher://127.0.0.1:6379/_FLUSHALL', 'not a url', '//evil.localhost/x.png', 'http://user:pw@127.0.0.1/x.png'])('refuses %s as no fetchable URL', async (url) => {
      const r = await ingest(url);
      expect(r.ok).toBe(false);
      expect(['fetch_failed', 'host_not_allowed']).toContain(errorOf(r)?.kind);
      expect(host.count()).toBe(0);
    });

    it('follows no redirect to another host, however it is named, and none to another scheme', async () => {
      expect(errorOf(await ingest(`${host.url}/to-evil`))).toEqual({ kind: 'host_not_allowed', host: `127.0.0.1:${evil.portNumber}`, viaRedirect: true });
      expect(errorOf(await ingest(`${host.url}/to-localhost`))).toMatchObject({ kind: 'host_not_allowed', viaRedirect: true });
      expect(errorOf(await ingest(`${host.url}/to-metadata`))).toMatchObject({ kind: 'host_not_allowed', viaRedirect: true });
      expect(errorOf(await ingest(`${host.url}/to-file`))).toEqual({ kind: 'fetch_failed', reason: 'bad_redirect' });
      expect(evil.count()).toBe(0);
      // A redirect on the service host itself is followed; a loop is cut off.
      expect((await ingest(`${host.url}/to-self`)).ok).toBe(true);
      const before = host.count('/loop');
      expect(errorOf(await ingest(`${host.url}/loop`))).toEqual({ kind: 'fetch_failed', reason: 'too_many_redirects' });
      expect(host.count('/loop') - before).toBeLessThanOrEqual(4);
    });

    it('lets a service URL that is no http(s) URL allow nothing', async () => {
      for (const serviceUrl of ['file:///', 'javascript:alert(1)', 'not a url', '']) {
        expect(errorOf(await ingest(`${host.url}/photo.png`, serviceUrl))?.kind).toBe('host_not_allowed');
      }
    });
  });

  describe('bombs and lies: the limit is on bytes received', () => {
    it('stops a gzip bomb that expands past the image limit, and keeps nothing', async () => {
      const before = storedFiles();
      const r = await ingest(`${host.url}/bomb.png`);
      expect(errorOf(r)).toMatchObject({ kind: 'too_large', limitBytes: 10 * MB, evidenceKind: 'image' });
      expect(host.bytesSent.get('/bomb.png')).toBe(bombSize);
      expect(bombSize).toBeLessThan(MB);
      expect(storedFiles()).toEqual(before);
      expect(existsSync(join(dir, '.tmp')) ? readdirSync(join(dir, '.tmp')) : []).toEqual([]);
    });

    it('cuts off a body with no length at the limit', async () => {
      const r = await ingest(`${host.url}/endless.png`);
      expect(errorOf(r)).toMatchObject({ kind: 'too_large', limitBytes: 10 * MB });
      // The download stopped near the limit: nowhere near the 200 MB on offer.
      expect(host.bytesSent.get('/endless.png') ?? 0).toBeLessThan(40 * MB);
    });

    it('refuses an announced length over the limit before reading the body', async () => {
      expect(errorOf(await ingest(`${host.url}/announced-too-big.png`))).toMatchObject({ kind: 'too_large', sizeBytes: 60 * MB });
      expect(errorOf(await ingest(`${host.url}/announced-over-image-limit.png`))).toMatchObject({ kind: 'too_large', evidenceKind: 'image', sizeBytes: 20 * MB });
    });

    it('never keeps more than a Content-Length announced, however much more is sent', async () => {
      const raw = await RawServer.start((socket, self) => self.pump(socket, Buffer.concat([Buffer.from('HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: 300\r\n\r\n'), png]), Buffer.alloc(64 * 1024), 30 * MB));
      try {
        const r = await ingest(`${raw.url}/lie.png`, `${raw.url}/`);
        if (r.ok) expect(r.value.size).toBeLessThanOrEqual(300);
        else expect(['fetch_failed', 'unsupported_type', 'too_large']).toContain(r.error.kind);
      } finally {
        await raw.stop();
      }
    });

    it('refuses a body shorter than announced (the connection closes early)', async () => {
      const raw = await RawServer.start((socket) => {
        socket.end(Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: ${5 * MB}\r\n\r\n`), png]));
      });
      try {
        const r = await ingest(`${raw.url}/short.png`, `${raw.url}/`);
        expect(errorOf(r)?.kind).toBe('fetch_failed');
      } finally {
        await raw.stop();
      }
    });

    it('accepts a PNG that declares a huge image: it is a few bytes', async () => {
      const r = await ingest(`${host.url}/huge-declared.png`);
      expect(r.ok && r.value.size).toBe(HUGE_DECLARED_PNG.length);
    });

    it('gives up on a host that never answers, or trickles, within the time allowed', async () => {
      const started = Date.now();
      expect(errorOf(await ingest(`${host.url}/hang`))).toMatchObject({ kind: 'timeout' });
      expect(errorOf(await ingest(`${host.url}/trickle.png`))).toMatchObject({ kind: 'timeout', phase: 'total' });
      expect(Date.now() - started).toBeLessThan(6_000);
    });
  });

  describe('what the bytes are decides, and how a stored file is served', () => {
    let t: AttackApp;
    const secret = 'evidence-secret-for-the-attack-suite';
    beforeAll(async () => {
      t = await startAttackApp({ logLevel: 'warn', env: { EVIDENCE_DIR: dir, EVIDENCE_URL_SECRET: secret } });
    });
    afterAll(() => t?.stop());
    const served = async (sha256: string) => {
      const res = await fetch(signEvidenceUrl(`${t.url}/evidence`, sha256, new Date(Date.now() + 60_000), secret));
      return { res, body: Buffer.from(await res.arrayBuffer()) };
    };

    it('refuses SVG and HTML whatever their announced type', async () => {
      expect(errorOf(await ingest(`${host.url}/script.svg`))).toEqual({ kind: 'unsupported_type', detected: 'svg' });
      expect(errorOf(await ingest(`${host.url}/page.html`))).toEqual({ kind: 'unsupported_type', detected: 'html' });
    });

    it('keeps a JPEG that is also an HTML page as a JPEG, and serves it as one that no browser sniffs', async () => {
      const r = await ingest(`${host.url}/polyglot.jpg`);
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      expect(r.value.mediaType).toBe('image/jpeg');
      const { res, body } = await served(r.value.sha256);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/jpeg');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-disposition')).toBe('inline');
      expect(body).toEqual(POLYGLOT);
    });

    it('keeps a PDF with JavaScript as a PDF, served as a download that no browser sniffs', async () => {
      const r = await ingest(`${host.url}/evil.pdf`);
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      expect(r.value.kind).toBe('pdf');
      const { res } = await served(r.value.sha256);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="evidence-[0-9a-f]{12}\.pdf"$/);
    });

    it('through the bot: a buyer sending a link to another host gets a refusal, and that host gets no request', async () => {
      const c = new BotConversation(t.url, 'buyer-1001', { locale: 'zh-CN', serviceUrl: `${host.url}/` });
      expect((await c.say('DEMO-1002 的东西坏了，我要退款')).status).toBe(200);
      expect(textOf((await c.say('第二个 1件')).replies)).toContain('凭证');
      const before = await t.counts();
      const evilBefore = evil.count();
      for (const contentUrl of [`${evil.url}/x.png`, `http://evil.localhost:${evil.portNumber}/x.png`, `${host.url}/to-evil`, 'file:///etc/passwd', `${host.url}/bomb.png`]) {
        const turn = await c.attach([{ contentType: 'image/png', contentUrl, name: 'photo.png' }]);
        expect(turn.status).toBe(200);
        expect(textOf(turn.replies)).toContain('photo.png');
        expect(textOf(turn.replies)).not.toContain('已收到：photo.png');
      }
      expect(evil.count()).toBe(evilBefore);
      const good = await c.attach([{ contentType: 'image/png', contentUrl: `${host.url}/photo.png`, name: 'good.png' }]);
      expect(textOf(good.replies)).toContain('已收到：good.png');
      expect(await t.counts()).toEqual(before);
    });
  });
});
