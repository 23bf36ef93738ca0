import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type restify from 'restify';
import type { Logger } from '../logger';
import { CATALOG } from '../i18n';

// The operators' dashboard page: a few static files from public/dashboard and its wording from the message
// catalog. The page holds no data of its own; it asks for a token and calls the operator API with it.

const FILES: Record<string, string> = {
  'index.html': 'text/html; charset=utf-8',
  'dashboard.css': 'text/css; charset=utf-8',
  'dashboard.js': 'text/javascript; charset=utf-8',
  'charts.js': 'text/javascript; charset=utf-8',
};

// Scripts and styles from this server only; nothing inline, nothing from elsewhere.
const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/** public/dashboard next to the sources (ts-node, jest) or above dist/ (compiled). */
export function dashboardDir(): string {
  const candidates = [join(__dirname, '..', '..', 'public', 'dashboard'), join(__dirname, '..', '..', '..', 'public', 'dashboard')];
  return candidates.find((d) => existsSync(join(d, 'index.html'))) ?? candidates[0]!;
}

/** The page's wording in both languages: every `operators.*` message. */
export function dashboardMessages(): { zh: Record<string, string>; en: Record<string, string> } {
  const zh: Record<string, string> = {};
  const en: Record<string, string> = {};
  for (const [key, entry] of Object.entries(CATALOG)) {
    if (!key.startsWith('operators.')) continue;
    zh[key] = entry.zh;
    en[key] = entry.en;
  }
  return { zh, en };
}

export function mountDashboard(server: restify.Server, options: { log: Logger; dir?: string }): void {
  const dir = options.dir ?? dashboardDir();
  const messages = JSON.stringify(dashboardMessages());
  const serve = (res: restify.Response, name: string): void => {
    const type = FILES[name];
    if (!type) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found');
      return;
    }
    let body: Buffer;
    try {
      body = readFileSync(join(dir, name));
    } catch (err) {
      options.log.error({ err: String(err), file: name }, 'dashboard file missing');
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('dashboard file missing');
      return;
    }
    res.writeHead(200, { 'content-type': type, 'content-length': String(body.length), 'cache-control': 'no-cache', 'content-security-policy': CSP, 'x-content-type-options': 'nosniff' });
    res.end(body);
  };
  server.get('/dashboard', async (_req: restify.Request, res: restify.Response) => serve(res, 'index.html'));
  server.get('/dashboard/:file', async (req: restify.Request, res: restify.Response) => {
    const file = String(req.params?.file ?? '');
    if (file === 'messages.json') {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache' });
      res.end(messages);
      return;
    }
    serve(res, file);
  });
}
