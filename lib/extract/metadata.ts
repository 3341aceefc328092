/**
 * Article metadata from the markup a news page declares for search engines
 * and social networks: JSON-LD, Open Graph, `<meta>` and `<link>` tags.
 * Reads the document only; never changes it.
 */
import { capText, TEXT_LIMITS } from '../text/config';

export interface PageMetadata {
  canonicalUrl: string;
  /** Outlet name candidates in precedence order, before the host-name fallback. */
  outlet?: string;
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

  const outlet =
    clean(nameOf(article?.['publisher'])) ??
    clean(meta(doc, 'og:site_name')) ??
    clean(meta(doc, 'application-name')) ??
    undefined;

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
  const declaresArticle =
    article !== undefined || ogType === 'article' || meta(doc, 'article:published_time') !== undefined;
  const declaresNonArticle = !declaresArticle && ((ogType !== undefined && ogType !== 'article') || ld.nonArticle);

  return { canonicalUrl, outlet, title, byline, publishedAt, lang, declaresArticle, declaresNonArticle };
}

/**
 * "Storm closes port | The Daily Ledger" → "Storm closes port". The result is
 * at most TEXT_LIMITS.maxTitleChars long; a longer title is cut first, as
 * each segment stripped rescans the title.
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
    if (tail !== null && tail.index > 0 && isOutletSegment(tail[1] ?? '', names)) {
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
  return names.some((n) => bare(s) === bare(n) || bare(s).replace(/\s+/g, '') === bare(n).replace(/[\s.]+/g, ''));
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

/** JSON-LD nodes are found this deep at most: real pages nest an @graph in a list; a deeper nest is junk that would exhaust the stack. */
const MAX_LD_DEPTH = 8;

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
  const t = s?.replace(/\s+/g, ' ').trim().replace(/^by\s+/i, '');
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
