import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { expect } from 'vitest';
import { createDb, type ParallaxDb } from '../../lib/db/db';
import { createCorpus } from '../../lib/corpus/corpus';

/** A fresh in-memory store and a corpus whose clock advances one minute per call. */
export function freshCorpus(start = Date.parse('2024-03-01T12:00:00Z')) {
  const db = createDb('parallax', { indexedDB: new IDBFactory(), IDBKeyRange });
  let t = start;
  const clock = { now: () => (t += 60_000), set: (v: number) => (t = v) };
  return { db, clock, corpus: createCorpus(db, { now: clock.now }) };
}

/** Everything in every table, for before/after comparisons. */
export async function snapshot(db: ParallaxDb) {
  const [articles, sentences, stories, links, terms, settings, claims] = await Promise.all([
    db.articles.toArray(),
    db.sentences.toArray(),
    db.stories.toArray(),
    db.links.toArray(),
    db.terms.toArray(),
    db.settings.toArray(),
    db.claims.toArray(),
  ]);
  return { articles, sentences, stories, links, terms, settings, claims };
}

/** The invariants a reader relies on after any write or deletion. */
export async function expectConsistent(db: ParallaxDb) {
  const s = await snapshot(db);
  const articleIds = new Set(s.articles.map((a) => a.id));
  const sentenceIds = new Set(s.sentences.map((x) => x.id));
  for (const x of s.sentences) expect(articleIds.has(x.articleId)).toBe(true);
  for (const l of s.links) {
    expect(sentenceIds.has(l.a) && sentenceIds.has(l.b)).toBe(true);
    expect(s.links.some((r) => r.a === l.b && r.b === l.a)).toBe(true);
  }
  // Claim groups name stored sentences of their own story, of at least two outlets.
  const storyIds = new Set(s.stories.map((x) => x.id));
  const sentenceById = new Map(s.sentences.map((x) => [x.id, x]));
  const outletOf = new Map(s.articles.map((a) => [a.id, a.outlet]));
  for (const c of s.claims) {
    expect(storyIds.has(c.storyId)).toBe(true);
    for (const g of c.groups) {
      for (const id of g.sentenceIds) expect(sentenceById.get(id)?.storyId).toBe(c.storyId);
      expect(new Set(g.sentenceIds.map((id) => outletOf.get(sentenceById.get(id)!.articleId))).size).toBeGreaterThanOrEqual(2);
    }
  }
  for (const a of s.articles) {
    if (a.reprintOf) expect(articleIds.has(a.reprintOf)).toBe(true);
    expect(a.sentenceCount).toBe(s.sentences.filter((x) => x.articleId === a.id).length);
  }
  const members = new Map<string, number>();
  for (const a of s.articles) members.set(a.storyId, (members.get(a.storyId) ?? 0) + 1);
  expect(new Map(s.stories.map((st) => [st.id, st.articleCount]))).toEqual(members);

  const df = new Map<string, number>();
  for (const x of s.sentences) for (const t of new Set(x.terms)) df.set(t, (df.get(t) ?? 0) + 1);
  const titleDf = new Map<string, number>();
  for (const a of s.articles) for (const t of new Set(a.titleTerms)) titleDf.set(t, (titleDf.get(t) ?? 0) + 1);
  const vocabulary = new Set([...df.keys(), ...titleDf.keys()]);
  expect(new Set(s.terms.map((t) => t.term))).toEqual(vocabulary);
  for (const t of s.terms) {
    expect(t.df).toBe(df.get(t.term) ?? 0);
    expect(t.titleDf ?? 0).toBe(titleDf.get(t.term) ?? 0);
  }
  const count = s.settings.find((x) => x.key === 'corpus.sentenceCount')?.value ?? 0;
  expect(count).toBe(s.sentences.length);

  // Story grouping's counts: articles containing each stem, and articles stored.
  const perArticle = new Map<string, Set<string>>();
  for (const x of s.sentences) {
    const set = perArticle.get(x.articleId) ?? new Set<string>();
    for (const t of x.terms) set.add(t);
    perArticle.set(x.articleId, set);
  }
  const articleDf = new Map<string, number>();
  for (const set of perArticle.values()) for (const t of set) articleDf.set(t, (articleDf.get(t) ?? 0) + 1);
  for (const t of s.terms) expect([t.term, t.articleDf ?? 0]).toEqual([t.term, articleDf.get(t.term) ?? 0]);
  const articleCount = s.settings.find((x) => x.key === 'corpus.articleCount')?.value ?? 0;
  expect(articleCount).toBe(s.articles.length);
}
