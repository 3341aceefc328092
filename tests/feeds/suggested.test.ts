import { expect, test } from 'vitest';
import { createFeedState } from '../../lib/feeds/poller';
import { SUGGESTED_FEEDS } from '../../lib/feeds/suggested';

test.each(SUGGESTED_FEEDS.map((f) => [f.name, f] as const))('%s can be subscribed to as is', (_name, feed) => {
  expect(feed.url.startsWith('https://')).toBe(true);
  expect(feed.site.startsWith('https://')).toBe(true);
  expect(createFeedState(feed.url).url).toBe(feed.url);
});

test('each outlet and address is listed once', () => {
  expect(new Set(SUGGESTED_FEEDS.map((f) => f.url)).size).toBe(SUGGESTED_FEEDS.length);
  expect(new Set(SUGGESTED_FEEDS.map((f) => f.name)).size).toBe(SUGGESTED_FEEDS.length);
});
