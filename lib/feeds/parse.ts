import { hostOfOrUndefined } from '../pipeline/ids';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { capText, TEXT_LIMITS } from '../text/config';
import { toIsoDate } from './dates';
import { discoverFeeds } from './discover';
import { plainText } from './html-text';
import { resolveHttpUrl } from './urls';
import { MAX_FEED_ITEMS } from './config';

export { discoverFeeds } from './discover';

export interface FeedItem {
  /** Absolute http(s) address of the article. */
  url: string;
  /** Plain text; may be empty when the feed gives none. */
  title: string;
  /** ISO 8601, UTC. */
  publishedAt?: string;
  guid?: string;
}

export interface ParsedFeed {
  title: string;
  siteUrl?: string;
  items: FeedItem[];
}

export type FeedParseResult =
  | { ok: true; feed: ParsedFeed }
  | {
      ok: false;
      /** Plain language, shown to the reader as is. */
      error: string;
      /** Feeds an HTML page advertises, when the address was a page rather than a feed. */
      alternates?: string[];
    };

export const HTML_NOT_FEED = 'this address returns an HTML page, not a feed';

type XmlNode = Record<string, unknown>;

// Elements that may repeat are always arrays, so one item reads like many.
const REPEATED = new Set(['item', 'entry', 'link']);

const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // Feeds use HTML's named references (&rsquo;) without declaring them.
  htmlEntities: true,
  isArray: (tagName, _path, _leaf, isAttribute) => !isAttribute && REPEATED.has(localName(tagName)),
});

function localName(name: string): string {
  const colon = name.lastIndexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** The child named `name` (any namespace prefix when `anyPrefix`). */
function child(node: XmlNode, name: string, anyPrefix = false): unknown {
  if (name in node) return node[name];
  if (!anyPrefix) return undefined;
  const key = Object.keys(node).find((k) => !k.startsWith('@_') && localName(k) === name);
  return key === undefined ? undefined : node[key];
}

/** The text of an element, whether it came back as a string, a number or a node with attributes. */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(textOf).join(' ');
  if (isNode(value)) {
    return Object.entries(value)
      .filter(([key]) => !key.startsWith('@_'))
      .map(([, v]) => textOf(v))
      .join(' ');
  }
  return '';
}

function attribute(value: unknown, name: string): string | undefined {
  if (!isNode(value)) return undefined;
  const v = value[`@_${name}`];
  return typeof v === 'string' ? v : undefined;
}

function firstText(node: XmlNode, names: string[], anyPrefix = false): string {
  for (const name of names) {
    const text = asArray(child(node, name, anyPrefix))
      .map(textOf)
      .map((t) => t.trim())
      .find(Boolean);
    if (text) return text;
  }
  return '';
}

function snippet(text: string, max = 120): string {
  const plain = plainText(text);
  return plain.length <= max ? plain : `${plain.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}

function hostTitle(feedUrl: string): string {
  return hostOfOrUndefined(feedUrl) ?? feedUrl;
}

function item(url: string | undefined, title: string, date: unknown, guid: string): FeedItem | undefined {
  if (!url) return undefined;
  const result: FeedItem = { url, title: capText(plainText(title), TEXT_LIMITS.maxTitleChars) };
  const publishedAt = toIsoDate(date);
  if (publishedAt) result.publishedAt = publishedAt;
  if (guid) result.guid = guid;
  return result;
}

function present<T>(value: T | undefined): value is T {
  return value !== undefined;
}

/** Newest first by date; items without one after those with, in feed order (feeds list newest first). */
export function byNewest(a: FeedItem, b: FeedItem): number {
  if (a.publishedAt === b.publishedAt) return 0;
  if (!a.publishedAt) return 1;
  if (!b.publishedAt) return -1;
  return a.publishedAt < b.publishedAt ? 1 : -1;
}

/** The newest MAX_FEED_ITEMS items, in the feed's own order. */
function newestItems(items: FeedItem[]): FeedItem[] {
  if (items.length <= MAX_FEED_ITEMS) return items;
  const keep = new Set(items.slice().sort(byNewest).slice(0, MAX_FEED_ITEMS));
  return items.filter((i) => keep.has(i));
}

// RSS 2.0, and RSS 1.0 (RDF), whose items sit beside the channel.
function readRss(root: XmlNode, feedUrl: string): ParsedFeed {
  const channel = asArray(child(root, 'channel', true)).find(isNode) ?? {};
  const itemNodes = [...asArray(child(channel, 'item', true)), ...asArray(child(root, 'item', true))].filter(isNode);
  const items = itemNodes
    .map((node) => {
      const guidNode = asArray(child(node, 'guid')).find((g) => textOf(g).trim());
      const guid = textOf(guidNode).trim();
      const permalink = attribute(guidNode, 'isPermaLink')?.toLowerCase() !== 'false' ? guid : '';
      // FeedBurner's proxied links name the original under origLink.
      const href = firstText(node, ['feedburner:origLink', 'link']) || attribute(node, 'rdf:about') || permalink || undefined;
      const title = firstText(node, ['title']) || snippet(firstText(node, ['description']));
      const date = firstText(node, ['pubDate', 'dc:date', 'published', 'updated']);
      return item(resolveHttpUrl(href, feedUrl), title, date, guid);
    })
    .filter(present);
  const siteUrl = resolveHttpUrl(firstText(channel, ['link']), feedUrl);
  const feed: ParsedFeed = { title: plainText(firstText(channel, ['title'])) || hostTitle(feedUrl), items: newestItems(items) };
  if (siteUrl) feed.siteUrl = siteUrl;
  return feed;
}

/** The `rel="alternate"` (or rel-less) link of an Atom element, preferring HTML. */
function atomLink(node: XmlNode, base: string): string | undefined {
  const links = asArray(child(node, 'link', true)).filter(isNode);
  const alternates = links.filter((l) => (attribute(l, 'rel') ?? 'alternate') === 'alternate');
  const best = alternates.find((l) => /html/i.test(attribute(l, 'type') ?? 'text/html')) ?? alternates[0];
  return resolveHttpUrl(attribute(best, 'href'), base);
}

function xmlBase(node: XmlNode, base: string): string {
  return resolveHttpUrl(attribute(node, 'xml:base'), base) ?? base;
}

function readAtom(root: XmlNode, feedUrl: string): ParsedFeed {
  const feedBase = xmlBase(root, feedUrl);
  const items = asArray(child(root, 'entry', true))
    .filter(isNode)
    .map((node) => {
      const base = xmlBase(node, feedBase);
      const title = firstText(node, ['title'], true) || snippet(firstText(node, ['summary'], true));
      const date = firstText(node, ['published', 'updated'], true);
      return item(atomLink(node, base), title, date, firstText(node, ['id'], true));
    })
    .filter(present);
  const feed: ParsedFeed = { title: plainText(firstText(root, ['title'], true)) || hostTitle(feedUrl), items: newestItems(items) };
  const siteUrl = atomLink(root, feedBase);
  if (siteUrl) feed.siteUrl = siteUrl;
  return feed;
}

function stringField(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

function readJsonFeed(body: string, feedUrl: string): FeedParseResult {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    return { ok: false, error: `the feed is not valid JSON (${(error as Error).message})` };
  }
  if (!isNode(data) || !stringField(data.version).startsWith('https://jsonfeed.org/version/')) {
    return { ok: false, error: 'this address returns JSON, but not a JSON Feed' };
  }
  if (!Array.isArray(data.items)) return { ok: false, error: 'JSON Feed without items' };
  const items = data.items
    .filter(isNode)
    .map((entry) => {
      const href = stringField(entry.url) || stringField(entry.external_url);
      const title = stringField(entry.title) || snippet(stringField(entry.summary) || stringField(entry.content_text));
      const date = stringField(entry.date_published) || stringField(entry.date_modified);
      return item(resolveHttpUrl(href, feedUrl), title, date, stringField(entry.id));
    })
    .filter(present);
  const feed: ParsedFeed = { title: plainText(stringField(data.title)) || hostTitle(feedUrl), items: newestItems(items) };
  const siteUrl = resolveHttpUrl(stringField(data.home_page_url), feedUrl);
  if (siteUrl) feed.siteUrl = siteUrl;
  return { ok: true, feed };
}

const ELEMENT_NAME = /<([a-z_][\w:.-]*)/iy;
const SPACE = /\s/;

/**
 * The first element's name, past the XML declaration, processing
 * instructions, comments, a doctype and spaces; undefined when something else
 * comes first or one of them is never closed. A scan, each character read a
 * bounded number of times: a regular expression with repeated alternatives
 * backtracks without end over spaces and unclosed comments.
 */
export function rootElementName(text: string): string | undefined {
  let at = 0;
  for (;;) {
    while (at < text.length && SPACE.test(text[at] ?? '')) at++;
    if (text.startsWith('<?', at)) {
      const end = text.indexOf('?>', at + 2);
      if (end < 0) return undefined;
      at = end + 2;
    } else if (text.startsWith('<!--', at)) {
      const end = text.indexOf('-->', at + 4);
      if (end < 0) return undefined;
      at = end + 3;
    } else if (text.slice(at, at + 9).toLowerCase() === '<!doctype') {
      const end = doctypeEnd(text, at + '<!doctype'.length);
      if (end < 0) return undefined;
      at = end + 1;
    } else {
      ELEMENT_NAME.lastIndex = at;
      return ELEMENT_NAME.exec(text)?.[1];
    }
  }
}

/** Index of the `>` closing a doctype whose name starts at `from`, past an internal subset in brackets; -1 if none. */
function doctypeEnd(text: string, from: number): number {
  let at = from;
  while (at < text.length && text[at] !== '>' && text[at] !== '[') at++;
  if (text[at] === '>') return at;
  if (text[at] !== '[') return -1;
  // The subset ends at the first "]" followed by spaces and ">".
  for (let close = text.indexOf(']', at + 1); close >= 0; close = text.indexOf(']', close + 1)) {
    let after = close + 1;
    while (after < text.length && SPACE.test(text[after] ?? '')) after++;
    if (text[after] === '>') return after;
    if (after < text.length && text[after] !== ']') close = after - 1;
  }
  return -1;
}

function htmlPage(body: string, pageUrl: string): FeedParseResult {
  const alternates = discoverFeeds(body, pageUrl).map((f) => f.url);
  if (alternates.length === 0) return { ok: false, error: HTML_NOT_FEED, alternates };
  const which = alternates.length === 1 ? `a feed at ${alternates[0]}` : `${alternates.length} feeds`;
  return { ok: false, error: `${HTML_NOT_FEED}; the page names ${which}`, alternates };
}

/**
 * Reads an RSS 2.0 / RSS 1.0, Atom 1.0 or JSON Feed 1.x document. The format
 * is told by the body itself, since servers often label feeds text/html or
 * text/plain; the content type only decides how to read a body that is neither.
 * Item links are resolved against `feedUrl`; items without an http(s) link are left out.
 */
export function parseFeed(body: string, contentType: string | null, feedUrl: string): FeedParseResult {
  const text = body.replace(/^\uFEFF/, '').trim();
  const mime = (contentType ?? '').toLowerCase().split(';')[0]?.trim() ?? '';
  if (!text) return { ok: false, error: 'the address returned an empty page, not a feed' };

  if (text.startsWith('{') || text.startsWith('[')) return readJsonFeed(text, feedUrl);
  if (mime.includes('json')) return readJsonFeed(text, feedUrl);

  const rootName = rootElementName(text);
  if (!rootName) {
    if (mime.includes('html')) return htmlPage(text, feedUrl);
    return { ok: false, error: 'this address does not return a feed (RSS, Atom or JSON Feed)' };
  }
  const root = localName(rootName).toLowerCase();
  if (root === 'html' || (mime.includes('html') && !['rss', 'feed', 'rdf'].includes(root))) {
    return htmlPage(text, feedUrl);
  }

  const validation = XMLValidator.validate(text);
  if (validation !== true) {
    const { line, msg } = validation.err;
    return { ok: false, error: `the feed is not well-formed XML (line ${line}: ${msg})` };
  }
  let document: unknown;
  try {
    document = xmlParser.parse(text);
  } catch (error) {
    return { ok: false, error: `the feed could not be read as XML (${(error as Error).message})` };
  }
  const rootNode = isNode(document) ? document[rootName] : undefined;
  const node = isNode(rootNode) ? rootNode : {};
  if (root === 'rss' || root === 'rdf') return { ok: true, feed: readRss(node, feedUrl) };
  if (root === 'feed') return { ok: true, feed: readAtom(node, feedUrl) };
  return { ok: false, error: `this address returns XML, but not an RSS or Atom feed (it starts with <${rootName}>)` };
}
