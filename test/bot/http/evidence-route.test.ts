import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import restify from 'restify';
import { evidenceRoute } from '../../../bot/http/evidence-route';
import { createLogger } from '../../../bot/logger';
import { EvidenceService, signEvidenceUrl } from '../../../services/evidence';
import { FakeClock } from '../../support/fake-clock';
import { padded, samples } from '../../services/evidence/sample-files';

const SECRET = 'evidence-route-test-secret-0123456789';
const HOUR = 60 * 60 * 1000;

describe('GET /evidence/:sha256', () => {
  let dir: string;
  let server: restify.Server;
  let base: string;
  let evidence: EvidenceService;
  const clock = new FakeClock('2026-03-01T12:00:00.000Z');
  const logLines: string[] = [];
  const stored: Record<'png' | 'mp4' | 'pdf' | 'bigJpeg', { sha256: string; bytes: Buffer }> = {} as never;

  async function put(name: keyof typeof stored, bytes: Buffer, mediaType: string): Promise<void> {
    const result = await evidence.ingest({ contentUrl: `data:${mediaType};base64,${bytes.toString('base64')}` }, { existingCount: 0 });
    if (!result.ok) throw new Error(`could not store ${name}: ${JSON.stringify(result.error)}`);
    stored[name] = { sha256: result.value.sha256, bytes };
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rd-evidence-route-'));
    evidence = new EvidenceService({ dir });
    await put('png', samples.png(), 'image/png');
    await put('mp4', samples.mp4(), 'video/mp4');
    await put('pdf', samples.pdf(), 'application/pdf');
    await put('bigJpeg', padded(samples.jpeg(), 300_000), 'image/jpeg');

    const log = createLogger('info', { write: (line: string) => void logLines.push(line) });
    server = restify.createServer({ handleUncaughtExceptions: false });
    server.get('/evidence/:sha256', evidenceRoute({ evidence, secret: SECRET, now: () => clock.now(), log }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${server.address().port}/evidence`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  const link = (sha256: string, validForMs = HOUR, secret = SECRET) => signEvidenceUrl(base, sha256, new Date(clock.now().getTime() + validForMs), secret);

  async function get(url: string): Promise<{ status: number; headers: Headers; body: Buffer }> {
    const res = await fetch(url);
    return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
  }

  describe('with a valid link', () => {
    it('streams an image inline, typed from the store, with protective headers', async () => {
      const { status, headers, body } = await get(link(stored.png.sha256));
      expect(status).toBe(200);
      expect(body.equals(stored.png.bytes)).toBe(true);
      expect(headers.get('content-type')).toBe('image/png');
      expect(headers.get('content-length')).toBe(String(stored.png.bytes.length));
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('cache-control')).toBe('private, max-age=300');
      expect(headers.get('content-disposition')).toBe('inline');
    });

    it('streams a larger file whole', async () => {
      const { status, headers, body } = await get(link(stored.bigJpeg.sha256));
      expect(status).toBe(200);
      expect(headers.get('content-type')).toBe('image/jpeg');
      expect(body.equals(stored.bigJpeg.bytes)).toBe(true);
    });

    it('serves a video inline', async () => {
      const { status, headers, body } = await get(link(stored.mp4.sha256));
      expect(status).toBe(200);
      expect(headers.get('content-type')).toBe('video/mp4');
      expect(headers.get('content-disposition')).toBe('inline');
      expect(body.equals(stored.mp4.bytes)).toBe(true);
    });

    it('serves a PDF as a download', async () => {
      const { status, headers, body } = await get(link(stored.pdf.sha256));
      expect(status).toBe(200);
      expect(headers.get('content-type')).toBe('application/pdf');
      expect(headers.get('content-disposition')).toBe(`attachment; filename="evidence-${stored.pdf.sha256.slice(0, 12)}.pdf"`);
      expect(body.equals(stored.pdf.bytes)).toBe(true);
    });

    it('lets a browser keep the file no longer than the link lives', async () => {
      const { status, headers } = await get(link(stored.png.sha256, 100_000));
      expect(status).toBe(200);
      expect(headers.get('cache-control')).toBe('private, max-age=100');
    });

    it('accepts the hash in upper case (the signature covers the lower-case form)', async () => {
      const url = new URL(link(stored.png.sha256));
      url.pathname = url.pathname.replace(stored.png.sha256, stored.png.sha256.toUpperCase());
      const { status, body } = await get(url.toString());
      expect(status).toBe(200);
      expect(body.equals(stored.png.bytes)).toBe(true);
    });

    it('answers 404 when the file is not stored', async () => {
      const { status, headers, body } = await get(link('ef'.repeat(32)));
      expect(status).toBe(404);
      expect(JSON.parse(body.toString('utf8'))).toEqual({ error: 'not_found' });
      expect(headers.get('cache-control')).toBe('no-store');
    });
  });

  describe('without a valid link', () => {
    const forbidden = async (url: string) => {
      const { status, body, headers } = await get(url);
      expect({ url, status }).toEqual({ url, status: 403 });
      expect(headers.get('cache-control')).toBe('no-store');
      expect(headers.get('content-disposition')).toBeNull();
      return body.toString('utf8');
    };

    it('answers 403, the same way every time, and serves nothing', async () => {
      const good = new URL(link(stored.png.sha256));
      const sig = good.searchParams.get('sig')!;
      const variant = (change: (u: URL) => void) => {
        const u = new URL(good);
        change(u);
        return u.toString();
      };
      const bodies = [
        // tampered signature
        await forbidden(variant((u) => u.searchParams.set('sig', (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1)))),
        // the signature of another file
        await forbidden(variant((u) => (u.pathname = u.pathname.replace(stored.png.sha256, stored.pdf.sha256)))),
        // a later expiry than signed
        await forbidden(variant((u) => u.searchParams.set('expires', String(Number(u.searchParams.get('expires')) + 86_400)))),
        // no signature, no expiry, neither
        await forbidden(variant((u) => u.searchParams.delete('sig'))),
        await forbidden(variant((u) => u.searchParams.delete('expires'))),
        await forbidden(`${base}/${stored.png.sha256}`),
        // a signature given twice, a hex signature, garbage
        await forbidden(variant((u) => u.searchParams.append('sig', sig))),
        await forbidden(variant((u) => u.searchParams.set('sig', 'ab'.repeat(32)))),
        await forbidden(variant((u) => u.searchParams.set('expires', 'soon'))),
        // signed with another secret
        await forbidden(link(stored.png.sha256, HOUR, 'another-secret-of-enough-length')),
      ];
      expect(new Set(bodies)).toEqual(new Set([JSON.stringify({ error: 'forbidden' })]));
    });

    it('answers 403 once the link has expired, exactly at its expiry', async () => {
      const url = link(stored.png.sha256, 10 * 60 * 1000);
      expect((await get(url)).status).toBe(200);
      clock.advance(10 * 60 * 1000);
      try {
        await forbidden(url);
      } finally {
        clock.set('2026-03-01T12:00:00.000Z');
      }
    });

    it('answers 403 for a missing file too when the link is bad: the signature is checked first', async () => {
      const url = new URL(link('ef'.repeat(32)));
      url.searchParams.set('sig', 'A'.repeat(43));
      await forbidden(url.toString());
    });

    it('answers 400 for a malformed hash, signed or not', async () => {
      for (const path of ['abc', 'zz'.repeat(32), 'ab'.repeat(33), '..%2F..%2Fetc%2Fpasswd']) {
        const { status, body } = await get(`${base}/${path}?expires=9999999999&sig=${'A'.repeat(43)}`);
        expect({ path, status }).toEqual({ path, status: 400 });
        expect(JSON.parse(body.toString('utf8'))).toEqual({ error: 'bad_request' });
      }
    });

    it('logs the refusal without the signature', async () => {
      const url = new URL(link(stored.png.sha256));
      const sig = url.searchParams.get('sig')!;
      url.searchParams.set('expires', '1');
      logLines.length = 0;
      await forbidden(url.toString());
      const lines = logLines.map((l) => JSON.parse(l) as { msg: string; refused?: string });
      expect(lines).toContainEqual(expect.objectContaining({ msg: 'evidence link refused', refused: 'bad_signature' }));
      expect(logLines.join('\n')).not.toContain(sig);
    });
  });

  it('refuses to start with a short secret', () => {
    expect(() => evidenceRoute({ evidence, secret: 'short', now: () => clock.now(), log: createLogger('silent') })).toThrow(/at least 16 bytes/);
  });
});
