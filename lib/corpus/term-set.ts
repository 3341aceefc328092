/**
 * The vocabulary as IndexedDB keeps it: the term records and the two totals
 * (sentences, articles) in `settings`, read by the pipeline's term overlay
 * (lib/pipeline/terms.ts) and written back from its change set.
 */
import type { ParallaxDb } from '../db/db';
import { rowsAnyOf } from '../db/query';
import { openTermSet as openOverlay, type TermChanges, type TermSet, type TermSource } from '../pipeline/terms';

export type { TermSet } from '../pipeline/terms';

export const SENTENCE_COUNT_KEY = 'corpus.sentenceCount';
export const ARTICLE_COUNT_KEY = 'corpus.articleCount';

async function readCount(db: ParallaxDb, key: string): Promise<number> {
  const rec = await db.settings.get(key);
  return typeof rec?.value === 'number' ? rec.value : 0;
}

export const readSentenceCount = (db: ParallaxDb): Promise<number> => readCount(db, SENTENCE_COUNT_KEY);

/** The store's vocabulary as the pipeline reads it. */
export function termSource(db: ParallaxDb): TermSource {
  return {
    termCounts: async () => ({ sentences: await readCount(db, SENTENCE_COUNT_KEY), articles: await readCount(db, ARTICLE_COUNT_KEY) }),
    terms: (keys) => db.terms.bulkGet([...keys]),
  };
}

/** Writes a change set of the vocabulary. Must run inside a transaction over `terms` and `settings`. */
export async function applyTermChanges(db: ParallaxDb, changes: TermChanges): Promise<void> {
  if (changes.put.length) await db.terms.bulkPut(changes.put);
  if (changes.drop.length) await db.terms.bulkDelete(changes.drop);
  if (changes.sentenceCount !== undefined) await db.settings.put({ key: SENTENCE_COUNT_KEY, value: changes.sentenceCount });
  if (changes.articleCount !== undefined) await db.settings.put({ key: ARTICLE_COUNT_KEY, value: changes.articleCount });
}

/** A term overlay over the store. Must be used inside a transaction that covers `terms` and `settings`. */
export const openTermSet = (db: ParallaxDb): Promise<TermSet> => openOverlay(termSource(db));

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
