/**
 * Story grouping: articles about the same event form a story. Each article is
 * reduced to a small weighted term vector plus its proper names and time; a
 * story keeps the running centroid of its articles (its profile). A new
 * article joins the most similar profile that shares an index key with it,
 * when the similarity clears the threshold and the times are close enough;
 * otherwise it starts a story of its own. The batch path runs the same steps
 * over the articles in time order.
 */
import { tokenize } from '../text/tokens';
import { createTermStats, idf, type TermStats } from '../match/term-stats';
import { STORY } from './story-config';

export interface StoryDoc {
  id: string;
  title: string;
  text: string;
  publishedAt?: string;
  outlet: string;
}

export interface StoryFeatures {
  /** Top weighted stems (tf-idf, title-boosted), L2-normalised. */
  terms: Record<string, number>;
  /** Proper names, lower-cased, most frequent first. */
  names: string[];
  /** Epoch ms. */
  time?: number;
}

export interface StoryProfile {
  id: string;
  features: StoryFeatures;
  articleCount: number;
  firstSeen: number;
  lastSeen: number;
  title: string;
}

const DAY = 86_400_000;

/** Stems that make up an article for story purposes: content words, no bare numbers. */
export function storyTerms(text: string): string[] {
  const out: string[] = [];
  for (const t of tokenize(text)) if (!t.isStop && !t.isNumber && t.stem.length > 1) out.push(t.stem);
  return out;
}

// Capitalised runs not at a sentence start, or of two words or more: proper names.
function properNames(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const tokens = tokenize(text);
  let run: string[] = [];
  let runStartsSentence = false;
  const flush = (): void => {
    if (run.length > 1 || (run.length === 1 && !runStartsSentence)) {
      const name = run.join(' ');
      if (name.length > 2) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    run = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = tokens[i - 1];
    const gap = prev ? text.slice(prev.end, t.start) : '\n';
    const atSentenceStart = !prev || /[.!?\n]/.test(gap);
    if (t.isCapitalized && !t.isStop && !t.isNumber) {
      if (run.length > 0 && /^[\s]*$/.test(gap)) run.push(t.norm);
      else {
        flush();
        run = [t.norm];
        runStartsSentence = atSentenceStart;
      }
    } else flush();
  }
  flush();
  return counts;
}

function normalise(terms: Map<string, number>, keep: number): Record<string, number> {
  const top = [...terms].sort((a, b) => b[1] - a[1]).slice(0, keep);
  const norm = Math.sqrt(top.reduce((s, [, w]) => s + w * w, 0)) || 1;
  const out: Record<string, number> = {};
  for (const [t, w] of top) out[t] = w / norm;
  return out;
}

export function parseTime(iso: string | undefined): number | undefined {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : undefined;
}

export function storyFeatures(doc: StoryDoc, stats: TermStats): StoryFeatures {
  const tf = new Map<string, number>();
  for (const s of storyTerms(doc.title)) tf.set(s, (tf.get(s) ?? 0) + STORY.titleBoost);
  for (const s of storyTerms(doc.text)) tf.set(s, (tf.get(s) ?? 0) + 1);
  const weights = new Map<string, number>();
  for (const [t, n] of tf) weights.set(t, (1 + Math.log(n)) * idf(stats, t));
  const nameCounts = properNames(`${doc.title}\n${doc.text}`);
  const names = [...nameCounts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, STORY.maxNames)
    .map(([n]) => n);
  const time = parseTime(doc.publishedAt);
  return time === undefined ? { terms: normalise(weights, STORY.maxTerms), names } : { terms: normalise(weights, STORY.maxTerms), names, time };
}

/** Index keys: the highest-weight terms and the leading names ("@name"). */
export function storyKeys(f: StoryFeatures): string[] {
  const terms = Object.entries(f.terms)
    .sort((a, b) => b[1] - a[1])
    .slice(0, STORY.keyTerms)
    .map(([t]) => t);
  const names = f.names.slice(0, STORY.keyNames).map((n) => `@${n}`);
  return [...terms, ...names];
}

function cosine(a: Record<string, number>, b: Record<string, number>): number {
  let s = 0;
  const [small, large] = Object.keys(a).length < Object.keys(b).length ? [a, b] : [b, a];
  for (const t in small) {
    const w = large[t];
    if (w !== undefined) s += w * small[t]!;
  }
  return s;
}

function nameOverlap(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const set = new Set(b);
  let shared = 0;
  for (const n of a) if (set.has(n)) shared++;
  return shared / Math.min(a.length, b.length, STORY.nameOverlapCap);
}

/** Similarity of an article to a story profile in [0, 1], time-gated. */
export function storySimilarity(f: StoryFeatures, p: StoryProfile): number {
  if (f.time !== undefined && p.articleCount > 0 && Number.isFinite(p.firstSeen) && p.firstSeen > 0) {
    const outside = Math.max(0, p.firstSeen - f.time, f.time - p.lastSeen);
    if (outside > STORY.windowDays * DAY) return 0;
  }
  const names = Math.min(1, nameOverlap(f.names, p.features.names));
  return (1 - STORY.nameWeight) * cosine(f.terms, p.features.terms) + STORY.nameWeight * names;
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

/** A fresh profile for an article that starts a story. */
export function createProfile(id: string, f: StoryFeatures, title: string, now = Date.now()): StoryProfile {
  const t = f.time ?? now;
  return { id, features: f, articleCount: 1, firstSeen: t, lastSeen: t, title };
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
  const features: StoryFeatures = { terms: normalise(sum, STORY.maxProfileTerms), names };
  const first = Math.min(...times);
  const last = Math.max(...times);
  features.time = last;
  return {
    id: profile.id,
    features,
    articleCount: n + 1,
    firstSeen: first,
    lastSeen: last,
    title: profile.title || title || '',
  };
}

/** Batch grouping: a story id per doc, in the input order; same steps as the incremental path. */
export function clusterArticles(docs: StoryDoc[]): string[] {
  const counted = createTermStats(docs.map((d) => storyTerms(`${d.title}\n${d.text}`)));
  // A small batch would call its own topic words common; pseudo-documents
  // without any term keep their idf high (negligible for large batches).
  const stats: TermStats = { docCount: counted.docCount + STORY.priorDocs, df: (t) => counted.df(t) };
  const order = docs
    .map((d, i) => ({ i, t: parseTime(d.publishedAt) }))
    .sort((a, b) => (a.t ?? Infinity) - (b.t ?? Infinity) || a.i - b.i);
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
    const f = storyFeatures(doc, stats);
    const ids = new Set<string>();
    for (const k of storyKeys(f)) for (const id of index.get(k) ?? []) ids.add(id);
    const candidates = [...ids].map((id) => profiles.get(id)!);
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
