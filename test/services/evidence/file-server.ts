import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface TestServer {
  /** `http://<host>:<port>` */
  origin: string;
  port: number;
  /** Every request received, as `METHOD path`, with its headers. */
  requests: { line: string; headers: IncomingMessage['headers'] }[];
  route(path: string, handler: Handler): void;
  close(): Promise<void>;
}

/** A real HTTP server on an ephemeral port; unknown paths answer 404. */
export async function startServer(host = '127.0.0.1', originHost = host): Promise<TestServer> {
  const routes = new Map<string, Handler>();
  const requests: TestServer['requests'] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    requests.push({ line: `${req.method} ${req.url}`, headers: req.headers });
    const handler = routes.get(req.url ?? '');
    if (handler) handler(req, res);
    else {
      // Not chained: restify, loaded by other suites in the same worker, replaces writeHead with one that returns nothing.
      res.writeHead(404);
      res.end();
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${originHost}:${port}`,
    port,
    requests,
    route: (path, handler) => routes.set(path, handler),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export const serve =
  (body: Buffer, headers: Record<string, string | number> = {}): Handler =>
  (_req, res) => {
    res.writeHead(200, { 'content-length': body.length, ...headers });
    res.end(body);
  };

export const redirect =
  (location: string, status = 302): Handler =>
  (_req, res) => {
    res.writeHead(status, { location });
    res.end();
  };
