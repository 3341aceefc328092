/**
 * Article extraction from a page: Readability on a clone of the document for
 * the body, the page's declared metadata for the rest. Works on a real DOM
 * (content script), happy-dom and linkedom. The live document is never
 * changed.
 */
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { capText, TEXT_LIMITS } from '../text/config';
import type { ArticleInput } from '../types';
import { isFurnitureBlock, removeFurniture, type BlockKind } from './furniture';
import { readMetadata, stripTitleSuffix, toIso } from './metadata';

export type ExtractResult = { ok: true; article: ArticleInput } | { ok: false; reason: string };

/** Below these, a page is a teaser, an index or a stub rather than a report. */
export const MIN_TEXT_CHARS = 500;
export const MIN_PARAGRAPHS = 3;

const BLOCK_SELECTOR = 'p, h2, h3, h4, h5, h6, li, blockquote, pre';
/** Containers whose own loose text counts as a block when no block element wraps it. */
const LOOSE_TEXT_CONTAINERS = /^(div|section|article|main|td|dd|span|font|center)$/i;

export function extractArticle(doc: Document, pageUrl: string): ExtractResult {
  if (doc.body === null) return { ok: false, reason: 'the page has no body' };
  const meta = readMetadata(doc, pageUrl);
  if (!meta.declaresArticle) {
    // Many real articles carry og:type "website", so that label alone only
    // rejects together with another sign of an index page.
    const what = meta.declaresNonArticle ? 'the page declares itself a website or index' : 'no article markup';
    if (isRootPath(pageUrl)) return { ok: false, reason: `a home page, not an article (${what})` };
    if (!isProbablyReaderable(doc)) return { ok: false, reason: `too little article prose on the page (${what})` };
  }

  const clone = cloneDocument(doc);
  removeFurniture(clone);
  let parsed: ReturnType<Readability<Element>['parse']>;
  try {
    parsed = new Readability<Element>(clone, { serializer: (node) => node as Element, keepClasses: true }).parse();
  } catch (error) {
    return { ok: false, reason: `the article body could not be read (${String(error)})` };
  }
  if (parsed === null || parsed.content === null || parsed.content === undefined) {
    return { ok: false, reason: 'no article body found' };
  }

  const paragraphs = collectParagraphs(parsed.content);
  const text = paragraphs.join('\n\n');
  if (text.length < MIN_TEXT_CHARS || paragraphs.length < MIN_PARAGRAPHS) {
    return {
      ok: false,
      reason: `too little article text (${text.length} characters in ${paragraphs.length} paragraphs)`,
    };
  }

  const host = hostOf(meta.canonicalUrl) ?? hostOf(pageUrl) ?? '';
  const outlet = meta.outlet ?? clean(parsed.siteName) ?? host;
  const rawTitle = meta.title ?? clean(parsed.title) ?? clean(doc.querySelector('h1')?.textContent) ?? '';
  const title = stripTitleSuffix(rawTitle, [outlet, host, clean(parsed.siteName) ?? '']);
  const byline = meta.byline ?? clean(parsed.byline)?.replace(/^by\s+/i, '');
  const publishedAt = meta.publishedAt ?? toIso(parsed.publishedTime ?? undefined);
  const lang = meta.lang ?? clean(parsed.lang);

  const article: ArticleInput = { url: meta.canonicalUrl, outlet: capText(outlet, TEXT_LIMITS.maxOutletChars), title, text };
  if (byline !== undefined) article.byline = capText(byline, TEXT_LIMITS.maxBylineChars);
  if (publishedAt !== undefined) article.publishedAt = publishedAt;
  if (lang !== undefined) article.lang = lang;
  return { ok: true, article };
}

/**
 * The article's blocks as plain text. Each block's text is the collapsed
 * text content of one element, so it can be found again in the live page.
 */
function collectParagraphs(root: Element): string[] {
  const out: Array<{ text: string; heading: boolean }> = [];
  for (const el of blockElements(root)) {
    const text = clean(el.textContent);
    if (text === undefined) continue;
    const links = Array.from(el.querySelectorAll('a')).reduce((n, a) => n + (clean(a.textContent)?.length ?? 0), 0);
    const kind = kindOf(el);
    if (isFurnitureBlock(text, kind, links)) continue;
    out.push({ text, heading: kind === 'h' });
  }
  // A heading with no prose after it titles furniture that was removed (a newsletter box, a list of links).
  return out.filter((b, i) => !b.heading || (out[i + 1] !== undefined && !out[i + 1]!.heading)).map((b) => b.text);
}

/** Innermost block elements, plus containers holding loose text outside any block, in document order. */
function blockElements(root: Element): Element[] {
  const found: Element[] = [];
  const visit = (el: Element): void => {
    if (/^(figure|figcaption|aside|nav|footer)$/i.test(el.tagName)) return;
    const isBlock = el.matches(BLOCK_SELECTOR);
    const hasInnerBlock = el.querySelector(BLOCK_SELECTOR) !== null;
    // The innermost blocks carry the text; an outer block would repeat it.
    if (isBlock && !hasInnerBlock) {
      found.push(el);
      return;
    }
    if (!hasInnerBlock && LOOSE_TEXT_CONTAINERS.test(el.tagName) && hasLooseText(el)) {
      found.push(el);
      return;
    }
    for (const child of Array.from(el.children)) visit(child);
  };
  visit(root);
  return found;
}

function hasLooseText(el: Element): boolean {
  return Array.from(el.childNodes).some((n) => n.nodeType === 3 && (n.textContent ?? '').trim().length > 0);
}

function kindOf(el: Element): BlockKind {
  const tag = el.tagName.toLowerCase();
  if (tag === 'li') return 'li';
  if (tag === 'blockquote') return 'blockquote';
  if (/^h[2-6]$/.test(tag)) return 'h';
  return 'p';
}

function cloneDocument(doc: Document): Document {
  const copy = doc.cloneNode(true) as Document;
  if (copy.documentElement !== null && copy.body !== null) return copy;
  // Fallback for DOMs whose document clone is shallow.
  const fresh = doc.implementation.createHTMLDocument(doc.title);
  fresh.documentElement.innerHTML = doc.documentElement.innerHTML;
  return fresh;
}

function isRootPath(pageUrl: string): boolean {
  try {
    const u = new URL(pageUrl);
    return (u.pathname === '/' || u.pathname === '/index.html') && u.search === '';
  } catch {
    return false;
  }
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

function clean(s: string | null | undefined): string | undefined {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t === undefined || t.length === 0 ? undefined : t;
}
