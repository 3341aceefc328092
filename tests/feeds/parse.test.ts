import { describe, expect, test } from 'vitest';
import { DEMO_FEED_FIXTURES, DEMO_FEEDS } from '../../demo/feeds/index';
import { toIsoDate } from '../../lib/feeds/dates';
import { plainText } from '../../lib/feeds/html-text';
import { MAX_FEED_ITEMS } from '../../lib/feeds/config';
import { HTML_NOT_FEED, parseFeed, rootElementName, type ParsedFeed } from '../../lib/feeds/parse';

const FEED_URL = 'https://news.example/feeds/main.xml';

function parsed(body: string, contentType: string | null = null, url = FEED_URL): ParsedFeed {
  const result = parseFeed(body, contentType, url);
  if (!result.ok) throw new Error(`expected a feed, got: ${result.error}`);
  return result.feed;
}

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
  <title>Example News &amp;amp; Views</title>
  <link>https://news.example/</link>
  <atom:link href="https://news.example/feeds/main.xml" rel="self"/>
  <item>
    <title><![CDATA[Minister <b>resigns</b> over &ldquo;leak&rdquo;]]></title>
    <link>/politics/minister-resigns</link>
    <guid isPermaLink="false">story-1</guid>
    <pubDate>Tue, 14 Oct 2025 09:15:00 +0100</pubDate>
  </item>
  <item>
    <title>Storm warning for the coast</title>
    <guid>https://news.example/weather/storm</guid>
    <dc:date>2025-10-13T20:00:00Z</dc:date>
  </item>
  <item>
    <title>Only an opaque id</title>
    <guid isPermaLink="false">story-3</guid>
  </item>
  <item>
    <title>Not a web link</title>
    <link>mailto:desk@news.example</link>
  </item>
  <item>
    <description>A brief with no title but a link.</description>
    <link>brief/42</link>
    <pubDate>Mon, 13 Oct 2025 08:00:00 EDT</pubDate>
  </item>
</channel>
</rss>`;

const RDF = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://rdf.example/"><title>RDF Wire</title><link>https://rdf.example/</link></channel>
  <item rdf:about="https://rdf.example/a"><title>First</title><link>https://rdf.example/a</link><dc:date>2025-10-14T06:00:00+00:00</dc:date></item>
  <item rdf:about="https://rdf.example/b"><title>Second</title></item>
</rdf:RDF>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://atom.example/news/">
  <title type="html">Atom &amp;amp; Co</title>
  <link rel="self" href="https://atom.example/atom.xml"/>
  <link rel="alternate" type="text/html" href="https://atom.example/"/>
  <entry>
    <title type="html">&lt;em&gt;Live:&lt;/em&gt; port reopens</title>
    <link rel="edit" href="/api/entries/1"/>
    <link rel="alternate" type="application/pdf" href="port.pdf"/>
    <link rel="alternate" type="text/html" href="port-reopens"/>
    <id>tag:atom.example,2025:1</id>
    <published>2025-10-14T10:05:00+01:00</published>
    <updated>2025-10-14T12:00:00+01:00</updated>
  </entry>
  <entry>
    <title>Only updated</title>
    <link href="https://other.example/story"/>
    <id>tag:atom.example,2025:2</id>
    <updated>2025-10-13T09:00:00Z</updated>
  </entry>
  <entry><title>No link at all</title><id>tag:atom.example,2025:3</id></entry>
</feed>`;

const JSON_FEED = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'JSON Daily',
  home_page_url: '/',
  items: [
    { id: 1, url: '/2025/10/14/crane', title: 'Crane falls', date_published: '2025-10-14T06:32:00+01:00' },
    { id: 'b', external_url: 'https://elsewhere.example/report', content_text: 'A linked report from elsewhere.' },
    { id: 'c', title: 'No address' },
  ],
});

describe('parseFeed reads the three formats', () => {
  test.each([
    {
      format: 'RSS 2.0',
      body: RSS,
      feed: {
        title: 'Example News & Views',
        siteUrl: 'https://news.example/',
        items: [
          {
            url: 'https://news.example/politics/minister-resigns',
            title: 'Minister resigns over “leak”',
            publishedAt: '2025-10-14T08:15:00.000Z',
            guid: 'story-1',
          },
          {
            url: 'https://news.example/weather/storm',
            title: 'Storm warning for the coast',
            publishedAt: '2025-10-13T20:00:00.000Z',
            guid: 'https://news.example/weather/storm',
          },
          {
            url: 'https://news.example/feeds/brief/42',
            title: 'A brief with no title but a link.',
            publishedAt: '2025-10-13T12:00:00.000Z',
          },
        ],
      },
    },
    {
      format: 'RSS 1.0 (RDF)',
      body: RDF,
      feed: {
        title: 'RDF Wire',
        siteUrl: 'https://rdf.example/',
        items: [
          { url: 'https://rdf.example/a', title: 'First', publishedAt: '2025-10-14T06:00:00.000Z' },
          { url: 'https://rdf.example/b', title: 'Second' },
        ],
      },
    },
    {
      format: 'Atom 1.0',
      body: ATOM,
      feed: {
        title: 'Atom & Co',
        siteUrl: 'https://atom.example/',
        items: [
          {
            url: 'https://atom.example/news/port-reopens',
            title: 'Live: port reopens',
            publishedAt: '2025-10-14T09:05:00.000Z',
            guid: 'tag:atom.example,2025:1',
          },
          {
            url: 'https://other.example/story',
            title: 'Only updated',
            publishedAt: '2025-10-13T09:00:00.000Z',
            guid: 'tag:atom.example,2025:2',
          },
        ],
      },
    },
    {
      format: 'JSON Feed 1.1',
      body: JSON_FEED,
      feed: {
        title: 'JSON Daily',
        siteUrl: 'https://news.example/',
        items: [
          {
            url: 'https://news.example/2025/10/14/crane',
            title: 'Crane falls',
            publishedAt: '2025-10-14T05:32:00.000Z',
            guid: '1',
          },
          { url: 'https://elsewhere.example/report', title: 'A linked report from elsewhere.', guid: 'b' },
        ],
      },
    },
  ])('$format', ({ body, feed }) => {
    expect(parsed(body)).toEqual(feed);
  });

  test('a feed served as text/html or text/plain is still read by its content', () => {
    expect(parsed(RSS, 'text/html; charset=utf-8').items).toHaveLength(3);
    expect(parsed(ATOM, 'text/plain').items).toHaveLength(2);
    expect(parsed(`\uFEFF${JSON_FEED}`, 'text/plain').items).toHaveLength(2);
  });

  test('a channel without items is an empty feed, named after its host when untitled', () => {
    expect(parsed('<rss version="2.0"><channel></channel></rss>')).toEqual({ title: 'news.example', items: [] });
  });
});

describe('parseFeed explains what is wrong', () => {
  test.each([
    {
      case: 'broken XML',
      body: '<?xml version="1.0"?>\n<rss>\n<channel><title>x</titel></channel></rss>',
      type: 'application/rss+xml',
      error: /^the feed is not well-formed XML \(line 3: .+\)$/,
    },
    {
      case: 'an HTML page',
      body: '<!DOCTYPE html><html><head><title>Home</title></head><body><p>Hi<br></body></html>',
      type: 'text/html',
      error: new RegExp(`^${HTML_NOT_FEED}$`),
    },
    { case: 'HTML served as XML', body: '<html><body>x</body></html>', type: 'application/xml', error: new RegExp(`^${HTML_NOT_FEED}`) },
    {
      case: 'a JSON Feed without items',
      body: '{"version":"https://jsonfeed.org/version/1.1","title":"x"}',
      type: 'application/feed+json',
      error: /^JSON Feed without items$/,
    },
    { case: 'JSON that is not a feed', body: '{"status":"ok"}', type: 'application/json', error: /JSON, but not a JSON Feed/ },
    { case: 'broken JSON', body: '{"version": ', type: 'application/feed+json', error: /^the feed is not valid JSON/ },
    {
      case: 'a sitemap',
      body: '<?xml version="1.0"?><urlset><url><loc>https://x/</loc></url></urlset>',
      type: 'application/xml',
      error: /not an RSS or Atom feed \(it starts with <urlset>\)/,
    },
    { case: 'plain text', body: 'Service unavailable', type: 'text/plain', error: /does not return a feed/ },
    { case: 'an empty body', body: '  \n', type: null, error: /empty/ },
  ])('$case', ({ body, type, error }) => {
    const result = parseFeed(body, type, FEED_URL);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });

  test('an HTML page that advertises feeds names them', () => {
    const html = `<!doctype html><html><head>
      <link rel="alternate" type="application/rss+xml" href="/rss">
      <link rel="alternate" type="application/atom+xml" href="https://news.example/atom.xml">
      </head><body></body></html>`;
    const result = parseFeed(html, 'text/html', 'https://news.example/world/');
    expect(result).toEqual({
      ok: false,
      error: `${HTML_NOT_FEED}; the page names 2 feeds`,
      alternates: ['https://news.example/rss', 'https://news.example/atom.xml'],
    });
  });
});

describe('the demo feed fixtures', () => {
  test.each(DEMO_FEED_FIXTURES)('$host$path ($kind)', (fixture) => {
    const served = DEMO_FEEDS[fixture.host]?.[fixture.path];
    expect(served).toBeDefined();
    const origin = `http://${fixture.host}:8123`;
    const result = parseFeed(served?.body ?? '', served?.contentType ?? null, `${origin}${fixture.path}`);
    if (['rss', 'atom', 'json'].includes(fixture.kind)) {
      expect(result.ok).toBe(true);
      if (result.ok) {
        expect(result.feed.items.map((i) => i.url)).toEqual(fixture.articlePaths.map((p) => `${origin}${p}`));
        expect(result.feed.items.every((i) => i.title && i.publishedAt)).toBe(true);
      }
    } else {
      expect(result.ok).toBe(false);
      if (!result.ok) {
        const expected = {
          'broken-xml': /not well-formed XML/,
          'html-page': new RegExp(HTML_NOT_FEED),
          'json-without-items': /JSON Feed without items/,
        }[fixture.kind as 'broken-xml' | 'html-page' | 'json-without-items'];
        expect(result.error).toMatch(expected);
      }
    }
  });

  test('the HTML page points the reader to the real feed', () => {
    const page = DEMO_FEEDS['harbourtimes.test']?.['/news-feed'];
    const result = parseFeed(page?.body ?? '', page?.contentType ?? null, 'http://harbourtimes.test:8123/news-feed');
    expect(result.ok === false && result.alternates).toEqual(['http://harbourtimes.test:8123/atom.xml']);
  });
});

describe('toIsoDate', () => {
  test.each([
    ['Tue, 14 Oct 2025 09:15:00 +0100', '2025-10-14T08:15:00.000Z'],
    ['Tue, 14 Oct 2025 09:15:00 GMT', '2025-10-14T09:15:00.000Z'],
    ['14 Oct 2025 09:15 PDT', '2025-10-14T16:15:00.000Z'],
    ['Tuesday, 14 October 2025 09:15:00 BST', '2025-10-14T08:15:00.000Z'],
    ['Tue, 14 Oct 25 09:15:00 -0500', '2025-10-14T14:15:00.000Z'],
    ['2025-10-14T09:15:00+01:00', '2025-10-14T08:15:00.000Z'],
    ['2025-10-14T09:15:00Z', '2025-10-14T09:15:00.000Z'],
    ['2025-10-14 09:15:00', '2025-10-14T09:15:00.000Z'],
    ['2025-10-14', '2025-10-14T00:00:00.000Z'],
    ['yesterday', undefined],
    ['', undefined],
  ])('%s', (text, iso) => {
    expect(toIsoDate(text)).toBe(iso);
  });
});

describe('hostile feeds', () => {
  test.each([
    ['<rss version="2.0">', 'rss'],
    ['<?xml version="1.0"?>\n<!-- a comment -->\n<feed xmlns="http://www.w3.org/2005/Atom">', 'feed'],
    ['<!DOCTYPE rss [ <!ENTITY x "]"> ]>\n<rss>', 'rss'],
    ['<!doctype html><html>', 'html'],
    ['<?xml-stylesheet href="a.xsl"?><rdf:RDF>', 'rdf:RDF'],
    ['text first <rss>', undefined],
    ['<!-- never closed <rss>', undefined],
    ['<?xml never closed <rss>', undefined],
    ['<!DOCTYPE rss [ never closed <rss>', undefined],
  ])('the root element of %j is %s', (text, name) => {
    expect(rootElementName(text)).toBe(name);
  });

  test.each([
    ['100,000 spaces after the declaration, then text', `<?xml version="1.0"?>${' \n'.repeat(100_000)}x`],
    ['20,000 comments and no root', `<?xml version="1.0"?>${'<!-- c -->'.repeat(20_000)}x`],
    ['a comment left open after many spaces', `<?xml version="1.0"?>${' '.repeat(200_000)}<!--`],
    ['a doctype subset of many brackets', `<!DOCTYPE x [${'] '.repeat(100_000)}`],
  ])('%s: refused, not a hang', (_name, body) => {
    const r = parseFeed(body, 'application/xml', FEED_URL);
    expect(r.ok).toBe(false);
  });

  test('of a feed of thousands of items, the newest MAX_FEED_ITEMS are kept, in feed order', () => {
    const n = 5000;
    // Oldest first, to show the cut is by date rather than by position.
    const items = Array.from(
      { length: n },
      (_, i) =>
        `<item><title>Item ${i}</title><link>https://news.example/${i}</link><pubDate>${new Date(Date.UTC(2024, 0, 1) + i * 60_000).toUTCString()}</pubDate></item>`,
    ).join('');
    const feed = parsed(`<rss><channel><title>Many</title>${items}</channel></rss>`);
    expect(feed.items).toHaveLength(MAX_FEED_ITEMS);
    expect(feed.items[0]?.url).toBe(`https://news.example/${n - MAX_FEED_ITEMS}`);
    expect(feed.items.at(-1)?.url).toBe(`https://news.example/${n - 1}`);
  });

  test('a title of 100,000 unclosed "<" reads back as written', () => {
    expect(plainText('<'.repeat(100_000))).toHaveLength(100_000);
    expect(plainText('a <b>bold</b> < c')).toBe('a bold < c');
  });
});
