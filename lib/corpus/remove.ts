/** Removing articles while keeping sentences, links, vocabulary and story profiles consistent. */
import type { ArticleRecord, ParallaxDb } from '../db/db';
import { rebuildProfile } from '../pipeline/plan';
import type { TermSet } from './term-set';
import { primaryKeysAnyOf, rowsAnyOf } from '../db/query';

/**
 * Deletes the articles' sentences, links (both directions) and vocabulary
 * counts. Must run inside a transaction over the corpus tables. Returns the
 * stories that lost members; the caller rebuilds them.
 */
export async function removeArticleData(
  db: ParallaxDb,
  terms: TermSet,
  articles: readonly ArticleRecord[],
): Promise<{ stories: Set<string>; freed: string[] }> {
  const ids = articles.map((a) => a.id);
  const sentences = await rowsAnyOf(db.sentences, 'articleId', ids);
  await terms.load([...sentences.flatMap((s) => s.terms), ...articles.flatMap((a) => a.titleTerms ?? [])]);
  for (const s of sentences) terms.countSentence(s.terms, -1);
  for (const a of articles) terms.countTitle(a.titleTerms ?? [], -1);
  await db.sentences.bulkDelete(sentences.map((s) => s.id));

  const linkKeys = [...(await primaryKeysAnyOf(db.links, 'articleA', ids)), ...(await primaryKeysAnyOf(db.links, 'articleB', ids))];
  await db.links.bulkDelete(linkKeys);

  const freed: string[] = [];
  await db.articles.bulkDelete(ids);
  // Copies of a deleted original become independent sources.
  const copies = await rowsAnyOf(db.articles, 'reprintOf', ids);
  for (const c of copies) {
    delete c.reprintOf;
    freed.push(c.id);
  }
  await db.articles.bulkPut(copies);
  return { stories: new Set(articles.map((a) => a.storyId)), freed };
}

/** Recomputes story profiles from their remaining articles; deletes stories left empty. */
export async function rebuildStories(db: ParallaxDb, storyIds: readonly string[]): Promise<void> {
  for (const storyId of storyIds) {
    const profile = rebuildProfile(storyId, await db.articles.where('storyId').equals(storyId).toArray());
    if (profile) await db.stories.put(profile);
    else await db.stories.delete(storyId);
  }
}
