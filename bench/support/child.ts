import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';

// Child processes of the benchmark (the bots under test and the counting proxy), started through ts-node and
// spoken to over IPC: each says {type: 'ready', ...} once it listens, answers {id, ...} to requests, and
// exits when sent {op: 'stop'}.

export interface Child<Ready> {
  ready: Ready;
  pid: number;
  request<T>(message: Record<string, unknown>): Promise<T>;
  stop(): Promise<void>;
}

const ROOT = join(__dirname, '..', '..');

export interface ChildOptions {
  /** Each line the child writes (stdout and stderr), instead of passing it through to this process's own. */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
}

export function startChild<Ready extends { type: 'ready' }>(entry: string, env: Record<string, string>, timeoutMs = 60_000, options: ChildOptions = {}): Promise<Child<Ready>> {
  const child: ChildProcess = fork(join(ROOT, entry), [], {
    cwd: ROOT,
    env,
    execArgv: ['-r', 'ts-node/register/transpile-only', '--no-deprecation'],
    stdio: ['ignore', options.onLine ? 'pipe' : 'inherit', options.onLine ? 'pipe' : 'inherit', 'ipc'],
  });
  if (options.onLine) {
    const onLine = options.onLine;
    for (const stream of ['stdout', 'stderr'] as const) {
      let rest = '';
      child[stream]?.setEncoding('utf8');
      child[stream]?.on('data', (chunk: string) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) if (line.trim()) onLine(line, stream);
      });
    }
  }
  let nextId = 0;
  const waiting = new Map<number, (value: unknown) => void>();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`${entry} did not start within ${timeoutMs} ms`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited with code ${code} before it was ready`));
    });
    child.on('message', (m: { type?: string; id?: number }) => {
      if (m.type === 'ready') {
        clearTimeout(timer);
        resolve({
          ready: m as Ready,
          pid: child.pid ?? 0,
          request<T>(message: Record<string, unknown>): Promise<T> {
            const id = ++nextId;
            return new Promise<T>((done) => {
              waiting.set(id, done as (value: unknown) => void);
              child.send({ ...message, id });
            });
          },
          async stop() {
            if (child.exitCode !== null) return;
            child.send({ op: 'stop' });
            const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
            await exited;
            clearTimeout(killer);
          },
        });
      } else if (typeof m.id === 'number') {
        waiting.get(m.id)?.(m);
        waiting.delete(m.id);
      }
    });
  });
}
