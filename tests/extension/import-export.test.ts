import { describe, expect, test } from 'vitest';
import { importItems } from '../../lib/extension/import-export-store';
import type { ArticleInput } from '../../lib/types';
import { BRIDGE } from '../corpus/fixtures';
import { freshCorpus } from '../corpus/helpers';
import { exportFileName, runImport } from '../../lib/extension/import-export';
import { summarizeImport } from '../../components/options/import-summary';
import type { ImportProgress } from '../../lib/types';
import type { ImportBatchReply, ImportItem } from '../../lib/messaging/protocol';

const LEDGER = BRIDGE[1] as ArticleInput;

const good = (i: number) => JSON.stringify({ url: `https://a.test/${i}`, outlet: 'A', title: `T${i}`, text: `Body ${i}.` });

test.each([
  { lines: 1, batch: 25, batches: [1] },
  { lines: 25, batch: 25, batches: [25] },
  { lines: 60, batch: 25, batches: [25, 25, 10] },
  { lines: 7, batch: 3, batches: [3, 3, 1] },
])('$lines good lines in batches of $batch go as $batches', async ({ lines, batch, batches }) => {
  const sent: number[] = [];
  const progress: ImportProgress[] = [];
  const text = Array.from({ length: lines }, (_, i) => good(i)).join('\n') + '\n\n';
  const report = await runImport(
    text,
    async (items) => {
      sent.push(items.length);
      return { stored: items.length, updated: 0, errors: [] };
    },
    { batchSize: batch, onProgress: (p) => progress.push(p) },
  );
  expect(sent).toEqual(batches);
  expect(report).toEqual({ total: lines, stored: lines, updated: 0, errors: [] });
  expect(progress.at(-1)).toEqual({ done: lines, total: lines });
  expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));
});

test('a batch goes once its articles hold the most characters a message may carry, whatever its line count', async () => {
  const long = (i: number) => JSON.stringify({ url: `https://a.test/long-${i}`, outlet: 'A', title: `L${i}`, text: 'word '.repeat(200) });
  const text = Array.from({ length: 7 }, (_, i) => long(i)).join('\n');
  const sent: number[] = [];
  const report = await runImport(
    text,
    async (items) => {
      sent.push(items.length);
      return { stored: items.length, updated: 0, errors: [] };
    },
    // Each line holds 1,002 characters of title and text: three reach 3,000.
    { batchSize: 400, batchMaxChars: 3000 },
  );
  expect(sent).toEqual([3, 3, 1]);
  expect(report.stored).toBe(7);
});

test('bad lines are reported by number with the reason; refusals of the store and failed batches too', async () => {
  const text = [good(1), 'nope', good(3), '{"url":"u","outlet":"X"}', good(5), '"html": 1', good(7)].join('\n');
  const report = await runImport(
    text,
    async (items: ImportItem[]): Promise<ImportBatchReply> => {
      // The second batch never gets an answer, however often it is sent.
      if (items.some((i) => i.line === 5)) throw new Error('the background did not answer');
      return {
        stored: items.length - 1,
        updated: 1,
        errors: [{ line: items[0]!.line, message: `line ${items[0]!.line}: the store refused` }],
      };
    },
    { batchSize: 3, retryDelayMs: 0 },
  );
  expect(report.errors.map((e) => e.line)).toEqual([1, 2, 4, 5, 6, 7]);
  expect(report.errors.find((e) => e.line === 2)?.message).toMatch(/^line 2: not JSON/);
  expect(report.errors.find((e) => e.line === 4)?.message).toBe('line 4: missing "title"');
  expect(report.errors.find((e) => e.line === 5)?.message).toMatch(/the background did not answer/);
  expect(summarizeImport(report)).toBe('1 article stored (2 already there, updated); 6 lines were not imported.');
});

test('an "html" line needs an extractor, and uses the one given', async () => {
  const line = JSON.stringify({ url: 'https://a.test/h', outlet: 'A', title: 'T', html: '<p>x</p>' });
  const send = async (items: ImportItem[]) => ({ stored: items.length, updated: 0, errors: [] });
  const without = await runImport(line, send);
  expect(without.errors[0]?.message).toMatch(/"html" cannot be read here/);
  const withExtractor = await runImport(line, send, { extractHtml: () => ({ ok: true, article: { text: 'Extracted body.' } }) });
  expect(withExtractor.stored).toBe(1);
});

test.each([
  [undefined, 'parallax-2025-10-14.jsonl'],
  ['The Daily Ledger', 'parallax-the-daily-ledger-2025-10-14.jsonl'],
  ['Le Monde – édition', 'parallax-le-monde-edition-2025-10-14.jsonl'],
])('exportFileName(%j)', (label, name) => {
  expect(exportFileName(label, new Date('2025-10-14T12:00:00Z'))).toBe(name);
});

describe('a batch whose answer is lost (the background stopped while storing it)', () => {
  const line = (i: number) => JSON.stringify({ ...LEDGER, url: `https://ledger.example/imported/${i}` });

  test('is sent again, and the report counts exactly what was stored: each line once, as new or as already there', async () => {
    const { db, corpus, clock } = freshCorpus();
    // Two of the file's articles were stored before the import.
    for (const i of [0, 4]) await corpus.ingest({ ...LEDGER, url: `https://ledger.example/imported/${i}` }, 'page');
    const text = Array.from({ length: 6 }, (_, i) => line(i)).join('\n');
    const sent: number[][] = [];
    let dropped = false;
    const report = await runImport(
      text,
      async (items, since) => {
        sent.push(items.map((i) => i.line));
        const reply = await importItems(corpus, items, undefined, undefined, since);
        // The second batch is stored, but its reply never arrives.
        if (items[0]?.line === 4 && !dropped) {
          dropped = true;
          throw new Error('The message port closed before a response was received.');
        }
        return reply;
      },
      { batchSize: 3, retryDelayMs: 0, now: clock.now },
    );
    expect(sent).toEqual([
      [1, 2, 3],
      [4, 5, 6],
      [4, 5, 6],
    ]);
    expect(report).toEqual({ total: 6, stored: 6, updated: 2, errors: [] });
    expect(await db.articles.count()).toBe(6);
  });
});

test('a file naming one article twice counts the second line as an update, once, whether or not it was stored before', async () => {
  const { db, corpus, clock } = freshCorpus();
  await corpus.ingest({ ...LEDGER, url: 'https://ledger.example/imported/old' }, 'page');
  const line = (name: string) => JSON.stringify({ ...LEDGER, url: `https://ledger.example/imported/${name}` });
  const text = [line('new'), line('old'), line('new'), line('old')].join('\n');
  const report = await runImport(text, (items, since) => importItems(corpus, items, undefined, undefined, since), {
    batchSize: 3,
    now: clock.now,
  });
  // "old" was there before (both its lines update it); "new" is stored by its first line and updated by its second.
  expect(report).toEqual({ total: 4, stored: 4, updated: 3, errors: [] });
  expect(await db.articles.count()).toBe(2);
});

test('a line naming by address an article an earlier line stored under an id is counted as an update', async () => {
  const { db, corpus, clock } = freshCorpus();
  const url = 'https://ledger.example/imported/by-id';
  const text = [JSON.stringify({ ...LEDGER, id: 'ledger-1', url }), JSON.stringify({ ...LEDGER, url: `${url}?utm_source=feed` })].join(
    '\n',
  );
  const report = await runImport(text, (items, since) => importItems(corpus, items, undefined, undefined, since), { now: clock.now });
  expect(await db.articles.count()).toBe(1);
  expect(report).toEqual({ total: 2, stored: 2, updated: 1, errors: [] });
});
