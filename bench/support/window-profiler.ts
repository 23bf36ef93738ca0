import { Session } from 'node:inspector';
import { writeFileSync } from 'node:fs';

// Profiles a bot process for exactly the benchmark's measured window: the benchmark sends {op: 'profile-start'}
// and {op: 'profile-stop', file}; the V8 profile is written to that file.

let session: Session | null = null;

function post(method: string, params?: object): Promise<unknown> {
  return new Promise((resolve, reject) => session!.post(method, params ?? {}, (err, result) => (err ? reject(err) : resolve(result))));
}

/** Handles the profiler's IPC requests; returns false for any other message. */
export function handleProfilerMessage(m: { op?: string; id?: number; file?: string }): boolean {
  if (m.op === 'profile-start') {
    session = new Session();
    session.connect();
    void post('Profiler.enable')
      .then(() => post('Profiler.setSamplingInterval', { interval: 200 }))
      .then(() => post('Profiler.start'))
      .then(() => process.send!({ id: m.id }));
    return true;
  }
  if (m.op === 'profile-stop') {
    void post('Profiler.stop').then((result) => {
      writeFileSync(m.file!, JSON.stringify((result as { profile: unknown }).profile));
      session!.disconnect();
      session = null;
      process.send!({ id: m.id });
    });
    return true;
  }
  return false;
}
