// Accuracy of the offline recognizer on labelled sets, with the misread utterances listed.
// Usage: npx ts-node --transpile-only test/services/nlu/score.ts [--quiet] dev-set.jsonl [more.jsonl ...]
// --quiet prints the numbers only (for a held-out set whose errors must not steer the tuning).
import { OfflineRecognizer, toCoreIntent } from '../../../services/nlu';
import { loadLabelled } from './labelled-sets';

const args = process.argv.slice(2);
const quiet = args.includes('--quiet');
const started = process.hrtime.bigint();
const recognizer = new OfflineRecognizer();
const builtMs = Number(process.hrtime.bigint() - started) / 1e6;
console.log(`built in ${builtMs.toFixed(1)} ms`);

for (const name of args.filter((a) => !a.startsWith('--'))) {
  const rows = loadLabelled(name);
  const wrong: string[] = [];
  const byLang = { zh: [0, 0], en: [0, 0] };
  const confusions = new Map<string, number>();
  for (const row of rows) {
    const r = recognizer.recognizeSync(row.text);
    const got = toCoreIntent(r.intent);
    const ok = got === row.intent;
    byLang[row.lang][1]!++;
    if (ok) byLang[row.lang][0]!++;
    else {
      wrong.push(`  ${row.intent.padEnd(16)} -> ${got.padEnd(16)} ${r.confidence.toFixed(2)}  ${row.text}`);
      const k = `${row.intent} -> ${got}`;
      confusions.set(k, (confusions.get(k) ?? 0) + 1);
    }
  }
  const pct = (a: number, b: number): string => `${((100 * a) / b).toFixed(1)}% (${a}/${b})`;
  const right = byLang.zh[0]! + byLang.en[0]!;
  console.log(`${name}: ${pct(right, rows.length)}  zh ${pct(byLang.zh[0]!, byLang.zh[1]!)}  en ${pct(byLang.en[0]!, byLang.en[1]!)}`);
  if (!quiet) {
    console.log(wrong.join('\n'));
    console.log([...confusions].sort((a, b) => b[1] - a[1]).map(([k, n]) => `  ${n} x ${k}`).join('\n'));
  }
}
