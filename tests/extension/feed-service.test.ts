/**
 * The feed service end to end over a fake web and fake-indexeddb: a followed
 * feed's items are fetched, extracted and stored through the one capture
 * pipeline, and a fetched page speaks only for its own site.
 */
import { describe, expect, test } from 'vitest';
import type { StoreBudget } from '../../lib/extension/capture-limits';
import { createFeedService } from '../../lib/extension/feeds';
import { extractFromHtml } from '../../lib/extract/from-html';
import type { ArticleInput } from '../../lib/types';
import { BRIDGE } from '../corpus/fixtures';
import { freshCorpus } from '../corpus/helpers';
import { createFakeWeb, type FakeHandler } from '../feeds/fake-web';

const [, LEDGER] = BRIDGE as [ArticleInput, ArticleInput];

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** An article page as an outlet serves it, with the canonical address and publisher it names. */
export function articlePage(a: {
  title: string;
  paragraphs: string[];
  canonical?: string;
  publisher?: string;
  publishedAt?: string;
}): string {
  const ld = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.title,
    ...(a.publisher ? { publisher: { '@type': 'Organization', name: a.publisher } } : {}),
    ...(a.publishedAt ? { datePublished: a.publishedAt } : {}),
  };
  return `<!doctype html><html lang="en"><head><title>${esc(a.title)}</title>
${a.canonical ? `<link rel="canonical" href="${esc(a.canonical)}">` : ''}
<meta property="og:type" content="article">
<script type="application/ld+json">${JSON.stringify(ld)}</script></head>
<body><article><h1>${esc(a.title)}</h1>${a.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}</article></body></html>`;
}

/** A story long enough for the article check, in the page's own words. */
const COPY_PARAGRAPHS = [
  'Port Ellison will shut the Harbor Bridge for repairs from Monday after engineers found cracked beams, according to a notice posted online.',
  'The notice says two steel support beams cracked and that a routine inspection last month turned up the damage.',
  'Drivers who cross the bridge every day are being told to plan for longer journeys around the harbor while the work goes on.',
  'Ferries will run more often while the bridge is shut, and the bus company is adding routes on both banks of the harbor.',
  'Shop owners near the bridge said they feared a quiet spring, and several planned to open later on weekdays until the work is done.',
];

function rss(feedUrl: string, links: string[]): string {
  const items = links.map((l, i) => `<item><title>Item ${i}</title><link>${l}</link><guid>${l}</guid></item>`).join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title><link>${feedUrl}</link>${items}</channel></rss>`;
}

function service(routes: Record<string, FakeHandler>, budget?: Pick<StoreBudget, 'check'>) {
  const { corpus, db, clock } = freshCorpus();
  const web = createFakeWeb(routes);
  const feeds = createFeedService({
    db,
    corpus,
    fetch: web.fetch,
    extract: async (html, url) => extractFromHtml(html, url),
    now: () => clock.now(),
    ...(budget ? { budget } : {}),
  });
  return { corpus, db, feeds };
}

describe('a page fetched through a followed feed', () => {
  test("naming another site's article as its canonical address is stored under its own address and leaves that article alone", async () => {
    const copyUrl = 'https://evil.example/copy/bridge';
    const { corpus, db, feeds } = service({
      'https://evil.example/feed.xml': { body: rss('https://evil.example/', [copyUrl]) },
      [copyUrl]: {
        headers: { 'content-type': 'text/html' },
        body: articlePage({ title: 'Harbor Bridge closes', paragraphs: COPY_PARAGRAPHS, canonical: LEDGER.url }),
      },
    });
    const ledger = (await corpus.ingest(LEDGER, 'page')).article;
    await feeds.follow({ url: 'https://evil.example/feed.xml', outlet: 'Evil Example' });
    const [view] = await feeds.pollNow();
    expect(view?.lastError).toBeUndefined();
    expect(view?.articlesAdded).toBe(1);

    const after = await db.articles.get(ledger.id);
    expect(after).toMatchObject({ url: ledger.url, text: LEDGER.text, title: LEDGER.title, outlet: 'The Daily Ledger', source: 'page' });
    const copy = await db.articles.where('url').equals(copyUrl).first();
    expect(copy).toMatchObject({ host: 'evil.example', source: 'feed' });
    expect(copy?.id).not.toBe(ledger.id);
    expect(await db.articles.count()).toBe(2);
  });

  test('naming an address on its own site as canonical is stored under that address', async () => {
    const itemUrl = 'https://ledger.example/amp/bridge?src=rss';
    const canonical = 'https://ledger.example/local/bridge';
    const { db, feeds } = service({
      'https://ledger.example/feed.xml': { body: rss('https://ledger.example/', [itemUrl]) },
      [itemUrl]: {
        headers: { 'content-type': 'text/html' },
        body: articlePage({ title: 'Harbor Bridge closes', paragraphs: COPY_PARAGRAPHS, canonical }),
      },
    });
    await feeds.follow({ url: 'https://ledger.example/feed.xml' });
    await feeds.pollNow();
    expect((await db.articles.toArray()).map((a) => a.url)).toEqual([canonical]);
  });
});

describe('a followed feed over the store budget', () => {
  test('fetches and stores nothing, says why, and stores its items once there is room again', async () => {
    const itemUrl = 'https://ledger.example/local/bridge';
    const message = "Parallax's store is full: it uses 500 MB of the 500 MB you allowed, so this article was not stored.";
    let full = true;
    const fetched: string[] = [];
    const page = articlePage({ title: 'Harbor Bridge closes', paragraphs: COPY_PARAGRAPHS });
    const { db, feeds } = service(
      {
        'https://ledger.example/feed.xml': () => {
          fetched.push('feed');
          return { body: rss('https://ledger.example/', [itemUrl]) };
        },
        [itemUrl]: () => {
          fetched.push('item');
          return { headers: { 'content-type': 'text/html' }, body: page };
        },
      },
      { check: async () => (full ? { kind: 'budget', message } : undefined) },
    );
    await feeds.follow({ url: 'https://ledger.example/feed.xml' });
    const [view] = await feeds.pollNow();
    expect(await db.articles.count()).toBe(0);
    expect(view).toMatchObject({ articlesAdded: 0, lastError: message });
    expect(fetched).toEqual([]);

    // The reader deleted older articles: the item the full store turned away is stored now.
    full = false;
    const [after] = await feeds.pollNow();
    expect(after?.lastError).toBeUndefined();
    expect(after?.articlesAdded).toBe(1);
    expect((await db.articles.toArray()).map((a) => a.url)).toEqual([itemUrl]);
  });
});
