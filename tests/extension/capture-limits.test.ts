/**
 * Captures are limited per tab and per site, and the store keeps to the
 * size budget the reader sets: refusals say why, and nothing is deleted to
 * make room.
 */
import { describe, expect, test } from 'vitest';
import { createBackgroundHandlers } from '../../lib/extension/background-handlers';
import { CAPTURE_LIMITS, createRateLimit, createStoreBudget, STORE_BUDGET, storedBytesOf } from '../../lib/extension/capture-limits';
import { importItems } from '../../lib/extension/import-export-store';
import type { ArticleInput } from '../../lib/types';
import { BRIDGE } from '../corpus/fixtures';
import { freshCorpus } from '../corpus/helpers';

const [, SHORT_LEDGER] = BRIDGE as [ArticleInput, ArticleInput];
// Long enough for the background's article check.
const LEDGER: ArticleInput = {
  ...SHORT_LEDGER,
  text: `${SHORT_LEDGER.text}\n\nShopkeepers on the north bank said they expected a quiet spring, and several planned to open later on weekdays until the work ends. The council's transport committee will review the ferry timetable after the first fortnight, its chair told residents at a meeting in the town hall on Thursday evening.`,
};
const MB = 1024 * 1024;

function memoryArea() {
  const items = new Map<string, unknown>();
  return {
    items,
    get: async (key: string) => (items.has(key) ? { [key]: items.get(key) } : {}),
    set: async (values: Record<string, unknown>) => void Object.entries(values).forEach(([k, v]) => items.set(k, v)),
  };
}

describe('the rate limit', () => {
  test('a page calling pushState 120 times in a minute stores at most the per-tab limit, then is told why', async () => {
    let t = Date.parse('2024-03-01T12:00:00Z');
    const { db, corpus } = freshCorpus();
    const handlers = createBackgroundHandlers({ db, corpus, rateLimit: createRateLimit(() => t) });
    const statuses: string[] = [];
    let message = '';
    for (let i = 0; i < 120; i++) {
      t += 400; // 120 addresses in 48 seconds
      const url = `https://ledger.example/spa/${i}`;
      const reply = await handlers.capture({ article: { ...LEDGER, url } }, { id: 'ext', url, tabId: 4 });
      statuses.push(reply.status);
      if (reply.status === 'rejected') message = reply.message ?? '';
    }
    expect(statuses.filter((s) => s === 'stored')).toHaveLength(CAPTURE_LIMITS.perTab);
    expect(await db.articles.count()).toBe(CAPTURE_LIMITS.perTab);
    expect(message).toMatch(/This tab opened more than 10 articles in a minute/);
    // A minute after the first captures, the tab may store again.
    t += CAPTURE_LIMITS.windowMs;
    const later = 'https://ledger.example/spa/later';
    expect((await handlers.capture({ article: { ...LEDGER, url: later } }, { id: 'ext', url: later, tabId: 4 })).status).toBe('stored');
  });

  test('a site is limited across its tabs; other sites and tabs are not held up', () => {
    let t = 0;
    const limit = createRateLimit(() => t);
    for (let i = 0; i < CAPTURE_LIMITS.perSite; i++) expect(limit.admit(i, 'ledger.example')).toBeUndefined();
    expect(limit.admit(999, 'ledger.example')).toMatchObject({
      kind: 'rate',
      message: expect.stringMatching(/ledger\.example sent more than 30/),
    });
    expect(limit.admit(999, 'courier.example')).toBeUndefined();
    t += CAPTURE_LIMITS.windowMs + 1;
    expect(limit.admit(999, 'ledger.example')).toBeUndefined();
  });

  test('subdomains count as their site: a page cannot take a new host for each capture', () => {
    const limit = createRateLimit(() => 0, { ...CAPTURE_LIMITS, perTab: 100, perSite: 3 });
    for (const host of ['a1.ledger.co.uk', 'b2.ledger.co.uk', 'ledger.co.uk']) expect(limit.admit(1, host)).toBeUndefined();
    expect(limit.admit(2, 'c3.news.ledger.co.uk')).toMatchObject({ kind: 'rate', message: expect.stringMatching(/^ledger\.co\.uk sent/) });
    // Another registrable domain under the same public suffix, and an address, are sites of their own.
    expect(limit.admit(2, 'courier.co.uk')).toBeUndefined();
    expect(limit.admit(2, '127.0.0.1')).toBeUndefined();
  });

  test('a refused capture is not counted against the tab', () => {
    let t = 0;
    const limit = createRateLimit(() => t, { ...CAPTURE_LIMITS, perTab: 2, perSite: 3 });
    expect(limit.admit(1, 'a.example')).toBeUndefined();
    expect(limit.admit(2, 'a.example')).toBeUndefined();
    expect(limit.admit(3, 'a.example')).toBeUndefined();
    expect(limit.admit(1, 'a.example')?.kind).toBe('rate');
    t += 1;
    expect(limit.admit(1, 'b.example')).toBeUndefined();
    expect(limit.admit(1, 'b.example')?.message).toMatch(/This tab/);
  });
});

describe('the store budget', () => {
  test('is 500 MB unless the reader set another, never below the least allowed', async () => {
    const area = memoryArea();
    const budget = createStoreBudget(area, async () => ({ usage: 0 }));
    expect(await budget.get()).toBe(STORE_BUDGET.defaultBytes);
    expect(STORE_BUDGET.defaultBytes).toBe(500 * MB);
    expect(await budget.set(1)).toBe(STORE_BUDGET.minBytes);
    expect(await budget.set(800 * MB)).toBe(800 * MB);
    expect(await createStoreBudget(area, undefined).get()).toBe(800 * MB);
    await expect(budget.set(Number.NaN)).rejects.toThrow(/number of bytes/);
  });

  test('refuses captures once the store uses it, with a plain message, and deletes nothing', async () => {
    let usage = 100 * MB;
    const area = memoryArea();
    const budget = createStoreBudget(area, async () => ({ usage }));
    const { db, corpus } = freshCorpus();
    const handlers = createBackgroundHandlers({ db, corpus, budget, estimate: async () => ({ usage, quota: 10_000 * MB }) });
    const from = { id: 'ext', url: LEDGER.url, tabId: 1 };
    expect((await handlers.capture({ article: LEDGER }, from)).status).toBe('stored');
    expect(await handlers.stats({} as Record<string, never>, from)).toMatchObject({ articles: 1, usage, budget: 500 * MB });

    usage = 500 * MB;
    const other = { ...LEDGER, url: 'https://ledger.example/other' };
    const refused = await handlers.capture({ article: other }, { ...from, url: other.url });
    expect(refused).toEqual({
      status: 'rejected',
      message:
        "Parallax's store is full: it uses 500 MB of the 500 MB you allowed, so this article was not stored. Delete older articles or raise the limit on the options page.",
    });
    expect(await db.articles.count()).toBe(1);

    // Import lines are refused the same way, by line.
    const reply = await importItems(corpus, [{ line: 3, article: other }], undefined, budget);
    expect(reply).toMatchObject({ stored: 0, errors: [{ line: 3, message: expect.stringMatching(/^line 3: Parallax's store is full/) }] });

    // The reader raises the limit on the options page: captures are stored again.
    const options = { id: 'ext', extensionPage: true };
    expect(await handlers.setBudget({ bytes: 600 * MB }, options)).toMatchObject({ budget: 600 * MB, articles: 1 });
    expect((await handlers.capture({ article: other }, { ...from, url: other.url })).status).toBe('stored');
  });

  test('holds for the reader\'s own "store anyway", which passes over the tab\'s rate limit but not the budget', async () => {
    let usage = 0;
    const budget = createStoreBudget(memoryArea(), async () => ({ usage }));
    const { db, corpus } = freshCorpus();
    const handlers = createBackgroundHandlers({
      db,
      corpus,
      budget,
      rateLimit: createRateLimit(() => 0, { ...CAPTURE_LIMITS, perTab: 1 }),
    });
    const at = (path: string) => ({ article: { ...LEDGER, url: `https://ledger.example/${path}` } });
    const tab = (path: string) => ({ id: 'ext', url: `https://ledger.example/${path}`, tabId: 7 });
    expect((await handlers.capture(at('a'), tab('a'))).status).toBe('stored');
    expect(await handlers.capture(at('b'), tab('b'))).toMatchObject({ status: 'rejected', message: expect.stringMatching(/This tab/) });
    expect((await handlers.capture({ ...at('b'), anyway: true }, tab('b'))).status).toBe('stored');
    usage = STORE_BUDGET.defaultBytes;
    expect(await handlers.capture({ ...at('c'), anyway: true }, tab('c'))).toMatchObject({
      status: 'rejected',
      message: expect.stringMatching(/store is full/),
    });
    expect(await db.articles.count()).toBe(2);
  });

  test('an import batch stores the lines that fit in what is left, in file order, and refuses the rest by line', async () => {
    const lines = [1, 2, 3, 4].map((n) => ({ line: n, article: { ...LEDGER, url: `https://ledger.example/fit-${n}` } }));
    const size = storedBytesOf(LEDGER);
    const { db, corpus } = freshCorpus();
    // Room for two articles and a half; each article stored takes its size.
    const before = STORE_BUDGET.defaultBytes - Math.round(2.5 * size);
    const budget = createStoreBudget(memoryArea(), async () => ({ usage: before + (await db.articles.count()) * size }));
    const reply = await importItems(corpus, lines, undefined, budget);
    expect(reply.stored).toBe(2);
    expect(reply.errors.map((e) => e.line)).toEqual([3, 4]);
    expect(reply.errors[0]!.message).toMatch(
      /^line 3: Parallax's store is nearly full: \d+ KB is left of the 500 MB you allowed, and this article needs about \d+ KB/,
    );
    expect((await db.articles.toArray()).map((a) => a.url).sort()).toEqual([
      'https://ledger.example/fit-1',
      'https://ledger.example/fit-2',
    ]);

    // The same batch sent again (its reply lost, or the file imported twice): the stored lines are updates, not refused.
    const again = await importItems(corpus, lines, undefined, budget);
    expect(again.stored).toBe(2);
    expect(again.errors.map((e) => e.line)).toEqual([3, 4]);
  });

  test('a line too large for what is left does not keep the smaller lines after it out', async () => {
    const big = { ...LEDGER, url: 'https://ledger.example/big', text: `${LEDGER.text}\n\n${LEDGER.text}\n\n${LEDGER.text}` };
    const usage = STORE_BUDGET.defaultBytes - Math.round(1.5 * storedBytesOf(LEDGER));
    const budget = createStoreBudget(memoryArea(), async () => ({ usage }));
    const { db, corpus } = freshCorpus();
    const reply = await importItems(
      corpus,
      [
        { line: 1, article: big },
        { line: 2, article: { ...LEDGER, url: 'https://ledger.example/small' } },
      ],
      undefined,
      budget,
    );
    expect(reply.stored).toBe(1);
    expect(reply.errors.map((e) => e.line)).toEqual([1]);
    expect(await db.articles.where('url').equals('https://ledger.example/small').count()).toBe(1);
  });

  test('a capture that would take the store over its budget is refused before it is stored', async () => {
    const usage = STORE_BUDGET.defaultBytes - Math.round(storedBytesOf(LEDGER) / 2);
    const budget = createStoreBudget(memoryArea(), async () => ({ usage }));
    const { db, corpus } = freshCorpus();
    const handlers = createBackgroundHandlers({ db, corpus, budget });
    const reply = await handlers.capture({ article: LEDGER }, { id: 'ext', url: LEDGER.url, tabId: 1 });
    expect(reply).toMatchObject({ status: 'rejected', message: expect.stringMatching(/nearly full/) });
    expect(await db.articles.count()).toBe(0);
    expect(await budget.check()).toBeUndefined();
  });

  test('is not checked where the browser does not report its use', async () => {
    const budget = createStoreBudget(memoryArea(), undefined);
    expect(await budget.check()).toBeUndefined();
    const failing = createStoreBudget(memoryArea(), async () => {
      throw new Error('no estimate');
    });
    expect(await failing.check()).toBeUndefined();
  });
});
