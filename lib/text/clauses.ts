/**
 * Clause segments of a sentence: the stretches between the places where one
 * proposition ends and another may begin. A news sentence often packs several
 * claims ("Hooded youths hurled petrol bombs at stores, setting the bank
 * ablaze"; "Three people died after rioters set fire to a bank"), and another
 * report may share only one of them. The cuts are surface cues, no parser:
 * - hard punctuation between two words: ; : ( ) dashes, quotation marks;
 * - a comma before a word that opens a clause (a subordinator, a relative
 *   pronoun, a conjunction, "according", a participle in -ing);
 * - a subordinator or relative pronoun even without a comma ("died after
 *   rioters set fire", "the man who killed four people");
 * - after a verb of saying ("Police said | three people were killed").
 * Segments are returned as token index ranges; a segment may be short, and
 * the claim features consider runs of adjacent segments too.
 */
import type { SentenceAnalysis } from './analyse';
import { SPEECH_VERBS } from './cues';

/** Words that open a clause wherever they stand. */
const SUBORDINATORS: ReadonlySet<string> = new Set(
  'after while because although though whereas unless until since before which who whom whose where'.split(' '),
);

/** Words that open a clause after a comma. */
const AFTER_COMMA: ReadonlySet<string> = new Set([
  ...SUBORDINATORS,
  ...'when as but and or so yet including according amid despite'.split(' '),
]);

// Punctuation between two words that always ends a clause: ; : brackets, dashes, quotation marks.
const HARD = /[;:()[\]—–"“”«»]|\s-\s|(?:^|\s)['‘]|['’](?:\s|$)/u;

/** Token index where each clause segment starts, ascending, the first 0 (empty for a sentence without tokens). */
export function clauseStarts(an: SentenceAnalysis): number[] {
  const toks = an.tokens;
  if (!toks.length) return [];
  const out = [0];
  for (let k = 1; k < toks.length; k++) {
    const t = toks[k]!;
    const prev = toks[k - 1]!;
    const gap = an.text.slice(prev.end, t.start);
    const comma = gap.includes(',');
    const cut =
      HARD.test(gap) ||
      SUBORDINATORS.has(t.norm) ||
      (comma && (AFTER_COMMA.has(t.norm) || (t.norm.length > 4 && t.norm.endsWith('ing')))) ||
      (!prev.isCapitalized && SPEECH_VERBS.has(prev.norm));
    if (cut) out.push(k);
  }
  return out;
}
