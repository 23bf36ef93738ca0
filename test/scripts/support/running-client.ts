import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';

// A terminal client (buyer or staff) as a separate process: lines typed in, the rendered conversation read back.

const root = join(__dirname, '..', '..', '..');

export interface RunningClient {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  /** Waits until the output (from character `from` on) matches. */
  waitFor: (pattern: RegExp, from?: number, timeoutMs?: number) => Promise<RegExpMatchArray>;
  /** Types one line. */
  type: (line: string) => void;
  exited: Promise<number | null>;
}

/** Starts `script` (relative to the project root) with `args`. */
export function startClient(script: string, args: string[]): RunningClient {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', script, ...args], { cwd: root, env: { ...process.env } });
  let stdout = '';
  const listeners = new Set<() => void>();
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString('utf8');
    for (const l of listeners) l();
  });
  child.stderr.on('data', (d: Buffer) => (stdout += `[stderr] ${d.toString('utf8')}`));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const waitFor = (pattern: RegExp, from = 0, timeoutMs = 20_000) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const m = stdout.slice(from).match(pattern);
        if (!m) return;
        listeners.delete(check);
        clearTimeout(timer);
        resolve(m);
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`no ${pattern} in the client's output:\n${stdout}`));
      }, timeoutMs);
      listeners.add(check);
      check();
    });
  return { child, output: () => stdout, waitFor, type: (line) => child.stdin.write(`${line}\n`), exited };
}
