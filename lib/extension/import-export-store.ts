/**
 * The background's half of import and export: a batch of imported lines
 * stored together, each article whole or not at all, refusals reported by
 * line; export as JSON Lines in capture order.
 */
import type { Corpus, StoreOutcome } from '../corpus/corpus';
import type { ImportBatchReply, ImportItem } from '../messaging/protocol';
import type { ArticleInput } from '../types';
import { validateArticleInput } from '../pipeline/validate';
import { storedBytesOf, type CaptureRefusal, type StoreBudget } from './capture-limits';
import { describeStoreError } from './store-errors';

/**
 * The background's side of an import: the batch's good lines stored
 * together (`Corpus.storeMany`: each article whole or not at all), refusals
 * reported by line. An article counts as updated when it was stored before
 * `since` (epoch ms; any time when absent): one a lost attempt of the same
 * import stored is not "already there" when its batch is sent again. Of the
 * batch, the lines that fit in what is left of the store's budget are stored
 * (in file order, by their estimated size); the rest are refused, saying why.
 */
export async function importItems(
  corpus: Corpus,
  items: ImportItem[],
  onStoreError?: (error: unknown) => void,
  budget?: Pick<StoreBudget, 'fitting'>,
  since?: number,
): Promise<ImportBatchReply> {
  const reply: ImportBatchReply = { stored: 0, updated: 0, errors: [] };
  const refuse = (line: number, error: unknown): void => {
    const storeProblem = describeStoreError(error);
    if (storeProblem) onStoreError?.(error);
    const reason = storeProblem ?? (error instanceof Error ? error.message : String(error));
    reply.errors.push({ line, message: `line ${line}: ${reason}` });
  };
  const good: { line: number; article: ArticleInput }[] = [];
  for (const item of items) {
    const line = Number.isInteger(item?.line) ? item.line : 0;
    try {
      good.push({ line, article: validateArticleInput(item?.article, 'import') });
    } catch (error) {
      refuse(line, error);
    }
  }
  if (good.length === 0) return reply;
  let outcomes: StoreOutcome[];
  try {
    const fits = await admitted(corpus, good, budget);
    const kept = good.filter((_, i) => fits.admit[i]);
    const stored = kept.length
      ? await corpus.storeMany(
          kept.map(({ article }) => ({ input: article })),
          'import',
        )
      : [];
    const over = new Error(fits.refusal?.message ?? 'not stored');
    let k = 0;
    outcomes = good.map((_, i) => (fits.admit[i] ? stored[k++]! : { ok: false, error: over }));
  } catch (error) {
    outcomes = good.map(() => ({ ok: false, error }));
  }
  good.forEach(({ line }, i) => {
    const outcome = outcomes[i];
    if (!outcome?.ok) return refuse(line, outcome?.error ?? new Error('not stored'));
    reply.stored++;
    const at = outcome.previousCapturedAt;
    if (at !== undefined && (since === undefined || at < since)) {
      reply.updated++;
      reply.updatedLines = [...(reply.updatedLines ?? []), line];
    }
  });
  reply.errors.sort((a, b) => a.line - b.line);
  return reply;
}

/**
 * Which lines of a batch the store's budget admits: each new article by its estimated size, in file order,
 * one that does not fit passed over for the next. An article already stored (a batch sent again after a
 * lost reply, or a file imported twice) is an update and always admitted; the store is asked about that
 * only when the budget would refuse something.
 */
async function admitted(
  corpus: Corpus,
  good: readonly { article: ArticleInput }[],
  budget: Pick<StoreBudget, 'fitting'> | undefined,
): Promise<{ admit: boolean[]; refusal?: CaptureRefusal }> {
  if (!budget) return { admit: good.map(() => true) };
  const sizes = good.map(({ article }) => storedBytesOf(article));
  const first = await budget.fitting(sizes);
  if (!first.refusal) return { admit: first.fits };
  const known = await corpus.storedAlready(good.map(({ article }) => article));
  const fresh = good.flatMap((_, i) => (known[i] ? [] : [i]));
  const room = await budget.fitting(fresh.map((i) => sizes[i]!));
  const admit = known.slice();
  fresh.forEach((i, k) => {
    admit[i] = room.fits[k]!;
  });
  return { admit, ...(room.refusal ? { refusal: room.refusal } : {}) };
}
