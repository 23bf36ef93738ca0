import { spawn, type ChildProcess } from 'node:child_process';
import { compiled } from './compile';

// One real server process (scripts/chaos/server.ts) that a test can kill -9 and start again.

export interface ServerInfo {
  url: string;
  admin: string;
  pid: number;
}

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export class ServerProcess {
  readonly exited: Promise<ExitInfo>;
  /** The last lines it wrote (stdout and stderr), for failure messages. */
  readonly tail: string[] = [];
  private exitInfo: ExitInfo | null = null;

  private constructor(
    private readonly child: ChildProcess,
    readonly info: ServerInfo,
  ) {
    this.exited = new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
      child.once('exit', (code, signal) => resolve({ code, signal }));
    });
    void this.exited.then((e) => (this.exitInfo = e));
  }

  get alive(): boolean {
    return this.exitInfo === null;
  }

  /** Starts the chaos server with `env` (on top of a quiet default) and waits until it listens. */
  static async start(env: Record<string, string>, timeoutMs = 20_000): Promise<ServerProcess> {
    const entry = compiled('scripts/chaos/server.ts');
    const child = spawn(process.execPath, ['--no-deprecation', entry], {
      env: {
        PATH: process.env.PATH ?? '',
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'warn',
        EVIDENCE_DIR: '/tmp/refund-desk-chaos-evidence',
        RETURN_POLL_INTERVAL_MS: '3600000',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const tail: string[] = [];
    const keep = (chunk: Buffer): void => {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) tail.push(line.slice(0, 500));
      if (tail.length > 40) tail.splice(0, tail.length - 40);
    };
    child.stderr!.on('data', keep);
    const info = await new Promise<ServerInfo>((resolve, reject) => {
      let buffered = '';
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`chaos server did not start within ${timeoutMs} ms:\n${tail.join('\n')}`));
      }, timeoutMs);
      child.stdout!.on('data', (chunk: Buffer) => {
        keep(chunk);
        buffered += chunk.toString('utf8');
        let nl: number;
        while ((nl = buffered.indexOf('\n')) >= 0) {
          const line = buffered.slice(0, nl);
          buffered = buffered.slice(nl + 1);
          if (!line.includes('"chaos_ready"')) continue;
          clearTimeout(timer);
          resolve(JSON.parse(line) as ServerInfo);
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`chaos server exited (${code ?? signal}) before it was ready:\n${tail.join('\n')}`));
      });
    });
    const server = new ServerProcess(child, info);
    server.tail.push(...tail);
    child.stdout!.on('data', (c: Buffer) => keepInto(server.tail, c));
    child.stderr!.on('data', (c: Buffer) => keepInto(server.tail, c));
    return server;
  }

  /** kill -9: no shutdown code runs. */
  async kill9(): Promise<ExitInfo> {
    if (this.alive) this.child.kill('SIGKILL');
    return this.exited;
  }

  /** A clean stop (SIGTERM), or kill -9 if it does not stop in time. */
  async stop(timeoutMs = 8_000): Promise<ExitInfo> {
    if (!this.alive) return this.exited;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    try {
      return await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }
}

function keepInto(tail: string[], chunk: Buffer): void {
  for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) tail.push(line.slice(0, 500));
  if (tail.length > 40) tail.splice(0, tail.length - 40);
}
