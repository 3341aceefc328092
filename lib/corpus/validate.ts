import type { ArticleInput, ArticleSource } from '../types';

const SOURCES: readonly ArticleSource[] = ['page', 'feed', 'import'];

/** Checks an article before it is stored; the messages are shown to the reader or printed by the importer. */
export function validateArticleInput(input: unknown, source: unknown): asserts input is ArticleInput {
  if (typeof input !== 'object' || input === null) throw new Error('Article must be an object');
  const a = input as Record<string, unknown>;
  if (typeof a.url !== 'string' || !a.url.trim()) throw new Error('Article has no url');
  if (typeof a.outlet !== 'string' || !a.outlet.trim()) throw new Error(`Article ${a.url} has no outlet name`);
  if (typeof a.title !== 'string') throw new Error(`Article ${a.url} has no title`);
  if (typeof a.text !== 'string' || !a.text.trim()) throw new Error(`Article ${a.url} has no text`);
  if (a.id !== undefined && (typeof a.id !== 'string' || !a.id.trim())) {
    throw new Error(`Article ${a.url} has an id that is not a non-empty string`);
  }
  if (a.publishedAt !== undefined && (typeof a.publishedAt !== 'string' || Number.isNaN(Date.parse(a.publishedAt)))) {
    throw new Error(`Article ${a.url} has a publishedAt that is not an ISO 8601 date: ${JSON.stringify(a.publishedAt)}`);
  }
  for (const key of ['byline', 'lang'] as const) {
    if (a[key] !== undefined && typeof a[key] !== 'string') throw new Error(`Article ${a.url} has a ${key} that is not text`);
  }
  if (!SOURCES.includes(source as ArticleSource)) {
    throw new Error(`Unknown article source ${JSON.stringify(source)}; expected one of ${SOURCES.join(', ')}`);
  }
}
