import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CoreIntent } from '../../../services/nlu';

export interface Labelled {
  text: string;
  intent: CoreIntent;
  lang: 'zh' | 'en';
}

/** One JSON object a line; lines starting with `//` carry the set's labelling rules. */
export function loadLabelled(name: string): Labelled[] {
  return readFileSync(join(__dirname, name), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.trimStart().startsWith('//'))
    .map((l) => JSON.parse(l) as Labelled);
}
