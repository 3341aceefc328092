/**
 * Feed fixtures for end-to-end tests, served by the demo server beside the
 * demo sites: one good feed per format, and the broken kinds a reader meets.
 * Node only (the files are read from disk when this module loads).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export type DemoFeedKind = 'rss' | 'atom' | 'json' | 'broken-xml' | 'html-page' | 'json-without-items';

export interface DemoFeedFixture {
  host: string;
  /** Path on the host, as requested ("/feed.xml"). */
  path: string;
  /** File under demo/feeds/<host>/. */
  file: string;
  contentType: string;
  kind: DemoFeedKind;
  /** Article paths on the same host that the feed lists (demo/sites/<host>/<slug>.html). */
  articlePaths: string[];
}

export const DEMO_FEED_FIXTURES: DemoFeedFixture[] = [
  {
    host: 'dailyledger.test',
    path: '/feed.xml',
    file: 'feed.xml',
    contentType: 'application/rss+xml; charset=utf-8',
    kind: 'rss',
    articlePaths: ['/ellery-crane-collapse', '/brightwell-battery-recall'],
  },
  {
    host: 'dailyledger.test',
    path: '/feed-broken.xml',
    file: 'feed-broken.xml',
    contentType: 'application/rss+xml; charset=utf-8',
    kind: 'broken-xml',
    articlePaths: [],
  },
  {
    host: 'harbourtimes.test',
    path: '/atom.xml',
    file: 'atom.xml',
    contentType: 'application/atom+xml; charset=utf-8',
    kind: 'atom',
    articlePaths: ['/ellery-crane-wire', '/brightwell-recall'],
  },
  {
    host: 'harbourtimes.test',
    path: '/news-feed',
    file: 'news-feed.html',
    contentType: 'text/html; charset=utf-8',
    kind: 'html-page',
    articlePaths: [],
  },
  {
    host: 'meridianpost.test',
    path: '/feed.json',
    file: 'feed.json',
    contentType: 'application/feed+json; charset=utf-8',
    kind: 'json',
    articlePaths: ['/live-ellery-crane-collapse'],
  },
  {
    host: 'meridianpost.test',
    path: '/feed-empty.json',
    file: 'feed-empty.json',
    contentType: 'application/feed+json; charset=utf-8',
    kind: 'json-without-items',
    articlePaths: [],
  },
];

const FEEDS_DIR = import.meta.dirname;

function readFixture(fixture: DemoFeedFixture): string {
  return readFileSync(path.join(FEEDS_DIR, fixture.host, fixture.file), 'utf8');
}

/** host → path → body and content type, for a test server to serve. */
export const DEMO_FEEDS: Record<string, Record<string, { body: string; contentType: string }>> = {};
for (const fixture of DEMO_FEED_FIXTURES) {
  const site = (DEMO_FEEDS[fixture.host] ??= {});
  site[fixture.path] = { body: readFixture(fixture), contentType: fixture.contentType };
}

/**
 * The same as host → path → body, the shape of the demo server's `extraSites`.
 * That server labels these text/html; the feed reader goes by the body, so they still read as feeds.
 */
export const DEMO_FEED_SITES: Record<string, Record<string, string>> = Object.fromEntries(
  Object.entries(DEMO_FEEDS).map(([host, paths]) => [
    host,
    Object.fromEntries(Object.entries(paths).map(([p, { body }]) => [p, body])),
  ]),
);
