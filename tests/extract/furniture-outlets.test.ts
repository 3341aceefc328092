// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { extractArticle, type ExtractResult } from '../../lib/extract/extract';
import { extractFromHtml } from '../../lib/extract/from-html';
import { isDateline, isFurnitureBlock, isFurnitureToken } from '../../lib/extract/furniture';
import { chooseOutlet, isSectionName, stripTitleSuffix } from '../../lib/extract/metadata';
import { outletForHost } from '../../lib/text/outlets';

/** Pages written for these tests; modelled on the shapes of real news pages, not copied from any. */
const PROSE = [
  'The harbour board voted on Tuesday to close the old ferry pier at Carrow Point after engineers found cracks in two of its piles.',
  'Ferries will use the temporary landing at the fish market from next week, the board said, adding that no sailings would be cancelled.',
  'Residents of the point have campaigned for years to keep the pier open, saying the walk to the market is too long for older passengers.',
  'A survey ordered last spring found that the pier’s timber had rotted faster than expected after three unusually wet winters.',
  '“We would rather close it for a season than see someone hurt,” said Mara Quill, who chairs the board, at a meeting in the town hall.',
  'Repairs are expected to cost about 3 million, and the board has asked the regional government to pay half of the bill.',
];
const paragraphs = (list = PROSE): string => list.map((p) => `<p>${p}</p>`).join('');

function page(head: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
}

const PARSERS = {
  linkedom: (html: string, url: string): ExtractResult => extractFromHtml(html, url),
  'happy-dom': (html: string, url: string): ExtractResult => extractArticle(new DOMParser().parseFromString(html, 'text/html'), url),
};

function both(html: string, url: string): ExtractResult {
  const a = PARSERS.linkedom(html, url);
  const b = PARSERS['happy-dom'](html, url);
  // Node reads a page exactly as the browser does.
  expect(a).toEqual(b);
  return a;
}

function text(html: string, url = 'https://harbour.test/news/pier-closes'): string {
  const r = both(html, url);
  if (!r.ok) throw new Error(`expected an article, got: ${r.reason}`);
  return r.article.text;
}

/** Lots of text around the article, as a live page has: menus, teasers, comments loaded after the report. */
const BUSY_PAGE_TAIL = Array.from(
  { length: 30 },
  (_, i) =>
    `<div class="promo-card"><a href="/s/${i}">Another story number ${i} that the outlet would like you to read next</a><span>${'Teaser words. '.repeat(8)}</span></div>`,
).join('');

describe('class-name furniture never drops the article body', () => {
  test.each([
    ['a "read more" toggle class on the body', 'entry-content entry-content-read-more'],
    ['a body class with "share" inside a longer content token', 'article-body share-tools-enabled'],
    ['a "related" modifier on the story container', 'story-text story-text--related-links'],
    ['a comments count class on the content wrapper', 'post-content has-comments'],
  ])('%s', (_what, classes) => {
    const html = page(
      '<title>Ferry pier to close</title><meta property="og:type" content="article">',
      `<header><h1>Ferry pier to close</h1></header><div class="${classes}">${paragraphs()}</div>${BUSY_PAGE_TAIL}`,
    );
    const got = text(html);
    for (const p of PROSE) expect(got).toContain(p);
  });

  test.each([
    ['read-more', true],
    ['c-read-more', true],
    ['entry-content-read-more', false],
    ['most-read', true],
    ['mostread', true],
    ['share-bar', true],
    ['sharedFolder', false],
    ['related_stories', true],
    ['article-related', false],
    ['ads', true],
    ['headline', false],
    ['downloads', false],
    ['comment-count', true],
    ['commentary', false],
  ])('class token %s is furniture: %s', (token, expected) => {
    expect(isFurnitureToken(token)).toBe(expected);
  });

  test('a teaser box with a furniture class is removed', () => {
    const html = page(
      '<meta property="og:type" content="article">',
      `<article><h1>Ferry pier to close</h1>${paragraphs()}<div class="read-more"><p>Council approves new harbour budget after a long debate over the ferry service and its costs to the town.</p></div></article>`,
    );
    expect(text(html)).not.toContain('Council approves');
  });
});

describe('teasers, datelines, credits and boxes do not become sentences', () => {
  const TEASERS = [
    [
      'a "Most read" list with summaries',
      '<h2>Most read</h2><ol><li><a href="/a">Storm floods the valley road</a><p>Drivers were stranded for hours as the river burst its banks near the bridge.</p></li><li><a href="/b">Mayor resigns</a><p>The mayor stepped down after a vote of no confidence on Monday night.</p></li></ol>',
      ['Storm floods', 'Drivers were stranded', 'mayor stepped down', 'Most read'],
    ],
    [
      'a "More from Politics" box',
      '<div><strong>More from Politics</strong></div><ul><li><a href="/c">Budget talks stall</a> Ministers failed to agree on spending limits.</li></ul>',
      ['Budget talks', 'Ministers failed', 'More from'],
    ],
    [
      'a "Related" heading and links',
      '<h3>Related</h3><p><a href="/d">Pier repairs delayed again as contractor walks out over pay</a></p>',
      ['Pier repairs delayed', 'Related'],
    ],
    [
      'a "Recommended" label',
      '<p>Recommended</p><p><a href="/e">Ten walks on the coast</a> for the weekend.</p>',
      ['Ten walks', 'Recommended'],
    ],
  ] as const;
  test.each(TEASERS)('%s', (_what, box, absent) => {
    const html = page(
      '<meta property="og:type" content="article">',
      `<article><h1>Pier</h1>${paragraphs(PROSE.slice(0, 3))}${box}${paragraphs(PROSE.slice(3))}</article>`,
    );
    const got = text(html);
    for (const p of PROSE) expect(got).toContain(p);
    for (const a of absent) expect(got).not.toContain(a);
  });

  test('a paragraph of the report that starts "Related:" is kept; a "Related:" headline is not', () => {
    const own = `RELATED: ${PROSE[3]} ${PROSE[4]}`;
    const html = page(
      '<meta property="og:type" content="article">',
      `<article><h1>Pier</h1>${paragraphs(PROSE.slice(0, 3))}<p>${own}</p><p>Related: <a href="/f">Ferry fares to rise in spring</a></p>${paragraphs(PROSE.slice(5))}</article>`,
    );
    const got = text(html);
    expect(got).toContain(own);
    expect(got).not.toContain('Ferry fares');
  });

  test('a subheading set as a short paragraph between paragraphs is kept; the same label after the report is not', () => {
    const html = page(
      '<meta property="og:type" content="article">',
      `<article><h1>Pier</h1>${paragraphs(PROSE.slice(0, 3))}<p><strong>What happens next</strong></p>${paragraphs(PROSE.slice(3))}<p>Harbour news desk</p></article>`,
    );
    const got = text(html);
    expect(got).toContain(`${PROSE[2]}\n\nWhat happens next\n\n${PROSE[3]}`);
    expect(got).not.toContain('Harbour news desk');
  });

  test('a post of notes set as a list is an article; a list of short labels is not', () => {
    const notes = [
      'the board should have inspected the piles every year rather than every five',
      'older passengers will struggle with the longer walk to the fish market landing',
      'a temporary ramp could keep the pier usable for foot passengers over the winter',
      'the regional government has paid for similar repairs in two other harbours',
    ];
    const post = page(
      '<meta property="og:type" content="article">',
      `<article><h1>Notes from the pier meeting</h1><p>${PROSE[0]} ${PROSE[1]}</p><p>My notes from the meeting:</p><ul>${notes
        .concat(notes.map((n) => `and ${n}`))
        .concat(notes.map((n) => `as before, ${n}`))
        .map((n) => `<li>${n}</li>`)
        .join('')}</ul></article>`,
    );
    expect(text(post)).toContain(notes[2]);
    const labels = page(
      '<meta property="og:type" content="article">',
      `<article><h1>Pier</h1><p>${PROSE[0]} ${PROSE[1]}</p><ul>${Array.from({ length: 30 }, (_, i) => `<li>Harbour timetable, sailing ${i}</li>`).join('')}</ul></article>`,
    );
    const r = both(labels, 'https://harbour.test/news/pier-timetable');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/mostly lists/);
  });

  test('a gallery whose text is its captions is read with the captions, their credits cut', () => {
    const captions = [PROSE[0], PROSE[1], PROSE[2]].map((p) => `${p} (Jane Roe/Harbour Photos)`);
    const html = page(
      '<meta property="og:type" content="article">',
      `<article><h1>The pier in pictures</h1>${captions.map((c, i) => `<figure><img src="/p${i}.jpg"><figcaption>${c}</figcaption></figure>`).join('')}</article>`,
    );
    const got = text(html);
    for (const p of PROSE.slice(0, 3)) expect(got).toContain(p);
    expect(got).not.toContain('Jane Roe');
  });

  test.each([
    ['Nov. 20, 2019 5:52 AM EST', true],
    ['Updated: Monday 3 June 2019, 09:42 GMT', true],
    ['Published 12:04 PM EST Nov 20 2019', true],
    ['20/11/2019 17:52', true],
    ['3 hours ago', true],
    ['On Nov. 20, 2019, the court ruled that the pier must close.', false],
    ['The pier closed at 5:52 AM.', false],
    ['Monday', false],
  ])('dateline %s: %s', (line, expected) => {
    expect(isDateline(line)).toBe(expected);
  });

  test.each([
    'FILE - Passengers wait for the ferry at Carrow Point on a windy morning in March, before the pier was fenced off by the harbour board. (AP Photo/Jane Roe, File)',
    'The pier at low tide. Photograph: Jane Roe/Reuters',
    'Image copyright Getty Images',
    'Getty Images',
    'Photo: Harbour Board',
    '© Harbour Board 2019',
    'Sign up for our morning newsletter and get the news in your inbox.',
    'Subscribe now for unlimited access',
    'If you enjoyed this article, enter your email below to get free updates!',
    'This entry was posted on Tuesday, November 19th, 2019 at 9:12 am and is filed under Harbour, Ferries.',
    'This entry was posted in Harbour. Bookmark the permalink.',
    'You can follow any responses to this entry through the RSS 2.0 feed. You can leave a response, or trackback from your own site.',
    'TrackBack URL for this entry: http://harbour.test/trackback/2019/11/20',
    'Tags: ferries, harbour board, Carrow Point',
    'Categories: Harbour, Transport',
    'This page is best viewed in an up-to-date web browser with style sheets (CSS) enabled.',
    'Already a subscriber? Log in',
    '12 comments',
    'Comments (12)',
    'View comments',
    'Share this article',
    'Facebook Twitter WhatsApp Email',
  ])('furniture line: %s', (line) => {
    expect(isFurnitureBlock(line, 'p', 0)).toBe(true);
  });

  test.each(PROSE)('report sentence kept: %s', (line) => {
    expect(isFurnitureBlock(line, 'p', 0)).toBe(false);
  });

  test('a page with a dateline, a caption with its credit, a share bar and a newsletter box keeps only the report', () => {
    const html = page(
      '<title>Pier</title><meta property="og:type" content="article">',
      `<article><h1>Pier</h1><div class="meta"><span>Nov. 20, 2019 5:52 AM EST</span></div>
       <div class="photo"><img src="p.jpg"><span>Passengers at the pier. (AP Photo/Jane Roe)</span></div>
       ${paragraphs(PROSE.slice(0, 3))}
       <div class="newsletter-box"><p>Get our morning briefing in your inbox every day.</p></div>
       <p>Share this article</p>
       ${paragraphs(PROSE.slice(3))}<p>12 comments</p></article>`,
    );
    expect(text(html).split('\n\n')).toEqual(PROSE);
  });
});

describe('the article test reads the text, not the markup', () => {
  test('a report with no article markup, in divs with odd classes, is an article', () => {
    const html = page(
      '<title>Ferry pier to close</title>',
      `<div class="x1"><div class="text-block comment-free">${PROSE.map((p) => `<div class="para">${p}</div>`).join('')}</div></div>`,
    );
    expect(text(html, 'https://harbour.test/2019/11/20/pier')).toContain(PROSE[0]);
  });

  test('a short report set as one block of sentences is an article', () => {
    const html = page('<meta property="og:type" content="article">', `<div class="story">${PROSE.join(' <br> ')}</div>`);
    expect(text(html)).toContain(PROSE[2]);
  });

  test.each([
    ['a list of links', `<ul>${PROSE.map((p, i) => `<li><a href="/${i}">${p}</a></li>`).join('')}</ul>`, /not an article: too little text/],
    ['a stub', `<p>${PROSE[0]}</p>`, /not an article: too little text \(\d+ words/],
    [
      'labels without sentences',
      `<div>${Array.from({ length: 40 }, (_, i) => `<p>Harbour timetable item number ${i}</p>`).join('')}</div>`,
      /not an article/,
    ],
  ])('%s is refused, and says why', (_what, body, reason) => {
    const r = both(page('<title>Harbour</title>', body), 'https://harbour.test/section/ferries');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe('outlet names', () => {
  test.each([
    { claims: ['U.S.'], host: 'reuters.com', outlet: 'Reuters' },
    { claims: ['Hosted'], host: 'apnews.com', outlet: 'AP' },
    { claims: ['nytimes.com'], host: 'nytimes.com', outlet: 'The New York Times' },
    { claims: ['NYTimes'], host: 'nytimes.com', outlet: 'The New York Times' },
    { claims: ['the Guardian'], host: 'theguardian.com', outlet: 'The Guardian' },
    { claims: ['World news', 'The Guardian'], host: 'theguardian.com', outlet: 'The Guardian' },
    { claims: ['Al Jazeera'], host: 'aljazeera.com', outlet: 'Al Jazeera' },
    { claims: [], host: 'edition.cnn.com', outlet: 'CNN' },
    { claims: [], host: 'www.bbc.co.uk', outlet: 'BBC News' },
    { claims: ['Opinion | Editorial'], host: 'wsj.com', outlet: 'The Wall Street Journal' },
    { claims: ['Canal Weekly'], host: 'canal.test', outlet: 'Canal Weekly' },
    { claims: ['Politics', 'Harbour Herald'], host: 'harbour.test', outlet: 'Harbour Herald' },
    { claims: ['World News'], host: 'harbour.test', outlet: 'harbour.test' },
    { claims: ['Boston.com'], host: 'boston.com', outlet: 'Boston.com' },
  ])('$claims on $host → $outlet', ({ claims, host, outlet }) => {
    expect(chooseOutlet(claims, host)).toBe(outlet);
  });

  test.each(['U.S.', 'Hosted', 'World News', 'Opinion | Editorial', 'Middle East', 'politics'])('%s is a section, not a name', (name) => {
    expect(isSectionName(name)).toBe(true);
  });

  test.each(['Reuters', 'The Times', 'Canal Weekly', 'National Post'])('%s is a name', (name) => {
    expect(isSectionName(name)).toBe(false);
  });

  test('the table is looked up by registrable domain, walking up from the host', () => {
    expect(outletForHost('uk.reuters.com')).toBe('Reuters');
    expect(outletForHost('www.jpost.com')).toBe('The Jerusalem Post');
    expect(outletForHost('news.example.org')).toBeUndefined();
  });

  test.each([
    {
      what: 'a section name in og:site_name yields to the table',
      head: '<meta property="og:type" content="article"><meta property="og:site_name" content="U.S."><meta property="og:title" content="Pier to close after cracks found | Reuters">',
      url: 'https://www.reuters.com/world/us/pier-close-2019-11-20/',
      outlet: 'Reuters',
      title: 'Pier to close after cracks found',
    },
    {
      what: 'a publisher named "Hosted" yields to the table',
      head: '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Pier to close after cracks found","publisher":{"@type":"Organization","name":"Hosted"}}</script>',
      url: 'https://apnews.com/article/pier-close-1234',
      outlet: 'AP',
      title: 'Pier to close after cracks found',
    },
    {
      what: 'the table spells a lower-cased site name',
      head: '<meta property="og:type" content="article"><meta property="og:site_name" content="the Guardian"><title>The Guardian view on the pier | Editorial</title>',
      url: 'https://www.theguardian.com/commentisfree/2019/nov/20/the-guardian-view-on-the-pier',
      outlet: 'The Guardian',
      title: 'The Guardian view on the pier',
    },
    {
      what: 'a section and the outlet both leave the title',
      head: '<meta property="og:type" content="article"><title>Pier to close after cracks found - World news - The Guardian</title>',
      url: 'https://www.theguardian.com/world/2019/nov/20/pier',
      outlet: 'The Guardian',
      title: 'Pier to close after cracks found',
    },
    {
      what: 'a domain as site name yields to the table',
      head: '<meta property="og:type" content="article"><meta property="og:site_name" content="nytimes.com"><title>Pier to Close After Cracks Found - The New York Times</title>',
      url: 'https://www.nytimes.com/2019/11/20/nyregion/pier.html',
      outlet: 'The New York Times',
      title: 'Pier to Close After Cracks Found',
    },
  ])('on a page: $what', ({ head, url, outlet, title }) => {
    const r = both(page(head, `<article><h1>${title}</h1>${paragraphs()}</article>`), url);
    expect(r.ok && { outlet: r.article.outlet, title: r.article.title }).toEqual({ outlet, title });
  });
});

describe('title suffixes', () => {
  test.each([
    ['Pier to close | Harbour Herald', ['Harbour Herald'], 'Pier to close'],
    ['Pier to close - Politics', ['Harbour Herald'], 'Pier to close'],
    ['Pier to close | Opinion | Harbour Herald', ['Harbour Herald'], 'Pier to close'],
    ['Harbour Herald | Pier to close', ['Harbour Herald'], 'Pier to close'],
    ['Pier to close: what it means for ferries', ['Harbour Herald'], 'Pier to close: what it means for ferries'],
    ['Pier to close - residents angry', ['Harbour Herald'], 'Pier to close - residents angry'],
  ])('%s → %s', (title, names, expected) => {
    expect(stripTitleSuffix(title, names)).toBe(expected);
  });
});
