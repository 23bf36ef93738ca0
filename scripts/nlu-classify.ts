import { createInterface } from 'node:readline';
import { createRecognizer, toCoreIntent } from '../services/nlu';

// Reads JSON lines {"text": "..."} on stdin, writes one JSON line per input:
// {"intent": ..., "confidence": 0..1, "entities": {...}}. Blank lines are skipped; a line that is not
// JSON or has no "text" string gets {"error": ...} and the run goes on. Only the eight core intents are
// reported: the dialog-only answers (confirm, deny, rate) come out as "other".
// Offline unless OPENAI_API_KEY is set (then OPENAI_BASE_URL and OPENAI_MODEL are honoured too): this
// script is its own entry point, so it reads its environment itself.

async function main(): Promise<void> {
  const env = process.env;
  const recognizer = createRecognizer({
    ...(env.OPENAI_API_KEY ? { apiKey: env.OPENAI_API_KEY } : {}),
    ...(env.OPENAI_BASE_URL ? { baseUrl: env.OPENAI_BASE_URL } : {}),
    ...(env.OPENAI_MODEL ? { model: env.OPENAI_MODEL } : {}),
  });
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    let text: unknown;
    try {
      const parsed: unknown = JSON.parse(line);
      text = parsed !== null && typeof parsed === 'object' ? (parsed as { text?: unknown }).text : undefined;
    } catch (error) {
      write({ error: `invalid JSON: ${(error as Error).message}` });
      continue;
    }
    if (typeof text !== 'string') {
      write({ error: 'expected an object with a "text" string' });
      continue;
    }
    try {
      const r = await recognizer.recognize(text);
      write({ intent: toCoreIntent(r.intent), confidence: r.confidence, entities: r.entities });
    } catch (error) {
      write({ error: `recognition failed: ${(error as Error).message}` });
    }
  }
}

function write(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
