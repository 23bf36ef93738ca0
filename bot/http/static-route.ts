import type { Request, Response, Server } from 'restify';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Logger } from '../logger';

// The chat widget's files: the page at / and its script, style sheet and avatar from public/, and Web Chat
// itself from the installed botframework-webchat package at /webchat/webchat.js (no CDN: the page works
// wherever the server runs). Only these named files are served, never a path taken from the request.

const gzipAsync = promisify(gzip);

const PAGE_FILES: Readonly<Record<string, { file: string; type: string }>> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/index.html': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/widget.js': { file: 'widget.js', type: 'text/javascript; charset=utf-8' },
  '/widget.css': { file: 'widget.css', type: 'text/css; charset=utf-8' },
  '/avatar.svg': { file: 'avatar.svg', type: 'image/svg+xml' },
};

export interface StaticRouteOptions {
  log: Logger;
  /** Default: the project's public/ folder (found from here, in the sources or in dist/). */
  publicDir?: string;
  /** Default: dist/webchat.js of the installed botframework-webchat. */
  webchatFile?: string;
}

interface Cached {
  body: Buffer;
  gzipped: Buffer;
  etag: string;
}

export function findPublicDir(from: string = __dirname): string {
  let dir = from;
  for (let i = 0; i < 6; i += 1) {
    if (existsSync(join(dir, 'public', 'index.html')) && existsSync(join(dir, 'package.json'))) return join(dir, 'public');
    dir = dirname(dir);
  }
  throw new Error(`the widget's public/ folder was not found above ${from}`);
}

export function findWebchatBundle(): string {
  // The package's exports map hides dist/, but its main entry sits beside it.
  return join(dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js');
}

export function mountStaticRoutes(server: Server, options: StaticRouteOptions): void {
  const publicDir = options.publicDir ?? findPublicDir();
  const webchatFile = options.webchatFile ?? findWebchatBundle();
  let webchat: Promise<Cached> | null = null;

  const load = async (path: string): Promise<Cached> => {
    const body = await readFile(path);
    return { body, gzipped: await gzipAsync(body), etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
  };

  const send = (req: Request, res: Response, file: Cached, type: string, cacheControl: string): void => {
    res.setHeader('Content-Type', type);
    res.setHeader('ETag', file.etag);
    res.setHeader('Cache-Control', cacheControl);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Vary', 'Accept-Encoding');
    // A buyer token may travel in the page's fragment: no referrer leaves the page.
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (req.headers['if-none-match'] === file.etag) {
      res.writeHead(304);
      res.end();
      return;
    }
    const gzipOk = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = gzipOk ? file.gzipped : file.body;
    if (gzipOk) res.setHeader('Content-Encoding', 'gzip');
    res.setHeader('Content-Length', String(body.length));
    res.writeHead(200);
    res.end(body);
  };

  for (const [route, { file, type }] of Object.entries(PAGE_FILES)) {
    server.get(route, async (req: Request, res: Response) => {
      let cached: Cached;
      try {
        // Read each time: small files, and an edited page shows on the next reload.
        cached = await load(join(publicDir, file));
      } catch (err) {
        options.log.error({ file, err: String(err) }, 'widget file missing');
        res.status(404);
        res.json({ error: { code: 'NotFound', message: `${file} is missing` } });
        return;
      }
      send(req, res, cached, type, 'no-cache');
    });
  }

  server.get('/webchat/webchat.js', async (req: Request, res: Response) => {
    webchat ??= load(webchatFile);
    let cached: Cached;
    try {
      cached = await webchat;
    } catch (err) {
      webchat = null;
      options.log.error({ file: webchatFile, err: String(err) }, 'Web Chat bundle missing: run npm install');
      res.status(404);
      res.json({ error: { code: 'NotFound', message: 'Web Chat is not installed (npm install).' } });
      return;
    }
    send(req, res, cached, 'text/javascript; charset=utf-8', 'public, max-age=86400');
  });
}
