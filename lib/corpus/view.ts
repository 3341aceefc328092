/**
 * The capture pipeline's read-only view of IndexedDB, read inside the
 * write's transaction (plans are applied by `batch.ts` in that same
 * transaction, so an article is stored whole or not at all).
 */
import type { ParallaxDb } from '../db/db';
import { primaryKeysAnyOf, rowsAnyOf } from '../db/query';
import type { CorpusView } from '../pipeline/plan';
import { hostOfOrUndefined, outletKey, relatedHosts } from '../pipeline/ids';
import { termSource } from './term-set';

export function dexieView(db: ParallaxDb): CorpusView {
  const terms = termSource(db);
  return {
    articleById: (id) => db.articles.get(id),
    articleByUrl: (url) => db.articles.where('url').equals(url).first(),
    lastCapturedAt: async () => (await db.articles.orderBy('capturedAt').last())?.capturedAt,
    termCounts: terms.termCounts,
    terms: terms.terms,
    storyIdsByKeys: (keys) => primaryKeysAnyOf(db.stories, 'keys', keys),
    stories: (ids) => db.stories.bulkGet([...ids]),
    storyArticles: (storyId) => db.articles.where('storyId').equals(storyId).toArray(),
    sentencesOf: (ids) => rowsAnyOf(db.sentences, 'articleId', ids),
    sentences: (ids) => db.sentences.bulkGet([...ids]),
    linksTouching: async (ids) => {
      const keys = [...(await primaryKeysAnyOf(db.links, 'articleA', ids)), ...(await primaryKeysAnyOf(db.links, 'articleB', ids))];
      const unique = [...new Map(keys.map((k) => [`${k[0]}\u0000${k[1]}`, k])).values()];
      return (await db.links.bulkGet(unique)).filter((l) => l !== undefined);
    },
    storyLinks: (storyId) => db.links.where('storyId').equals(storyId).toArray(),
    outletHosts: async (outlet, host) => {
      // Names spelt differently but compared alike (outletKey) are one name: a page cannot pose as an outlet by its case or spacing.
      const key = outletKey(outlet);
      const names = (await db.articles.orderBy('outlet').uniqueKeys()).map(String).filter((n) => outletKey(n) === key);
      const named = names.length ? await db.articles.where('outlet').anyOf(names).primaryKeys() : [];
      if (named.length === 0) return { here: false, elsewhere: false };
      const mine = new Set(await db.articles.where('host').equals(host).primaryKeys());
      return { here: named.some((id) => mine.has(id)), elsewhere: named.some((id) => !mine.has(id)) };
    },
    knownHost: async (host, before) => {
      const feeds = await db.feeds.toArray();
      if (feeds.some((f) => relatedHosts(hostOfOrUndefined(f.url), host))) return true;
      return (
        (await db.articles
          .where('host')
          .equals(host)
          .filter((a) => a.capturedAt < before)
          .first()) !== undefined
      );
    },
  };
}
