import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, test } from 'vitest';
import { createDb } from '../../lib/db/db';
import { applyTermChanges, openTermSet, uncountArticles } from '../../lib/corpus/term-set';

const tables = (db: ReturnType<typeof createDb>) => [db.terms, db.settings, db.sentences];

describe('term set article counts', () => {
  test('a stem repeated in an article counts once for the article, once per sentence for sentences', async () => {
    const db = createDb('t', { indexedDB: new IDBFactory(), IDBKeyRange });
    await db.transaction('rw', tables(db), async () => {
      const terms = await openTermSet(db);
      const sentences = [
        ['troop', 'iraq'],
        ['troop', 'letter'],
      ];
      await terms.load(sentences.flat());
      for (const s of sentences) terms.countSentence(s, 1);
      terms.countArticle(sentences.flat(), 1);
      await applyTermChanges(db, terms.changes());
    });
    const stored = await db.transaction('r', tables(db), () => openTermSet(db));
    await db.transaction('r', tables(db), () => stored.load(['troop', 'iraq']));
    expect([stored.df('troop'), stored.docCount]).toEqual([2, 2]);
    expect([stored.articles.df('troop'), stored.articles.df('iraq'), stored.articles.docCount]).toEqual([1, 1, 1]);
    db.close();
  });

  test('uncounting a stored article takes back exactly what its sentences added', async () => {
    const db = createDb('t', { indexedDB: new IDBFactory(), IDBKeyRange });
    const put = (articleId: string, sentences: string[][]) =>
      db.sentences.bulkPut(
        sentences.map((terms, index) => ({
          id: `${articleId}#${index}`,
          articleId,
          storyId: 's',
          index,
          start: 0,
          end: 1,
          text: '',
          terms,
        })),
      );
    await put('a', [['troop', 'iraq'], ['troop']]);
    await put('b', [['troop', 'letter']]);
    await db.transaction('rw', tables(db), async () => {
      const terms = await openTermSet(db);
      await terms.load(['troop', 'iraq', 'letter']);
      terms.countArticle(['troop', 'iraq', 'troop'], 1);
      terms.countArticle(['troop', 'letter'], 1);
      await uncountArticles(db, terms, ['a']);
      expect([terms.articles.df('troop'), terms.articles.df('iraq'), terms.articles.df('letter'), terms.articles.docCount]).toEqual([
        1, 0, 1, 1,
      ]);
      await applyTermChanges(db, terms.changes());
    });
    expect((await db.settings.get('corpus.articleCount'))?.value).toBe(1);
    db.close();
  });
});
