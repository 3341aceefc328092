// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { DEMO_ARTICLES, DEMO_OUTLETS, demoPageFile } from '../../demo/corpus';
import { extractArticle, type ExtractResult } from '../../lib/extract/extract';
import { asBrowserBuildsIt, extractFromHtml } from '../../lib/extract/from-html';
import { parseHTML } from 'linkedom';

const SITES = path.resolve(import.meta.dirname, '../../demo/sites');
const ORIGIN_PORT = 8123;

function page(host: string, pagePath: string): string {
  return readFileSync(path.join(SITES, demoPageFile(host, pagePath)), 'utf8');
}

function parseWithHappyDom(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

type Parser = 'happy-dom' | 'linkedom';
function extract(parser: Parser, html: string, url: string, options: { anyway?: boolean } = {}): ExtractResult {
  return parser === 'linkedom' ? extractFromHtml(html, url, options) : extractArticle(parseWithHappyDom(html), url, options);
}

function article(result: ExtractResult) {
  if (!result.ok) throw new Error(`expected an article, got: ${result.reason}`);
  return result.article;
}

const collapse = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

/** Sentences a reader of each page sees in the story body. */
const KEY_SENTENCES: Record<string, string[]> = {
  'capitalwire.test/ellery-port-halts-terminal': [
    'The suspension, expected to last at least 72 hours, idles about 4,000 dock workers, according to the port authority.',
    'The terminal handled 1.2 million containers last year',
  ],
  'meridianpost.test/live-ellery-crane-collapse': [
    'About 5,000 dock workers are affected by the closure, the port authority says.',
    'Speaking at the terminal gates, harbour master Owen Pryce said: “Nobody goes back under those cranes until every one of them has been checked.”',
    'Two shipping lines, Corvane Lines and Hesper Maritime,',
  ],
  'dailyledger.test/ellery-crane-collapse': [
    'A port authority spokesperson confirmed that the crane had failed a load test in June',
    'Investigators believe the collapse may have been caused by a fractured weld',
    '“This is a precautionary decision taken for the safety of everyone who works on the quays,” said Katrin Aldous',
  ],
  'harbourtimes.test/ellery-crane-wire': [
    'The Harbour Times is carrying this Capital Wire report',
    'A crane operator was taken to Ellery General Hospital with serious injuries.',
  ],
  'eastbrookobserver.test/ellery-crane-collapse-wire': [
    'Work at one of the busiest container terminals on the coast has stopped',
    'Several Eastbrook hauliers who collect containers from Kessock',
  ],
  'northgazette.test/ellery-crane-inquiry-calls': [
    'Reports that the crane had failed a load test in June could not be independently verified.',
    'The collapse was caused by a fractured weld on the crane’s boom, investigators said.',
    'Katrine Aldous, the authority’s chief executive, defended the shutdown.',
  ],
  'dailyledger.test/brightwell-battery-recall': ['recalling 120,000 batteries fitted to its Vela range'],
  'harbourtimes.test/brightwell-recall': ['Castellan Mobility, which owns Brightwell, saw its shares fall 6% on Monday morning.'],
};

/** Furniture on the demo pages that must not become article text. */
const FURNITURE = [
  'Photo:',
  'Photograph:',
  'READ:',
  'Read more:',
  'Related:',
  'Share this',
  'Sign up',
  'Show Comments',
  'not accepting comments',
  'Comments are closed',
  'Portuguese / Spanish / English',
  'Advertisement',
  'Tags:',
  '@ElleryPort',
  '@DockersUnionEL',
  'Our thoughts are with the injured workers',
  'All operations at Kessock Container Terminal are suspended until further notice',
  'Reporting by',
  'Most read',
  'Morning Briefing',
  'Wire service for newsrooms',
  'Updated 13:05',
];
const FURNITURE_PARAGRAPHS = /^(Share|Facebook|X|WhatsApp|Email|Copy link|Key points|\d\d:\d\d)$/;

const cases = DEMO_ARTICLES.flatMap((a) => (['happy-dom', 'linkedom'] as const).map((parser) => ({ ...a, parser })));

describe.each(cases)('$host$path ($parser)', (a) => {
  const html = page(a.host, a.path);
  const url = `http://${a.host}:${ORIGIN_PORT}${a.path}`;
  const got = article(extract(a.parser, html, url));
  const outlet = DEMO_OUTLETS.find((o) => o.host === a.host);

  test('reads the outlet, title, date, byline and canonical URL the page declares', () => {
    expect(got.outlet).toBe(outlet?.name);
    expect(got.title).toBe(a.title);
    expect(got.publishedAt).toBe(a.publishedAt);
    if (a.byline !== undefined) expect(got.byline).toBe(a.byline);
    expect(got.url).toBe(`http://${a.host}:${ORIGIN_PORT}${a.canonicalPath}`);
    expect(got.lang).toMatch(/^en/);
  });

  test('keeps the key sentences and drops the page furniture', () => {
    for (const sentence of KEY_SENTENCES[`${a.host}${a.path}`] ?? []) expect(got.text).toContain(sentence);
    for (const furniture of FURNITURE) expect(got.text).not.toContain(furniture);
    const paragraphs = got.text.split('\n\n');
    expect(paragraphs.length).toBeGreaterThanOrEqual(8);
    expect(paragraphs.filter((p) => FURNITURE_PARAGRAPHS.test(p))).toEqual([]);
    expect(got.text).not.toContain(a.title);
  });

  test('every paragraph can be found again in the live page text', () => {
    const live = collapse(parseWithHappyDom(html).body.textContent);
    for (const paragraph of got.text.split('\n\n')) expect(live).toContain(paragraph);
  });
});

test.each(DEMO_ARTICLES.filter((a) => a.reprintOf !== undefined))('the wire reprint at $host keeps the wire paragraphs', (a) => {
  const [wireHost = '', ...rest] = (a.reprintOf ?? '').split('/');
  const wirePath = `/${rest.join('/')}`;
  const wire = article(extractFromHtml(page(wireHost, wirePath), `http://${wireHost}${wirePath}`));
  const reprint = article(extractFromHtml(page(a.host, a.path), `http://${a.host}${a.path}`));
  const wireParagraphs = wire.text.split('\n\n');
  const shared = wireParagraphs.filter((p) => reprint.text.includes(p));
  expect(shared.length).toBeGreaterThanOrEqual(wireParagraphs.length - 3);
});

test.each(DEMO_OUTLETS.flatMap((o) => (['happy-dom', 'linkedom'] as const).map((parser) => ({ ...o, parser }))))(
  'the home page of $name is not an article ($parser)',
  (o) => {
    const result = extract(o.parser, page(o.host, '/'), `http://${o.host}:${ORIGIN_PORT}/`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/home page|not an article|too little/);
  },
);

test('extraction leaves the live page untouched', () => {
  const doc = parseWithHappyDom(page('northgazette.test', '/ellery-crane-inquiry-calls'));
  const before = doc.documentElement.outerHTML;
  article(extractArticle(doc, 'http://northgazette.test/ellery-crane-inquiry-calls'));
  expect(doc.documentElement.outerHTML).toBe(before);
});

const PROSE = [
  'The river authority opened the new lock gates at Halden on Thursday after three years of construction work on the canal.',
  'Engineers said the gates would let barges of up to 2,000 tonnes pass the weir for the first time since the 1970s.',
  'Local businesses welcomed the opening, saying freight had been moved by road for too long and at a high cost.',
  'The authority said the project came in under its budget of 48 million, and that the old gates would go to a museum.',
  'Boat owners will be able to book passages through the lock online from next month, the authority added.',
];

function articlePage(head: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
}

test('Node builds the tree a browser builds: the head keeps its scripts, one body holds everything else', () => {
  const { document } = parseHTML(
    `<html><head><title>T</title></head><script>var a;</script><div id="early">x</div><body id="b1"><p id="p1">one</p></body>` +
      `<body><p id="p2">two</p></body><p id="p3">three</p></html>`,
  );
  asBrowserBuildsIt(document as unknown as Document);
  expect(Array.from(document.documentElement.children, (el) => el.tagName)).toEqual(['HEAD', 'BODY']);
  expect(document.head.querySelector('script')).not.toBeNull();
  expect(document.body.id).toBe('b1');
  expect(Array.from(document.body.children, (el) => el.id)).toEqual(['early', 'p1', 'p2', 'p3']);
});

describe.each(['happy-dom', 'linkedom'] as const)('generic pages (%s)', (parser) => {
  test('collects paragraphs held in nested divs', () => {
    const body = `<div class="wrap"><div class="col"><h1>Lock gates open</h1>${PROSE.map(
      (p) => `<div class="row"><div class="cell"><p>${p}</p></div></div>`,
    ).join('')}</div></div>`;
    const got = article(
      extract(
        parser,
        articlePage('<title>Lock gates open</title><meta property="og:type" content="article">', body),
        'http://river.test/lock-gates',
      ),
    );
    expect(got.text.split('\n\n')).toEqual(PROSE);
  });

  test.each([
    {
      what: 'JSON-LD publisher beats og:site_name and application-name',
      head: '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Lock gates open at Halden","publisher":{"name":"The Canal Chronicle"},"datePublished":"2024-05-02T08:00:00Z"}</script><meta property="og:site_name" content="Canal"><meta name="application-name" content="CC">',
      outlet: 'The Canal Chronicle',
      title: 'Lock gates open at Halden',
    },
    {
      what: 'og:site_name beats application-name; og:title loses its outlet suffix',
      head: '<meta property="og:type" content="article"><meta property="og:title" content="Lock gates open at Halden | Canal Weekly"><meta property="og:site_name" content="Canal Weekly"><meta name="application-name" content="CW">',
      outlet: 'Canal Weekly',
      title: 'Lock gates open at Halden',
    },
    {
      what: 'application-name beats the host',
      head: '<title>Lock gates open at Halden - River News</title><meta property="og:type" content="article"><meta name="application-name" content="River News">',
      outlet: 'River News',
      title: 'Lock gates open at Halden',
    },
    {
      what: 'the host without www. when nothing names the outlet',
      head: '<title>Lock gates open at Halden</title><meta property="og:type" content="article">',
      outlet: 'river.test',
      title: 'Lock gates open at Halden',
    },
  ])('metadata precedence: $what', ({ head, outlet, title }) => {
    const got = article(
      extract(
        parser,
        articlePage(head, `<h1>${title}</h1>${PROSE.map((p) => `<p>${p}</p>`).join('')}`),
        'http://www.river.test/lock-gates',
      ),
    );
    expect(got.outlet).toBe(outlet);
    expect(got.title).toBe(title);
  });

  test.each([
    {
      lang: 'Chinese',
      title: '船闸今日开放',
      paragraphs: [
        '哈尔登船闸周三上午重新开放，此前维修工程持续了六个星期。',
        '当地航运公司表示，货船将在本周末前恢复正常通行。',
        '工程师说，新的闸门比旧闸门更快，也更安全。',
      ],
    },
    {
      lang: 'Japanese',
      title: 'ハルデンの水門が再開',
      paragraphs: [
        'ハルデンの水門は水曜日の朝、六週間の修理工事を経て再び開かれました。',
        '地元の海運会社によると、貨物船は週末までに通常の運航に戻る見込みです。',
      ],
    },
  ])('a page in $lang is refused for its language, not as "not an article"', ({ lang, title, paragraphs }) => {
    const got = extract(
      parser,
      articlePage(`<title>${title}</title><meta property="og:type" content="article">`, paragraphs.map((p) => `<p>${p}</p>`).join('')),
      'http://river.test/lock-gates',
    );
    expect(got).toEqual({ ok: false, reason: `the article is in ${lang}; Parallax compares English articles` });
  });

  test('an English page too short to be an article is still refused as not an article', () => {
    const got = extract(
      parser,
      articlePage('<title>Gates</title><meta property="og:type" content="article">', '<p>The gates open on Wednesday.</p>'),
      'http://river.test/gates',
    );
    expect(got.ok).toBe(false);
    expect(got.ok === false && got.reason).toMatch(/^not an article: /);
  });

  test('canonical link wins over og:url and is resolved without its fragment', () => {
    const head =
      '<meta property="og:type" content="article"><link rel="canonical" href="/news/lock-gates?id=7#comments"><meta property="og:url" content="http://other.test/x">';
    const got = article(
      extract(parser, articlePage(head, PROSE.map((p) => `<p>${p}</p>`).join('')), 'http://river.test/amp/lock-gates#top'),
    );
    expect(got.url).toBe('http://river.test/news/lock-gates?id=7');
  });

  test('published time: JSON-LD, then article:published_time, then <time datetime>', () => {
    const prose = PROSE.map((p) => `<p>${p}</p>`).join('');
    const time = '<time datetime="2024-05-03T10:00:00Z">3 May</time>';
    const ld = '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-05-01T10:00:00+02:00"}</script>';
    const og = '<meta property="article:published_time" content="2024-05-02T10:00:00Z">';
    const url = 'http://river.test/lock-gates';
    expect(article(extract(parser, articlePage(ld + og, time + prose), url)).publishedAt).toBe('2024-05-01T08:00:00.000Z');
    expect(article(extract(parser, articlePage(og, time + prose), url)).publishedAt).toBe('2024-05-02T10:00:00.000Z');
    expect(article(extract(parser, articlePage('<meta property="og:type" content="article">', time + prose), url)).publishedAt).toBe(
      '2024-05-03T10:00:00.000Z',
    );
  });

  test('a page with no <body> tag is read as a browser reads it, its content in the body a browser opens', () => {
    const html = `<html><head><meta charset="utf-8"><title>Lock gates open</title><script>window.x = 1;</script></head>
<div id="page"><div class="post"><h1>Lock gates open</h1>${PROSE.map((p) => `<p>${p}</p>`).join('')}</div></div></html>`;
    expect(article(extract(parser, html, 'http://river.test/lock-gates')).text.split('\n\n')).toEqual(PROSE);
  });

  test('markup a browser would mend: a script between the head and the body, a second body, content after the body', () => {
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Lock gates open</title></head>
<script>window.x = 1;</script><body class="loading"><article><h1>Lock gates open</h1><p>${PROSE[0]}</p><p>${PROSE[1]}</p></article>
</body><body><p>${PROSE[2]}</p></body><p>${PROSE[3]}</p></html>`;
    const text = article(extract(parser, html, 'http://river.test/lock-gates')).text;
    for (const p of PROSE.slice(0, 2)) expect(text).toContain(p);
    expect(text).not.toContain('window.x');
  });

  test('a post set mostly in lists is an article when it has paragraphs of prose; a list of links is not', () => {
    const notes = PROSE.map((p) => `<li>${p.split(' ').slice(0, 6).join(' ')}</li>`).join('');
    const post = articlePage(
      '<title>Notes from the lock</title>',
      `<article><p>${PROSE[0]} ${PROSE[1]}</p><ul>${notes}</ul><ul>${notes}</ul></article>`,
    );
    expect(article(extract(parser, post, 'http://river.test/notes')).text).toContain(PROSE[1]);
    const links = PROSE.map((p, i) => `<li><a href="/story-${i}">${p}</a></li>`).join('');
    const index = articlePage(
      '<title>Latest</title>',
      `<article><ul>${links}</ul><p>Read more stories on the canal and the lock.</p></article>`,
    );
    expect(extract(parser, index, 'http://river.test/latest').ok).toBe(false);
  });

  test('a page with too little prose is not an article', () => {
    const result = extract(
      parser,
      articlePage('<meta property="og:type" content="article">', `<p>${PROSE[0]}</p>`),
      'http://river.test/brief',
    );
    expect(result.ok).toBe(false);
  });

  test('stored anyway at the reader’s request: a brief, a home page and a list give their text, the title falls back to the page’s', () => {
    const brief = articlePage('<title>Halden brief</title>', `<nav><a href="/">Home</a></nav><p>${PROSE[0]}</p>`);
    expect(extract(parser, brief, 'http://river.test/brief').ok).toBe(false);
    const got = article(extract(parser, brief, 'http://river.test/brief', { anyway: true }));
    expect(got.text.split('\n\n')).toEqual([PROSE[0]]);
    expect(got.title).toBe('Halden brief');
    expect(article(extract(parser, brief, 'http://river.test/', { anyway: true })).text).toContain('lock gates');
    const list = articlePage('', `<ul>${PROSE.map((p) => `<li>${p}</li>`).join('')}</ul>`);
    expect(article(extract(parser, list, 'http://river.test/list', { anyway: true })).title).toBe('http://river.test/list');
    expect(extract(parser, articlePage('<title>Empty</title>', '<div></div>'), 'http://river.test/e', { anyway: true })).toEqual({
      ok: false,
      reason: 'the page has no text to store',
    });
  });

  test('a brief of three sentences is an article; one long sentence is a caption, not a report', () => {
    const brief = articlePage(
      '<title>Lock gates open</title>',
      `<article><h1>Lock gates open</h1><p>${PROSE[0]}</p><p>${PROSE[1]} ${PROSE[2]}</p></article>`,
    );
    expect(article(extract(parser, brief, 'http://river.test/brief')).text).toContain('2,000 tonnes');
    const caption = articlePage(
      '<title>Lock gates</title>',
      `<article><h1>Lock gates</h1><p>${PROSE[0]!.replace(/\.$/, ',')} ${PROSE[1]!.replace(/\.$/, '')} and a crowd on the bank watched.</p></article>`,
    );
    expect(extract(parser, caption, 'http://river.test/photo')).toEqual({
      ok: false,
      reason: 'not an article: the text has only 1 sentence of prose (at least 2)',
    });
  });

  test('a report the furniture rules would remove with its wrapper (a page set inside one form) is read as the page stands', () => {
    const body = `<form id="page-form" action="/post" method="post"><div id="header"><a href="/">Home</a></div><div id="story"><h1>Lock gates open</h1>${PROSE.map(
      (p) => `<p>${p}</p>`,
    ).join('')}</div><input type="hidden" name="state" value="1"></form>`;
    const got = article(extract(parser, articlePage('<title>Lock gates open</title>', body), 'http://river.test/lock-gates'));
    expect(got.text.split('\n\n')).toEqual(PROSE);
  });

  test('a section index of teaser links is not an article', () => {
    const teasers = Array.from({ length: 12 }, (_, i) => `<li><a href="/story-${i}">${PROSE[i % PROSE.length]}</a></li>`).join('');
    const result = extract(
      parser,
      articlePage('<title>Canal news</title><meta property="og:type" content="website">', `<h1>Canal news</h1><ul>${teasers}</ul>`),
      'http://river.test/section/canals',
    );
    expect(result.ok).toBe(false);
  });
});
