/**
 * Decides whether two sentences state the same claim, with the evidence.
 * A `PairModel` maps pair features to a probability; the shipped one is a
 * logistic regression fitted on MRPC (lib/match/model.ts).
 */
import { getLexicon, type Lexicon } from '../lexicon/lexicon';
import type { SentenceAnalysis } from '../text/analyse';
import type { MatchReason } from '../types';
import { MAX_EVIDENCE, PAIR_THRESHOLD } from './config';
import { computeFeatures, findSharedQuote, type LinearModelParams, type PairFeatures } from './features';
import { PAIR_MODEL } from './model';
import { idf, type TermStats } from './term-stats';

export interface PairScore {
  probability: number;
  same: boolean;
  reasons: MatchReason[];
  /** The pair features behind the probability, for the within-story claim model. */
  features?: PairFeatures;
}

export interface PairScorer {
  score(a: SentenceAnalysis, b: SentenceAnalysis, stats: TermStats): PairScore;
}

/** Anything that turns two sentences into a probability of stating the same claim. */
export interface PairModel {
  probability(a: SentenceAnalysis, b: SentenceAnalysis, stats: TermStats, features: PairFeatures): number;
}

export function createLinearModel(params: LinearModelParams): PairModel {
  const { mean, scale, weights, bias } = params;
  return {
    probability(_a, _b, _stats, f) {
      let z = bias;
      for (let k = 0; k < weights.length; k++) z += weights[k]! * (((f.values[k] ?? 0) - mean[k]!) / scale[k]!);
      return 1 / (1 + Math.exp(-z));
    },
  };
}

const CALENDAR_WORDS = new Set(
  'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december'.split(
    ' ',
  ),
);

/**
 * The evidence a reader can check: shared rare words, synonym pairs, numbers,
 * names, quotations. Only evidence: two names, numbers, days or months are
 * never "the same meaning" ("Wednesday ~ Tuesday", "USA ~ Army"), and a name
 * is given whole ("Port Authority"), never as its ordinary words one by one.
 */
export function explain(f: PairFeatures, stats: TermStats, a?: SentenceAnalysis, b?: SentenceAnalysis): MatchReason[] {
  const reasons: MatchReason[] = [];
  const shared: { word: string; weight: number }[] = [];
  const synonyms: string[] = [];
  const nameUnits: { i: number; j: number }[] = [];
  const numbers: string[] = [];
  const fixed = (u: PairFeatures['a']['units'][number]): boolean => u.isNumber || u.isName || CALENDAR_WORDS.has(u.norm);
  for (const al of f.alignment) {
    const ua = f.a.units[al.i]!;
    const ub = f.b.units[al.j]!;
    if (al.relation === 'same') {
      if (ua.isNumber) numbers.push(ua.raw);
      else if (ua.isName || ub.isName) nameUnits.push({ i: al.i, j: al.j });
      else shared.push({ word: ua.raw, weight: idf(stats, ua.stem) });
    } else if (!fixed(ua) && !fixed(ub) && (al.relation !== 'similar' || al.score >= 0.4)) {
      const wa = ua.norm === ub.norm ? ua.raw : (ua.phrase ?? ua.raw);
      const wb = ua.norm === ub.norm ? ub.raw : (ub.phrase ?? ub.raw);
      synonyms.push(`${wa} ~ ${wb}`);
    }
  }
  shared.sort((x, y) => y.weight - x.weight);
  if (shared.length) reasons.push({ kind: 'shared-terms', evidence: shared.slice(0, MAX_EVIDENCE).map((s) => s.word) });
  if (synonyms.length) reasons.push({ kind: 'synonyms', evidence: synonyms.slice(0, MAX_EVIDENCE) });
  const quote = findSharedQuote(f.a, f.b);
  if (quote) reasons.push({ kind: 'quotation', evidence: [quote] });
  if (numbers.length) reasons.push({ kind: 'numbers', evidence: numbers });
  const names = sharedNames(f, nameUnits, a, b);
  if (names.length) reasons.push({ kind: 'names', evidence: names });
  return reasons;
}

/**
 * Shared names, whole: runs of name words that follow each other in both
 * sentences are one name ("Port Authority"); a single word counts when it
 * ends a name in each sentence ("Esper" in "Mark Esper"), not when it is an
 * ordinary word inside one ("Port" of "Port of Newark").
 */
function sharedNames(f: PairFeatures, units: { i: number; j: number }[], a?: SentenceAnalysis, b?: SentenceAnalysis): string[] {
  // Two words are of one name when they stand side by side inside a name of each sentence.
  const inOneName = (an: SentenceAnalysis | undefined, x: string, y: string): boolean =>
    !an || an.names.some((n) => n.text.includes(`${x} ${y}`));
  const runs: { i: number; j: number }[][] = [];
  for (const u of [...units].sort((x, y) => x.i - y.i)) {
    const last = runs[runs.length - 1]?.at(-1);
    if (
      last &&
      u.i === last.i + 1 &&
      u.j === last.j + 1 &&
      inOneName(a, f.a.units[last.i]!.raw, f.a.units[u.i]!.raw) &&
      inOneName(b, f.b.units[last.j]!.raw, f.b.units[u.j]!.raw)
    )
      runs[runs.length - 1]!.push(u);
    else runs.push([u]);
  }
  const endsName = (an: SentenceAnalysis | undefined, word: string): boolean =>
    !an ||
    an.names.some(
      (n) =>
        n.text
          .split(/\s+/)
          .at(-1)
          ?.replace(/[’']s$/u, '')
          .toLowerCase() === word.toLowerCase(),
    );
  const out: string[] = [];
  for (const run of runs) {
    if (run.length > 1) out.push(run.map((u) => f.a.units[u.i]!.raw).join(' '));
    else {
      const word = f.a.units[run[0]!.i]!.raw.replace(/[’']s$/u, '');
      if (endsName(a, word) && endsName(b, f.b.units[run[0]!.j]!.raw.replace(/[’']s$/u, ''))) out.push(word);
    }
  }
  return out;
}

export function createScorer(options?: { threshold?: number; lexicon?: Lexicon; model?: PairModel }): PairScorer {
  const threshold = options?.threshold ?? PAIR_THRESHOLD;
  const model = options?.model ?? createLinearModel(PAIR_MODEL);
  let lexicon = options?.lexicon;
  return {
    score(a, b, stats) {
      lexicon ??= getLexicon();
      const features = computeFeatures(a, b, stats, lexicon);
      const probability = model.probability(a, b, stats, features);
      return { probability, same: probability > threshold, reasons: explain(features, stats, a, b), features };
    },
  };
}
