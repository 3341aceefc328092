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

/** Why a page of `htmlChars` characters of HTML is not read (over ARTICLE_LIMITS.maxPageHtmlChars). */
export function pageTooLargeReason(htmlChars: number): string {
  return `This page is too large to read: ${htmlChars.toLocaleString('en')} characters of HTML, where Parallax reads pages of up to ${ARTICLE_LIMITS.maxPageHtmlChars.toLocaleString('en')}. It was not stored or compared.`;
}

function isRootPath(pageUrl: string): boolean {
  try {
    const u = new URL(pageUrl);
    return (u.pathname === '/' || u.pathname === '/index.html') && u.search === '';
  } catch {
    return false;
  }
}
