/**
 * The one check of an article before anything is planned or stored, whichever
 * way it arrives (the open tab, a feed, an import line, the command line).
 * The messages are shown to the reader or printed by the importer, so they
 * say what is wrong in plain words.
 */
import type { ArticleInput, ArticleSource } from '../types';
import { capText, TEXT_LIMITS } from '../text/config';
import { ARTICLE_LIMITS } from './config';

const SOURCES: readonly ArticleSource[] = ['page', 'feed', 'import'];

/** Checks `value` and returns it as an article (strings trimmed where they are names). Throws a plain message. */
export function validateArticleInput(value: unknown, source: unknown = 'page'): ArticleInput {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('the article is not an object');
  const a = value as Record<string, unknown>;
  if (typeof a.url !== 'string' || !a.url.trim()) throw new Error('the article has no url');
  const label = a.url.trim().slice(0, 200);
  for (const key of ['outlet', 'title', 'text'] as const) {
    if (typeof a[key] !== 'string') throw new Error(`the article ${label} has no ${key}`);
  }
  if (!(a.outlet as string).trim()) throw new Error(`the article ${label} has no outlet name`);
  if (!(a.text as string).trim()) throw new Error(`the article ${label} has no text`);
  if ((a.text as string).length > ARTICLE_LIMITS.maxTextLength) {
    throw new Error(
      `the article ${label} is too long to store (${(a.text as string).length} characters; at most ${ARTICLE_LIMITS.maxTextLength})`,
    );
  }
  if (a.id !== undefined && (typeof a.id !== 'string' || !a.id.trim())) {
    throw new Error(`the article ${label} has an id that is not a non-empty string`);
  }
  for (const key of ['byline', 'lang', 'publishedAt'] as const) {
    if (a[key] !== undefined && typeof a[key] !== 'string') throw new Error(`the article ${label} has a ${key} that is not text`);
  }
  if (a.publishedAt !== undefined && Number.isNaN(Date.parse(a.publishedAt as string))) {
    throw new Error(`the article ${label} has a publishedAt that is not an ISO 8601 date: ${JSON.stringify(a.publishedAt)}`);
  }
  let url: URL;
  try {
    url = new URL(a.url.trim());
  } catch {
    throw new Error(`the article URL is not a valid address: ${JSON.stringify(label)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`the article URL must start with http:// or https://, got ${JSON.stringify(label)}`);
  if (!SOURCES.includes(source as ArticleSource)) {
    throw new Error(`unknown article source ${JSON.stringify(source)}; expected one of ${SOURCES.join(', ')}`);
  }
  return {
    url: a.url.trim(),
    outlet: capText((a.outlet as string).trim(), TEXT_LIMITS.maxOutletChars),
    title: capText((a.title as string).trim(), TEXT_LIMITS.maxTitleChars),
    text: a.text as string,
    ...(typeof a.id === 'string' ? { id: a.id.trim() } : {}),
    ...(typeof a.byline === 'string' && a.byline.trim() ? { byline: capText(a.byline.trim(), TEXT_LIMITS.maxBylineChars) } : {}),
    ...(typeof a.publishedAt === 'string' ? { publishedAt: a.publishedAt } : {}),
    ...(typeof a.lang === 'string' && a.lang.trim() ? { lang: a.lang.trim() } : {}),
  };
}
