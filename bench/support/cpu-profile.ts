import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

// Where a bot's processor time goes, from the .cpuprofile V8 writes with --cpu-prof: self time summed by
// package or project folder, and by function.

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  totalMs: number;
  /** Self time by package or project folder. */
  byArea: [string, number][];
  /** Time under each function of the project (bot/, dialogs/, services/, bench/), callees included. */
  byProjectFunction: [string, number][];
  /** Each sample charged to the nearest project function on its stack: what project code the time is for. */
  byNearestProjectArea: [string, number][];
}

const PROJECT = /^(bot|dialogs|services|bench|prompts)\//;

const ROOT = join(__dirname, '..', '..');

/** The area a script belongs to: an npm package, a folder of the project, or a Node internal. */
export function areaOfUrl(url: string): string {
  if (!url) return '(native, GC, idle)';
  if (url.startsWith('node:')) return 'node internals';
  const path = url.replace(/^file:\/\//, '');
  const nm = path.lastIndexOf(`node_modules${sep}`);
  if (nm >= 0) {
    const parts = path.slice(nm + 'node_modules/'.length).split(sep);
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  const rel = relative(ROOT, path);
  if (rel.startsWith('..')) return 'other';
  const parts = rel.split(sep);
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

export function summarizeProfile(file: string, top = 12): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byArea = new Map<string, number>();
  const byProjectFunction = new Map<string, number>();
  const byNearest = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, ms: number) => m.set(k, (m.get(k) ?? 0) + ms);
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = nodes.get(id);
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    if (!node) return;
    const { functionName, url } = node.callFrame;
    if (functionName === '(idle)' || functionName === '(program)') return;
    // The profiler's own work at the end of the window is not the bot's.
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) if (nodes.get(at)!.callFrame.url.includes('window-profiler')) return;
    total += ms;
    add(byArea, functionName === '(garbage collector)' ? '(garbage collector)' : areaOfUrl(url), ms);
    const seen = new Set<string>();
    let nearest: string | null = null;
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = nodes.get(at)!.callFrame;
      const area = areaOfUrl(frame.url);
      if (!PROJECT.test(`${area}/`) && !PROJECT.test(area)) continue;
      const fn = `${frame.functionName || '(anonymous)'} ${relative(ROOT, frame.url.replace(/^file:\/\//, ''))}:${frame.lineNumber + 1}`;
      nearest ??= area;
      if (!seen.has(fn)) {
        seen.add(fn);
        add(byProjectFunction, fn, ms);
      }
    }
    add(byNearest, nearest ?? (functionName === '(garbage collector)' ? '(garbage collector)' : `framework only: ${areaOfUrl(url)}`), ms);
  });
  const sorted = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  return { totalMs: total, byArea: sorted(byArea), byProjectFunction: sorted(byProjectFunction), byNearestProjectArea: sorted(byNearest) };
}

export function profilesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => join(dir, f));
}
