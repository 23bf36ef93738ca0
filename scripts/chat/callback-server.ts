import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ActivityLike } from './render';

// The client's own "connector": the bot sends proactive messages (and replies outside expectReplies) to the
// activity's serviceUrl, POST /v3/conversations/{id}/activities[/{replyToId}]. They are shown as they come and
// answered the way the Bot Framework connector answers: 200 {"id": ...}.

export interface CallbackServer {
  /** The serviceUrl to put on every activity. */
  url: string;
  close(): Promise<void>;
}

export interface CallbackServerOptions {
  port?: number;
  host?: string;
  onActivity: (activity: ActivityLike & Record<string, unknown>, conversationId: string) => void;
  maxBodyBytes?: number;
}

const ACTIVITIES = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?\/?$/;

export function startCallbackServer(options: CallbackServerOptions): Promise<CallbackServer> {
  const host = options.host ?? '127.0.0.1';
  const maxBody = options.maxBodyBytes ?? 16 * 1024 * 1024;
  let counter = 0;

  const answer = (res: ServerResponse, status: number, body: unknown): void => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBody) {
        answer(res, 413, { error: { code: 'BadArgument', message: 'activity too large' } });
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (res.writableEnded) return;
      const match = ACTIVITIES.exec(path);
      if (!match) {
        // Other connector calls (members, conversations): nothing to show, nothing to refuse.
        answer(res, path.startsWith('/v3/') ? 200 : 404, path.startsWith('/v3/') ? {} : { error: { code: 'NotFound', message: path } });
        return;
      }
      const id = `terminal-${Date.now()}-${++counter}`;
      if (req.method === 'DELETE') return answer(res, 200, {});
      if (req.method !== 'POST' && req.method !== 'PUT') return answer(res, 405, { error: { code: 'MethodNotAllowed', message: req.method } });
      let activity: unknown;
      try {
        activity = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return answer(res, 400, { error: { code: 'BadArgument', message: 'body is not JSON' } });
      }
      if (typeof activity !== 'object' || activity === null || Array.isArray(activity)) {
        return answer(res, 400, { error: { code: 'BadArgument', message: 'body is not an activity' } });
      }
      options.onActivity(activity as ActivityLike & Record<string, unknown>, decodeURIComponent(match[1]!));
      answer(res, 200, { id: req.method === 'PUT' && match[2] ? decodeURIComponent(match[2]) : id });
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://${host}:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
