/**
 * Story grouping: articles about the same event form a story. Each article is
 * reduced to a weighted term vector (sublinear tf × idf, idf from the store's
 * article counts with a prior) plus its proper names and time; a story keeps
 * the mean of its articles' vectors (its profile), so an article's dot product
 * with it is its average cosine to the story's articles (and, when
 * `STORY.maxMembers` asks, the vectors of its first articles). A new article
 * joins the most similar profile that shares an index key with it, when the
 * similarity clears the threshold, the times are close enough and the proper
 * names do not contradict; otherwise it starts a
 * story of its own. The batch path runs the same steps over the articles in
 * time order, counting each article's terms before weighing it, as the
 * store does.
 */
import { contentTerms, tokenize } from '../text/tokens';
import { segmentSentences } from '../text/segment';
import { findNames } from '../text/names';
import { createTermStats, idf, type TermStats } from '../match/term-stats';
import { STORY } from './story-config';
import type { StoryFeatures, StoryProfile } from '../types';

export type { StoryFeatures, StoryProfile } from '../types';

export interface StoryDoc {
  id: string;
  title: string;
  text: string;
  publishedAt?: string;
  outlet: string;
}

const DAY = 86_400_000;

/** Stems that make up an article for story purposes: content words, no bare numbers. */
export function storyTerms(text: string): string[] {
  const out: string[] = [];
  for (const t of tokenize(text)) if (!t.isStop && !t.isNumber && t.stem.length > 1) out.push(t.stem);
  return out;
}

/**
 * The statistics a story vector is weighed with: article-level document
 * frequencies (how many stored articles contain a term), as the store keeps
 * them, plus `STORY.priorArticles` pseudo-articles without any term, so that
 * on a small store a story's own words (present in much of what is stored)
 * keep a high idf. Negligible once the store is large.
 */
function withPrior(stats: TermStats): TermStats {
  const prior = STORY.priorArticles;
  return {
    get docCount() {
      return stats.docCount + prior;
    },
    df: (t) => stats.df(t),
  };
}

/** Unique content stems of each sentence of a text, as the store counts them. */
export function sentenceTermSets(text: string): string[][] {
  return segmentSentences(text).map((s) => [...new Set(contentTerms(s.text))]);
}

/** Unique content stems of a whole text: the union of its sentences' stems, as the store counts an article. */
export function articleTermSet(text: string): string[] {
  return [...new Set(sentenceTermSets(text).flat())];
}

/** Proper names of a text (lib/text/names.ts), lower-cased, with how often each occurs. */
function properNames(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const tokens = tokenize(text);
  let k = 0;
  for (const span of findNames(text, tokens)) {
    while (k < tokens.length && tokens[k]!.start < span.start) k++;
    const words: string[] = [];
    for (let m = k; m < tokens.length && tokens[m]!.end <= span.end; m++) words.push(tokens[m]!.norm);
    const name = words.join(' ');
    if (name.length > 2) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}

function normalise(terms: Map<string, number>, keep: number): Record<string, number> {
  const top = [...terms].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, keep);
  const norm = Math.sqrt(top.reduce((s, [, w]) => s + w * w, 0)) || 1;
  const out: Record<string, number> = {};
  for (const [t, w] of top) out[t] = w / norm;
  return out;
}

// The mean is not re-normalised: its dot product with an article is then the
// article's average cosine to the story's articles (average link).
function meanOf(sum: Map<string, number>, n: number, keep: number): Record<string, number> {
  const top = [...sum].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, keep);
  const out: Record<string, number> = {};
  for (const [t, w] of top) out[t] = w / n;
  return out;
}

export function parseTime(iso: string | undefined): number | undefined {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : undefined;
}

/**
 * What an article's story vector is made of before any weighing: its stems
 * with their title-boosted counts, its leading proper names and its time.
 * It depends on the article alone, so a batch makes it once per article
 * (`prepareCapture`) and weighs it with the counts of the moment (`weighStory`).
 */
export interface StoryCounts {
  tf: ReadonlyMap<string, number>;
  names: string[];
  time?: number;
}

export function storyCounts(doc: Pick<StoryDoc, 'title' | 'text' | 'publishedAt'>): StoryCounts {
  const tf = new Map<string, number>();
  for (const s of storyTerms(doc.title)) tf.set(s, (tf.get(s) ?? 0) + STORY.titleBoost);
  for (const s of storyTerms(doc.text)) tf.set(s, (tf.get(s) ?? 0) + 1);
  const nameCounts = properNames(`${doc.title}\n${doc.text}`);
  const names = [...nameCounts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, STORY.maxNames)
    .map(([n]) => n);
  const time = parseTime(doc.publishedAt);
  return time === undefined ? { tf, names } : { tf, names, time };
}

/**
 * An article's story vector from its counts. `articleStats` are document
 * frequencies over stored articles, this one included (the store's
 * `TermSet.articles`, or `articleTermSet` of each article of a batch).
 */
export function weighStory(counts: StoryCounts, articleStats: TermStats): StoryFeatures {
  const stats = withPrior(articleStats);
  const weights = new Map<string, number>();
  for (const [t, n] of counts.tf) weights.set(t, (1 + Math.log(n)) * idf(stats, t));
  const terms = normalise(weights, STORY.maxTerms);
  const names = [...counts.names];
  return counts.time === undefined ? { terms, names } : { terms, names, time: counts.time };
}

/** An article's story vector: `weighStory` of its `storyCounts`. */
export function storyFeatures(doc: StoryDoc, articleStats: TermStats): StoryFeatures {
  return weighStory(storyCounts(doc), articleStats);
}

/** Index keys: the highest-weight terms and the leading names ("@name"). */
export function storyKeys(f: StoryFeatures): string[] {
  const terms = Object.entries(f.terms)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, STORY.keyTerms)
    .map(([t]) => t);
  const names = f.names.slice(0, STORY.keyNames).map((n) => `@${n}`);
  return [...terms, ...names];
}

/**
 * Each vector as an entry list (the article's side, walked) and a Map (the
 * profile's side, looked up), made once per vector: an article is compared
 * with up to CORPUS_LIMITS.maxCandidateStories profiles, and a property
 * lookup in a stored hundred-term object (a dictionary whose keys are not
 * interned) took about seven times as long as `Map.get` (Node, 50 articles
 * against 200 profiles of 100 terms: 4.7 s against 0.65 s). The entries come
 * in `for…in` order, so the sums are the same. Vectors are never changed in place.
 */
const entriesOf = new WeakMap<Record<string, number>, [string, number][]>();
const mapOf = new WeakMap<Record<string, number>, Map<string, number>>();

// Dot product of unit or mean vectors; walks the article's side, the shorter one.
function cosine(a: Record<string, number>, b: Record<string, number>): number {
  let entries = entriesOf.get(a);
  if (!entries) entriesOf.set(a, (entries = Object.entries(a)));
  let weights = mapOf.get(b);
  if (!weights) mapOf.set(b, (weights = new Map(Object.entries(b))));
  let s = 0;
  for (const [t, x] of entries) {
    const w = weights.get(t);
    if (w !== undefined) s += w * x;
  }
  return s;
}

// Name lists are short (≤ 30): a scan beats building a set per comparison.
function sharedNames(a: readonly string[], b: readonly string[]): number {
  let shared = 0;
  for (const n of a) if (b.includes(n)) shared++;
  return shared;
}

function nameOverlap(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  return Math.min(1, sharedNames(a, b) / Math.min(a.length, b.length, STORY.nameOverlapCap));
}

/**
 * Two texts that each name several people and places yet share none of their
 * leading names are about different events, however alike their words (two
 * earthquakes, two arrests of the same kind).
 */
function namesDisagree(a: string[], b: string[]): boolean {
  const k = STORY.conflictNames;
  if (k <= 0 || a.length < k || b.length < k) return false;
  return sharedNames(a.slice(0, STORY.conflictTop), b) === 0 && sharedNames(b.slice(0, STORY.conflictTop), a) === 0;
}

function pairSimilarity(f: StoryFeatures, g: StoryFeatures): number {
  if (namesDisagree(f.names, g.names)) return 0;
  const w = STORY.nameWeight;
  return w > 0 ? (1 - w) * cosine(f.terms, g.terms) + w * nameOverlap(f.names, g.names) : cosine(f.terms, g.terms);
}

/** Similarity of an article to a story profile in [0, 1], time-gated: the best of the mean vector and the kept members (none by default). */
export function storySimilarity(f: StoryFeatures, p: StoryProfile): number {
  if (f.time !== undefined && p.articleCount > 0 && Number.isFinite(p.firstSeen) && p.firstSeen > 0) {
    const outside = Math.max(0, p.firstSeen - f.time, f.time - p.lastSeen);
    if (outside > STORY.windowDays * DAY) return 0;
  }
  let best = pairSimilarity(f, p.features);
  // Profiles stored under other settings may keep more members than compared now.
  for (const m of (p.members ?? []).slice(0, STORY.maxMembers)) best = Math.max(best, pairSimilarity(f, m));
  return best;
}

export function assignStory(f: StoryFeatures, candidates: StoryProfile[]): { storyId: string | null; similarity: number } {
  let best: StoryProfile | null = null;
  let bestSim = 0;
  for (const p of candidates) {
    const s = storySimilarity(f, p);
    if (s > bestSim) {
      bestSim = s;
      best = p;
    }
  }
  return best && bestSim >= STORY.threshold ? { storyId: best.id, similarity: bestSim } : { storyId: null, similarity: bestSim };
}

// Member vectors are stored without their time (the profile keeps the span).
const memberOf = (f: StoryFeatures): StoryFeatures => ({ terms: f.terms, names: f.names });

/** A fresh profile for an article that starts a story. */
export function createProfile(id: string, f: StoryFeatures, title: string, now = Date.now()): StoryProfile {
  const t = f.time ?? now;
  return { id, features: f, articleCount: 1, firstSeen: t, lastSeen: t, title, members: STORY.maxMembers > 0 ? [memberOf(f)] : [] };
}

export function mergeIntoProfile(profile: StoryProfile, f: StoryFeatures, title?: string): StoryProfile {
  const n = profile.articleCount;
  const sum = new Map<string, number>();
  for (const [t, w] of Object.entries(profile.features.terms)) sum.set(t, w * n);
  for (const [t, w] of Object.entries(f.terms)) sum.set(t, (sum.get(t) ?? 0) + w);
  // Names seen in both come first, then the story's, then the newcomer's.
  const incoming = new Set(f.names);
  const shared = profile.features.names.filter((x) => incoming.has(x));
  const names = [...new Set([...shared, ...profile.features.names, ...f.names])].slice(0, STORY.maxProfileNames);
  const times = [profile.firstSeen, profile.lastSeen, ...(f.time !== undefined ? [f.time] : [])];
  const features: StoryFeatures = { terms: meanOf(sum, n + 1, STORY.maxProfileTerms), names };
  const first = Math.min(...times);
  const last = Math.max(...times);
  features.time = last;
  // A profile from an older store has no members: its centroid stands in for the first ones.
  const kept = profile.members ?? [memberOf(profile.features)];
  const members = kept.length < STORY.maxMembers ? [...kept, memberOf(f)] : kept.slice(0, STORY.maxMembers);
  return {
    id: profile.id,
    features,
    articleCount: n + 1,
    firstSeen: first,
    lastSeen: last,
    title: profile.title || title || '',
    members,
  };
}

/** Batch grouping: a story id per doc, in the input order; same steps as the incremental path. */
export function clusterArticles(docs: StoryDoc[]): string[] {
  // Like the store: each article's terms are counted before its vector is made.
  const stats = createTermStats([]);
  const order = docs.map((d, i) => ({ i, t: parseTime(d.publishedAt) })).sort((a, b) => (a.t ?? Infinity) - (b.t ?? Infinity) || a.i - b.i);
  const profiles = new Map<string, StoryProfile>();
  const index = new Map<string, Set<string>>();
  const out: string[] = new Array<string>(docs.length).fill('');
  const reindex = (p: StoryProfile): void => {
    for (const k of storyKeys(p.features)) {
      let s = index.get(k);
      if (!s) index.set(k, (s = new Set()));
      s.add(p.id);
    }
  };
  for (const { i } of order) {
    const doc = docs[i]!;
    stats.add(articleTermSet(doc.text));
    const f = storyFeatures(doc, stats);
    // Like the store: the profiles sharing most look-up keys, at most `STORY.maxCandidates`.
    const shared = new Map<string, number>();
    for (const k of storyKeys(f)) for (const id of index.get(k) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
    const candidates = [...shared]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, STORY.maxCandidates)
      .map(([id]) => profiles.get(id)!);
    const { storyId } = assignStory(f, candidates);
    let profile: StoryProfile;
    if (storyId) profile = mergeIntoProfile(profiles.get(storyId)!, f, doc.title);
    else profile = createProfile(`story-${doc.id}`, f, doc.title, 0);
    profiles.set(profile.id, profile);
    reindex(profile);
    out[i] = profile.id;
  }
  return out;
}
