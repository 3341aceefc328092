// @vitest-environment happy-dom
import { expect, test } from 'vitest';
import { pageFeeds } from '../../lib/extension/page-feeds';
import { PAGE_FEEDS_REQUEST, isPageFeedsRequest } from '../../lib/messaging/protocol';

test('the feeds a page advertises are read from its head', () => {
  document.head.innerHTML = `
    <link rel="alternate" type="application/rss+xml" title="Top stories" href="/feed.xml">
    <link rel="alternate" type="application/atom+xml" href="https://news.example/atom">
    <link rel="alternate" hreflang="fr" href="/fr/">
    <link rel="canonical" href="/story">`;
  const feeds = pageFeeds(document);
  expect(feeds.map((f) => [f.type, new URL(f.url).pathname])).toEqual([
    ['rss', '/feed.xml'],
    ['atom', '/atom'],
  ]);
  expect(feeds[0]?.title).toBe('Top stories');
});

test.each([
  [PAGE_FEEDS_REQUEST, true],
  [{ parallax: 1, type: 'deleteAll' }, false],
  [{ type: 'pageFeeds' }, false],
  [null, false],
  ['pageFeeds', false],
])('%j is a page-feeds request: %s', (message, expected) => {
  expect(isPageFeedsRequest(message)).toBe(expected);
});
