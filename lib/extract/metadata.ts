/**
 * Article metadata from the markup a news page declares for search engines
 * and social networks: JSON-LD, Open Graph, `<meta>` and `<link>` tags.
 * Reads the document only; never changes it.
 */
import { capText, TEXT_LIMITS } from '../text/config';
import { SECTION_NAMES, outletForHost } from '../text/outlets';
import { MAX_LD_DEPTH } from './config';

export interface PageMetadata {
  canonicalUrl: string;
  /** Names the page gives its publisher, in precedence order: JSON-LD publisher, og:site_name, application-name. */
  outletClaims: string[];
  title?: string;
  byline?: string;
  publishedAt?: string;
  lang?: string;
  /** The page declares itself an article (JSON-LD article type, og:type article, article:published_time). */
  declaresArticle: boolean;
  /** The page declares itself something else (og:type website, JSON-LD CollectionPage …). */
  declaresNonArticle: boolean;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const ARTICLE_TYPES = new Set([
  'article',
  'newsarticle',
  'reportagenewsarticle',
  'analysisnewsarticle',
  'opinionnewsarticle',
  'backgroundnewsarticle',
  'reviewnewsarticle',
  'askpublicnewsarticle',
  'blogposting',
  'liveblogposting',
  'socialmediaposting',
  'report',
  'scholarlyarticle',
]);

const NON_ARTICLE_TYPES = new Set(['collectionpage', 'searchresultspage', 'website', 'itemlist', 'profilepage']);

export function readMetadata(doc: Document, pageUrl: string): PageMetadata {
  const ld = findJsonLdArticle(doc);
  const article = ld.article;

  const canonicalHref = attr(doc.querySelector('link[rel~="canonical" i]'), 'href') ?? meta(doc, 'og:url');
  const canonicalUrl = resolveUrl(canonicalHref, pageUrl) ?? resolveUrl(pageUrl, pageUrl) ?? pageUrl;

  const outletClaims = [nameOf(article?.['publisher']), meta(doc, 'og:site_name'), meta(doc, 'application-name')]
    .map((n) => clean(n))
    .filter((n): n is string => n !== undefined);

  const title = clean(str(article?.['headline'])) ?? clean(meta(doc, 'og:title')) ?? clean(meta(doc, 'twitter:title'));

  const byline =
    authorsOf(article?.['author']) ??
    notUrl(clean(meta(doc, 'author'))) ??
    notUrl(clean(meta(doc, 'article:author'))) ??
    notUrl(clean(meta(doc, 'parsely-author'))) ??
    clean(doc.querySelector('[rel~="author"]')?.textContent);

  const timeEl = doc.querySelector('article time[datetime], time[datetime][pubdate], time[datetime]');
  const publishedAt =
    toIso(str(article?.['datePublished'])) ??
    toIso(meta(doc, 'article:published_time')) ??
    toIso(meta(doc, 'datePublished')) ??
    toIso(meta(doc, 'date')) ??
    toIso(attr(timeEl, 'datetime'));

  const lang =
    clean(attr(doc.documentElement, 'lang')) ??
    clean(attr(doc.querySelector('meta[http-equiv="content-language" i]'), 'content')) ??
    clean(meta(doc, 'og:locale'))?.replace('_', '-');

  const ogType = meta(doc, 'og:type')?.trim().toLowerCase();
  const declaresArticle = article !== undefined || ogType === 'article' || meta(doc, 'article:published_time') !== undefined;
  const declaresNonArticle = !declaresArticle && ((ogType !== undefined && ogType !== 'article') || ld.nonArticle);

  return { canonicalUrl, outletClaims, title, byline, publishedAt, lang, declaresArticle, declaresNonArticle };
}

/**
 * The outlet's name: the first name the page gives that is a name (not a
 * section, a category or a bare domain), in the spelling of the table of
 * outlets when it is the same name; else the table's name for the host;
 * else the host.
 */
export function chooseOutlet(claims: readonly string[], host: string): string {
  const known = outletForHost(host);
  for (const claim of claims) {
    if (isSectionName(claim) || looksLikeDomain(claim, host)) continue;
    if (known !== undefined && (sameName(claim, known) || isDomainWord(claim, host))) return known;
    return claim;
  }
  return known ?? host;
}

/** A section, category or label rather than a publisher: "U.S.", "World News", "Hosted", "Opinion | Editorial". */
export function isSectionName(name: string): boolean {
  const n = name.trim().toLowerCase().replace(/\s+/g, ' ');
  if (SECTION_NAMES.has(n) || SECTION_NAMES.has(n.replace(/\s+news$/, ''))) return true;
  // "Opinion | Editorial", "World - Politics": every part a section.
  const parts = n.split(/\s+[|–—•·:>›-]\s+|\s*[\/›>]\s*/).filter((p) => p.length > 0);
  return parts.length > 1 && parts.every((p) => SECTION_NAMES.has(p) || SECTION_NAMES.has(p.replace(/\s+news$/, '')));
}

/** "nytimes.com", "www.nytimes.com": an address, not a name (unless the table names the outlet so, as "Boston.com"). */
function looksLikeDomain(name: string, host: string): boolean {
  const n = name.trim().toLowerCase();
  if (!/^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/.test(n)) return false;
  const known = outletForHost(host);
  return !(known !== undefined && sameName(name, known));
}

/** "NYTimes" on nytimes.com: the domain's name written as a word. */
function isDomainWord(name: string, host: string): boolean {
  const label = host.split('.').slice(-2, -1)[0] ?? '';
  return label.length > 0 && name.toLowerCase().replace(/[^a-z0-9]/g, '') === label.replace(/[^a-z0-9]/g, '');
}

function sameName(a: string, b: string): boolean {
  const norm = (x: string): string =>
    x
      .toLowerCase()
      .replace(/^the\s+/, '')
      .replace(/[^\p{L}\p{N}]/gu, '');
  return norm(a) === norm(b);
}

/**
 * "Storm closes port | The Daily Ledger" → "Storm closes port": drops the
 * outlet's name at either end and section names at the end
 * ("… | Editorial", "… - World news").
 * The result is at most TEXT_LIMITS.maxTitleChars long; a longer title is
 * cut first, as each segment stripped rescans the title.
 */
export function stripTitleSuffix(title: string, outletNames: string[]): string {
  const names = outletNames.map((n) => n.trim().toLowerCase()).filter((n) => n.length > 0);
  const max = TEXT_LIMITS.maxTitleChars;
  const whole = title.length > 4 * max ? capText(title, 4 * max) : title;
  return capText(stripSuffixes(whole.replace(/\s+/g, ' ').trim(), names), max);
}

function stripSuffixes(title: string, names: string[]): string {
  let t = title;
  for (;;) {
    const tail = /\s+[|–—•·:-]\s+([^|–—•·]+)$/.exec(t);
    const tailSection = tail !== null && !/^\s+:/.test(tail[0]) && isSectionName(tail[1] ?? '');
    if (tail !== null && tail.index > 0 && (isOutletSegment(tail[1] ?? '', names) || tailSection)) {
      t = t.slice(0, tail.index).trim();
      continue;
    }
    const head = /^([^|–—•·:]+?)\s+[|–—•·:-]\s+/.exec(t);
    if (head !== null && head[0].length < t.length && isOutletSegment(head[1] ?? '', names)) {
      t = t.slice(head[0].length).trim();
      continue;
    }
    return t;
  }
}

function isOutletSegment(segment: string, names: string[]): boolean {
  const s = segment.trim().toLowerCase();
  if (s.length === 0) return true;
  const bare = (x: string): string => x.replace(/^the\s+/, '').replace(/^www\./, '');
  return names.some(
    (n) =>
      bare(s) === bare(n) ||
      bare(s).replace(/\s+/g, '') === bare(n).replace(/[\s.]+/g, '') ||
      // "World news | The Guardian" after the outlet: "The Guardian" → also "Guardian" alone.
      bare(s).replace(/[^\p{L}\p{N}]/gu, '') === bare(n).replace(/[^\p{L}\p{N}]/gu, ''),
  );
}

function findJsonLdArticle(doc: Document): { article?: JsonObject; nonArticle: boolean } {
  let nonArticle = false;
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json" i]'))) {
    let data: Json;
    try {
      data = JSON.parse((script.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '')) as Json;
    } catch {
      continue;
    }
    for (const node of flattenLd(data)) {
      const types = typesOf(node);
      if (types.some((t) => ARTICLE_TYPES.has(t))) return { article: node, nonArticle: false };
      if (types.some((t) => NON_ARTICLE_TYPES.has(t))) nonArticle = true;
    }
  }
  return { nonArticle };
}

function flattenLd(data: Json, depth = 0): JsonObject[] {
  if (depth > MAX_LD_DEPTH) return [];
  if (Array.isArray(data)) return data.flatMap((d) => flattenLd(d, depth + 1));
  if (data === null || typeof data !== 'object') return [];
  const graph = data['@graph'];
  return [data, ...(graph !== undefined ? flattenLd(graph, depth + 1) : [])];
}

function typesOf(node: JsonObject): string[] {
  const t = node['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.toLowerCase());
}

function nameOf(value: Json | undefined): string | undefined {
  let v = value;
  // The first of a list, however deeply nested (a loop: a deep nest must not exhaust the stack).
  while (Array.isArray(v)) v = v[0];
  if (typeof v === 'string') return v;
  if (v !== null && v !== undefined && typeof v === 'object') return str(v['name']);
  return undefined;
}

function authorsOf(value: Json | undefined): string | undefined {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const names = list.map((v) => clean(nameOf(v))).filter((n): n is string => n !== undefined);
  return names.length > 0 ? names.join(', ') : undefined;
}

function str(value: Json | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function meta(doc: Document, key: string): string | undefined {
  const el = doc.querySelector(`meta[property="${key}" i], meta[name="${key}" i], meta[itemprop="${key}" i]`);
  return attr(el, 'content');
}

function attr(el: Element | null | undefined, name: string): string | undefined {
  const v = el?.getAttribute(name);
  return v === null || v === undefined ? undefined : v;
}

function clean(s: string | null | undefined): string | undefined {
  const t = s
    ?.replace(/\s+/g, ' ')
    .trim()
    .replace(/^by\s+/i, '');
  return t === undefined || t.length === 0 ? undefined : t;
}

function notUrl(s: string | undefined): string | undefined {
  return s !== undefined && /^https?:\/\//i.test(s) ? undefined : s;
}

function resolveUrl(href: string | undefined, base: string): string | undefined {
  if (href === undefined || href.trim() === '') return undefined;
  try {
    const u = new URL(href.trim(), base);
    u.hash = '';
    return u.href;
  } catch {
    return undefined;
  }
}

/** An ISO 8601 string for a parseable date, keeping date-only values as dates. */
export function toIso(value: string | undefined): string | undefined {
  const v = value?.trim();
  if (v === undefined || v === '') return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
