/**
 * Claims within a story: links each sentence of an article to the sentence of
 * every other outlet's article that states the same claim, then gathers the
 * links into claim groups. Inside one story nearly every sentence shares the
 * topic words, so candidates must share rarer evidence (a prefilter on
 * rare terms, numbers and names), and the decision is the claim model's:
 * how much of the shorter sentence the longer one carries, weighted by
 * story-local idf (lib/match/claim-features.ts), not whole-sentence paraphrase.
 */
import { findDifferences } from '../diff/differences';
import { analyseSentence, type SentenceAnalysis } from '../text/analyse';
import type { Difference, SentenceLink } from '../types';
import {
  CLAIM_GROUP_DENSITY,
  CLAIM_LINK_THRESHOLD,
  CLAIM_MIN_CONTENT_WORDS,
  CLAIM_PREFILTER_MIN_MASS,
  CLAIM_PREFILTER_TOP,
  CLAIM_QUOTE_MIN_WORDS,
  CLAIM_QUOTE_PROBABILITY,
} from './config';
import { computeClaimFeatures } from './claim-features';
import { CLAIM_MODEL, CLAIM_MODEL_THRESHOLD } from './claim-model';
import { createScorer, type PairScore, type PairScorer } from './scorer';
import { createTermStats, idf, type TermStats } from './term-stats';

export interface ArticleSentences {
  article: {
    id: string;
    outlet: string;
    url: string;
    title: string;
    publishedAt?: string;
    reprintOf?: string;
    /** Copied onto the links when given. */
    storyId?: string;
  };
  sentences: { id: string; index: number; start: number; end: number; text: string }[];
}

export interface ClaimGroup {
  id: string;
  sentences: { sentenceId: string; articleId: string; outlet: string; text: string }[];
  differences: Difference[];
}

// Analyses are pure functions of the text; a story's sentences are matched
// again each time one of its articles arrives, so they are kept a while.
const analysisCache = new Map<string, SentenceAnalysis>();
const CACHE_LIMIT = 20_000;

export function analyseCached(text: string): SentenceAnalysis {
  let a = analysisCache.get(text);
  if (!a) {
    a = analyseSentence(text);
    if (analysisCache.size >= CACHE_LIMIT) analysisCache.clear();
    analysisCache.set(text, a);
  }
  return a;
}

let defaultScorer: PairScorer | undefined;

/** Standardised logistic model over the claim features. */
function claimProbability(x: Float64Array): number {
  const { mean, scale, weights, bias } = CLAIM_MODEL;
  let z = bias;
  for (let k = 0; k < weights.length; k++) z += weights[k]! * (((x[k] ?? 0) - mean[k]!) / scale[k]!);
  return 1 / (1 + Math.exp(-z));
}

/**
 * Same claim within one story: the claim model (fitted on STS-B news pairs,
 * scripts/fit-claim.ts) over asymmetric features with story-local idf, read
 * on the link scale so that its threshold maps to CLAIM_LINK_THRESHOLD.
 * Scorers that give no features fall back to their own probability.
 */
function claimScore(a: SentenceAnalysis, b: SentenceAnalysis, scored: PairScore, local: TermStats): number {
  if (!scored.features) return scored.probability;
  const p = claimProbability(computeClaimFeatures(a, b, scored.features, local, scored.probability));
  // Monotone rescaling: the claim model's threshold lands on the link threshold.
  const t = CLAIM_MODEL_THRESHOLD;
  return p >= t
    ? CLAIM_LINK_THRESHOLD + ((1 - CLAIM_LINK_THRESHOLD) * (p - t)) / (1 - t)
    : (CLAIM_LINK_THRESHOLD * p) / t;
}

/** The original an article stands for: its own id, or the article it reprints. */
const sourceOf = (a: ArticleSentences['article']): string => a.reprintOf ?? a.id;

/** Evidence keys of a sentence for the prefilter: content stems weighted by idf, numbers high. */
function evidenceKeys(a: SentenceAnalysis, stats: TermStats): Map<string, number> {
  const keys = new Map<string, number>();
  for (const t of a.tokens) {
    if (t.isStop) continue;
    const w = t.isNumber ? 3 : Math.max(idf(stats, t.stem), 0.1);
    keys.set(t.stem, Math.max(keys.get(t.stem) ?? 0, w));
  }
  return keys;
}

export function matchArticle(
  target: ArticleSentences,
  others: ArticleSentences[],
  stats: TermStats,
  scorer?: PairScorer,
): SentenceLink[] {
  const sc = scorer ?? (defaultScorer ??= createScorer());
  const targetSource = sourceOf(target.article);
  // Each independent source once: reprints of the target's source and of one another collapse.
  const present = new Set(others.map((o) => o.article.id));
  const eligible = others.filter((o) => {
    if (o.article.outlet === target.article.outlet) return false;
    if (o.article.id === target.article.id || sourceOf(o.article) === targetSource) return false;
    // A reprint whose original is also here adds nothing.
    return !(o.article.reprintOf && present.has(o.article.reprintOf));
  });

  // Story-local statistics: within a story the topic words are in nearly every sentence.
  const local = createTermStats([
    ...target.sentences.map((s) => analyseCached(s.text).terms),
    ...eligible.flatMap((o) => o.sentences.map((s) => analyseCached(s.text).terms)),
  ]);

  // Inverted index over the other sentences' evidence keys.
  const index = new Map<string, number[]>();
  const flat: { art: ArticleSentences; s: ArticleSentences['sentences'][number]; an: SentenceAnalysis }[] = [];
  for (const art of eligible)
    for (const s of art.sentences) {
      const an = analyseCached(s.text);
      const k = flat.length;
      flat.push({ art, s, an });
      for (const key of evidenceKeys(an, stats).keys()) {
        let list = index.get(key);
        if (!list) index.set(key, (list = []));
        list.push(k);
      }
    }

  const links: SentenceLink[] = [];
  for (const s of target.sentences) {
    const an = analyseCached(s.text);
    if (an.terms.length < CLAIM_MIN_CONTENT_WORDS) continue;
    const mass = new Map<number, number>();
    const shared = new Map<number, number>();
    for (const [key, w] of evidenceKeys(an, stats))
      for (const k of index.get(key) ?? []) {
        mass.set(k, (mass.get(k) ?? 0) + w);
        shared.set(k, (shared.get(k) ?? 0) + 1);
      }
    const candidates = [...mass]
      .filter(([k, m]) => m >= CLAIM_PREFILTER_MIN_MASS && (shared.get(k) ?? 0) >= 2)
      .sort((x, y) => y[1] - x[1])
      .slice(0, CLAIM_PREFILTER_TOP);
    const best = new Map<string, SentenceLink>();
    for (const [k] of candidates) {
      const o = flat[k]!;
      if (o.an.terms.length < CLAIM_MIN_CONTENT_WORDS) continue;
      const scored = sc.score(an, o.an, stats);
      const { reasons } = scored;
      // A passage quoted by both is the same claim even when one sentence says
      // much more around it (the pair scorer was fitted on whole-sentence paraphrases).
      const quote = reasons.find((r) => r.kind === 'quotation')?.evidence[0];
      const quoted = quote !== undefined && quote.split(/\s+/).length >= CLAIM_QUOTE_MIN_WORDS;
      const claim = claimScore(an, o.an, scored, local);
      const probability = quoted ? Math.max(claim, CLAIM_QUOTE_PROBABILITY) : claim;
      if (probability < CLAIM_LINK_THRESHOLD) continue;
      const prev = best.get(o.art.article.id);
      if (prev && prev.score >= probability) continue;
      best.set(o.art.article.id, {
        a: s.id,
        b: o.s.id,
        articleA: target.article.id,
        articleB: o.art.article.id,
        storyId: target.article.storyId ?? '',
        score: probability,
        reasons,
        differences: [],
      });
    }
    for (const link of best.values()) {
      const other = flat.find((f) => f.s.id === link.b)!;
      link.differences = findDifferences(an, other.an);
      links.push(link);
    }
  }
  return links;
}

/**
 * Claim groups from links, by average linkage: two groups merge, strongest
 * links first, only when most of their cross-outlet member pairs are linked,
 * so one loose link cannot chain two different claims together.
 */
export function groupClaims(
  links: SentenceLink[],
  sentences: Map<string, { articleId: string; outlet: string; text: string }>,
): ClaimGroup[] {
  const pairKey = (x: string, y: string): string => (x < y ? `${x}\u0000${y}` : `${y}\u0000${x}`);
  const linked = new Map<string, SentenceLink>();
  for (const l of links) {
    if (!sentences.has(l.a) || !sentences.has(l.b)) continue;
    const k = pairKey(l.a, l.b);
    const prev = linked.get(k);
    if (!prev || prev.score < l.score) linked.set(k, l);
  }
  const groupOf = new Map<string, string[]>();
  const members = (id: string): string[] => groupOf.get(id) ?? [id];
  const outlet = (id: string): string => sentences.get(id)!.outlet;
  for (const l of [...linked.values()].sort((x, y) => y.score - x.score)) {
    const ga = members(l.a);
    const gb = members(l.b);
    if (ga === gb || ga.includes(l.b)) continue;
    // An article may state a claim twice (headline, then the quotation); the
    // density test below still asks each merge to be linked across outlets.
    let possible = 0;
    let present = 0;
    for (const x of ga)
      for (const y of gb) {
        if (outlet(x) === outlet(y)) continue;
        possible++;
        if (linked.has(pairKey(x, y))) present++;
      }
    if (possible === 0 || present / possible < CLAIM_GROUP_DENSITY) continue;
    const merged = [...ga, ...gb];
    for (const id of merged) groupOf.set(id, merged);
  }
  const seen = new Set<string[]>();
  const groups: ClaimGroup[] = [];
  for (const g of groupOf.values()) {
    if (seen.has(g)) continue;
    seen.add(g);
    if (new Set(g.map(outlet)).size < 2) continue;
    const sorted = [...g].sort();
    const differences: Difference[] = [];
    const diffSeen = new Set<string>();
    for (let i = 0; i < sorted.length; i++)
      for (let j = i + 1; j < sorted.length; j++) {
        const l = linked.get(pairKey(sorted[i]!, sorted[j]!));
        for (const d of l?.differences ?? []) {
          const k = `${d.kind}\u0000${d.a}\u0000${d.b}`;
          if (!diffSeen.has(k)) diffSeen.add(k), differences.push(d);
        }
      }
    groups.push({
      id: `claim-${sorted[0]!}`,
      sentences: sorted.map((id) => {
        const s = sentences.get(id)!;
        return { sentenceId: id, articleId: s.articleId, outlet: s.outlet, text: s.text };
      }),
      differences,
    });
  }
  return groups.sort((x, y) => y.sentences.length - x.sentences.length || (x.id < y.id ? -1 : 1));
}
