import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, test } from 'vitest';
import { createDb, DB_VERSION, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, type ParallaxDb } from '../../lib/db/db';
import { createCorpus } from '../../lib/corpus/corpus';
import { expectConsistent, snapshot } from '../corpus/helpers';
import { BRIDGE, FESTIVAL } from '../corpus/fixtures';
import { search } from '../../lib/search/search';

function freshFactory() {
  return { indexedDB: new IDBFactory(), IDBKeyRange };
}

/** A store at an older version (one schema a version, from 1), with the bridge story and the festival captured into it. */
async function capturedAt(schemas: readonly Record<string, string>[], factory: ReturnType<typeof freshFactory>): Promise<ParallaxDb> {
  const old = new Dexie('parallax', factory) as ParallaxDb;
  schemas.forEach((schema, i) => old.version(i + 1).stores(schema));
  let t = Date.parse('2024-03-01T12:00:00Z');
  const corpus = createCorpus(old, { now: () => (t += 1000) });
  for (const a of [...BRIDGE, FESTIVAL]) await corpus.ingest(a, 'page');
  return old;
}

describe('createDb', () => {
  test('opens an empty store at the current version with every table', async () => {
    const db = createDb('t', freshFactory());
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual(
      ['articles', 'claims', 'feeds', 'links', 'sentences', 'settings', 'stories', 'terms'].sort(),
    );
    db.close();
  });

  test('finds sentences through the multi-entry terms index', async () => {
    const db = createDb('t', freshFactory());
    await db.sentences.bulkPut([
      { id: 'a#0', articleId: 'a', storyId: 's', index: 0, start: 0, end: 5, text: 'x', terms: ['troop', 'iraq'] },
      { id: 'b#0', articleId: 'b', storyId: 's', index: 0, start: 0, end: 5, text: 'y', terms: ['letter'] },
    ]);
    expect(await db.sentences.where('terms').equals('iraq').primaryKeys()).toEqual(['a#0']);
    db.close();
  });
});

describe('upgrade from version 1', () => {
  test('keeps version-1 data and backfills host, source and title terms', async () => {
    const factory = freshFactory();
    const v1 = new Dexie('parallax', factory);
    v1.version(1).stores(SCHEMA_V1);
    await v1.table('articles').bulkPut([
      {
        id: 'a1',
        url: 'https://WWW.Ledger.example/2020/letter',
        outlet: 'The Daily Ledger',
        title: 'Pentagon letter on Iraq withdrawal',
        text: 'A letter said troops would leave Iraq.',
        host: 'WWW.Ledger.Example',
        storyId: 's1',
        capturedAt: 1,
        updatedAt: 1,
        sentenceCount: 1,
      },
      {
        id: 'a2',
        url: 'https://wire.example/x',
        outlet: 'Wire',
        title: 'Troops',
        text: 'Troops.',
        host: 'wire.example',
        storyId: 's1',
        source: 'feed',
        capturedAt: 2,
        updatedAt: 2,
        sentenceCount: 1,
      },
    ]);
    await v1.table('settings').put({ key: 'pause', value: { everywhere: true, hosts: [] } });
    v1.close();

    const db = createDb('parallax', factory);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    const [a1, a2] = await db.articles.bulkGet(['a1', 'a2']);
    expect(a1).toMatchObject({ host: 'ledger.example', source: 'page', outlet: 'The Daily Ledger' });
    expect(a1?.titleTerms).toEqual(expect.arrayContaining(['pentagon', 'letter', 'iraq', 'withdraw']));
    expect(a2).toMatchObject({ host: 'wire.example', source: 'feed' });
    expect(await db.articles.where('titleTerms').equals('troop').primaryKeys()).toEqual(['a2']);
    expect((await db.settings.get('pause'))?.value).toEqual({ everywhere: true, hosts: [] });
    await db.feeds.put({
      id: 'f1',
      url: 'https://wire.example/feed.xml',
      title: 'Wire',
      outlet: 'Wire',
      intervalMinutes: 30,
      articlesAdded: 0,
      nextPollAt: 5,
      failures: 0,
    });
    expect(await db.feeds.where('nextPollAt').belowOrEqual(10).count()).toBe(1);
    db.close();
  });
});

describe('upgrade from version 2', () => {
  test('counts the articles containing each stored term, and later captures keep the counts', async () => {
    const factory = freshFactory();
    const v2 = new Dexie('parallax', factory);
    v2.version(1).stores(SCHEMA_V1);
    v2.version(2).stores(SCHEMA_V2);
    const article = (id: string, text: string) => ({
      id,
      url: `https://ledger.example/${id}`,
      outlet: 'The Daily Ledger',
      title: '',
      text,
      host: 'ledger.example',
      storyId: `s-${id}`,
      source: 'page',
      capturedAt: id === 'a' ? 1 : 2,
      updatedAt: 1,
      sentenceCount: 2,
      titleTerms: [],
    });
    const sentence = (articleId: string, index: number, terms: string[]) => ({
      id: `${articleId}#${index}`,
      articleId,
      storyId: `s-${articleId}`,
      index,
      start: 0,
      end: 1,
      text: terms.join(' '),
      terms,
    });
    await v2.table('articles').bulkPut([article('a', 'Troops leave. Iraq troops.'), article('b', 'Troops stay. A letter.')]);
    await v2
      .table('sentences')
      .bulkPut([
        sentence('a', 0, ['troop', 'leav']),
        sentence('a', 1, ['iraq', 'troop']),
        sentence('b', 0, ['troop', 'stay']),
        sentence('b', 1, ['letter']),
      ]);
    const dfs: [string, number][] = [
      ['troop', 3],
      ['leav', 1],
      ['iraq', 1],
      ['stay', 1],
      ['letter', 1],
    ];
    await v2.table('terms').bulkPut(dfs.map(([term, df]) => ({ term, df, grams: [] })));
    await v2.table('settings').put({ key: 'corpus.sentenceCount', value: 4 });
    v2.close();

    const db = createDb('parallax', factory);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    // "troop" is in three sentences but only two articles.
    expect((await db.terms.get('troop'))?.articleDf).toBe(2);
    expect((await db.terms.get('letter'))?.articleDf).toBe(1);
    expect((await db.settings.get('corpus.articleCount'))?.value).toBe(2);
    db.close();
  });

  test('a store upgraded from version 2 stays consistent through capture and deletion', async () => {
    const factory = freshFactory();
    const v2 = new Dexie('parallax', factory);
    v2.version(1).stores(SCHEMA_V1);
    v2.version(2).stores(SCHEMA_V2);
    await v2.table('settings').put({ key: 'corpus.sentenceCount', value: 0 });
    v2.close();
    const db = createDb('parallax', factory);
    const corpus = createCorpus(db, { now: () => 1_700_000_000_000 });
    const text = 'Troops will leave Iraq by March, the letter said. The Pentagon confirmed the letter.';
    await corpus.ingest({ url: 'https://ledger.example/a', outlet: 'The Daily Ledger', title: 'Troops to leave Iraq', text }, 'page');
    await corpus.ingest(
      { url: 'https://wire.example/b', outlet: 'Wire', title: 'Pentagon letter', text: `${text} Officials declined to comment.` },
      'page',
    );
    await expectConsistent(db);
    await corpus.deleteOutlet('Wire');
    await expectConsistent(db);
    db.close();
  });
});

describe('upgrade from version 4', () => {
  test('keeps every row and indexes the stored articles by story and outlet', async () => {
    const factory = freshFactory();
    const v4 = await capturedAt([SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4], factory);
    const before = await snapshot(v4);
    v4.close();

    const db = createDb('parallax', factory);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    expect(await snapshot(db)).toEqual(before);
    // The new index answers for every stored article.
    for (const a of before.articles) {
      const keys = await db.articles.where('[storyId+outlet]').equals([a.storyId, a.outlet]).primaryKeys();
      expect(keys).toContain(a.id);
    }
    const bridge = before.articles.find((a) => a.url.includes(new URL(BRIDGE[0]!.url).hostname))!;
    const outlets = [...new Set(before.articles.filter((a) => a.storyId === bridge.storyId).map((a) => a.outlet))];
    const groups = await search(db, 'harbor bridge cracks');
    expect(groups.find((g) => g.storyId === bridge.storyId)?.outlets).toEqual(outlets.sort((a, b) => a.localeCompare(b)));
    await expectConsistent(db);
    db.close();
  });
});

describe('upgrade from version 5', () => {
  test('keeps every row, drops the three indexes nothing reads and answers as before', async () => {
    const factory = freshFactory();
    const v5 = await capturedAt([SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5], factory);
    const before = await snapshot(v5);
    const searchedBefore = await search(v5, 'harbor bridge cracks');
    v5.close();

    const db = createDb('parallax', factory);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    expect(await snapshot(db)).toEqual(before);
    const indexes = (table: string): string[] => db.table(table).schema.indexes.map((i) => i.name);
    expect(indexes('sentences')).not.toContain('storyId');
    expect(indexes('links')).not.toContain('b');
    expect(indexes('articles')).not.toContain('publishedAt');
    // The raw store agrees with Dexie's view of it.
    const raw = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = factory.indexedDB.open('parallax');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error ?? new Error('open failed'));
    });
    const tx = raw.transaction(['sentences', 'links', 'articles'], 'readonly');
    expect([...tx.objectStore('sentences').indexNames]).toEqual(['articleId', 'terms']);
    expect([...tx.objectStore('links').indexNames].sort()).toEqual(['a', 'articleA', 'articleB', 'storyId']);
    expect([...tx.objectStore('articles').indexNames]).not.toContain('publishedAt');
    raw.close();
    expect(await search(db, 'harbor bridge cracks')).toEqual(searchedBefore);
    // A capture after the upgrade keeps the store consistent.
    const more = BRIDGE.at(-1)!;
    await createCorpus(db, { now: () => Date.parse('2024-03-02T12:00:00Z') }).ingest({ ...more, url: `${more.url}-again` }, 'page');
    await expectConsistent(db);
    db.close();
  });
});
