import { describe, expect, test } from 'vitest';
import type { ArticleInput } from '../../lib/types';
import { createCorpus, type Corpus, type ExportFilter } from '../../lib/corpus/corpus';
import { createDb } from '../../lib/db/db';
import { canonicalUrl } from '../../lib/pipeline/ids';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { BRIDGE, FESTIVAL, HISTORY, MILLEY } from './fixtures';
import { expectConsistent, freshCorpus, snapshot } from './helpers';

const [WIRE, LEDGER, COURIER, GAZETTE] = BRIDGE as [ArticleInput, ArticleInput, ArticleInput, ArticleInput];

async function ingestAll(corpus: ReturnType<typeof freshCorpus>['corpus'], articles: ArticleInput[]) {
  const out = [];
  for (const a of articles) out.push(await corpus.ingest(a, 'page'));
  return out;
}

describe('capture', () => {
  test('stores an article with its sentences, host and a stable id', async () => {
    const { corpus, db } = freshCorpus();
    const { article, annotation } = await corpus.ingest(LEDGER, 'page');
    expect(article).toMatchObject({
      host: 'ledger.example',
      url: 'https://www.ledger.example/local/bridge-closing',
      source: 'page',
      sentenceCount: 5,
    });
    expect(annotation).toMatchObject({ articleId: article.id, marked: [], storyOutlets: [] });
    const sentences = await db.sentences.where('articleId').equals(article.id).sortBy('index');
    expect(sentences.map((s) => LEDGER.text.slice(s.start, s.end))).toEqual(sentences.map((s) => s.text));
    expect(sentences[2]?.terms).toEqual(expect.arrayContaining(['vehicl', 'bridg']));
    const again = freshCorpus();
    expect((await again.corpus.ingest(LEDGER, 'page')).article.id).toBe(article.id);
    await expectConsistent(db);
  });

  test('the same canonical URL updates the article instead of adding another', async () => {
    const { corpus, db } = freshCorpus();
    const first = await corpus.ingest(LEDGER, 'page');
    const revised = {
      ...LEDGER,
      url: 'https://www.ledger.example/local/bridge-closing#comments',
      text: `${LEDGER.text}\n\nThe city will review the closure in April.`,
    };
    const second = await corpus.ingest(revised, 'feed');
    expect(second.article.id).toBe(first.article.id);
    expect(second.article.capturedAt).toBe(first.article.capturedAt);
    expect(second.article.updatedAt).toBeGreaterThan(first.article.updatedAt);
    expect(second.article.sentenceCount).toBe(6);
    expect(await db.articles.count()).toBe(1);
    expect(await db.sentences.count()).toBe(6);
    expect((await corpus.stats()).stories).toBe(1);
    await expectConsistent(db);
  });

  test.each([
    ['no url', { ...LEDGER, url: '' }, /no url/],
    ['not http', { ...LEDGER, url: 'ftp://ledger.example/x' }, /http/],
    ['not a URL', { ...LEDGER, url: 'bridge closing' }, /not a valid address/],
    ['an empty id', { ...LEDGER, id: ' ' }, /id that is not a non-empty string/],
    ['a text too long', { ...LEDGER, text: 'Word. '.repeat(400_000) }, /too long to store/],
    ['a title that is not text', { ...LEDGER, title: 42 }, /no title/],
    ['no outlet', { ...LEDGER, outlet: ' ' }, /no outlet/],
    ['no text', { ...LEDGER, text: '   ' }, /no text/],
    ['bad date', { ...LEDGER, publishedAt: 'last Friday' }, /ISO 8601/],
  ])('rejects an article with %s, storing nothing', async (_, input, message) => {
    const { corpus, db } = freshCorpus();
    await expect(corpus.ingest(input as ArticleInput, 'page')).rejects.toThrow(message);
    expect(await db.articles.count()).toBe(0);
  });
});

describe('stories and annotations', () => {
  test("groups several outlets' articles on one event into one story, apart from an unrelated one", async () => {
    const { corpus, db } = freshCorpus();
    const results = await ingestAll(corpus, [...BRIDGE, FESTIVAL]);
    const storyIds = results.map((r) => r.article.storyId);
    expect(new Set(storyIds.slice(0, 4)).size).toBe(1);
    expect(storyIds[4]).not.toBe(storyIds[0]);
    const stats = await corpus.stats();
    expect(stats).toMatchObject({ articles: 5, stories: 2, sentences: 22 });
    expect(stats.outlets[0]).toEqual({ outlet: 'The Daily Ledger', articles: 2 });
    await expectConsistent(db);
  });

  test('marks a wire copy as a reprint of the original', async () => {
    const { corpus } = freshCorpus();
    const [wire, , , gazette] = await ingestAll(corpus, BRIDGE);
    expect(gazette?.article.reprintOf).toBe(wire?.article.id);
    expect(wire?.article.reprintOf).toBeUndefined();
  });

  test('a copy stored before its original becomes its reprint when the original arrives', async () => {
    const { corpus, db } = freshCorpus();
    await ingestAll(corpus, [...HISTORY, GAZETTE, LEDGER, COURIER]);
    const wire = await corpus.ingest(WIRE, 'feed');
    const gazette = await db.articles.where('url').equals(GAZETTE.url).first();
    expect(gazette?.reprintOf).toBe(wire.article.id);
    const a = await corpus.annotate(LEDGER.url);
    expect(a!.storyOutlets).toEqual(['Coastal Wire', 'Evening Courier']);
    await expectConsistent(db);
  });

  test('annotates with reports from other outlets only, with their differences', async () => {
    const { corpus } = freshCorpus();
    await ingestAll(corpus, [...HISTORY, ...BRIDGE, FESTIVAL]);
    const a = await corpus.annotate(LEDGER.url);
    expect(a).not.toBeNull();
    expect(a!.outlet).toBe('The Daily Ledger');
    expect(a!.marked.length).toBeGreaterThanOrEqual(3);
    const reports = a!.marked.flatMap((m) => m.reports);
    expect(reports.every((r) => r.outlet !== 'The Daily Ledger')).toBe(true);
    const vehicles = a!.marked.find((m) => m.text.includes('55,000'));
    const wireReport = vehicles?.reports.find((r) => r.outlet === 'Coastal Wire');
    expect(wireReport?.sentence).toContain('40,000');
    expect(wireReport?.differences.map((d) => d.kind)).toContain('number');
    expect(wireReport?.fragmentUrl).toMatch(/^https:\/\/wire\.example\/news\/harbor-bridge-closure#:~:text=/);
    for (const m of a!.marked) expect(LEDGER.text.slice(m.start, m.end)).toBe(m.text);
  });

  test("a card lists every outlet of the marked sentence's claim group, linked to it directly or not", async () => {
    const { db } = freshCorpus();
    const corpus = createCorpus(db);
    const texts = {
      a: 'The harbour bridge will close for six weeks from Monday, the council said.',
      b: 'The council said the harbour bridge closes on Monday for six weeks.',
      c: 'From Monday the harbour bridge is shut for about six weeks.',
    };
    const outlets = { a: 'Ledger', b: 'Courier', c: 'Gazette' };
    for (const [k, text] of Object.entries(texts) as [keyof typeof texts, string][]) {
      await db.articles.put({
        id: k,
        url: `https://${k}.example/x`,
        outlet: outlets[k],
        title: 'Bridge',
        text,
        host: `${k}.example`,
        storyId: 's',
        source: 'page',
        capturedAt: 1,
        updatedAt: 1,
        sentenceCount: 1,
        titleTerms: [],
      });
      await db.sentences.put({ id: `${k}#0`, articleId: k, storyId: 's', index: 0, start: 0, end: text.length, text, terms: [] });
    }
    const link = (x: 'a' | 'b' | 'c', y: 'a' | 'b' | 'c') => ({
      a: `${x}#0`,
      b: `${y}#0`,
      articleA: x,
      articleB: y,
      storyId: 's',
      score: 0.8,
      reasons: [],
      differences: [],
    });
    // a–b and b–c are linked; a and c only through the group.
    await db.links.bulkPut([link('a', 'b'), link('b', 'a'), link('b', 'c'), link('c', 'b')]);
    await db.claims.put({ storyId: 's', groups: [{ id: 'claim-a#0', sentenceIds: ['a#0', 'b#0', 'c#0'] }] });
    const a = await corpus.annotate('a');
    expect(a!.marked).toHaveLength(1);
    expect(a!.marked[0]!.reports.map((r) => r.outlet).sort()).toEqual(['Courier', 'Gazette']);
    const gazette = a!.marked[0]!.reports.find((r) => r.outlet === 'Gazette')!;
    expect(gazette.sentence).toBe(texts.c);
    expect(gazette.score).toBe(0.8);
  });

  test('collapses a wire story and its reprints into one source', async () => {
    const { corpus } = freshCorpus();
    await ingestAll(corpus, [...HISTORY, ...BRIDGE]);
    const a = await corpus.annotate(LEDGER.url);
    expect(a!.storyOutlets).toEqual(['Coastal Wire', 'Evening Courier']);
    const reports = a!.marked.flatMap((m) => m.reports);
    expect(reports.some((r) => r.outlet === 'Valley Gazette')).toBe(false);
    const fromWire = reports.filter((r) => r.outlet === 'Coastal Wire');
    expect(fromWire.length).toBeGreaterThan(0);
    for (const r of fromWire) expect(r.reprintedBy).toEqual(['Valley Gazette']);
    const summary = await corpus.pageSummary(LEDGER.url);
    expect(summary).toMatchObject({ known: true, outlet: 'The Daily Ledger', markedCount: a!.marked.length });
    expect(await corpus.pageSummary('https://nowhere.example/')).toMatchObject({ known: false });
  });

  test('the reprint itself is shown against the independent outlets, not its own original', async () => {
    const { corpus } = freshCorpus();
    await ingestAll(corpus, [...HISTORY, ...BRIDGE]);
    const a = await corpus.annotate(GAZETTE.url);
    expect(a!.marked.length).toBeGreaterThan(0);
    expect(a!.storyOutlets).toEqual(['Evening Courier', 'The Daily Ledger']);
    expect(a!.marked.flatMap((m) => m.reports).some((r) => r.outlet === 'Coastal Wire')).toBe(false);
    expect(COURIER.outlet).toBe('Evening Courier');
    expect(WIRE.outlet).toBe('Coastal Wire');
  });
});

describe('deletion', () => {
  test('deleting an outlet removes its articles, sentences and links, and frees its reprints', async () => {
    const { corpus, db } = freshCorpus();
    await ingestAll(corpus, HISTORY.slice(0, 2));
    const [wire, , , gazette] = await ingestAll(corpus, [...BRIDGE, FESTIVAL]);
    expect(await corpus.deleteOutlet('Coastal Wire')).toBe(1);
    expect(await db.articles.get(wire!.article.id)).toBeUndefined();
    expect(await db.links.where('articleB').equals(wire!.article.id).count()).toBe(0);
    expect((await db.articles.get(gazette!.article.id))?.reprintOf).toBeUndefined();
    const stats = await corpus.stats();
    expect(stats.outlets.map((o) => o.outlet)).not.toContain('Coastal Wire');
    expect(stats.stories).toBe(4);
    const a = await corpus.annotate(LEDGER.url);
    expect(a!.storyOutlets).toEqual(['Evening Courier', 'Valley Gazette']);
    // The freed copy now stands in for the deleted original on the page's cards.
    expect(a!.marked.flatMap((m) => m.reports).some((r) => r.outlet === 'Valley Gazette')).toBe(true);
    await expectConsistent(db);
  });

  test('deleting everything empties the corpus but keeps the pause settings', async () => {
    const { corpus, db } = freshCorpus();
    await ingestAll(corpus, BRIDGE);
    await corpus.setPause({ scope: 'site', host: 'ledger.example', paused: true });
    await corpus.deleteAll();
    expect(await corpus.stats()).toEqual({ articles: 0, sentences: 0, stories: 0, outlets: [], recentStories: [] });
    expect(await db.terms.count()).toBe(0);
    expect(await db.links.count()).toBe(0);
    expect(await corpus.isPaused('ledger.example')).toBe(true);
    await expectConsistent(db);
  });

  test('pruning by age removes old captures and drops stories left empty', async () => {
    const { corpus, db, clock } = freshCorpus();
    clock.set(Date.parse('2024-01-01T00:00:00Z'));
    await corpus.ingest(FESTIVAL, 'page');
    await corpus.ingest(WIRE, 'page');
    clock.set(Date.parse('2024-03-01T00:00:00Z'));
    await ingestAll(corpus, [LEDGER, COURIER]);
    expect(await corpus.deleteOlderThan(Date.parse('2024-02-01T00:00:00Z'))).toBe(2);
    const stats = await corpus.stats();
    expect(stats).toMatchObject({ articles: 2, stories: 1 });
    expect((await corpus.annotate(LEDGER.url))!.storyOutlets).toEqual(['Evening Courier']);
    await expectConsistent(db);
  });
});

describe('atomic writes', () => {
  test('a write that fails half-way (quota exceeded) leaves the store as it was', async () => {
    const { corpus, db } = freshCorpus();
    await ingestAll(corpus, [WIRE, LEDGER]);
    const before = await snapshot(db);
    // The vocabulary is written after the article, sentences and links.
    const quota = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    db.terms.hook('creating', quota);
    db.terms.hook('updating', quota);
    await expect(corpus.ingest(COURIER, 'page')).rejects.toThrow(/quota/);
    await expect(corpus.ingest({ ...LEDGER, text: `${LEDGER.text} A late paragraph about ferries.` }, 'page')).rejects.toThrow(/quota/);
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('several articles stored together', () => {
  test('store what storing them one by one stores, and refuse the same one', async () => {
    const one = freshCorpus();
    const together = freshCorpus();
    const stored = await one.corpus.ingest(LEDGER, 'page');
    // An id stored for another site: refused alike, whatever comes after it.
    const inputs = [WIRE, { ...COURIER, id: stored.article.id, url: 'https://evil.test/bridge' }, COURIER, FESTIVAL, GAZETTE, MILLEY];
    await together.corpus.ingest(LEDGER, 'page');
    const refusals: string[] = [];
    for (const input of inputs) await one.corpus.ingest(input, 'page').catch((e: Error) => refusals.push(e.message));
    const outcomes = await together.corpus.storeMany(
      inputs.map((input) => ({ input })),
      'page',
    );
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true, true, true, true]);
    expect(outcomes.flatMap((o) => (o.ok ? [] : [(o.error as Error).message]))).toEqual(refusals);
    expect(await snapshot(together.db)).toEqual(await snapshot(one.db));
    await expectConsistent(together.db);
  });

  test('a batch joining stored stories, changing a stored article and repeating a line stores what one by one stores', async () => {
    const one = freshCorpus();
    const together = freshCorpus();
    // Stored before the batch: the bridge story's first reports, and another story.
    for (const { corpus } of [one, together]) for (const input of [WIRE, LEDGER, FESTIVAL]) await corpus.ingest(input, 'page');
    const changed = { ...LEDGER, text: `${LEDGER.text} The council will meet again on Friday to discuss the repairs.` };
    const inputs = [COURIER, changed, GAZETTE, MILLEY, COURIER, ...HISTORY];
    for (const input of inputs) await one.corpus.ingest(input, 'import');
    const outcomes = await together.corpus.storeMany(
      inputs.map((input) => ({ input })),
      'import',
    );
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(await snapshot(together.db)).toEqual(await snapshot(one.db));
    await expectConsistent(together.db);
  });

  test('a batch whose write fails is stored article by article: the others whole, the failing one not at all', async () => {
    const { corpus, db } = freshCorpus();
    db.articles.hook('creating', (_key, article) => {
      if (article.url === COURIER.url) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const outcomes = await corpus.storeMany(
      [LEDGER, COURIER, GAZETTE].map((input) => ({ input })),
      'import',
    );
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
    expect(outcomes[1]).toMatchObject({ ok: false, error: expect.objectContaining({ name: 'QuotaExceededError' }) });
    expect((await db.articles.toArray()).map((a) => a.url).sort()).toEqual([GAZETTE.url, LEDGER.url].map(canonicalUrl).sort());
    expect(
      await db.sentences
        .where('articleId')
        .noneOf([...(await db.articles.toCollection().primaryKeys())])
        .count(),
    ).toBe(0);
    await expectConsistent(db);
  });
});

/** Every exported article, page by page, as the options page reads them. */
async function exportAll(corpus: Corpus, filter: ExportFilter = {}): Promise<ArticleInput[]> {
  const out: ArticleInput[] = [];
  let after: number | undefined;
  do {
    const page = await corpus.exportPage(filter, after, 2);
    out.push(...page.articles);
    after = page.next;
  } while (after !== undefined);
  return out;
}

describe('export and import', () => {
  test('importing an export into an empty store gives the same articles, sentences and stories', async () => {
    const { corpus, db } = freshCorpus();
    await ingestAll(corpus, [...BRIDGE, FESTIVAL, MILLEY]);
    const exported: ArticleInput[] = [];
    for (const a of await exportAll(corpus)) exported.push(a);
    expect(exported).toHaveLength(6);

    const db2 = createDb('copy', { indexedDB: new IDBFactory(), IDBKeyRange });
    const copy = createCorpus(db2);
    for (const a of exported) await copy.ingest(a, 'import');
    const pick = async (d: typeof db) => ({
      articles: (await d.articles.toArray()).map((a) => [a.id, a.url, a.title, a.text, a.storyId, a.reprintOf ?? null]),
      sentences: (await d.sentences.toArray()).map((s) => [s.id, s.storyId, s.text, s.start, s.end]),
      stories: (await d.stories.toArray()).map((s) => [s.id, s.articleCount, s.title]),
      links: (await d.links.toArray()).map((l) => [l.a, l.b, l.score]).sort(),
      claims: await d.claims.toArray(),
    });
    expect(await pick(db2)).toEqual(await pick(db));

    const filtered: string[] = [];
    for (const a of await exportAll(corpus, { outlet: 'The Daily Ledger' })) filtered.push(a.url);
    expect(filtered).toHaveLength(3);
  });

  test.each([1, 2, 4, 10])('an export in pages of %i gives every article once, in capture order', async (max) => {
    const { corpus } = freshCorpus();
    await ingestAll(corpus, [...BRIDGE, FESTIVAL, MILLEY]);
    const whole: string[] = [];
    for (const a of await exportAll(corpus)) whole.push(a.url);
    const paged: string[] = [];
    const ledger: string[] = [];
    for (const [filter, out] of [
      [{}, paged],
      [{ outlet: 'The Daily Ledger' }, ledger],
    ] as const) {
      let after: number | undefined;
      let pages = 0;
      do {
        const page = await corpus.exportPage(filter, after, max);
        expect(page.articles.length).toBeLessThanOrEqual(max);
        out.push(...page.articles.map((a) => a.url));
        after = page.next;
        pages++;
      } while (after !== undefined && pages < 20);
    }
    expect(paged).toEqual(whole);
    expect(ledger).toHaveLength(3);
  });
});

describe('pause', () => {
  test('pauses a site, its subdomains, or everywhere', async () => {
    const { corpus } = freshCorpus();
    expect(await corpus.getPause()).toEqual({ everywhere: false, hosts: [] });
    await corpus.setPause({ scope: 'site', host: 'WWW.Ledger.example', paused: true });
    expect(await corpus.isPaused('news.ledger.example')).toBe(true);
    expect(await corpus.isPaused('courier.example')).toBe(false);
    await corpus.setPause({ scope: 'everywhere', paused: true });
    expect(await corpus.isPaused('courier.example')).toBe(true);
    expect(await corpus.setPause({ scope: 'site', host: 'ledger.example', paused: false })).toEqual({
      everywhere: true,
      hosts: [],
    });
  });
});
