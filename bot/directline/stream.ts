import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { Logger } from '../logger';
import type { ActivityBus } from './activity-bus';
import { parseWatermark } from './conversation-log';
import type { ConversationRecord } from './conversation-log';
import type { DirectLineService } from './direct-line-service';
import { bearerToken } from './tokens';

// The streamUrl WebSocket: `{ activities: [...], watermark }` frames as the log grows, starting after the
// watermark in the URL (none: from the beginning, so a page that connects late or reloads gets the history),
// and empty frames as keep-alives. Clients only listen; what they send (Web Chat pings with empty frames) is
// ignored. A socket that stops answering pings is dropped; the client reconnects with its watermark.

export const STREAM_PATH = /^\/v3\/directline\/conversations\/([^/]+)\/stream$/;

export interface StreamServerOptions {
  service: DirectLineService;
  bus: ActivityBus;
  log: Logger;
  /** Keep-alive (an empty frame and a ping) interval. Default 15 s. */
  keepAliveMs?: number;
  /** Open streams per conversation (the oldest is closed beyond). Default 8. */
  maxPerConversation?: number;
}

class StreamSession {
  alive = true;
  private watermark: number;
  private pumping = false;
  private again = false;

  constructor(
    readonly ws: WebSocket,
    readonly record: ConversationRecord,
    watermark: number,
    private readonly service: DirectLineService,
    private readonly log: Logger,
  ) {
    this.watermark = watermark;
  }

  /** Sends whatever the log holds past this socket's watermark; one read at a time per socket. */
  pump(): void {
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = true;
    void (async () => {
      try {
        do {
          this.again = false;
          for (;;) {
            if (this.ws.readyState !== WebSocket.OPEN) return;
            const page = await this.service.read(this.record, this.watermark);
            if (page.activities.length === 0) break;
            this.watermark = page.watermark;
            this.ws.send(JSON.stringify({ activities: page.activities, watermark: String(page.watermark) }));
          }
        } while (this.again);
      } catch (err) {
        this.log.warn({ conversationId: this.record.id, err: String(err) }, 'stream read failed; closing it so the client reconnects');
        this.ws.close(1011, 'read failed');
      } finally {
        this.pumping = false;
      }
    })();
  }
}

export class StreamServer {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  private readonly sessions = new Map<string, Set<StreamSession>>();
  private readonly unsubscribe: () => void;
  private readonly timer: NodeJS.Timeout;
  private readonly maxPerConversation: number;

  constructor(private readonly o: StreamServerOptions) {
    this.maxPerConversation = o.maxPerConversation ?? 8;
    this.unsubscribe = o.bus.subscribe((conversationId) => {
      for (const session of this.sessions.get(conversationId) ?? []) session.pump();
    });
    this.timer = setInterval(() => this.keepAlive(), o.keepAliveMs ?? 15_000);
    this.timer.unref();
  }

  /** Handles an upgrade to a stream URL; returns false for other paths (someone else's upgrade). */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://stream.invalid');
    } catch {
      return false;
    }
    const match = STREAM_PATH.exec(url.pathname);
    if (!match) return false;
    // Node hands the socket over without an error listener: a client resetting it would otherwise crash the process.
    guardSocket(socket);
    let conversationId: string;
    try {
      conversationId = decodeURIComponent(match[1]!);
    } catch {
      refuse(socket, 400, 'Bad Request');
      return true;
    }
    void this.accept(req, socket, head, conversationId, url.searchParams).catch((err: unknown) => {
      this.o.log.warn({ err: String(err) }, 'stream upgrade failed');
      refuse(socket, 503, 'Service Unavailable');
    });
    return true;
  }

  /** Closes every open stream (the server is stopping). */
  async close(): Promise<void> {
    clearInterval(this.timer);
    this.unsubscribe();
    for (const set of this.sessions.values()) for (const session of set) session.ws.terminate();
    this.sessions.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  get openCount(): number {
    let n = 0;
    for (const set of this.sessions.values()) n += set.size;
    return n;
  }

  private async accept(req: IncomingMessage, socket: Duplex, head: Buffer, conversationId: string, query: URLSearchParams): Promise<void> {
    const token = query.get('t') ?? bearerToken(req.headers.authorization);
    const access = await this.o.service.authorize(token, conversationId, ['stream', 'dl']);
    if (!access.ok) {
      const status = access.error.kind === 'unauthorized' ? 401 : access.error.kind === 'not_found' ? 404 : 403;
      refuse(socket, status, status === 401 ? 'Unauthorized' : status === 404 ? 'Not Found' : 'Forbidden');
      return;
    }
    const watermark = parseWatermark(query.get('watermark') ?? '');
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const session = new StreamSession(ws, access.record, watermark, this.o.service, this.o.log);
      const set = this.sessions.get(conversationId) ?? new Set<StreamSession>();
      this.sessions.set(conversationId, set);
      set.add(session);
      if (set.size > this.maxPerConversation) {
        const oldest = set.values().next().value;
        if (oldest) oldest.ws.close(1008, 'too many streams');
      }
      ws.on('pong', () => (session.alive = true));
      ws.on('message', () => (session.alive = true));
      ws.on('error', () => ws.terminate());
      ws.on('close', () => {
        set.delete(session);
        if (set.size === 0 && this.sessions.get(conversationId) === set) this.sessions.delete(conversationId);
      });
      session.pump();
    });
  }

  private keepAlive(): void {
    for (const set of this.sessions.values()) {
      for (const session of set) {
        if (!session.alive) {
          session.ws.terminate();
          continue;
        }
        session.alive = false;
        if (session.ws.readyState !== WebSocket.OPEN) continue;
        session.ws.send('');
        session.ws.ping();
      }
    }
  }
}

/** Destroys the socket on its first error (ECONNRESET and the like) instead of leaving the error unhandled. */
export function guardSocket(socket: Duplex): void {
  if (socket.listenerCount('error') === 0) socket.on('error', () => socket.destroy());
}

function refuse(socket: Duplex, status: number, reason: string): void {
  if (socket.destroyed) return;
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
