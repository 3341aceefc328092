/**
 * Decides whether two sentences state the same claim, with the evidence.
 * A `PairModel` maps pair features to a probability; the shipped one is a
 * logistic regression fitted on MRPC (lib/match/model.ts).
 */
import { getLexicon, type Lexicon } from '../lexicon/lexicon';
import type { SentenceAnalysis } from '../text/analyse';
import type { MatchReason } from '../types';
import { PAIR_THRESHOLD } from './config';
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

const MAX_EVIDENCE = 6;

/** The evidence a reader can check: shared rare words, synonym pairs, numbers, names, quotations. */
export function explain(f: PairFeatures, stats: TermStats): MatchReason[] {
  const reasons: MatchReason[] = [];
  const shared: { word: string; weight: number }[] = [];
  const synonyms: string[] = [];
  const names: string[] = [];
  const numbers: string[] = [];
  for (const al of f.alignment) {
    const ua = f.a.units[al.i]!;
    const ub = f.b.units[al.j]!;
    if (al.relation === 'same') {
      if (ua.isNumber) numbers.push(ua.raw);
      else if (ua.isName || ub.isName) names.push(ua.raw);
      else shared.push({ word: ua.raw, weight: idf(stats, ua.stem) });
    } else if (al.relation !== 'similar' || al.score >= 0.4) {
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
  if (names.length) reasons.push({ kind: 'names', evidence: names });
  return reasons;
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
      return { probability, same: probability > threshold, reasons: explain(features, stats), features };
    },
  };
}
