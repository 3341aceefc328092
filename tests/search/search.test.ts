import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, test } from 'vitest';
import { createCorpus } from '../../lib/corpus/corpus';
import { createDb } from '../../lib/db/db';
import { termGrams } from '../../lib/search/grams';
import { osaDistance } from '../../lib/text/edit-distance';
import { search } from '../../lib/search/search';
import { BRIDGE, FESTIVAL, MILLEY } from '../corpus/fixtures';

async function filledStore() {
  const db = createDb('parallax', { indexedDB: new IDBFactory(), IDBKeyRange });
  let t = Date.parse('2024-03-01T12:00:00Z');
  const corpus = createCorpus(db, { now: () => (t += 1000) });
  for (const a of [...BRIDGE, FESTIVAL, MILLEY]) await corpus.ingest(a, 'page');
  return { db, corpus };
}

async function filledDb() {
  return (await filledStore()).db;
}

describe('search', () => {
  test('finds a sentence despite misspelt words', async () => {
    const db = await filledDb();
    const groups = await search(db, 'Milly poorly wordd');
    const top = groups[0]?.hits[0];
    expect(top?.text).toBe('“Poorly worded, implies withdrawal,” Gen. Milley said.');
    expect(top?.outlet).toBe('The Daily Ledger');
    expect(top?.fragmentUrl).toContain('#:~:text=');
    const highlighted = top!.highlights.map(([s, e]) => top!.text.slice(s, e).toLowerCase());
    expect(highlighted.some((h) => h.startsWith('poor'))).toBe(true);
  });

  test.each([
    ['Whitlok brige', 'Whitlock'],
    ['ferries fifteen minuts', 'fifteen minutes'],
    ['cider festivle', 'cider festival'],
  ])('"%s" finds text containing "%s"', async (query, expected) => {
    const db = await filledDb();
    const hits = (await search(db, query)).flatMap((g) => g.hits);
    expect(hits.slice(0, 3).some((h) => h.text.includes(expected))).toBe(true);
  });

  test("groups hits by story with the story's outlets", async () => {
    const db = await filledDb();
    const groups = await search(db, 'harbor bridge cracks');
    expect(groups[0]?.outlets).toEqual(['Coastal Wire', 'Evening Courier', 'The Daily Ledger', 'Valley Gazette']);
    expect(groups[0]?.hits.some((h) => h.field === 'title')).toBe(true);
    expect(new Set(groups.map((g) => g.storyId)).size).toBe(groups.length);
    const festival = groups.find((g) => g.storyTitle.includes('cider'));
    expect(festival).toBeUndefined();
  });

  test("a group is titled by its story record, else by the story's first captured article", async () => {
    const db = await filledDb();
    const bridgeGroup = async () => (await search(db, 'harbor bridge cracks')).find((g) => g.outlets.includes('Coastal Wire'));
    const storyId = (await bridgeGroup())!.storyId;
    await db.stories.update(storyId, { title: 'Repairs on the harbor crossing' });
    expect((await bridgeGroup())?.storyTitle).toBe('Repairs on the harbor crossing');
    await db.stories.update(storyId, { title: '' });
    expect((await bridgeGroup())?.storyTitle).toBe(BRIDGE[0]!.title);
    await db.stories.delete(storyId);
    const group = await bridgeGroup();
    expect(group?.storyTitle).toBe(BRIDGE[0]!.title);
    expect(group?.outlets).toEqual(['Coastal Wire', 'Evening Courier', 'The Daily Ledger', 'Valley Gazette']);
  });

  test('a capture started beside a search is stored whole', async () => {
    const { db, corpus } = await filledStore();
    const article = { ...FESTIVAL, url: 'https://festival.example/second-day', title: 'Cider festival opens its second day' };
    const [groups, stored] = await Promise.all([search(db, 'Whitlok brige'), corpus.storeMany([{ input: article }], 'import')]);
    expect(groups.length).toBeGreaterThan(0);
    expect(stored[0]).toMatchObject({ ok: true });
    expect(await db.articles.where('url').equals(article.url).count()).toBe(1);
  });

  test('respects the limit and returns nothing for an empty or unknown query', async () => {
    const db = await filledDb();
    expect((await search(db, 'bridge', 2)).flatMap((g) => g.hits)).toHaveLength(2);
    expect((await search(db, 'bridge', 2.5)).flatMap((g) => g.hits)).toHaveLength(2);
    expect(await search(db, 'bridge', 0.5)).toEqual([]);
    expect(await search(db, '   ')).toEqual([]);
    expect(await search(db, 'xylophone quarterback')).toEqual([]);
  });
});

describe('grams', () => {
  test.each([
    ['milli', 'milley', 2],
    ['word', 'word', 0],
    ['wrod', 'word', 1],
    ['festivle', 'festiv', 2],
    ['abc', 'xyz', 3],
  ])('edit distance %s → %s is %i', (a, b, d) => {
    expect(osaDistance(a, b)).toBe(d);
  });

  test('trigrams mark word starts and ends', () => {
    expect(termGrams('iraq')).toEqual(['^ir', 'ira', 'raq', 'aq$']);
  });
});
