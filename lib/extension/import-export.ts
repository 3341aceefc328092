/**
 * JSON Lines import and export for the options page. The page reads and
 * checks the file, then sends good lines to the background in batches (so a
 * large file shows progress and no message grows too big); the background
 * stores each line in its own transaction and reports refusals by line
 * (import-export-store.ts). This half runs in the page.
 */
import { isBlankLine, parseArticleLine, splitLines, type HtmlExtractor } from '../io/jsonl';
import type { ImportBatchReply, ImportItem } from '../messaging/protocol';
import type { ImportProgress, ImportReport } from '../types';

/** Lines per message: small enough to keep the progress bar moving, large enough to keep messages few. */
export const IMPORT_BATCH_SIZE = 25;

export interface ImportOptions {
  batchSize?: number;
  extractHtml?: HtmlExtractor;
  onProgress?(progress: ImportProgress): void;
}

/**
 * Checks every line of `text`, sends the good ones through `send` in batches
 * and gathers one report. A batch that fails as a whole (the background
 * stopped) marks its lines as failed; later batches are still tried.
 */
export async function runImport(
  text: string,
  send: (items: ImportItem[]) => Promise<ImportBatchReply>,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const batchSize = Math.max(1, options.batchSize ?? IMPORT_BATCH_SIZE);
  const rawLines = splitLines(text);
  const total = rawLines.filter((l) => !isBlankLine(l)).length;
  const report: ImportReport = { total, stored: 0, updated: 0, errors: [] };
  let done = 0;
  let batch: ImportItem[] = [];
  let handledInBatch = 0;

  const flush = async (): Promise<void> => {
    if (batch.length > 0) {
      try {
        const reply = await send(batch);
        report.stored += reply.stored;
        report.updated += reply.updated;
        for (const e of reply.errors) report.errors.push(e);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        for (const item of batch) report.errors.push({ line: item.line, message: `line ${item.line}: not stored (${reason})` });
      }
    }
    done += handledInBatch;
    batch = [];
    handledInBatch = 0;
    options.onProgress?.({ done, total });
  };

  options.onProgress?.({ done: 0, total });
  for (let i = 0; i < rawLines.length; i++) {
    const result = parseArticleLine(rawLines[i] as string, i + 1, options.extractHtml ? { extractHtml: options.extractHtml } : {});
    if (!result) continue;
    handledInBatch++;
    if (result.ok) batch.push({ line: result.line, article: result.article });
    else report.errors.push({ line: result.line, message: result.message });
    if (handledInBatch >= batchSize) await flush();
  }
  if (handledInBatch > 0) await flush();
  report.errors.sort((a, b) => a.line - b.line);
  return report;
}

/** "parallax-2024-03-01.jsonl", "parallax-the-daily-ledger-2024-03-01.jsonl". */
export function exportFileName(label: string | undefined, date: Date): string {
  const day = date.toISOString().slice(0, 10);
  const slug = (label ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug ? `parallax-${slug}-${day}.jsonl` : `parallax-${day}.jsonl`;
}
