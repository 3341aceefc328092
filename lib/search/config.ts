/**
 * Tunables of the popup search, in one place.
 *
 * The search runs in two steps: query words are expanded to stored stems
 * through the trigram index (typos, inflections), candidate sentences come
 * from the `*terms` index, rarest stems first, and only that candidate set
 * (at most `rerankPool` items, never the corpus; fuse.js takes about 0.25 ms per item on a 2-core Xeon) is re-ranked with fuse.js. The caps
 * bound the work on a large store; the fuse.js options were chosen by hand
 * on the seed articles' sentences (the query "Milly poorly wordd" must rank
 * Gen. Milley's "Poorly worded" sentence first), not fitted to a test set.
 */
import type { IFuseOptions } from 'fuse.js';

export const SEARCH = {
  /** Most edits (insert, delete, substitute, swap) allowed between a query word and a stem, by word length. */
  maxEdits(length: number): number {
    return length <= 3 ? 0 : length <= 5 ? 1 : 2;
  },
  /** Alternatively, a stem sharing this share of the query word's trigrams counts as a near-match. */
  minGramSimilarity: 0.55,
  /** Stems compared (edit distance) per query word, those sharing most trigrams first. */
  maxGramCandidates: 300,
  /** Stems kept per query word. */
  maxExpansions: 6,
  /** Sentences read from the index per expanded stem. */
  perTermCandidates: 400,
  /**
   * Stems in at most this many sentences and titles have their sentences read whole by the index read that
   * finds them. In Chromium at 100k sentences (10 typo'd queries) the separate sentence reads per query fell
   * from 193 to 65, the worker's CPU from 126–166 to 99–130 ms a query (a judgement; not tuned further).
   */
  wholeRecordsMaxDf: 100,
  /** Sentences and titles gathered in all, before ranking by covered words. */
  maxCandidates: 3000,
  /**
   * Candidates re-ranked with fuse.js (each read from the store, ~0.25 ms of fuse.js each). 100 instead
   * measured: the sentence a typo'd query was made from first / in the top 5 / in the top 20 for 70 / 83 / 91
   * of 100 queries against 70 / 85 / 94 with 200 (`npm run bench -- --sizes 60000 --dexie-max 60000
   * --samples 100`), for 153 → 94 ms of the worker's CPU per query in Chromium at 100k sentences: kept at 200.
   */
  rerankPool: 200,
  /** Final score: share of the index-based word coverage vs. fuse.js's closeness. */
  coverageWeight: 0.6,
  /**
   * Highlights shorter than this are dropped: fuse.js also reports letter
   * pairs matched by chance ("ar" of "Marine" for "inspectoin").
   */
  minHighlight: 3,
} as const;

export const FUSE_OPTIONS: IFuseOptions<{ text: string }> = {
  keys: ['text'],
  useTokenSearch: true,
  tokenMatch: 'any',
  includeMatches: true,
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.4,
  minMatchCharLength: 2,
  shouldSort: true,
};
