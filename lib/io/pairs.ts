/**
 * Sentence pairs as JSON Lines, one `{"a": "…", "b": "…"}` a line, for
 * `parallax diff`. Lines are checked one by one: a bad line is reported by
 * number with the reason and the others are still read.
 */
import { jsonObjectLine, type LineError } from './jsonl';

export interface SentencePair {
  line: number;
  a: string;
  b: string;
}

export function parsePairLines(text: string): { pairs: SentencePair[]; errors: LineError[] } {
  const pairs: SentencePair[] = [];
  const errors: LineError[] = [];
  text.split(/\r?\n/).forEach((raw, k) => {
    const line = k + 1;
    const parsed = jsonObjectLine(raw);
    if (!parsed) return;
    const fail = (message: string): void => void errors.push({ line, message: `line ${line}: ${message}` });
    if (!parsed.ok) return fail(parsed.error);
    const o = parsed.value;
    for (const key of ['a', 'b'] as const) {
      if (o[key] === undefined || o[key] === null) return fail(`missing "${key}"`);
      if (typeof o[key] !== 'string') return fail(`"${key}" is not a string`);
      if (!(o[key] as string).trim()) return fail(`"${key}" is empty`);
    }
    pairs.push({ line, a: o.a as string, b: o.b as string });
  });
  return { pairs, errors };
}
