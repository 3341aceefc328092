import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, test } from 'vitest';
import { batchView } from '../../lib/corpus/batch';
import { BATCH_READS } from '../../lib/corpus/config';
import { createDb, type ParallaxDb } from '../../lib/db/db';
import type { TermRecord } from '../../lib/types';

const word = (i: number): string => `w${i.toString(36).padStart(4, '0')}`;

/** Requests on the terms table: range reads, and keys read one by one. */
const reads = { ranges: 0, single: 0 };

async function storeWithTerms(n: number): Promise<ParallaxDb> {
  const db = createDb('batch-reads', { indexedDB: new IDBFactory(), IDBKeyRange });
  db.use({
    stack: 'dbcore',
    name: 'count-term-reads',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== 'terms') return table;
        return {
          ...table,
          query: (req) => {
            reads.ranges++;
            return table.query(req);
          },
          getMany: (req) => {
            reads.single += req.keys.length;
            return table.getMany(req);
          },
        };
      },
    }),
  });
  const rows: TermRecord[] = Array.from({ length: n }, (_, i) => ({ term: word(i), df: i + 1, articleDf: i % 7, grams: [] }));
  await db.terms.bulkPut(rows);
  reads.ranges = 0;
  reads.single = 0;
  return db;
}

/** What the batch view answers for `keys`, and what the store holds under them. */
async function answers(db: ParallaxDb, keys: string[]) {
  const view = await db.transaction(
    'rw',
    [db.articles, db.sentences, db.stories, db.links, db.terms, db.settings, db.claims, db.feeds],
    () => batchView(db).terms(keys),
  );
  const made = { ...reads };
  return { view, made, stored: await db.terms.bulkGet(keys) };
}

describe('a batch reads term records in key ranges', () => {
  const many = 6 * BATCH_READS.termRun;

  test('the keys of most of the vocabulary, some not stored, come back as stored, in the order asked', async () => {
    const db = await storeWithTerms(4 * many);
    const keys = [...Array.from({ length: 3 * many }, (_, i) => word(4 * many - 1 - i)), 'absent', 'w0000x', word(5 * many)];
    const { view, stored, made } = await answers(db, keys);
    expect(view).toEqual(stored);
    expect(view.filter((r) => r === undefined)).toHaveLength(3);
    expect(made.single).toBeLessThan(keys.length / 10);
  });

  test('keys spread thinly over a large vocabulary come back as stored', async () => {
    const db = await storeWithTerms(20 * many);
    const keys = Array.from({ length: many }, (_, i) => word(i * 17 + 3));
    const { view, stored, made } = await answers(db, keys);
    expect(view).toEqual(stored);
    // One range tried, then the keys it did not reach one by one.
    expect(made.ranges).toBe(1);
    expect(made.single).toBeGreaterThan(keys.length - BATCH_READS.termRun);
  });

  test('a range that holds too many rows for its keys is read one by one past its last row', async () => {
    const db = await storeWithTerms(20 * many);
    // Dense at first, then one key far away: the last run's range is cut short.
    const keys = [...Array.from({ length: 2 * BATCH_READS.termRun + 5 }, (_, i) => word(i)), word(20 * many - 1)];
    const { view, stored } = await answers(db, keys);
    expect(view).toEqual(stored);
    expect(view.every((r) => r !== undefined)).toBe(true);
  });
});
