import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import type { AddressInfo, Server as TcpServer, Socket } from 'node:net';

// HTTP servers on loopback that count every request they get: one plays the channel's attachment host (it
// serves files, bombs and redirects), another plays a host evidence must never be fetched from. A count of
// zero on the second proves no request was made there, not merely that the answer was refused.

export type Route = (req: IncomingMessage, res: ServerResponse, server: CountingServer) => unknown;

export class CountingServer {
  readonly requests: { method: string; path: string }[] = [];
  /** Bytes written in answers, by path (what left this server, not what the client kept). */
  readonly bytesSent = new Map<string, number>();
  private readonly sockets = new Set<Socket>();
  private port = 0;

  private constructor(
    private readonly server: Server,
    private readonly routes: Map<string, Route>,
  ) {}

  static async start(routes: Record<string, Route> = {}): Promise<CountingServer> {
    const table = new Map(Object.entries(routes));
    let self!: CountingServer;
    const server = createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0]!;
      self.requests.push({ method: req.method ?? 'GET', path });
      const route = table.get(path);
      if (!route) {
        res.writeHead(404);
        res.end();
        return;
      }
      void Promise.resolve(route(req, res, self)).catch(() => res.destroy());
    });
    self = new CountingServer(server, table);
    server.on('connection', (s) => {
      self.sockets.add(s);
      s.on('close', () => self.sockets.delete(s));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    self.port = (server.address() as AddressInfo).port;
    return self;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get portNumber(): number {
    return this.port;
  }

  count(path?: string): number {
    return path === undefined ? this.requests.length : this.requests.filter((r) => r.path === path).length;
  }

  route(path: string, route: Route): void {
    this.routes.set(path, route);
  }

  /** Writes `chunk` and counts it. */
  send(res: ServerResponse, path: string, chunk: Buffer): boolean {
    this.bytesSent.set(path, (this.bytesSent.get(path) ?? 0) + chunk.length);
    return res.write(chunk);
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/**
 * A server that answers every connection with the same raw bytes, whatever was asked (for responses Node's
 * HTTP server will not write: a Content-Length that lies). Counts connections.
 */
export class RawServer {
  connections = 0;
  bytesWritten = 0;
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: TcpServer,
    readonly port: number,
  ) {}

  static async start(answer: (socket: Socket, raw: RawServer) => void): Promise<RawServer> {
    let self!: RawServer;
    const server = createTcpServer((socket) => {
      self.connections += 1;
      self.sockets.add(socket);
      socket.on('close', () => self.sockets.delete(socket));
      socket.on('error', () => socket.destroy());
      socket.once('data', () => answer(socket, self));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    self = new RawServer(server, (server.address() as AddressInfo).port);
    return self;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Writes until the client stops reading or `total` bytes are out, in 64 KB chunks. */
  pump(socket: Socket, head: Buffer, filler: Buffer, total: number): void {
    socket.write(head);
    let sent = 0;
    const more = (): void => {
      while (sent < total && !socket.destroyed) {
        const chunk = filler.subarray(0, Math.min(filler.length, total - sent));
        sent += chunk.length;
        this.bytesWritten += chunk.length;
        if (!socket.write(chunk)) {
          socket.once('drain', more);
          return;
        }
      }
      if (!socket.destroyed) socket.end();
    };
    more();
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
