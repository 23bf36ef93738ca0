import type { HostileRequest } from './hostile-activities';

// Sends generated requests a few at a time and keeps what an attack report needs: how many, how long, the
// statuses by kind of attack, and the requests that got a 5xx or no answer at all.

export interface FuzzFinding {
  kind: string;
  status: number | null;
  request: string;
  answer: string;
}

export interface FuzzReport {
  sent: number;
  ms: number;
  byStatus: Record<string, number>;
  byKind: Record<string, Record<string, number>>;
  findings: FuzzFinding[];
}

const clip = (s: string, n = 400): string => (s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s);

export async function sendAll(url: string, requests: readonly HostileRequest[], options: { concurrency?: number; timeoutMs?: number } = {}): Promise<FuzzReport> {
  const started = Date.now();
  const report: FuzzReport = { sent: 0, ms: 0, byStatus: {}, byKind: {}, findings: [] };
  let next = 0;
  const worker = async (): Promise<void> => {
    for (;;) {
      const i = next++;
      if (i >= requests.length) return;
      const r = requests[i]!;
      let status: number | null = null;
      let answer = '';
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: r.contentType ? { 'content-type': r.contentType } : {},
          body: r.body,
          signal: AbortSignal.timeout(options.timeoutMs ?? 20_000),
        });
        status = res.status;
        answer = await res.text();
      } catch (err) {
        answer = `no answer: ${String(err)}`;
      }
      report.sent += 1;
      const key = status === null ? 'none' : String(status);
      report.byStatus[key] = (report.byStatus[key] ?? 0) + 1;
      const kind = (report.byKind[r.kind] ??= {});
      kind[key] = (kind[key] ?? 0) + 1;
      if (status === null || status >= 500) {
        const body = typeof r.body === 'string' ? r.body : r.body.toString('latin1');
        report.findings.push({ kind: r.kind, status, request: clip(body), answer: clip(answer) });
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
  report.ms = Date.now() - started;
  return report;
}

/** One line per kind: `kind  200×n 400×m`. */
export function summarize(report: FuzzReport): string {
  const kinds = Object.entries(report.byKind)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, statuses]) => `  ${kind.padEnd(48)} ${Object.entries(statuses).map(([s, n]) => `${s}×${n}`).join(' ')}`);
  return [`${report.sent} requests in ${(report.ms / 1000).toFixed(1)} s: ${JSON.stringify(report.byStatus)}`, ...kinds].join('\n');
}
