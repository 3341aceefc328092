/**
 * A page speaks only for its own site, whichever way it arrives: the capture
 * pipeline stores it under the address it was read from when it names
 * another site's address, and an id cannot carry it onto another site's
 * stored article.
 */
import { describe, expect, test } from 'vitest';
import { isOnHost, ownAddress, relatedHosts } from '../../lib/pipeline/ids';
import { createMemoryCorpus } from '../../lib/pipeline/memory';
import { planCapture } from '../../lib/pipeline/plan';
import type { ArticleInput, ArticleSource } from '../../lib/types';
import { BRIDGE, FESTIVAL } from '../corpus/fixtures';
import { freshCorpus } from '../corpus/helpers';
import { importItems } from '../../lib/extension/import-export-store';
import { runImport } from '../../lib/extension/import-export';
import { extractFromHtml } from '../../lib/extract/from-html';

const [WIRE, LEDGER] = BRIDGE as [ArticleInput, ArticleInput];
const T0 = Date.parse('2024-03-01T12:00:00Z');

describe('ownAddress', () => {
  test.each([
    ['its own canonical address', 'https://news.example/story', 'https://news.example/story?ref=x', 'https://news.example/story'],
    ['a canonical address on www. of its site', 'https://www.news.example/a', 'https://news.example/a', 'https://www.news.example/a'],
    ["another site's address", 'https://news.example/story', 'https://evil.example/page', 'https://evil.example/page'],
    ['an address that is not one', 'not an address', 'https://evil.example/page', 'https://evil.example/page'],
    ['no address it was read from (an import line)', 'https://news.example/story', undefined, 'https://news.example/story'],
  ])('%s', (_label, claimed, readFrom, expected) => {
    expect(ownAddress(claimed, readFrom)).toBe(expected);
  });
});

describe.each<ArticleSource>(['page', 'feed'])('a %s read from one site naming another as its address', (source) => {
  test("is planned under the address it was read from and leaves the other site's article alone", async () => {
    const corpus = createMemoryCorpus();
    const first = await planCapture(LEDGER, 'page', corpus, T0);
    corpus.apply(first);
    const hostile = { ...LEDGER, text: `${LEDGER.text}\n\nThe bridge will never reopen, the engineers admitted.` };
    const plan = await planCapture(hostile, source, corpus, T0 + 60_000, {}, 'https://evil.example/copy');
    expect(plan.article).toMatchObject({ url: 'https://evil.example/copy', host: 'evil.example', source });
    expect(plan.articleId).not.toBe(first.articleId);
    expect(plan.removeSentences).toEqual([]);
    corpus.apply(plan);
    expect(await corpus.articleById(first.articleId)).toEqual(first.article);
  });
});

describe('an import line', () => {
  test("whose id is another site's stored article is refused, and that article stays as it was", async () => {
    const { corpus, db } = freshCorpus();
    const ledger = (await corpus.ingest(LEDGER, 'page')).article;
    const before = await db.articles.get(ledger.id);
    const line = { ...WIRE, id: ledger.id, url: 'https://evil.example/bridge', text: `${LEDGER.text} It was all a hoax.` };
    const reply = await importItems(corpus, [{ line: 1, article: line }]);
    expect(reply.stored).toBe(0);
    expect(reply.errors[0]?.message).toMatch(/line 1: the article id .* is stored for another site \(ledger\.example\)/);
    expect(await db.articles.get(ledger.id)).toEqual(before);
    expect(await db.articles.count()).toBe(1);
  });

  test("with the page's HTML naming another site as canonical is stored under the line's own address", async () => {
    const { corpus, db } = freshCorpus();
    const ledger = (await corpus.ingest(LEDGER, 'page')).article;
    const paragraphs = LEDGER.text.split('\n\n').map((p) => `<p>${p} It was all a hoax, said nobody.</p>`);
    const html = `<html><head><link rel="canonical" href="${LEDGER.url}"><meta property="og:type" content="article"></head><body><article><h1>Bridge</h1>${paragraphs.join('')}</article></body></html>`;
    const file = JSON.stringify({ url: 'https://evil.example/bridge', outlet: 'Evil', title: 'Bridge', html });
    const report = await runImport(file, (items) => importItems(corpus, items), { extractHtml: extractFromHtml });
    expect(report).toMatchObject({ stored: 1, updated: 0, errors: [] });
    expect((await db.articles.get(ledger.id))?.text).toBe(LEDGER.text);
    expect((await db.articles.where('host').equals('evil.example').first())?.url).toBe('https://evil.example/bridge');
  });
});

test('a host is on itself and its parents, never on a sibling or a name that merely ends alike', () => {
  expect(isOnHost('news.site.example', 'site.example')).toBe(true);
  expect(isOnHost('site.example', 'site.example')).toBe(true);
  expect(isOnHost('site.example', 'news.site.example')).toBe(false);
  expect(isOnHost('evilsite.example', 'site.example')).toBe(false);
  expect(relatedHosts('site.example', 'feeds.site.example')).toBe(true);
  expect(relatedHosts('a.site.example', 'b.site.example')).toBe(false);
});

describe('an outlet name already stored for another host', () => {
  const COURIER = BRIDGE[2] as ArticleInput;
  // The Evening Courier's report, served by another site under the Ledger's name.
  const posing = { ...COURIER, url: 'https://evil.test/bridge', outlet: 'The Daily Ledger' };

  test('is not given to a page on another host, which is shown under its own host and not merged into that outlet', async () => {
    const { corpus } = freshCorpus();
    await corpus.ingest(LEDGER, 'page');
    const { article } = await corpus.ingest(posing, 'page', posing.url);
    expect(article.outlet).toBe('evil.test');
    const onLedger = await corpus.annotate(LEDGER.url);
    expect(onLedger?.storyOutlets).toEqual(['evil.test']);
    expect(onLedger?.marked.flatMap((m) => m.reports.map((r) => r.outlet))).not.toContain('The Daily Ledger');
    expect((await corpus.stats()).outlets).toEqual([
      { outlet: 'evil.test', articles: 1 },
      { outlet: 'The Daily Ledger', articles: 1 },
    ]);
  });

  test("is kept by the host that holds it, and a page's JSON-LD publisher on another host is not taken", async () => {
    const { corpus } = freshCorpus();
    await corpus.ingest(LEDGER, 'page');
    const festival = (await corpus.ingest(FESTIVAL, 'page')).article;
    expect(festival.outlet).toBe('The Daily Ledger');
    const paragraphs = COURIER.text.split(/(?<=\.) /).map((p) => `<p>${p} Readers were told to expect delays on the ring road.</p>`);
    const ld = JSON.stringify({
      '@type': 'NewsArticle',
      headline: 'Bridge shut',
      publisher: { '@type': 'Organization', name: 'The Daily Ledger' },
    });
    const html = `<html lang="en"><head><script type="application/ld+json">${ld}</script><meta property="og:type" content="article"></head><body><article><h1>Bridge shut</h1>${paragraphs.join('')}</article></body></html>`;
    const extracted = extractFromHtml(html, 'https://evil.test/bridge');
    expect(extracted.ok && extracted.article.outlet).toBe('The Daily Ledger');
    if (!extracted.ok) return;
    expect((await corpus.ingest(extracted.article, 'feed', 'https://evil.test/bridge')).article.outlet).toBe('evil.test');
  });

  test.each([
    ['in other case and spacing', 'the  DAILY ledger'],
    ['with a zero-width space and a soft hyphen', 'The Daily\u200b Led\u00adger'],
    ['in full-width letters', 'The Daily \uff2cedger'],
  ])('is not given to a page on another host that spells it %s', async (_label, spelling) => {
    const { corpus } = freshCorpus();
    await corpus.ingest(LEDGER, 'page');
    expect((await corpus.ingest({ ...posing, outlet: spelling }, 'page', posing.url)).article.outlet).toBe('evil.test');
    const memory = createMemoryCorpus();
    memory.apply(await planCapture(LEDGER, 'page', memory, T0));
    expect((await planCapture({ ...posing, outlet: spelling }, 'import', memory, T0 + 60_000)).article.outlet).toBe('evil.test');
  });

  test('is decided the same way in memory', async () => {
    const memory = createMemoryCorpus();
    memory.apply(await planCapture(LEDGER, 'page', memory, T0));
    const plan = await planCapture(posing, 'import', memory, T0 + 60_000);
    expect(plan.article.outlet).toBe('evil.test');
    memory.apply(plan);
    const again = await planCapture({ ...FESTIVAL }, 'page', memory, T0 + 120_000);
    expect(again.article.outlet).toBe('The Daily Ledger');
  });
});

describe("a major outlet's name from the table of outlet names", () => {
  const claim = (url: string, outlet: string) => ({ ...(BRIDGE[2] as ArticleInput), url, outlet });
  test.each([
    ['a page on another host, before any of its articles is stored', 'https://evil.test/bridge', 'Reuters', 'evil.test'],
    ['respelled', 'https://evil.test/bridge', ' REUTERS\u200b', 'evil.test'],
    ['its own domain', 'https://www.reuters.com/world/bridge', 'Reuters', 'Reuters'],
    ['a subdomain of its own', 'https://uk.reuters.com/world/bridge', 'Reuters', 'Reuters'],
    ['a name the table does not hold', 'https://evil.test/bridge', 'Harbour Weekly', 'Harbour Weekly'],
  ])('%s', async (_case, url, outlet, stored) => {
    const plan = await planCapture(claim(url, outlet), 'import', createMemoryCorpus(), T0);
    expect(plan.article.outlet).toBe(stored);
  });
});
