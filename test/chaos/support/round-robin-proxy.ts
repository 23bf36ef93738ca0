import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A load balancer in front of several bot instances: each HTTP request goes to the next instance in turn (not each
// connection: clients keep connections alive, and turn-by-turn alternation is the point). It records which
// instance served which conversation's turn.

export interface ProxiedTurn {
  backend: number;
  conversationId: string | null;
  status: number;
}

export class RoundRobinProxy {
  readonly turns: ProxiedTurn[] = [];
  private next = 0;
  private url = '';

  private constructor(
    private readonly server: Server,
    private backends: string[],
  ) {}

  static async start(backends: string[]): Promise<RoundRobinProxy> {
    let proxy!: RoundRobinProxy;
    const server = createServer((req, res) => proxy.forward(req, res));
    proxy = new RoundRobinProxy(server, backends);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return proxy;
  }

  get baseUrl(): string {
    return this.url;
  }

  /** After a restart an instance has a new address. */
  setBackends(backends: string[]): void {
    this.backends = backends;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private forward(req: IncomingMessage, res: ServerResponse): void {
    const backend = this.next++ % this.backends.length;
    const target = new URL(req.url ?? '/', this.backends[backend]);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      let conversationId: string | null = null;
      try {
        conversationId = (JSON.parse(body.toString('utf8')) as { conversation?: { id?: string } }).conversation?.id ?? null;
      } catch {
        // not JSON
      }
      const upstream = request(
        target,
        { method: req.method, headers: { ...req.headers, host: target.host, 'content-length': String(body.length) }, agent: false },
        (answer: IncomingMessage) => {
          this.turns.push({ backend, conversationId, status: answer.statusCode ?? 0 });
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => {
        this.turns.push({ backend, conversationId, status: 502 });
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'bad_gateway' }));
      });
      upstream.end(body);
    });
  }
}
