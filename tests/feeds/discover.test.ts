import { expect, test } from 'vitest';
import { discoverFeeds } from '../../lib/feeds/discover';

const PAGE = 'https://news.example/world/story.html';

test.each([
  {
    case: 'RSS, Atom and JSON Feed links with titles',
    html: `<head>
      <link rel="alternate" type="application/rss+xml" title="Top stories" href="/rss.xml">
      <link rel="alternate" type="application/atom+xml" href="atom.xml" title='World — Atom'>
      <link rel="alternate" type="application/feed+json" href="https://cdn.example/feed.json">
    </head>`,
    feeds: [
      { url: 'https://news.example/rss.xml', title: 'Top stories', type: 'rss' },
      { url: 'https://news.example/world/atom.xml', title: 'World — Atom', type: 'atom' },
      { url: 'https://cdn.example/feed.json', type: 'json' },
    ],
  },
  {
    case: 'upper case, bare values, rel lists, entities and a ">" inside a quoted title',
    html: `<LINK REL="Alternate Home" TYPE=application/RSS+XML HREF=/feed?a=1&amp;b=2 TITLE="News > World"/>`,
    feeds: [{ url: 'https://news.example/feed?a=1&b=2', title: 'News > World', type: 'rss' }],
  },
  {
    case: 'a <base href> changes where relative links point',
    html: `<base href="https://static.example/site/"><link rel=alternate type="application/atom+xml" href="feed.atom">`,
    feeds: [{ url: 'https://static.example/site/feed.atom', type: 'atom' }],
  },
  {
    case: 'type parameters are ignored; duplicates are listed once',
    html: `<link rel="alternate" type="application/rss+xml; charset=utf-8" href="/rss">
           <link rel="alternate" type="application/rss+xml" href="https://news.example/rss">`,
    feeds: [{ url: 'https://news.example/rss', type: 'rss' }],
  },
  {
    case: 'links in comments and scripts, stylesheets, other types and non-web hrefs are not feeds',
    html: `<!-- <link rel="alternate" type="application/rss+xml" href="/old-rss"> -->
      <script>document.write('<link rel="alternate" type="application/rss+xml" href="/js-rss">')</script>
      <link rel="stylesheet" type="text/css" href="/site.css">
      <link rel="alternate" hreflang="fr" href="/fr/">
      <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
      <link rel="canonical" type="application/rss+xml" href="/not-alternate">
      <linkish rel="alternate" type="application/rss+xml" href="/nope">`,
    feeds: [],
  },
  {
    case: 'a page cut off inside a tag',
    html: `<link rel="alternate" type="application/rss+xml" href="/rss"><link rel="alternate" type="applic`,
    feeds: [{ url: 'https://news.example/rss', type: 'rss' }],
  },
])('$case', ({ html, feeds }) => {
  expect(discoverFeeds(html, PAGE)).toEqual(feeds);
});
