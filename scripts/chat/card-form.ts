import type { CardInput } from './choices';

// The fields of an Adaptive Card, asked one at a time in a terminal before the button that carries them is sent.
// A bad answer is explained and the same field asked again; the answers come out as the card would send them.

export type InputAnswer = { ok: true; value: string | undefined } | { ok: false; error: string };

export type FormStep = { kind: 'ask'; lines: string[] } | { kind: 'done'; answers: Record<string, string> };

export class CardForm {
  private index = 0;
  private readonly answers: Record<string, string> = {};

  constructor(private readonly inputs: readonly CardInput[]) {
    if (inputs.length === 0) throw new Error('a card form needs at least one input');
  }

  /** The line asking for the current field, with what may be typed. */
  question(): string {
    const input = this.inputs[this.index]!;
    const hints: string[] = [];
    if (input.options) hints.push(input.options.map((o, i) => `${i + 1}=${o.title}`).join(', '));
    if (input.kind === 'toggle') hints.push('y/n');
    if (input.kind === 'number' || input.kind === 'date' || input.kind === 'time') hints.push(input.kind);
    if (input.preset !== undefined) hints.push(`empty keeps ${input.preset}`);
    else if (!input.required) hints.push('empty skips');
    return `  ${input.label}${hints.length ? ` (${hints.join('; ')})` : ''}:`;
  }

  /** Takes the answer to the current field: the next question, or every answer once the last field is done. */
  answer(line: string): FormStep {
    const input = this.inputs[this.index]!;
    const parsed = parseInputAnswer(input, line);
    if (!parsed.ok) return { kind: 'ask', lines: [`  ${parsed.error}`, this.question()] };
    if (parsed.value !== undefined) this.answers[input.id] = parsed.value;
    this.index += 1;
    if (this.index < this.inputs.length) return { kind: 'ask', lines: [this.question()] };
    return { kind: 'done', answers: { ...this.answers } };
  }
}

/** A typed answer to a card input, as the card would have sent it. */
export function parseInputAnswer(input: CardInput, line: string): InputAnswer {
  const answer = line.trim();
  if (answer === '') {
    if (input.preset !== undefined) return { ok: true, value: input.preset };
    if (input.kind === 'toggle') return { ok: true, value: input.valueOff ?? 'false' };
    return input.required ? { ok: false, error: 'an answer is needed here' } : { ok: true, value: undefined };
  }
  switch (input.kind) {
    case 'number':
      return Number.isFinite(Number(answer)) ? { ok: true, value: answer } : { ok: false, error: `"${answer}" is not a number` };
    case 'toggle': {
      if (/^(y|yes|true|1|是|好|对)$/iu.test(answer)) return { ok: true, value: input.valueOn ?? 'true' };
      if (/^(n|no|false|0|否|不)$/iu.test(answer)) return { ok: true, value: input.valueOff ?? 'false' };
      return { ok: false, error: 'answer y or n' };
    }
    case 'choice': {
      const options = input.options ?? [];
      const picks = input.multiSelect ? answer.split(/[\s,，]+/u).filter(Boolean) : [answer];
      const values: string[] = [];
      for (const pick of picks) {
        const byNumber = /^\d+$/.test(pick) ? options[Number(pick) - 1] : undefined;
        const found = byNumber ?? options.find((o) => o.value === pick || o.title.toLowerCase() === pick.toLowerCase());
        if (!found) return { ok: false, error: `"${pick}" is not one of the choices` };
        values.push(found.value);
      }
      return { ok: true, value: values.join(',') };
    }
    default:
      return { ok: true, value: answer };
  }
}
