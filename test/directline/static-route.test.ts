import restify from 'restify';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { get } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { readFileSync } from 'node:fs';
import { findPublicDir, findWebchatBundle, mountStaticRoutes } from '../../bot/http/static-route';
import { createLogger } from '../../bot/logger';

// The widget's files: the page, its script and style, and Web Chat from the installed package (no CDN).

describe('the widget page and Web Chat', () => {
  const server = restify.createServer({ handleUncaughtExceptions: false });
  let base: string;

  beforeAll(async () => {
    mountStaticRoutes(server, { log: createLogger('silent') });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('serves the page, which loads Web Chat and the widget from this server', async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await res.text();
    expect(html).toContain('<script src="webchat/webchat.js"></script>');
    expect(html).toContain('<script src="widget.js" data-mode="page"></script>');
    expect(html).not.toMatch(/https?:\/\/(cdn|unpkg|jsdelivr)/);
    for (const [path, type] of [
      ['/widget.js', 'text/javascript; charset=utf-8'],
      ['/widget.css', 'text/css; charset=utf-8'],
      ['/avatar.svg', 'image/svg+xml'],
    ] as const) {
      const file = await fetch(`${base}${path}`);
      expect([path, file.status, file.headers.get('content-type')]).toEqual([path, 200, type]);
    }
  });

  it('serves the installed Web Chat bundle, compressed, cached and revalidated by its ETag', async () => {
    // Raw HTTP: fetch would undo the compression.
    const res = await new Promise<IncomingMessage & { body: Buffer }>((resolve, reject) => {
      get(`${base}/webchat/webchat.js`, { headers: { 'accept-encoding': 'gzip, deflate' } }, (r) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => resolve(Object.assign(r, { body: Buffer.concat(chunks) })));
      }).on('error', reject);
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['cache-control']).toBe('public, max-age=86400');
    expect(gunzipSync(res.body).equals(readFileSync(findWebchatBundle()))).toBe(true);
    expect(res.body.length).toBeLessThan(readFileSync(findWebchatBundle()).length / 2);
    const again = await fetch(`${base}/webchat/webchat.js`, { headers: { 'if-none-match': String(res.headers.etag) } });
    expect(again.status).toBe(304);
  });

  it('serves nothing else from the disk', async () => {
    for (const path of ['/package.json', '/public/widget.js', '/webchat/../package.json', '/%2e%2e/package.json', '/index.htm']) {
      expect([path, (await fetch(`${base}${path}`)).status]).toEqual([path, 404]);
    }
  });

  it('finds public/ from the sources and from the build', () => {
    expect(findPublicDir()).toMatch(/public$/);
    expect(() => findPublicDir('/')).toThrow(/public/);
  });
});
