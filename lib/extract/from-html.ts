/**
 * Node entry of the extractor: parses HTML with linkedom. Kept apart from
 * `extract.ts` so the content-script bundle does not pull linkedom in.
 */
import { parseHTML } from 'linkedom';
import { extractArticle, type ExtractOptions, type ExtractResult } from './extract';

export type { ExtractResult } from './extract';

export function extractFromHtml(html: string, url: string, options: ExtractOptions = {}): ExtractResult {
  const { document } = parseHTML(html);
  return extractArticle(document as unknown as Document, url, options);
}
