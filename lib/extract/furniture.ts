/**
 * Page furniture: the parts of a news page around the report itself
 * (captions, share bars, "READ:" links, newsletter boxes, comment notices,
 * language pickers, tag lists, embedded posts, advertising labels). General
 * rules on elements, roles, class names and the shape of short blocks; no
 * rule names an outlet.
 */

import { EXTRACT, PROSE_PARAGRAPH_CHARS, PROSE_PARAGRAPHS_IN_CONTENT } from './config';
import { runToEnd, type Steps } from '../dom/time-slice';

/** Elements that never carry the report's prose. */
const FURNITURE_SELECTOR = [
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'form',
  'button',
  'select',
  'nav',
  'footer',
  'aside',
  'figcaption',
  'blockquote.twitter-tweet',
  'blockquote.instagram-media',
  'blockquote.tiktok-embed',
  '[role="complementary"]',
  '[role="navigation"]',
  '[role="contentinfo"]',
  '[role="banner"]',
  '[role="dialog"]',
  '[aria-hidden="true"]',
  '[hidden]',
].join(',');

/**
 * Class or id words that mark furniture containers. A class token is
 * furniture when one of these, as a whole run of its hyphen- or
 * underscore-separated parts, is in it ("share-bar", "c-most-read") and no
 * part of it names content ("entry-content-read-more" is the article body
 * with a "read more" toggle, not a teaser).
 */
const FURNITURE_WORDS = [
  'caption',
  'captions',
  'credit',
  'credits',
  'share',
  'shares',
  'sharing',
  'sharebar',
  'sharetools',
  'social',
  'newsletter',
  'signup',
  'sign-up',
  'subscribe',
  'subscription',
  'related',
  'readmore',
  'read-more',
  'more-stories',
  'more-from',
  'comment',
  'comments',
  'comment-count',
  'discussion',
  'tags',
  'taglist',
  'topics',
  'keywords',
  'advert',
  'adverts',
  'advertisement',
  'ad',
  'ads',
  'ad-slot',
  'promo',
  'sponsored',
  'sponsor',
  'language-picker',
  'lang-picker',
  'languages',
  'translations',
  'breadcrumb',
  'breadcrumbs',
  'toolbar',
  'sidebar',
  'outbrain',
  'taboola',
  'recommended',
  'recommendations',
  'most-read',
  'mostread',
  'most-popular',
  'popular',
  'trending',
  'paywall',
  'cookie',
  'consent',
  'embed-tweet',
  'tweet',
  'teaser',
  'teasers',
  'byline',
  'dateline',
  'timestamp',
];
const FURNITURE_RUNS = FURNITURE_WORDS.map((w) => w.split('-'));
/** Parts of a class token that name the content itself. */
const CONTENT_PARTS = new Set(['content', 'body', 'article', 'story', 'text', 'main', 'entry', 'post', 'prose', 'copy']);

/** Whether one class or id token names furniture, by whole parts (see FURNITURE_WORDS). */
export function isFurnitureToken(token: string): boolean {
  const parts = token
    .toLowerCase()
    .split(/[-_]+/)
    .filter((p) => p.length > 0);
  if (parts.some((p) => CONTENT_PARTS.has(p))) return false;
  return FURNITURE_RUNS.some((run) => {
    for (let i = 0; i + run.length <= parts.length; i++) {
      if (run.every((w, j) => parts[i + j] === w)) return true;
    }
    return false;
  });
}

function* looksLikeReport(el: Element): Steps<boolean> {
  let prose = 0;
  for (const p of Array.from(el.querySelectorAll('p'))) {
    yield;
    const text = (p.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text.length < PROSE_PARAGRAPH_CHARS || !/[.!?"”’]$/.test(text)) continue;
    const links = Array.from(p.querySelectorAll('a')).reduce((n, a) => n + (a.textContent ?? '').length, 0);
    if (links / text.length < 0.3 && ++prose >= PROSE_PARAGRAPHS_IN_CONTENT) return true;
  }
  return false;
}

/** Remove furniture elements from a (cloned) document before Readability scores it. */
export function removeFurniture(doc: Document): void {
  runToEnd(furnitureSteps(doc));
}

/** `removeFurniture` as steps that may pause between its rules and between elements (lib/dom/time-slice.ts). */
export function* furnitureSteps(doc: Document): Steps<void> {
  const body = doc.body;
  if (body === null) return;
  for (const el of Array.from(body.querySelectorAll(FURNITURE_SELECTOR))) el.remove();
  yield;
  for (const fig of Array.from(body.querySelectorAll('figure'))) {
    // A figure holds a picture and its caption; rarely, sites wrap body text in one.
    if (fig.querySelectorAll('p').length < 3) fig.remove();
  }
  yield;
  const bodyLength = yield* textLength(body);
  yield;
  for (const el of Array.from(body.querySelectorAll('[class], [id]'))) {
    yield;
    // Not isConnected: linkedom leaves every node of a cloned document unconnected.
    if (!body.contains(el)) continue;
    const tokens = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.split(/\s+/);
    if (!tokens.some(isFurnitureToken)) continue;
    // Never drop the article itself because of an unlucky class word.
    if (el.querySelector('h1, article') !== null || /^(article|main|body|html)$/i.test(el.tagName)) continue;
    if ((yield* textLength(el)) > bodyLength * 0.5 || (yield* looksLikeReport(el))) continue;
    el.remove();
  }
}

/** Text nodes counted between pauses of `textLength` (a judgement: a few milliseconds of a large page's text). */
const TEXT_NODES_PER_STEP = 500;

/**
 * The length of an element's text with each run of whitespace as one space,
 * `textContent.replace(/\s+/g, ' ').length`, counted node by node in steps
 * (the whole body's text in one go took 24–113 ms on a 2,000-paragraph page
 * in Chromium, and 91 ms on the largest Dragnet pages).
 */
function* textLength(el: Element): Steps<number> {
  const counter = collapsedCounter();
  let seen = 0;
  let node: Node | null = el.firstChild;
  while (node !== null) {
    // The text textContent joins: Text and CDATA nodes, in document order.
    if (node.nodeType === 3 || node.nodeType === 4) {
      counter.add((node as CharacterData).data);
      if (++seen % TEXT_NODES_PER_STEP === 0) yield;
    }
    if (node.firstChild !== null) {
      node = node.firstChild;
      continue;
    }
    while (node !== null && node !== el && node.nextSibling === null) node = node.parentNode;
    node = node === null || node === el ? null : node.nextSibling;
  }
  return counter.length();
}

/** `textLength` in one go. */
export function collapsedTextLength(el: Element): number {
  return runToEnd(textLength(el));
}

/** The length of `text` once each run of whitespace (what `\s` matches) is one space: `text.replace(/\s+/g, ' ').length`. */
export function collapsedLength(text: string): number {
  const counter = collapsedCounter();
  counter.add(text);
  return counter.length();
}

/** Counts collapsed length over text given in pieces, a run of whitespace across pieces counting once. */
function collapsedCounter(): { add(text: string): void; length(): number } {
  let n = 0;
  let inSpace = false;
  return {
    add(text) {
      for (let i = 0; i < text.length; i++) {
        const space = isSpace(text.charCodeAt(i));
        if (!space || !inSpace) n++;
        inSpace = space;
      }
    },
    length: () => n,
  };
}

/** Whether a UTF-16 code is one of `\s`: ECMAScript's white space (tab, vertical tab, form feed, U+FEFF, the Zs spaces) and line terminators. */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

const SHARE_WORDS = new Set(
  'share this article story on via facebook twitter x whatsapp telegram email e-mail linkedin reddit print copy link links tweet pinterest messenger save'.split(
    ' ',
  ),
);

/** Labels that head a box of teasers to other stories ("Most read", "More from Politics", "Related"). */
export const TEASER_LABEL =
  /^(most (read|popular|viewed|shared|watched|emailed|commented)|popular( now| stories)?|trending( now| stories)?|related( stories| articles| content| coverage| news| links| topics)?|recommended( for you| stories| reading)?|more (from|on|in|about|stories|news|top stories|like this)\b.*|read more|read next|up next|what to read next|you may (also )?like|you might (also )?like|don['’]t miss|must read|editors['’]? picks|top stories|latest( news| stories)?|more headlines|elsewhere on .*|from (our|the) .*network|around the web|sponsored stories|promoted stories)\s*[:：.]?$/i;

const MONTH = '(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t|tember)?|oct(ober)?|nov(ember)?|dec(ember)?)\\.?';
const WEEKDAY = '(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day|nesday|urday|sday|rsday)?\\.?';
/** Words a dateline or timestamp is made of: "Nov. 20, 2019 5:52 AM EST", "Updated: Monday 3 June 2019, 09:42 GMT". */
const DATE_WORD = new RegExp(
  `^(${MONTH}|${WEEKDAY}|\\d{1,4}(st|nd|rd|th)?|\\d{1,2}[:.]\\d{2}([:.]\\d{2})?|\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{1,4}|[ap]\\.?m\\.?|[a-z]{1,2}[sd]t|utc|gmt|bst|cest?|ist|et|pt|ct|z|on|at|published|updated|last|modified|posted|first|filed|date|time|am|pm|ago|hours?|hrs?|mins?|minutes?|days?|today|yesterday|and|of|the)$`,
  'i',
);

/** A block made only of date and time words: a dateline or a timestamp, not a sentence. */
export function isDateline(text: string): boolean {
  const words = text
    .split(/[\s,|·•–—-]+/)
    .map((w) => w.replace(/^[([]+|[)\]:;.,]+$/g, ''))
    .filter((w) => w.length > 0);
  if (words.length === 0 || words.length > 14) return false;
  return words.some((w) => /\d/.test(w)) && words.every((w) => DATE_WORD.test(w));
}

const FURNITURE_TEXT: RegExp[] = [
  // Advertising labels.
  /^(advertisement|advertising|sponsored( content)?|promoted|ad|paid content|paid post|partner content)$/i,
  // Picture credits and captions.
  /^(photo|photos|picture|image|photograph|video|credit|illustration|graphic|file photo|image copyright|image caption|media caption|copyright)\s*(:|by\b|credit\b|copyright\b|caption\b|©)/i,
  /^(getty images|ap photo|reuters|afp|epa|european pressphoto agency|shutterstock|pa( media| wire)?)(\s*\/.*)?$/i,
  /^©/,
  // Comment notices and counts.
  /^(show|hide|view|load|post|leave|add|read|join|see)( all| the| a| our)?( \d+)? (comments?|replies|conversation|discussion)\b/i,
  /\bnot accepting comments\b/i,
  /^comments? (are|is) (closed|disabled|now closed)/i,
  /^(\d+ )?comments?( \(\d+\)| \d+)?$/i,
  /^\d+ (comments?|replies|shares)$/i,
  // Agency credit lines: "(Reporting by …; Editing by …)".
  /^\((additional )?(reporting|writing|editing|compiled|graphics) by\b/i,
  // Embedded posts that were flattened to text.
  /pic\.twitter\.com\//i,
  /^[—–-]\s*[^()]{1,60}\(@\w{1,30}\)\s+\w+ \d{1,2}, \d{4}$/,
  // Subscription walls and prompts.
  /^(already a (subscriber|member)|subscribe (now|today|for|to)|become a (member|subscriber)|support (our|independent) journalism|you have (read|reached) \d+|this (article|content) is (for|available to) subscribers)/i,
];

/**
 * "READ: …", "Read more: …", "Related: …": a label before a teaser's
 * headline. A paragraph of several sentences after such a label is the
 * writer's own prose (see EXTRACT.teaserPrefixMaxSentences).
 */
const TEASER_PREFIX =
  /^(read|read more|read also|also read|more|related|related stories|related articles?|see also|watch|listen|recommended|most read|don['’]t miss|must read|more on this story|you may also like|more from [^:]{1,40}|suggested|further reading)\s*[:：|»>–—-]/i;

/** The end of a sentence: a stop, perhaps closed by quotes or brackets, before a space or the end. */
const SENTENCE_END = /[.!?…]["”’)\]]*(?=\s|$)/g;

/** How many sentence ends a text has. */
export function sentenceEnds(text: string): number {
  return (text.match(SENTENCE_END) ?? []).length;
}

/**
 * Notes a blog engine or a browser sets on the page, whole blocks of their own
 * (up to EXTRACT.noteMaxChars: a longer block has the report run into it).
 */
const PAGE_NOTES: RegExp[] = [
  // Where the post was filed, how to follow its replies, its trackback address.
  /^this (entry|post|article) was (posted|filed|written)\b.{0,300}\b(filed under|tagged|categor|permalink|bookmark)/i,
  /^you can (follow|leave|skip)\b.{0,80}\b(responses?|trackback|comments feed|rss 2\.0 feed)/i,
  /^trackback (url|uri)\b/i,
  // A browser's notice.
  /^(this (page|site|website) is best viewed|you are using an? (outdated|old|unsupported) browser|(please )?enable javascript|javascript is (disabled|required))/i,
];

/** A picture credit in parentheses at the end of a caption: "(AP Photo/Evan Vucci)", "(Jane Roe/PA)". */
export const TRAILING_CREDIT =
  /\((?:[\p{L}.' -]{0,40}\b(?:photo|photograph|pool|file|images?|getty|reuters|afp|ap|epa|pa)\b[\p{L}.' -]{0,40}\/[\p{L}.,' -]{1,40}|[\p{L}.' -]{2,40}\/[\p{L}., ]{1,30})\)$/iu;

export type BlockKind = 'p' | 'h' | 'li' | 'blockquote';

/**
 * A short label that is not a sentence ("Published", "Iraq airstrikes",
 * "09:42 GMT", or a subheading set as a paragraph). Furniture on its own; the
 * extractor keeps one set between two paragraphs of prose as a subheading.
 */
export function isShortLabel(text: string, kind: BlockKind): boolean {
  const t = text.trim();
  return kind === 'p' && t.split(/\s+/).length < EXTRACT.labelMaxWords && !/[.!?…"”’:;)]$/.test(t);
}

/** Whether a block of extracted text is furniture rather than report; `labels: false` passes short labels over (see isShortLabel). */
export function isFurnitureBlock(text: string, kind: BlockKind, linkTextLength: number, labels = true): boolean {
  const t = text.trim();
  if (t.length === 0) return true;
  if (FURNITURE_TEXT.some((re) => re.test(t))) return true;
  if (t.length <= EXTRACT.noteMaxChars && PAGE_NOTES.some((re) => re.test(t))) return true;
  // Tag and category lists set as a line of text: labels, not sentences.
  if (/^(tags|tagged( with)?|categories|category|filed (under|in)|labels|topics)\s*:/i.test(t) && sentenceEnds(t) <= 1) return true;
  if (TEASER_PREFIX.test(t) && sentenceEnds(t) <= EXTRACT.teaserPrefixMaxSentences) return true;
  const words = t.split(/\s+/);
  if (words.every((w) => SHARE_WORDS.has(w.toLowerCase().replace(/[^\p{L}-]/gu, '')) || /^[|·•\/]$/.test(w))) {
    return true;
  }
  // Language pickers and breadcrumbs: "Portuguese / Spanish / English".
  if (t.length < 100 && /^[\p{Lu}][\p{L}&]*(?: [\p{Lu}&][\p{L}]*)?(?:\s*[\/|·•›>]\s*[\p{Lu}][\p{L}&]*(?: [\p{Lu}&][\p{L}]*)?)+$/u.test(t)) {
    return true;
  }
  const endsSentence = /[.!?…"”’:;)]$/.test(t);
  // Tag lists flattened to text ("IranIraqMiddle EastNews"): glued capitalised words, no sentence.
  if (!endsSentence && t.length < 200 && (t.match(/\p{Ll}\p{Lu}/gu) ?? []).length >= 2) return true;
  if (kind === 'h' && TEASER_LABEL.test(t)) return true;
  if (isDateline(t)) return true;
  // A caption ending in an agency credit: "Protesters outside the embassy (Jane Roe/PA)".
  if (t.length < 600 && TRAILING_CREDIT.test(t)) return true;
  // "… Photo: Getty" at the end of a short caption.
  if (t.length < 240 && /\b(photo|photograph|picture|image|credit)s?\s*:\s*[^.]{1,60}\.?$/i.test(t)) return true;
  // Newsletter boxes.
  if (t.length < 300 && /\b(sign up|sign-up|subscribe)\b|^get\b/i.test(t) && /\b(newsletters?|inbox|e-?mail|briefing|alerts)\b/i.test(t))
    return true;
  if (t.length < 300 && /\benter your e-?mail\b/i.test(t)) return true;
  // Dates, bylines and timestamps left as their own lines.
  if (kind === 'p' && !/[.!?]$/.test(t) && words.length < 12 && /^(by|published|updated|last updated|posted|filed)\b/i.test(t)) {
    return true;
  }
  // Masthead and meta lines: "Capital Wire | Wire service", "A. Writer · Updated 13:05".
  if (kind !== 'h' && !endsSentence && words.length < 12 && /\s[|·•]\s/.test(t)) return true;
  if (
    kind === 'h' &&
    /^(key (points|events)|related|more on this|most read|comments?|share|advertisement|read more|you may also like|recommended|tags|topics|newsletter)\b/i.test(
      t,
    )
  ) {
    return true;
  }
  if (labels && isShortLabel(t, kind)) return true;
  // Link-dominated short blocks are teasers or link lists.
  if (kind !== 'h' && t.length < 300 && linkTextLength / t.length >= 0.6) return true;
  return false;
}
