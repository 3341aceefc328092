/**
 * The reasons a reader is shown for a link, checked against the differences
 * shown beside them: a reason the card contradicts on the same pair is left
 * out ("same quotation" beside "quoted differently", "same figures (5,000)"
 * beside "5,000 · 4,000", a name beside its other spelling).
 */
import type { Difference, MatchReason } from '../types';

export function consistentReasons(reasons: readonly MatchReason[], differences: readonly Difference[]): MatchReason[] {
  const sides = (kind: Difference['kind']): string[] =>
    differences.filter((d) => d.kind === kind).flatMap((d) => [d.a, d.b].map((s) => s.toLowerCase()));
  const numbers = sides('number');
  const names = sides('name-spelling');
  // Words as written, without the punctuation around them: "5,000" stays one word.
  const words = (s: string): string[] =>
    s
      .toLowerCase()
      .split(/\s+/)
      .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
      .filter(Boolean);
  const out: MatchReason[] = [];
  for (const r of reasons) {
    if (r.kind === 'quotation' && differences.some((d) => d.kind === 'quote-wording')) continue;
    let evidence = r.evidence;
    if (r.kind === 'numbers') evidence = evidence.filter((e) => !numbers.some((n) => words(n).includes(e.toLowerCase())));
    if (r.kind === 'names' || r.kind === 'synonyms')
      evidence = evidence.filter((e) => !words(e).some((w) => names.some((n) => words(n).includes(w))));
    if (evidence.length) out.push(evidence === r.evidence ? r : { ...r, evidence });
  }
  return out;
}
