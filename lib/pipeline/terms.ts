/**
 * Vocabulary counts as one capture changes them: the records it touches,
 * read once from a view, changed in memory and handed back as one change
 * set for the store to write. It is also the `TermStats` the matcher reads
 * (document frequencies over stored sentences) and, through `articles`, the
 * one story grouping reads (over stored articles), so every figure either
 * uses comes from the stored corpus, not from a worker's memory.
 */
import type { TermStats } from '../match/term-stats';
import { termGrams } from '../search/grams';
import type { TermRecord } from '../types';

/** Where the counts are read from (the store, or the in-memory corpus). */
export interface TermSource {
  termCounts(): Promise<{ sentences: number; articles: number }>;
  terms(keys: readonly string[]): Promise<(TermRecord | undefined)[]>;
}

/** What one write changes in the vocabulary. */
export interface TermChanges {
  put: TermRecord[];
  drop: string[];
  /** New totals, when they changed. */
  sentenceCount?: number;
  articleCount?: number;
}

export interface TermSet extends TermStats {
  /** Document frequencies over stored articles (each article's sentence stems, once per article). */
  readonly articles: TermStats;
  load(terms: Iterable<string>): Promise<void>;
  countSentence(terms: readonly string[], delta: 1 | -1): void;
  /** Counts an article: `terms` are all its sentences' stems (repeats count once). */
  countArticle(terms: readonly string[], delta: 1 | -1): void;
  countTitle(terms: readonly string[], delta: 1 | -1): void;
  /** The records changed so far, and the totals. */
  changes(): TermChanges;
}

export async function openTermSet(source: TermSource): Promise<TermSet> {
  const records = new Map<string, TermRecord | null>();
  const dirty = new Set<string>();
  const base = await source.termCounts();
  let docCount = base.sentences;
  let articleCount = base.articles;

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
      const found = await source.terms(missing);
      // Copies: the view's records are never changed in place.
      missing.forEach((t, i) => {
        const f = found[i];
        records.set(t, f ? { ...f } : null);
      });
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
    changes() {
      const put: TermRecord[] = [];
      const drop: string[] = [];
      for (const t of [...dirty].sort()) {
        const r = records.get(t);
        if (!r) continue;
        if (r.df <= 0 && (r.titleDf ?? 0) <= 0) drop.push(t);
        else put.push({ ...r });
      }
      return {
        put,
        drop,
        ...(docCount !== base.sentences ? { sentenceCount: Math.max(0, docCount) } : {}),
        ...(articleCount !== base.articles ? { articleCount: Math.max(0, articleCount) } : {}),
      };
    },
  };
}
