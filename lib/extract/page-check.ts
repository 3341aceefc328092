/**
 * What is decided about a page on the page itself (a home page, a page or
 * an article too large to send) and how it is told, kept apart from
 * `extract.ts` (and Readability) so that the content script can ask it of
 * the page it runs on without carrying the extractor.
 */
import { ARTICLE_LIMITS } from '../pipeline/config';
import { readMetadata, type PageMetadata } from './metadata';

/** Why the page at `pageUrl` is a home page rather than an article, or undefined: its address is the site's root and it does not declare itself an article. */
export function homePageRefusal(meta: Pick<PageMetadata, 'declaresArticle'>, pageUrl: string): string | undefined {
  if (meta.declaresArticle || !isRootPath(pageUrl)) return undefined;
  return 'a home page, not an article (it does not declare itself an article)';
}

/** `homePageRefusal` of a live page, its metadata read only when the address is a site's root. */
export function pageHomePageRefusal(doc: Document, pageUrl: string): string | undefined {
  return isRootPath(pageUrl) ? homePageRefusal(readMetadata(doc, pageUrl), pageUrl) : undefined;
}

/** Why an article of `length` characters of text is not stored (over ARTICLE_LIMITS.maxTextLength). */
export function textTooLargeReason(length: number): string {
  return `This page's text is too large to store: ${length.toLocaleString('en')} characters, where Parallax keeps articles of up to ${ARTICLE_LIMITS.maxTextLength.toLocaleString('en')}. It was not stored or compared.`;
}

/**
 * Why a page of `size` characters of HTML (or, as the browser received it
 * before any script ran, bytes) is not read (over
 * ARTICLE_LIMITS.maxPageHtmlChars).
 */
export function pageTooLargeReason(size: number, unit: 'characters' | 'bytes' = 'characters'): string {
  return `This page is too large to read: ${size.toLocaleString('en')} ${unit} of HTML, where Parallax reads pages of up to ${ARTICLE_LIMITS.maxPageHtmlChars.toLocaleString('en')} characters. It was not stored or compared.`;
}

/**
 * The page's HTML as the browser received it, in bytes after decompression
 * (the navigation's `decodedBodySize`), or undefined where the browser does
 * not say. Known without reading the page: a page delivered larger than
 * Parallax reads is turned away before it is serialised, which on a page of
 * 19 MB held the page's main thread about 0.3 s.
 */
export function deliveredHtmlBytes(perf: Pick<Performance, 'getEntriesByType'> | undefined): number | undefined {
  const entry = perf?.getEntriesByType('navigation')[0] as { decodedBodySize?: unknown } | undefined;
  return typeof entry?.decodedBodySize === 'number' && entry.decodedBodySize > 0 ? entry.decodedBodySize : undefined;
}

function isRootPath(pageUrl: string): boolean {
  try {
    const u = new URL(pageUrl);
    return (u.pathname === '/' || u.pathname === '/index.html') && u.search === '';
  } catch {
    return false;
  }
}
