/**
 * The vocabulary records one write touches, loaded once, changed in memory
 * and written back together. It is also the `TermStats` the matcher reads
 * (document frequencies over stored sentences), and through `articles` the
 * one story grouping reads (over stored articles), so every figure either
 * uses comes from IndexedDB, not from a worker's memory.
 */
import type { ParallaxDb, TermRecord } from '../db/db';
import type { TermStats } from '../match/term-stats';
import { termGrams } from '../search/grams';
import { rowsAnyOf } from '../db/query';

export const SENTENCE_COUNT_KEY = 'corpus.sentenceCount';
export const ARTICLE_COUNT_KEY = 'corpus.articleCount';

export interface TermSet extends TermStats {
  /** Document frequencies over stored articles (each article's sentence stems, once per article). */
  readonly articles: TermStats;
  load(terms: Iterable<string>): Promise<void>;
  countSentence(terms: readonly string[], delta: 1 | -1): void;
  /** Counts an article: `terms` are all its sentences' stems (repeats count once). */
  countArticle(terms: readonly string[], delta: 1 | -1): void;
  countTitle(terms: readonly string[], delta: 1 | -1): void;
  flush(): Promise<void>;
}

export async function readSentenceCount(db: ParallaxDb): Promise<number> {
  const rec = await db.settings.get(SENTENCE_COUNT_KEY);
  return typeof rec?.value === 'number' ? rec.value : 0;
}

export async function writeSentenceCount(db: ParallaxDb, count: number): Promise<void> {
  await db.settings.put({ key: SENTENCE_COUNT_KEY, value: Math.max(0, count) });
}

export async function readArticleCount(db: ParallaxDb): Promise<number> {
  const rec = await db.settings.get(ARTICLE_COUNT_KEY);
  return typeof rec?.value === 'number' ? rec.value : 0;
}

export async function writeArticleCount(db: ParallaxDb, count: number): Promise<void> {
  await db.settings.put({ key: ARTICLE_COUNT_KEY, value: Math.max(0, count) });
}

/**
 * Takes stored articles out of the article counts, from their stored
 * sentences (so the counts undo exactly what was added, whatever the
 * tokenizer does today). Call before their sentences are deleted.
 */
export async function uncountArticles(db: ParallaxDb, terms: TermSet, articleIds: readonly string[]): Promise<void> {
  if (articleIds.length === 0) return;
  const byArticle = new Map<string, Set<string>>(articleIds.map((id) => [id, new Set<string>()]));
  for (const s of await rowsAnyOf(db.sentences, 'articleId', articleIds)) {
    const set = byArticle.get(s.articleId);
    if (set) for (const t of s.terms) set.add(t);
  }
  await terms.load([...byArticle.values()].flatMap((s) => [...s]));
  for (const set of byArticle.values()) terms.countArticle([...set], -1);
}

/** Must be used inside a transaction that covers `terms` and `settings`. */
export async function openTermSet(db: ParallaxDb): Promise<TermSet> {
  const records = new Map<string, TermRecord | null>();
  const dirty = new Set<string>();
  const baseCount = await readSentenceCount(db);
  let docCount = baseCount;
  const baseArticles = await readArticleCount(db);
  let articleCount = baseArticles;

  const record = (term: string): TermRecord => {
    let r = records.get(term);
    if (!r) {
      r = { term, df: 0, grams: termGrams(term) };
      records.set(term, r);
    }
    dirty.add(term);
    return r;
  };

  return {
    get docCount() {
      return docCount;
    },
    df: (term) => records.get(term)?.df ?? 0,
    articles: {
      get docCount() {
        return articleCount;
      },
      df: (term) => records.get(term)?.articleDf ?? 0,
    },
    async load(terms) {
      const missing = [...new Set(terms)].filter((t) => !records.has(t));
      if (missing.length === 0) return;
      const found = await db.terms.bulkGet(missing);
      missing.forEach((t, i) => records.set(t, found[i] ?? null));
    },
    countSentence(terms, delta) {
      docCount += delta;
      for (const t of new Set(terms)) record(t).df += delta;
    },
    countArticle(terms, delta) {
      articleCount += delta;
      for (const t of new Set(terms)) {
        const r = record(t);
        r.articleDf = (r.articleDf ?? 0) + delta;
      }
    },
    countTitle(terms, delta) {
      for (const t of new Set(terms)) {
        const r = record(t);
        r.titleDf = (r.titleDf ?? 0) + delta;
      }
    },
    async flush() {
      const keep: TermRecord[] = [];
      const drop: string[] = [];
      for (const t of dirty) {
        const r = records.get(t);
        if (!r) continue;
        if (r.df <= 0 && (r.titleDf ?? 0) <= 0) drop.push(t);
        else keep.push(r);
      }
      if (keep.length) await db.terms.bulkPut(keep);
      if (drop.length) await db.terms.bulkDelete(drop);
      dirty.clear();
      if (docCount !== baseCount) await writeSentenceCount(db, docCount);
      if (articleCount !== baseArticles) await writeArticleCount(db, articleCount);
    },
  };
}
