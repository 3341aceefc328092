/**
 * The background's half of import and export: each imported line stored in
 * its own transaction (a failure leaves nothing half-stored), refusals
 * reported by line; export as JSON Lines in capture order.
 */
import type { Corpus } from '../corpus/corpus';
import { canonicalUrl } from '../pipeline/ids';
import type { ParallaxDb } from '../db/db';
import type { ImportBatchReply, ImportItem } from '../messaging/protocol';
import type { ArticleInput } from '../types';
import { validateArticleInput } from '../pipeline/validate';
import type { StoreBudget } from './capture-limits';
import { describeStoreError } from './store-errors';

/**
 * Whether the article was stored before `since` (epoch ms; any time when
 * absent). An article a lost attempt of the same import stored is not
 * "already there" when its batch is sent again.
 */
async function storedBefore(db: ParallaxDb, article: ArticleInput, since: number | undefined): Promise<boolean> {
  let record = article.id ? await db.articles.get(article.id) : undefined;
  if (!record) {
    try {
      record = await db.articles.where('url').equals(canonicalUrl(article.url)).first();
    } catch {
      return false;
    }
  }
  return record !== undefined && (since === undefined || record.capturedAt < since);
}

/** The background's side of an import: each line stored on its own, refusals reported by line. */
export async function importItems(
  db: ParallaxDb,
  corpus: Corpus,
  items: ImportItem[],
  onStoreError?: (error: unknown) => void,
  budget?: Pick<StoreBudget, 'check'>,
  since?: number,
): Promise<ImportBatchReply> {
  const reply: ImportBatchReply = { stored: 0, updated: 0, errors: [] };
  for (const item of items) {
    const line = Number.isInteger(item?.line) ? item.line : 0;
    try {
      const article = validateArticleInput(item?.article, 'import');
      const refusal = await budget?.check();
      if (refusal) throw new Error(refusal.message);
      const known = await storedBefore(db, article, since);
      await corpus.ingest(article, 'import');
      reply.stored++;
      if (known) {
        reply.updated++;
        reply.updatedLines = [...(reply.updatedLines ?? []), line];
      }
    } catch (error) {
      const storeProblem = describeStoreError(error);
      if (storeProblem) onStoreError?.(error);
      const reason = storeProblem ?? (error instanceof Error ? error.message : String(error));
      reply.errors.push({ line, message: `line ${line}: ${reason}` });
    }
  }
  return reply;
}
