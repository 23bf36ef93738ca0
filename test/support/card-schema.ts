import Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Validates Adaptive Cards against the 1.5 JSON Schema kept in ../shared/schemas (draft-06, `id` keyword,
// `features` / `version` annotations: unknown keywords allowed).

const SCHEMA_DIR = join(__dirname, '..', '..', '..', 'shared', 'schemas');
let validator: ValidateFunction | null = null;

function cardValidator(): ValidateFunction {
  if (validator) return validator;
  const schema = JSON.parse(readFileSync(join(SCHEMA_DIR, 'adaptive-card-1.5.json'), 'utf8')) as Record<string, unknown>;
  // draft-06 uses `id`; Ajv 8 expects `$id` and the draft-07 meta-schema, which reads draft-06 schemas as they are.
  const { id, $schema: _ignored, ...rest } = schema as { id?: string; $schema?: string };
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  validator = ajv.compile({ ...rest, ...(id ? { $id: id } : {}) });
  return validator;
}

export function cardErrors(card: unknown): string[] {
  const validate = cardValidator();
  if (validate(card)) return [];
  return (validate.errors ?? []).slice(0, 20).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

/** Every Adaptive Card attachment in the replies, validated; returns the cards. */
export function expectValidCards(replies: { attachments?: { contentType?: string; content?: unknown }[] }[]): unknown[] {
  const cards = replies.flatMap((r) => (r.attachments ?? []).filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive').map((a) => a.content));
  for (const card of cards) {
    const errors = cardErrors(card);
    if (errors.length > 0) throw new Error(`invalid Adaptive Card:\n${errors.join('\n')}\n${JSON.stringify(card, null, 2)}`);
  }
  return cards;
}
