/** Features of labelled sentence pairs, with IDF from the pairs' own sentences. */
import { getLexicon } from '../../lib/lexicon/lexicon';
import { computeFeatures } from '../../lib/match/features';
import { createTermStats, type TermStats } from '../../lib/match/term-stats';
import { analyseSentence, type SentenceAnalysis } from '../../lib/text/analyse';
import type { SentencePair } from './mrpc';

export interface FeaturedPairs {
  analyses: [SentenceAnalysis, SentenceAnalysis][];
  stats: TermStats;
  x: Float64Array[];
  y: number[];
}

export function featurize(pairs: SentencePair[]): FeaturedPairs {
  const lex = getLexicon();
  const analyses = pairs.map((p): [SentenceAnalysis, SentenceAnalysis] => [analyseSentence(p.a), analyseSentence(p.b)]);
  // Each sentence is one document, as the extension counts sentences of a story.
  const stats = createTermStats(analyses.flatMap(([a, b]) => [a.terms, b.terms]));
  const x = analyses.map(([a, b]) => computeFeatures(a, b, stats, lex).values);
  return { analyses, stats, x, y: pairs.map((p) => p.label ?? 0) };
}

/** TF-IDF cosine of content stems (the baseline). */
export function tfidfCosine(a: SentenceAnalysis, b: SentenceAnalysis, stats: TermStats): number {
  const vec = (s: SentenceAnalysis): Map<string, number> => {
    const m = new Map<string, number>();
    for (const t of s.terms) m.set(t, (m.get(t) ?? 0) + 1);
    for (const [t, tf] of m) m.set(t, tf * Math.log((stats.docCount + 1) / (stats.df(t) + 0.5)));
    return m;
  };
  const va = vec(a);
  const vb = vec(b);
  let dot = 0;
  for (const [t, w] of va) dot += w * (vb.get(t) ?? 0);
  const norm = (m: Map<string, number>): number => Math.sqrt([...m.values()].reduce((s, w) => s + w * w, 0));
  return dot / (norm(va) * norm(vb) || 1);
}
