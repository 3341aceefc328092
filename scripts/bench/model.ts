/**
 * Benchmark corpora: articles recombined from base stories, and their stored
 * records built in bulk with the engine's own functions (segmenting is known
 * from the recombination, terms and story features come from the engine).
 * Filler articles are grouped by the story they were made from instead of
 * being assigned one by one, and carry no claim links: neither is read when
 * a new article is stored and matched, which is what is timed.
 */
import { SENTENCE_COUNT_KEY } from '../../lib/corpus/term-set';
import type { ArticleRecord, ParallaxDb, StoryRecord, TermRecord } from '../../lib/db/db';
import { titleTermsOf, tokenize } from '../../lib/text/tokens';
import { createTermStats } from '../../lib/match/term-stats';
import { termGrams } from '../../lib/search/grams';
import { createProfile, mergeIntoProfile, storyFeatures, storyKeys, type StoryFeatures } from '../../lib/story/stories';
import { contentTerms } from '../../lib/text/tokens';
import type { ArticleInput, StoredSentence } from '../../lib/types';
import { seeded, type BaseStory } from './data';

const DAY = 86_400_000;
const T0 = Date.parse('2023-01-01T06:00:00Z');
/** Replicas of a base story lie this far apart, beyond the story time window, so they stay separate stories. */
const REPLICA_GAP = 9 * DAY;

export const OUTLETS = [
  'The Daily Ledger',
  'Evening Courier',
  'Valley Gazette',
  'Coastal Wire',
  'Harbor Times',
  'Northern Star',
  'Metro Chronicle',
  'The Sentinel',
  'Capital Post',
  'Riverside Herald',
  'Morning Tribune',
  'The Observer Weekly',
  'Prairie Journal',
  'City Dispatch',
  'Lakeside News',
  'The Examiner',
  'Summit Record',
  'Bay Reporter',
  'Continental Press',
  'The Standard',
];

export interface GenArticle {
  input: ArticleInput;
  sentences: string[];
  story: number;
  replica: number;
  doc: number;
}

export function replicaTime(story: number, replica: number): number {
  return T0 + replica * REPLICA_GAP + (story % 48) * 3_600_000;
}

/** A reworked copy of a document: most sentences kept, one borrowed from another outlet's report of the story. */
export function variant(base: BaseStory, doc: number, rand: () => number, length?: number): string[] {
  const own = base.docs[doc]!;
  const pool = base.docs.flat();
  const out: string[] = [];
  if (length === undefined) {
    for (const s of own) if (rand() < 0.85) out.push(s);
    const borrowed = pool[Math.floor(rand() * pool.length)];
    if (borrowed) out.splice(Math.floor(rand() * (out.length + 1)), 0, borrowed);
    return out.length ? out : own.slice(0, 3);
  }
  // A long article: the story's sentences in turn, as often as needed.
  for (let i = 0; out.length < length; i++) out.push(pool[(doc * 7 + i) % pool.length]!);
  return out;
}

export function* generateArticles(stories: BaseStory[], targetSentences: number, seed = 1): Generator<GenArticle> {
  const rand = seeded(seed);
  let total = 0;
  for (let replica = 0; total < targetSentences; replica++) {
    for (let s = 0; s < stories.length && total < targetSentences; s++) {
      const base = stories[s]!;
      for (let d = 0; d < base.docs.length && total < targetSentences; d++) {
        const sentences = variant(base, d, rand);
        const outlet = OUTLETS[(s * 3 + d + replica * 7) % OUTLETS.length]!;
        const title = titleFrom(sentences[0]!);
        const time = replicaTime(s, replica) + d * 1_800_000;
        total += sentences.length;
        yield {
          story: s,
          replica,
          doc: d,
          sentences,
          input: {
            url: `https://${slug(outlet)}.example/${replica}/${s}/${d}`,
            outlet,
            title,
            publishedAt: new Date(time).toISOString(),
            text: sentences.join(' '),
          },
        };
      }
    }
  }
}

export function titleFrom(sentence: string): string {
  return sentence
    .split(/\s+/)
    .slice(0, 9)
    .join(' ')
    .replace(/[,.;:]$/, '');
}

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z]+/g, '');
}

export interface CorpusModel {
  articles: ArticleRecord[];
  sentences: StoredSentence[];
  stories: Map<string, StoryRecord>;
  df: Map<string, number>;
  titleDf: Map<string, number>;
  sentenceCount: number;
}

/** Stored records for generated articles, built in bulk. */
export function buildModel(stories: BaseStory[], generated: Iterable<GenArticle>): CorpusModel {
  const termsOf = new Map<string, string[]>();
  const terms = (s: string): string[] => {
    let t = termsOf.get(s);
    if (!t) termsOf.set(s, (t = [...new Set(contentTerms(s))]));
    return t;
  };
  // Article features from the base document (replicas differ only in a few sentences and in time).
  const baseStats = createTermStats(stories.flatMap((b) => b.docs.flat().map(terms)));
  const baseFeatures = new Map<string, StoryFeatures>();

  const model: CorpusModel = { articles: [], sentences: [], stories: new Map(), df: new Map(), titleDf: new Map(), sentenceCount: 0 };
  let n = 0;
  for (const g of generated) {
    const id = `bench-${n++}`;
    const storyId = `story-${g.story}-${g.replica}`;
    const key = `${g.story}/${g.doc}`;
    let f = baseFeatures.get(key);
    if (!f) {
      const base = stories[g.story]!;
      f = storyFeatures({ id: key, title: titleFrom(base.docs[g.doc]![0]!), text: base.docs[g.doc]!.join(' '), outlet: '' }, baseStats);
      baseFeatures.set(key, f);
    }
    const time = Date.parse(g.input.publishedAt!);
    const features: StoryFeatures = { ...f, time };
    const titleTerms = titleTermsOf(g.input.title);
    let offset = 0;
    g.sentences.forEach((text, index) => {
      const t = terms(text);
      model.sentences.push({
        id: `${id}#${index}`,
        articleId: id,
        storyId,
        index,
        start: offset,
        end: offset + text.length,
        text,
        terms: t,
      });
      offset += text.length + 1;
      for (const term of t) model.df.set(term, (model.df.get(term) ?? 0) + 1);
    });
    for (const term of titleTerms) model.titleDf.set(term, (model.titleDf.get(term) ?? 0) + 1);
    model.sentenceCount += g.sentences.length;
    model.articles.push({
      ...g.input,
      id,
      host: new URL(g.input.url).hostname,
      storyId,
      source: 'import',
      capturedAt: time,
      updatedAt: time,
      sentenceCount: g.sentences.length,
      titleTerms,
      features,
    });
    const prev = model.stories.get(storyId);
    const profile = prev ? mergeIntoProfile(prev, features, g.input.title) : createProfile(storyId, features, g.input.title, time);
    model.stories.set(storyId, { ...profile, keys: storyKeys(profile.features) });
  }
  return model;
}

export function termRecords(model: CorpusModel): TermRecord[] {
  const all = new Set([...model.df.keys(), ...model.titleDf.keys()]);
  return [...all].map((term) => ({
    term,
    df: model.df.get(term) ?? 0,
    ...(model.titleDf.has(term) ? { titleDf: model.titleDf.get(term)! } : {}),
    grams: termGrams(term),
  }));
}

/** Writes a model's records straight into a store, as the capture pipeline would have left them (no links, no claim groups). */
export async function bulkLoad(db: ParallaxDb, model: CorpusModel): Promise<void> {
  const chunk = 5000;
  for (let i = 0; i < model.articles.length; i += chunk) await db.articles.bulkPut(model.articles.slice(i, i + chunk));
  for (let i = 0; i < model.sentences.length; i += chunk) await db.sentences.bulkPut(model.sentences.slice(i, i + chunk));
  await db.stories.bulkPut([...model.stories.values()]);
  const terms = termRecords(model);
  for (let i = 0; i < terms.length; i += chunk) await db.terms.bulkPut(terms.slice(i, i + chunk));
  await db.settings.put({ key: SENTENCE_COUNT_KEY, value: model.sentenceCount });
}

/** The base story and replica a probe article joins. */
export interface ProbeTarget {
  story: number;
  replica: number;
}

/**
 * New articles for stored stories, from another outlet, as a reader would
 * open them: `pick` chooses the story (and replica) of each from the seeded
 * random generator; `length` asks for that many sentences (a long article).
 */
export function probeArticles(
  stories: BaseStory[],
  pick: (rand: () => number) => ProbeTarget,
  count: number,
  options: { length?: number | undefined; seed: number; url(i: number): string; outlet?: string },
): ArticleInput[] {
  const rand = seeded(options.seed);
  const out: ArticleInput[] = [];
  for (let i = 0; i < count; i++) {
    const { story, replica } = pick(rand);
    const base = stories[story]!;
    const sentences = variant(base, Math.floor(rand() * base.docs.length), rand, options.length);
    out.push({
      url: options.url(i),
      outlet: options.outlet ?? 'Bench Herald',
      title: titleFrom(sentences[0]!),
      publishedAt: new Date(replicaTime(story, replica) + 7_200_000).toISOString(),
      text: sentences.join(' '),
    });
  }
  return out;
}

/** Queries a reader might type: three words of a stored sentence, two of them misspelt; each with the sentence it was made from. */
export function typoQueries(sentences: readonly { text: string }[], count: number): { query: string; source: string }[] {
  const rand = seeded(99);
  const out: { query: string; source: string }[] = [];
  while (out.length < count) {
    const s = sentences[Math.floor(rand() * sentences.length)]!;
    const words = tokenize(s.text).filter((t) => !t.isStop && !t.isNumber && t.raw.length >= 5);
    if (words.length < 3) continue;
    const picked = [0, 1, 2].map(() => words[Math.floor(rand() * words.length)]!.raw);
    const query = picked
      .map((w, i) => (i === 2 ? w : i === 0 ? w.slice(0, 2) + w.slice(3) : w.slice(0, 1) + w[2] + w[1] + w.slice(3)))
      .join(' ');
    out.push({ query, source: s.text });
  }
  return out;
}
