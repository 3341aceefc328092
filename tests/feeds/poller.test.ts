import type { FeedState } from '../../lib/types';
import { describe, expect, test } from 'vitest';
import { createArticleFetcher, createFeedState, dueFeeds, pollFeed, retryDelayMs, type PollDeps } from '../../lib/feeds/poller';
import { BACKLOG_DELAY_MINUTES, MAX_BACKOFF_MS, MAX_FEED_ITEMS, SEEN_LIMIT } from '../../lib/feeds/config';
import { createFakeWeb, lazyBody, type FakeHandler } from './fake-web';

const FEED_URL = 'https://ledger.example/feed.xml';
const START = Date.UTC(2025, 9, 14, 9, 0, 0);
const MINUTE = 60_000;

function rss(ids: number[]): string {
  const items = ids
    .map(
      (id) =>
        `<item><title>Story ${id}</title><link>/story/${id}</link><guid>story-${id}</guid>` +
        `<pubDate>${new Date(START - (1000 - id) * MINUTE).toUTCString()}</pubDate></item>`,
    )
    .join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>The Ledger</title>${items}</channel></rss>`;
}

function articlePage(url: string): string {
  return `<html><body><h1>${url}</h1></body></html>`;
}

/** A feed, its article pages, a clock, and a record of what was fetched and stored. */
function setup(feedHandler: FakeHandler, options: { maxItemsPerPoll?: number } = {}) {
  const web = createFakeWeb({ [FEED_URL]: feedHandler });
  let clock = START;
  const fetchedArticles: string[] = [];
  const stored: string[] = [];
  const declined = new Map<string, string>();
  const deps: PollDeps = {
    fetch: web.fetch,
    now: () => clock,
    async fetchArticle(url) {
      fetchedArticles.push(url);
      if (url.endsWith('/broken')) return { ok: false, error: 'the server answered 500' };
      return { ok: true, html: articlePage(url), finalUrl: url };
    },
    async storeArticle(_html, url) {
      const reason = declined.get(url);
      if (reason) return { stored: false, reason };
      stored.push(url);
      return { stored: true };
    },
    ...options,
  };
  return {
    web,
    deps,
    fetchedArticles,
    stored,
    declined,
    advance(ms: number) {
      clock += ms;
    },
    feedRequests: () => web.requests.filter((r) => r.url === FEED_URL),
  };
}

describe('feed state', () => {
  test('a new feed is due at once, with a stable id and no history', () => {
    const a = createFeedState(' https://ledger.example/feed.xml#top ', { now: START });
    expect(a).toEqual({
      id: a.id,
      url: FEED_URL,
      intervalMinutes: 60,
      articlesAdded: 0,
      nextPollAt: START,
      failures: 0,
    });
    expect(createFeedState(FEED_URL).id).toBe(a.id);
    expect(createFeedState('https://other.example/rss').id).not.toBe(a.id);
    expect(dueFeeds([a], START)).toEqual([a]);
  });

  test.each(['ftp://ledger.example/feed', 'feed://ledger.example/rss', 'ledger.example/rss'])(
    'only http(s) feeds can be added: %s',
    (url) => {
      expect(() => createFeedState(url)).toThrow('a feed address starts with http:// or https://');
    },
  );

  test('dueFeeds lists the overdue first and leaves the rest', () => {
    const feeds: FeedState[] = [
      { ...createFeedState('https://a.example/rss'), nextPollAt: START + 1 },
      { ...createFeedState('https://b.example/rss'), nextPollAt: START - 10 },
      { ...createFeedState('https://c.example/rss'), nextPollAt: START },
    ];
    expect(dueFeeds(feeds, START).map((f) => f.url)).toEqual(['https://b.example/rss', 'https://c.example/rss']);
  });

  test.each([
    [60, 1, 120 * MINUTE],
    [60, 3, 480 * MINUTE],
    [60, 5, MAX_BACKOFF_MS],
    [15, 2, 60 * MINUTE],
  ])('retry delay for every %i min after %i failures', (interval, failures, delay) => {
    expect(retryDelayMs(interval, failures)).toBe(delay);
  });
});

describe('pollFeed', () => {
  test('stores the items of a new feed, newest first, and remembers the validators', async () => {
    const t = setup({ body: rss([1, 2, 3]), headers: { etag: '"v1"', 'last-modified': 'Tue, 14 Oct 2025 08:00:00 GMT' } });
    const result = await pollFeed(createFeedState(FEED_URL, { now: START }), t.deps);
    expect(result.added).toBe(3);
    expect(result.errors).toEqual([]);
    expect(t.stored).toEqual([3, 2, 1].map((id) => `https://ledger.example/story/${id}`));
    expect(result.feed).toMatchObject({
      title: 'The Ledger',
      etag: '"v1"',
      lastModified: 'Tue, 14 Oct 2025 08:00:00 GMT',
      articlesAdded: 3,
      failures: 0,
      lastFetchAt: START,
      nextPollAt: START + 60 * MINUTE,
    });
  });

  test('sends conditional headers; "304 not modified" is nothing new and no error', async () => {
    const t = setup(({ headers }) =>
      headers.get('if-none-match') === '"v1"'
        ? { status: 304 }
        : { body: rss([1]), headers: { etag: '"v1"', 'last-modified': 'Tue, 14 Oct 2025 08:00:00 GMT' } },
    );
    const first = await pollFeed(createFeedState(FEED_URL, { now: START }), t.deps);
    t.advance(60 * MINUTE);
    const second = await pollFeed(first.feed, t.deps);
    const [, request] = t.feedRequests();
    expect(request?.headers.get('if-none-match')).toBe('"v1"');
    expect(request?.headers.get('if-modified-since')).toBe('Tue, 14 Oct 2025 08:00:00 GMT');
    expect(second.added).toBe(0);
    expect(second.errors).toEqual([]);
    expect(second.feed.lastError).toBeUndefined();
    expect(second.feed.nextPollAt).toBe(START + 120 * MINUTE);
    expect(second.feed.etag).toBe('"v1"');
    expect(t.fetchedArticles).toHaveLength(1);
  });

  test('backs off on errors (interval × 2^failures, at most 24 h) and a success resets it', async () => {
    let failing = true;
    const t = setup(() => (failing ? { status: 500 } : { body: rss([1]) }));
    let feed = createFeedState(FEED_URL, { now: START, intervalMinutes: 60 });
    const delays: number[] = [];
    for (let i = 0; i < 7; i++) {
      const result = await pollFeed(feed, t.deps);
      feed = result.feed;
      expect(result.errors).toEqual(['the server answered 500']);
      delays.push((feed.nextPollAt - (feed.lastFetchAt ?? 0)) / MINUTE);
      t.advance(feed.nextPollAt - (feed.lastFetchAt ?? 0));
    }
    expect(delays).toEqual([120, 240, 480, 960, 1440, 1440, 1440]);
    expect(feed).toMatchObject({ failures: 7, lastError: 'the server answered 500' });

    failing = false;
    const recovered = await pollFeed(feed, t.deps);
    expect(recovered.feed.failures).toBe(0);
    expect(recovered.feed.lastError).toBeUndefined();
    expect(recovered.feed.nextPollAt - (recovered.feed.lastFetchAt ?? 0)).toBe(60 * MINUTE);
    expect(recovered.added).toBe(1);
  });

  test.each([
    {
      case: 'broken XML',
      handler: { body: '<rss><channel><title>x</titel></channel></rss>' },
      error: /^the feed is not well-formed XML \(line 1: /,
    },
    {
      case: 'an HTML page',
      handler: {
        body: '<!doctype html><html><head><link rel="alternate" type="application/rss+xml" href="/rss"></head></html>',
        headers: { 'content-type': 'text/html' },
      },
      error: /^this address returns an HTML page, not a feed; the page names a feed at https:\/\/ledger\.example\/rss$/,
    },
    { case: 'a redirect loop', handler: { status: 301, headers: { location: FEED_URL } }, error: /^redirect loop$/ },
    { case: 'a 6 MB feed', handler: { body: lazyBody(6 * 1024 * 1024).stream }, error: /^the page is larger than 5 MB and was skipped$/ },
    { case: 'a server that never answers', handler: { hang: true }, error: /^timed out$/ },
  ])('a failed poll says why: $case', async ({ handler, error }) => {
    const t = setup(handler as FakeHandler);
    const result = await pollFeed(createFeedState(FEED_URL, { now: START }), { ...t.deps, timeoutMs: 30 });
    expect(result.feed.lastError).toMatch(error);
    expect(result.feed.failures).toBe(1);
    expect(result.feed.nextPollAt).toBe(START + 120 * MINUTE);
    expect(t.fetchedArticles).toEqual([]);
  });

  test('only items not seen before are fetched', async () => {
    let ids = [1, 2, 3];
    const t = setup(() => ({ body: rss(ids) }));
    const first = await pollFeed(createFeedState(FEED_URL, { now: START }), t.deps);
    ids = [2, 3, 4, 5];
    t.advance(60 * MINUTE);
    const second = await pollFeed(first.feed, t.deps);
    expect(second.added).toBe(2);
    expect(t.fetchedArticles.slice(3)).toEqual(['https://ledger.example/story/5', 'https://ledger.example/story/4']);
    expect(second.feed.articlesAdded).toBe(5);
    t.advance(60 * MINUTE);
    const third = await pollFeed(second.feed, t.deps);
    expect(third.added).toBe(0);
    expect(t.fetchedArticles).toHaveLength(5);
  });

  test('a big feed comes in per-poll portions, without a 304 holding the rest back', async () => {
    const ids = Array.from({ length: 25 }, (_, i) => i + 1);
    const t = setup(
      ({ headers }) => (headers.get('if-none-match') === '"v1"' ? { status: 304 } : { body: rss(ids), headers: { etag: '"v1"' } }),
      {
        maxItemsPerPoll: 10,
      },
    );
    let feed = createFeedState(FEED_URL, { now: START });
    const added: number[] = [];
    for (let i = 0; i < 4; i++) {
      const result = await pollFeed(feed, t.deps);
      added.push(result.added);
      if (i === 0) {
        expect(result.feed.etag).toBeUndefined();
        expect(result.feed.nextPollAt).toBe(START + BACKLOG_DELAY_MINUTES * MINUTE);
      }
      feed = result.feed;
      t.advance(feed.nextPollAt - (feed.lastFetchAt ?? 0));
    }
    expect(added).toEqual([10, 10, 5, 0]);
    expect(new Set(t.stored).size).toBe(25);
    expect(feed.etag).toBe('"v1"');
  });

  test('the seen list stays capped and keeps what the feed still lists', async () => {
    const ids = Array.from({ length: 400 }, (_, i) => i + 1);
    const t = setup(() => ({ body: rss(ids) }), { maxItemsPerPoll: 400 });
    const feed: FeedState = {
      ...createFeedState(FEED_URL, { now: START }),
      seen: Array.from({ length: SEEN_LIMIT }, (_, i) => `old-${i}`),
    };
    const result = await pollFeed(feed, t.deps);
    // Only the newest MAX_FEED_ITEMS of a feed are read at all.
    expect(result.added).toBe(MAX_FEED_ITEMS);
    expect(result.feed.seen).toHaveLength(SEEN_LIMIT);
    expect(result.feed.seen).toEqual(expect.arrayContaining([`story-${401 - MAX_FEED_ITEMS}`, 'story-400']));
    expect(result.feed.seen).not.toContain(`story-${400 - MAX_FEED_ITEMS}`);
    const again = await pollFeed(result.feed, t.deps);
    expect(again.added).toBe(0);
  });

  test('an article that fails or is declined does not fail the feed, and is not tried again', async () => {
    const body = rss([1]).replace('</channel>', '<item><title>Broken</title><link>/broken</link></item></channel>');
    const t = setup(() => ({ body }));
    t.declined.set('https://ledger.example/story/1', 'the article is in French; Parallax compares English articles');
    const first = await pollFeed(createFeedState(FEED_URL, { now: START }), t.deps);
    expect(first.added).toBe(0);
    expect(first.errors).toEqual(['https://ledger.example/broken: the server answered 500']);
    expect(first.skipped).toEqual([
      { url: 'https://ledger.example/story/1', reason: 'the article is in French; Parallax compares English articles' },
    ]);
    expect(first.feed.failures).toBe(0);
    expect(first.feed.lastError).toBeUndefined();
    t.advance(60 * MINUTE);
    await pollFeed(first.feed, t.deps);
    expect(t.fetchedArticles).toHaveLength(2);
  });
});

describe('createArticleFetcher', () => {
  test.each([
    { type: 'text/html; charset=utf-8', expected: { ok: true, html: '<p>x</p>', finalUrl: 'https://a.example/s' } },
    { type: 'application/xhtml+xml', expected: { ok: true, html: '<p>x</p>', finalUrl: 'https://a.example/s' } },
    { type: 'application/pdf', expected: { ok: false, error: 'the address is not a web page (application/pdf)' } },
  ])('$type', async ({ type, expected }) => {
    const web = createFakeWeb({ 'https://a.example/s': { body: '<p>x</p>', headers: { 'content-type': type } } });
    expect(await createArticleFetcher(web.fetch)('https://a.example/s')).toEqual(expected);
  });
});
