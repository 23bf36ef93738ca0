import { mkdirSync, readdirSync, renameSync, statSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

// Server processes are started and killed hundreds of times: compiling the sources on every start (ts-node) costs
// seconds each time, so the sources are transpiled once (per change) into a cache inside node_modules, where the
// compiled files still resolve the project's dependencies. Transpile-only, like ts-node --transpile-only:
// isolatedModules guarantees each file compiles on its own.

export const ROOT = join(__dirname, '..', '..', '..');
const OUT = join(ROOT, 'node_modules', '.cache', 'refund-desk-chaos');
const TREES = ['bot', 'dialogs', 'services', 'prompts', join('scripts', 'chaos')];

function sources(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const OPTIONS: ts.CompilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  esModuleInterop: true,
  isolatedModules: true,
  sourceMap: false,
};

/** Transpiles what changed since the last call and returns the path of the compiled `entry` (relative to the repo). */
export function compiled(entry: string): string {
  for (const tree of TREES) {
    for (const src of sources(join(ROOT, tree))) {
      const rel = relative(ROOT, src);
      const target = join(OUT, rel.replace(/\.ts$/, '.js'));
      if (existsSync(target) && statSync(target).mtimeMs >= statSync(src).mtimeMs) continue;
      const js = ts.transpileModule(readFileSync(src, 'utf8'), { compilerOptions: OPTIONS, fileName: src }).outputText;
      mkdirSync(dirname(target), { recursive: true });
      // Two test workers may compile at once: write aside, then rename (atomic on one file system).
      const temp = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      writeFileSync(temp, js);
      renameSync(temp, target);
    }
  }
  return join(OUT, entry.replace(/\.ts$/, '.js'));
}
