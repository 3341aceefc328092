/**
 * Features for "do these two sentences of one story state the same claim?".
 * Unlike the pair features (whole-sentence paraphrase, symmetric), these are
 * asymmetric: how much of the shorter sentence's content — weighted by
 * story-local idf, so the story's topic words count little, and again by
 * background rarity (general-news word frequency, lexicon.rarity), which does
 * not depend on the story — the longer one carries, plus shared quotation runs, names, numbers and the paraphrase
 * scorer's own verdict. Fitted by scripts/fit-claim.ts (lib/match/claim-model.ts).
 */
import { quotationWords } from '../text/tokens';
import { getLexicon, intersects, type Lexicon } from '../lexicon/lexicon';
import type { SentenceAnalysis } from '../text/analyse';
import { isNegationWord } from '../text/cues';
import { createPairMemo, unitKeyPair, type PairFeatures, type PairMemo, type Prepared, type Unit } from './features';
import { idf, type TermStats } from './term-stats';
import { CONCEPT_VECTOR_FLOOR, NEG_WEIGHT, STEM_ID_LIMIT } from './config';

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
  'concept_cover_short',
  'concept_cover_long',
  'bg_cover_short',
  'bg_cover_long',
  'bg_missing_short_max',
  'bg_concept_cover_short',
  'bg_concept_cover_long',
] as const;

// Negation cues (lib/text/cues.ts) merge into one concept, NEG ("denied X" ≈ "no X").

/** Synsets up to two hypernym steps above a unit's senses (cached per unit). */
const ancestorCache = new WeakMap<Unit, Int32Array>();
function ancestors2(u: Unit, lex: Lexicon): Int32Array {
  let a = ancestorCache.get(u);
  if (a) return a;
  const set = new Set<number>(u.hypernyms);
  for (const h of u.hypernyms) for (const g of lex.hypernyms(h)) set.add(g);
  a = Int32Array.from(set).sort();
  ancestorCache.set(u, a);
  return a;
}

/** Concept-level match strength of two content words, 0 when unrelated (judgement weights below the pair aligner's). */
function conceptMatch(a: Unit, b: Unit, lex: Lexicon): number {
  if (a.stem === b.stem) return 1;
  if (a.isNumber || b.isNumber) return 0;
  if (a.family !== 0 && a.family === b.family) return 0.9;
  if (a.synsets.length && b.synsets.length) {
    if (intersects(a.synsets, b.synsets)) return 0.85;
    if (intersects(a.hypernyms, b.synsets) || intersects(b.hypernyms, a.synsets)) return 0.7;
    const aa = ancestors2(a, lex);
    const ab = ancestors2(b, lex);
    if (intersects(aa, b.synsets) || intersects(ab, a.synsets)) return 0.6;
    if (intersects(a.hypernyms, b.hypernyms)) return 0.5;
  }
  const va = a.vector;
  const vb = b.vector;
  if (va && vb) {
    let c = 0;
    for (let d = 0; d < va.length; d++) c += va[d]! * vb[d]!;
    if (c >= CONCEPT_VECTOR_FLOOR) return 0.6 * c;
  }
  return 0;
}

// Concept matches depend only on the two words and the lexicon: memoised per lexicon.
const conceptMemos = new WeakMap<Lexicon, PairMemo>();

/** Each unit's best concept match in the other sentence; skipped units (negation cues, numbers when both sides have some) are marked. */
interface ConceptBest {
  skipA: Uint8Array;
  skipB: Uint8Array;
  bestA: Float64Array;
  bestB: Float64Array;
}

function conceptBest(pa: Prepared, pb: Prepared, lex: Lexicon): ConceptBest {
  let memo = conceptMemos.get(lex);
  if (!memo) conceptMemos.set(lex, (memo = createPairMemo()));
  const [ka, kb, generation] = unitKeyPair(pa, pb);
  const maskNumbers = pb.numbers.size > 0 && pa.numbers.size > 0;
  const na = pa.units.length;
  const nb = pb.units.length;
  const skipA = new Uint8Array(na);
  const skipB = new Uint8Array(nb);
  for (let i = 0; i < na; i++) {
    const u = pa.units[i]!;
    if (isNegationWord(u.norm) || (u.isNumber && maskNumbers)) skipA[i] = 1;
  }
  for (let j = 0; j < nb; j++) {
    const u = pb.units[j]!;
    if (isNegationWord(u.norm) || (u.isNumber && maskNumbers)) skipB[j] = 1;
  }
  const bestA = new Float64Array(na);
  const bestB = new Float64Array(nb);
  for (let i = 0; i < na; i++) {
    if (skipA[i]) continue;
    const x = ka[i]!;
    for (let j = 0; j < nb; j++) {
      if (skipB[j]) continue;
      const y = kb[j]!;
      let m = memo.get(x, y, generation);
      if (m !== m) {
        m = conceptMatch(pa.units[i]!, pb.units[j]!, lex);
        memo.set(x, y, m);
      }
      if (m > bestA[i]!) bestA[i] = m;
      if (m > bestB[j]!) bestB[j] = m;
    }
  }
  return { skipA, skipB, bestA, bestB };
}

/**
 * Soft concept coverage in both directions under per-unit weights `wa`, `wb`:
 * each content word's best concept match in the other sentence; negation cues
 * are one NEG concept on each side. Returns [covered share of a, of b].
 */
function weightedCoverage(pa: Prepared, pb: Prepared, c: ConceptBest, wa: ArrayLike<number>, wb: ArrayLike<number>): [number, number] {
  const negA = pa.negations > 0 ? NEG_WEIGHT : 0;
  const negB = pb.negations > 0 ? NEG_WEIGHT : 0;
  const both = negA && negB ? NEG_WEIGHT : 0;
  return [coveredShare(wa, c.skipA, c.bestA, negA, both), coveredShare(wb, c.skipB, c.bestB, negB, both)];
}

/** One side's covered share: its weighted best matches, the NEG concept counted as `neg` (covered as `both`). */
function coveredShare(w: ArrayLike<number>, skip: Uint8Array, best: Float64Array, neg: number, both: number): number {
  let cov = both;
  let tot = neg;
  for (let i = 0; i < w.length; i++) {
    if (skip[i]) continue;
    tot += w[i]!;
    cov += w[i]! * best[i]!;
  }
  return tot ? cov / tot : 0;
}

/** Longest run of consecutive equal items in two sequences. */
export function longestCommonRun<T extends string | number>(a: ArrayLike<T>, b: ArrayLike<T>): number {
  if (!a.length || !b.length) return 0;
  let prev = new Uint16Array(b.length + 1);
  let cur = new Uint16Array(b.length + 1);
  let best = 0;
  for (let i = 1; i <= a.length; i++) {
    const x = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      const v = x === b[j - 1] ? prev[j - 1]! + 1 : 0;
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
    const wx = quotationWords(x);
    for (const y of qb) best = Math.max(best, longestCommonRun(wx, quotationWords(y)));
  }
  return best;
}

// Stems as integers, so the run search compares numbers rather than strings.
const stemIds = new Map<string, number>();
let stemGeneration = 0;
const wordStemCache = new WeakMap<SentenceAnalysis, { generation: number; ids: Int32Array }>();

function stemIdsOf(an: SentenceAnalysis): Int32Array {
  const c = wordStemCache.get(an);
  if (c && c.generation === stemGeneration) return c.ids;
  if (stemIds.size + an.tokens.length > STEM_ID_LIMIT) {
    stemIds.clear();
    stemGeneration++;
  }
  const out: number[] = [];
  for (const t of an.tokens) {
    if (/^\p{P}+$/u.test(t.raw)) continue;
    let id = stemIds.get(t.stem);
    if (id === undefined) stemIds.set(t.stem, (id = stemIds.size));
    out.push(id);
  }
  const ids = Int32Array.from(out);
  wordStemCache.set(an, { generation: stemGeneration, ids });
  return ids;
}

function stemRun(a: SentenceAnalysis, b: SentenceAnalysis): number {
  for (;;) {
    const generation = stemGeneration;
    const ia = stemIdsOf(a);
    const ib = stemIdsOf(b);
    if (generation === stemGeneration) return longestCommonRun(ia, ib);
  }
}

const logit = (p: number): number => Math.log(Math.max(p, 1e-6) / Math.max(1 - p, 1e-6));

/**
 * `local` is the story's own sentence statistics; `pairProbability` the
 * paraphrase scorer's probability for the pair (its features in `f`).
 * `maskNumbers`: figures weigh nothing and never conflict (the pair as if it
 * had no numbers).
 */
/** What the two variants (numbers weighed or masked) of one pair share, kept for the second call. */
interface Shared {
  local: TermStats;
  idfA: Float64Array;
  idfB: Float64Array;
  bgA: Float64Array;
  bgB: Float64Array;
  run: number;
  quoteRun: number;
  concepts: ConceptBest;
}
const sharedByPair = new WeakMap<PairFeatures, Shared>();

function sharedOf(a: SentenceAnalysis, b: SentenceAnalysis, f: PairFeatures, local: TermStats, lex: Lexicon): Shared {
  const s = sharedByPair.get(f);
  if (s && s.local === local) return s;
  const maxIdf = Math.log(local.docCount + 2) || 1;
  // Weights of non-number units (numbers are weighed by the variant).
  const idfW = (u: Unit): number => (u.isNumber ? 0 : Math.max(0.02, idf(local, u.stem) / maxIdf));
  const bgW = (u: Unit): number => (u.isNumber ? 0 : Math.max(0.02, lex.rarity(u.id >= 0 ? u.id : lex.id(u.norm))));
  const out: Shared = {
    local,
    idfA: Float64Array.from(f.a.units, idfW),
    idfB: Float64Array.from(f.b.units, idfW),
    bgA: Float64Array.from(f.a.units, bgW),
    bgB: Float64Array.from(f.b.units, bgW),
    run: stemRun(a, b),
    quoteRun: sharedQuoteRun(f.a.quotes, f.b.quotes),
    concepts: conceptBest(f.a, f.b, lex),
  };
  sharedByPair.set(f, out);
  return out;
}

/** Per-unit weights of one variant: numbers weigh 1, or 0 when masked. */
function withNumbers(base: Float64Array, units: Unit[], numberWeight: number): Float64Array {
  const out = base.slice();
  for (let i = 0; i < units.length; i++) if (units[i]!.isNumber) out[i] = numberWeight;
  return out;
}

function sum(xs: Float64Array): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return s;
}

/**
 * `local` is the story's own sentence statistics; `pairProbability` the
 * paraphrase scorer's probability for the pair (its features in `f`).
 * `maskNumbers`: figures weigh nothing and never conflict (the pair as if it
 * had no numbers). Calling it for both variants of one `f` matches the words once.
 */
export function computeClaimFeatures(
  a: SentenceAnalysis,
  b: SentenceAnalysis,
  f: PairFeatures,
  local: TermStats,
  pairProbability: number,
  maskNumbers = false,
): Float64Array {
  const lex = getLexicon();
  const sh = sharedOf(a, b, f, local, lex);
  const numberWeight = maskNumbers ? 0 : 1;
  const wa = withNumbers(sh.idfA, f.a.units, numberWeight);
  const wb = withNumbers(sh.idfB, f.b.units, numberWeight);
  const ga = withNumbers(sh.bgA, f.a.units, numberWeight);
  const gb = withNumbers(sh.bgB, f.b.units, numberWeight);
  const totA = sum(wa);
  const totB = sum(wb);
  let covA = 0;
  let covB = 0;
  let covGA = 0;
  let covGB = 0;
  const alignedA = new Uint8Array(f.a.units.length);
  const alignedB = new Uint8Array(f.b.units.length);
  for (const al of f.alignment) {
    covA += al.score * wa[al.i]!;
    covB += al.score * wb[al.j]!;
    covGA += al.score * ga[al.i]!;
    covGB += al.score * gb[al.j]!;
    alignedA[al.i] = 1;
    alignedB[al.j] = 1;
  }
  // The shorter side is the one with less content weight: its claim is the one to find in the other.
  const aShort = totA <= totB;
  const ps = aShort ? f.a : f.b;
  const pl = aShort ? f.b : f.a;
  const ws = aShort ? wa : wb;
  const gs = aShort ? ga : gb;
  const alS = aShort ? alignedA : alignedB;
  const covS = aShort ? covA : covB;
  const covL = aShort ? covB : covA;
  const totS = aShort ? totA : totB;
  const totL = aShort ? totB : totA;
  const covGS = aShort ? covGA : covGB;
  const covGL = aShort ? covGB : covGA;
  const totGS = sum(gs);
  const totGL = sum(aShort ? gb : ga);
  let missing = 0;
  let missingG = 0;
  for (let i = 0; i < ps.units.length; i++) {
    if (alS[i]) continue;
    missing = Math.max(missing, ws[i]!);
    missingG = Math.max(missingG, gs[i]!);
  }
  let namesShared = 0;
  for (const n of ps.names) if (pl.names.has(n)) namesShared++;
  const namesMissing = ps.names.size ? (ps.names.size - namesShared) / ps.names.size : 0;
  let numbersConflict = 0;
  if (!maskNumbers && f.a.numbers.size && f.b.numbers.size) {
    let shared = 0;
    for (const x of f.a.numbers) if (f.b.numbers.has(x)) shared++;
    numbersConflict = shared ? 0 : 1;
  }
  const [conA, conB] = weightedCoverage(f.a, f.b, sh.concepts, wa, wb);
  const [conGA, conGB] = weightedCoverage(f.a, f.b, sh.concepts, ga, gb);
  return Float64Array.from([
    logit(pairProbability),
    totS ? covS / totS : 0,
    totL ? covL / totL : 0,
    Math.log1p(Math.min(covA, covB)),
    missing,
    Math.min(sh.run, 8) / 8,
    Math.min(sh.quoteRun, 6) / 6,
    Math.min(namesShared, 3) / 3,
    namesMissing,
    numbersConflict,
    f.a.negations > 0 !== f.b.negations > 0 ? 1 : 0,
    Math.log1p(ps.units.length),
    aShort ? conA : conB,
    aShort ? conB : conA,
    totGS ? covGS / totGS : 0,
    totGL ? covGL / totGL : 0,
    missingG,
    aShort ? conGA : conGB,
    aShort ? conGB : conGA,
  ]);
}
