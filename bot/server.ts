import restify from 'restify';
import type { Logger } from './logger';
import type { Infrastructure } from './infrastructure';
import { summarizeDemo } from './demo-summary';

// The HTTP edge: health and readiness now; the chat endpoint mounts here too.

export interface ServerHandle {
  server: restify.Server;
  url: string;
  close(): Promise<void>;
}

export function createServer(infra: Infrastructure, log: Logger): restify.Server {
  const server = restify.createServer({ name: 'refund-desk', handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser());
  // Data-URL evidence can be up to 10 MB of image, a third more as base64.
  server.use(restify.plugins.bodyParser({ maxBodySize: 16 * 1024 * 1024, mapParams: false, mapFiles: false }));

  server.get('/healthz', async (_req, res) => {
    res.json({
      status: 'ok',
      store: infra.storeKind,
      durable: infra.storeKind === 'redis',
      demo: infra.demo ? { orders: summarizeDemo(infra.demo), buyers: infra.demo.buyers.map((b) => b.id), shops: infra.demo.shops.map((s) => s.id) } : null,
      next: 'open / for the chat widget; POST /api/messages is the Bot Framework endpoint; see README.md',
    });
  });

  server.get('/readyz', async (_req, res) => {
    if (!infra.redis) {
      res.json({ status: 'ready', store: 'memory' });
      return;
    }
    try {
      await infra.redis.ping();
      res.json({ status: 'ready', store: 'redis' });
    } catch (err) {
      log.warn({ err: String(err) }, 'readiness check failed');
      res.status(503);
      res.json({ status: 'unavailable', store: 'redis' });
    }
  });

  server.on('restifyError', (req, _res, err, callback) => {
    log.warn({ path: req.path(), status: (err as { statusCode?: number }).statusCode }, 'request failed');
    callback();
  });
  return server;
}

export function listen(server: restify.Server, port: number, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
      resolve(`http://${shownHost}:${address.port}`);
    });
  });
}
