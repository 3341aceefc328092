/**
 * Features for "do these two sentences of one story state the same claim?".
 * Unlike the pair features (whole-sentence paraphrase, symmetric), these are
 * asymmetric: how much of the shorter sentence's content — weighted by
 * story-local idf, so the story's topic words count little — the longer one
 * carries, plus shared quotation runs, names, numbers and the paraphrase
 * scorer's own verdict. Fitted by scripts/fit-claim.ts (lib/match/claim-model.ts).
 */
import type { SentenceAnalysis } from '../text/analyse';
import type { PairFeatures, Unit } from './features';
import { idf, type TermStats } from './term-stats';

export const CLAIM_FEATURE_NAMES = [
  'pair_logit',
  'cover_short',
  'cover_long',
  'shared_mass',
  'missing_short_max',
  'common_run',
  'quote_run',
  'names_shared',
  'names_missing_short',
  'numbers_conflict',
  'negation_mismatch',
  'short_length',
] as const;

const WORD_RE = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

function words(text: string): string[] {
  return (text.toLowerCase().match(WORD_RE) ?? []).map((w) => w.replace(/’/g, "'"));
}

/** Longest run of consecutive equal items in two sequences. */
export function longestCommonRun(a: readonly string[], b: readonly string[]): number {
  if (!a.length || !b.length) return 0;
  let prev = new Uint16Array(b.length + 1);
  let cur = new Uint16Array(b.length + 1);
  let best = 0;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const v = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : 0;
      cur[j] = v;
      if (v > best) best = v;
    }
    [prev, cur] = [cur, prev];
  }
  return best;
}

/** Longest run of words that a quotation of one sentence shares with a quotation of the other. */
export function sharedQuoteRun(qa: readonly string[], qb: readonly string[]): number {
  let best = 0;
  for (const x of qa) {
    const wx = words(x);
    for (const y of qb) best = Math.max(best, longestCommonRun(wx, words(y)));
  }
  return best;
}

const logit = (p: number): number => Math.log(Math.max(p, 1e-6) / Math.max(1 - p, 1e-6));

/**
 * `local` is the story's own sentence statistics; `pairProbability` the
 * paraphrase scorer's probability for the pair (its features in `f`).
 */
export function computeClaimFeatures(
  a: SentenceAnalysis,
  b: SentenceAnalysis,
  f: PairFeatures,
  local: TermStats,
  pairProbability: number,
): Float64Array {
  const maxIdf = Math.log(local.docCount + 2) || 1;
  const w = (u: Unit): number => (u.isNumber ? 1 : Math.max(0.02, idf(local, u.stem) / maxIdf));
  const wa = f.a.units.map(w);
  const wb = f.b.units.map(w);
  const sum = (xs: number[]): number => xs.reduce((s, x) => s + x, 0);
  const totA = sum(wa);
  const totB = sum(wb);
  let covA = 0;
  let covB = 0;
  const alignedA = new Uint8Array(f.a.units.length);
  const alignedB = new Uint8Array(f.b.units.length);
  for (const al of f.alignment) {
    covA += al.score * wa[al.i]!;
    covB += al.score * wb[al.j]!;
    alignedA[al.i] = 1;
    alignedB[al.j] = 1;
  }
  // The shorter side is the one with less content weight: its claim is the one to find in the other.
  const aShort = totA <= totB;
  const [ps, pl, ws, covS, covL, totS, totL, alS] = aShort
    ? [f.a, f.b, wa, covA, covB, totA, totB, alignedA]
    : [f.b, f.a, wb, covB, covA, totB, totA, alignedB];
  let missing = 0;
  ps.units.forEach((_, i) => {
    if (!alS[i]) missing = Math.max(missing, ws[i]!);
  });
  const stemsA = a.tokens.filter((t) => !/^\p{P}+$/u.test(t.raw)).map((t) => t.stem);
  const stemsB = b.tokens.filter((t) => !/^\p{P}+$/u.test(t.raw)).map((t) => t.stem);
  const run = longestCommonRun(stemsA, stemsB);
  const quoteRun = sharedQuoteRun(f.a.quotes, f.b.quotes);
  let namesShared = 0;
  for (const n of ps.names) if (pl.names.has(n)) namesShared++;
  const namesMissing = ps.names.size ? (ps.names.size - namesShared) / ps.names.size : 0;
  let numbersConflict = 0;
  if (f.a.numbers.size && f.b.numbers.size) {
    let shared = 0;
    for (const x of f.a.numbers) if (f.b.numbers.has(x)) shared++;
    numbersConflict = shared ? 0 : 1;
  }
  return Float64Array.from([
    logit(pairProbability),
    totS ? covS / totS : 0,
    totL ? covL / totL : 0,
    Math.log1p(Math.min(covA, covB)),
    missing,
    Math.min(run, 8) / 8,
    Math.min(quoteRun, 6) / 6,
    Math.min(namesShared, 3) / 3,
    namesMissing,
    numbersConflict,
    (f.a.negations > 0) !== (f.b.negations > 0) ? 1 : 0,
    Math.log1p(ps.units.length),
  ]);
}
