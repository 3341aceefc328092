import { describe, expect, test } from 'vitest';
import { describeFeed, relativeTime } from '../../components/options/feed-display';
import { originsToRequest } from '../../lib/extension/feeds-permissions';
import { describeStoreError } from '../../lib/extension/store-errors';
import type { FeedView } from '../../lib/messaging/protocol';

const NOW = Date.parse('2025-10-14T12:00:00Z');
const MIN = 60_000;

const base: FeedView = {
  id: 'f',
  url: 'https://www.example.com/feed.xml',
  intervalMinutes: 60,
  articlesAdded: 0,
  nextPollAt: NOW,
  failures: 0,
};

test.each([
  [NOW - 10_000, 'just now'],
  [NOW - 5 * MIN, '5 minutes ago'],
  [NOW - 60 * MIN, '1 hour ago'],
  [NOW - 3 * 24 * 60 * MIN, '3 days ago'],
  [NOW + 55 * MIN, 'in 55 minutes'],
])('relativeTime(%i) reads "%s"', (at, text) => {
  expect(relativeTime(at, NOW)).toBe(text);
});

describe('describeFeed', () => {
  test.each([
    { what: 'a new feed', feed: base, status: 'new', lastFetch: 'Not checked yet', added: '0 articles added', name: 'example.com' },
    {
      what: 'a feed that worked',
      feed: { ...base, outlet: 'Example News', lastFetchAt: NOW - 5 * MIN, articlesAdded: 1, nextPollAt: NOW + 55 * MIN },
      status: 'ok',
      lastFetch: 'Last checked 5 minutes ago',
      added: '1 article added',
      name: 'Example News',
    },
    {
      what: 'a failing feed',
      feed: { ...base, title: 'Example feed', lastFetchAt: NOW - MIN, lastError: 'the server answered 404', failures: 3 },
      status: 'error',
      lastFetch: 'Last checked 1 minute ago',
      added: '0 articles added',
      name: 'Example feed',
    },
  ])('$what', ({ feed, status, lastFetch, added, name }) => {
    const d = describeFeed(feed, NOW);
    expect(d).toMatchObject({ status, lastFetch, added, name });
    if (status === 'error') expect(d.error).toBe('The server answered 404 (3 failed checks in a row)');
    else expect(d.error).toBeUndefined();
  });
});

test.each([
  [
    ['https://feeds.example.com/rss', 'https://www.example.com/news'],
    ['https://feeds.example.com/*', 'https://www.example.com/*'],
  ],
  [['http://dailyledger.test:8123/feed.xml', 'http://dailyledger.test:8123/'], ['http://dailyledger.test/*']],
  [['file:///etc/passwd', undefined, 'not a url'], []],
])('originsToRequest(%j) asks for %j', (urls, origins) => {
  expect(originsToRequest(...urls)).toEqual(origins);
});

test.each([
  { what: 'a full quota', error: new DOMException('x', 'QuotaExceededError'), expected: /storage for Parallax is full/ },
  {
    what: 'a quota wrapped by Dexie',
    error: Object.assign(new Error('wrapped'), { name: 'AbortError', inner: new DOMException('q', 'QuotaExceededError') }),
    expected: /full/,
  },
  {
    what: 'an aborted write',
    error: Object.assign(new Error('aborted'), { name: 'AbortError' }),
    expected: /could not be saved.*nothing of it was kept/,
  },
  { what: 'a bad article', error: new Error('the article has no title'), expected: undefined },
])('describeStoreError: $what', ({ error, expected }) => {
  const text = describeStoreError(error);
  if (expected) expect(text).toMatch(expected);
  else expect(text).toBeUndefined();
});
