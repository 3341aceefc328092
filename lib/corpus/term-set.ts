/**
 * The vocabulary records one write touches, loaded once, changed in memory
 * and written back together. It is also the `TermStats` the matcher reads
 * (document frequencies over stored sentences), so every figure the matcher
 * uses comes from IndexedDB, not from a worker's memory.
 */
import type { ParallaxDb, TermRecord } from '../db/db';
import type { TermStats } from '../match/term-stats';
import { termGrams } from '../search/grams';

const SENTENCE_COUNT_KEY = 'corpus.sentenceCount';

export interface TermSet extends TermStats {
  load(terms: Iterable<string>): Promise<void>;
  countSentence(terms: readonly string[], delta: 1 | -1): void;
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

/** Must be used inside a transaction that covers `terms` and `settings`. */
export async function openTermSet(db: ParallaxDb): Promise<TermSet> {
  const records = new Map<string, TermRecord | null>();
  const dirty = new Set<string>();
  const baseCount = await readSentenceCount(db);
  let docCount = baseCount;

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
    },
  };
}
