import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ActivityLike } from './render';

// The client's own "connector": the bot sends proactive messages (and replies outside expectReplies) to the
// activity's serviceUrl, POST /v3/conversations/{id}/activities[/{replyToId}]. They are shown as they come and
// answered the way the Bot Framework connector answers: 200 {"id": ...}. A client playing Teams also answers
// what a Teams bot asks besides: updates of a sent card (PUT .../activities/{id}), a new 1:1 chat
// (POST /v3/conversations) and the members of a conversation (GET .../members).

export interface CallbackServer {
  /** The serviceUrl to put on every activity. */
  url: string;
  close(): Promise<void>;
}

/** How an activity reached the listener: a new message, a reply to one, or a new version of one sent before. */
export interface ConnectorCall {
  kind: 'send' | 'reply' | 'update';
  /** The id the listener gave the activity (for an update: the id of the activity it replaces). */
  id: string;
  /** For replies: the activity replied to. */
  replyToId?: string;
}

/** A member of a conversation as the connector lists it (Teams adds aadObjectId, tenantId, userRole). */
export interface ConnectorMember {
  id: string;
  name?: string;
  aadObjectId?: string;
  [key: string]: unknown;
}

export interface CallbackServerOptions {
  port?: number;
  host?: string;
  onActivity: (activity: ActivityLike & Record<string, unknown>, conversationId: string, call: ConnectorCall) => void;
  /** POST /v3/conversations: the id of the conversation the bot gets; unset answers an empty object. */
  onCreateConversation?: (parameters: Record<string, unknown>) => string;
  /** GET /v3/conversations/{id}/members; unset answers an empty object. */
  members?: (conversationId: string) => ConnectorMember[];
  maxBodyBytes?: number;
}

const ACTIVITIES = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?\/?$/;
const CONVERSATIONS = /^\/v3\/conversations\/?$/;
const MEMBERS = /^\/v3\/conversations\/([^/]+)\/members\/?$/;

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
      const members = MEMBERS.exec(path);
      if (members && req.method === 'GET' && options.members) return answer(res, 200, options.members(decodeURIComponent(members[1]!)));
      if (CONVERSATIONS.test(path) && req.method === 'POST' && options.onCreateConversation) {
        const parameters = parseObject(Buffer.concat(chunks));
        if (!parameters) return answer(res, 400, { error: { code: 'BadArgument', message: 'body is not a JSON object' } });
        const conversationId = options.onCreateConversation(parameters);
        const first = parameters.activity;
        if (typeof first !== 'object' || first === null || Array.isArray(first)) return answer(res, 200, { id: conversationId });
        const activityId = `terminal-${Date.now()}-${++counter}`;
        options.onActivity(first as ActivityLike & Record<string, unknown>, conversationId, { kind: 'send', id: activityId });
        return answer(res, 200, { id: conversationId, activityId });
      }
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
      const target = match[2] ? decodeURIComponent(match[2]) : undefined;
      const call: ConnectorCall =
        req.method === 'PUT' && target ? { kind: 'update', id: target } : target ? { kind: 'reply', id, replyToId: target } : { kind: 'send', id };
      options.onActivity(activity as ActivityLike & Record<string, unknown>, decodeURIComponent(match[1]!), call);
      answer(res, 200, { id: call.id });
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

function parseObject(body: Buffer): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(body.toString('utf8') || '{}');
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
