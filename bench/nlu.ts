// Speed of the offline recognizer (a benchmark, not a test): model build time and time per utterance over the
// development set. Run: npm run bench:nlu
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OfflineRecognizer } from '../services/nlu';

const lines = readFileSync(join(__dirname, '..', 'test', 'services', 'nlu', 'dev-set.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('//'))
  .map((l) => (JSON.parse(l) as { text: string }).text);

const builds = [0, 1, 2, 3, 4].map(() => {
  const started = process.hrtime.bigint();
  new OfflineRecognizer();
  return Number(process.hrtime.bigint() - started) / 1e6;
});
const recognizer = new OfflineRecognizer();
for (const t of lines) recognizer.recognizeSync(t);
const rounds = 5;
const started = process.hrtime.bigint();
for (let r = 0; r < rounds; r++) for (const t of lines) recognizer.recognizeSync(t);
const perUtterance = Number(process.hrtime.bigint() - started) / 1e6 / (lines.length * rounds);

console.log(`offline recognizer on ${lines.length} utterances (${new Date().toISOString()}, node ${process.version})`);
console.log(`model build: best ${Math.min(...builds).toFixed(1)} ms, median ${[...builds].sort((a, b) => a - b)[2]!.toFixed(1)} ms`);
console.log(`recognition: ${(perUtterance * 1000).toFixed(1)} µs per utterance`);
