import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';

// Child processes of the benchmark (the bots under test and the counting proxy), started through ts-node and
// spoken to over IPC: each says {type: 'ready', ...} once it listens, answers {id, ...} to requests, and
// exits when sent {op: 'stop'}.

export interface Child<Ready> {
  ready: Ready;
  request<T>(message: Record<string, unknown>): Promise<T>;
  stop(): Promise<void>;
}

const ROOT = join(__dirname, '..', '..');

export function startChild<Ready extends { type: 'ready' }>(entry: string, env: Record<string, string>, timeoutMs = 60_000): Promise<Child<Ready>> {
  const child: ChildProcess = fork(join(ROOT, entry), [], {
    cwd: ROOT,
    env,
    execArgv: ['-r', 'ts-node/register/transpile-only', '--no-deprecation'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
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
