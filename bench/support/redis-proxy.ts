import { createServer, connect } from 'node:net';
import type { Server, Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { RespCommandParser } from './resp-parser';
import type { ParsedCommand } from './resp-parser';

// A TCP proxy in front of Redis that counts what clients send: commands, and round trips. A round trip is one
// chunk written by a client that completes at least one command: a pipelined batch written at once counts
// once, however many commands it holds. Counts are kept per label (what the commands were for).

export interface ProxyStats {
  commands: number;
  roundTrips: number;
  connections: number;
  /** Commands under their own label; round trips under the label of the batch (labels joined by " + "). */
  commandsByLabel: Record<string, number>;
  roundTripsByLabel: Record<string, number>;
}

export interface CountingRedisProxyOptions {
  target: { host: string; port: number };
  label: (cmd: ParsedCommand) => string;
  host?: string;
  port?: number;
}

export class CountingRedisProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private stats: ProxyStats = { commands: 0, roundTrips: 0, connections: 0, commandsByLabel: {}, roundTripsByLabel: {} };
  private lastTraffic = Date.now();

  constructor(private readonly options: CountingRedisProxyOptions) {}

  /** Starts listening; returns the redis:// address clients should use instead of the real server. */
  async start(): Promise<string> {
    const server = createServer((client) => this.accept(client));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port ?? 0, this.options.host ?? '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    return `redis://${this.options.host ?? '127.0.0.1'}:${port}`;
  }

  snapshot(): ProxyStats {
    return structuredClone(this.stats);
  }

  /** Waits until no byte has moved either way for `quietMs` (at most `maxMs`), then takes a snapshot. */
  async settle(quietMs: number, maxMs = 2_000): Promise<ProxyStats> {
    const started = Date.now();
    while (Date.now() - this.lastTraffic < quietMs && Date.now() - started < maxMs) {
      await new Promise((resolve) => setTimeout(resolve, Math.max(1, quietMs - (Date.now() - this.lastTraffic))));
    }
    return this.snapshot();
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private accept(client: Socket): void {
    const upstream = connect(this.options.target.port, this.options.target.host);
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    this.sockets.add(client);
    this.sockets.add(upstream);
    this.stats.connections += 1;
    const parser = new RespCommandParser();
    client.on('data', (chunk: Buffer) => {
      this.lastTraffic = Date.now();
      upstream.write(chunk);
      let commands: ParsedCommand[];
      try {
        commands = parser.push(chunk);
      } catch {
        commands = [];
      }
      if (commands.length > 0) this.count(commands);
    });
    upstream.on('data', (chunk: Buffer) => {
      this.lastTraffic = Date.now();
      client.write(chunk);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    client.on('close', end);
    upstream.on('close', end);
    client.on('error', end);
    upstream.on('error', end);
  }

  private count(commands: ParsedCommand[]): void {
    const labels = commands.map((c) => this.options.label(c));
    for (const label of labels) this.stats.commandsByLabel[label] = (this.stats.commandsByLabel[label] ?? 0) + 1;
    const batch = [...new Set(labels)].sort().join(' + ');
    this.stats.roundTripsByLabel[batch] = (this.stats.roundTripsByLabel[batch] ?? 0) + 1;
    this.stats.commands += commands.length;
    this.stats.roundTrips += 1;
  }
}

/** What happened between two snapshots. */
export function statsDelta(after: ProxyStats, before: ProxyStats): ProxyStats {
  const diff = (a: Record<string, number>, b: Record<string, number>) =>
    Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v - (b[k] ?? 0)]).filter(([, v]) => (v as number) !== 0)) as Record<string, number>;
  return {
    commands: after.commands - before.commands,
    roundTrips: after.roundTrips - before.roundTrips,
    connections: after.connections - before.connections,
    commandsByLabel: diff(after.commandsByLabel, before.commandsByLabel),
    roundTripsByLabel: diff(after.roundTripsByLabel, before.roundTripsByLabel),
  };
}
