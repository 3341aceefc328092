/**
 * JSON Lines import and export for the options page. The page reads and
 * checks the file, then sends good lines to the background in batches (so a
 * large file shows progress and no message grows too big); the background
 * stores each line in its own transaction and reports refusals by line
 * (import-export-store.ts). This half runs in the page.
 */
import { isBlankLine, parseArticleLine, splitLines, type HtmlExtractor } from '../io/jsonl';
import type { ImportBatchReply, ImportItem } from '../messaging/protocol';
import { canonicalUrl } from '../pipeline/ids';
import type { ImportProgress, ImportReport } from '../types';
import { IMPORT_BATCH_MAX_CHARS, IMPORT_BATCH_SIZE, IMPORT_RETRIES, IMPORT_RETRY_DELAY_MS } from './config';

export interface ImportOptions {
  batchSize?: number;
  /** Characters of text and title after which a batch is sent whatever its size (IMPORT_BATCH_MAX_CHARS). */
  batchMaxChars?: number;
  retries?: number;
  retryDelayMs?: number;
  /** The import's start (epoch ms), for telling articles already stored from those this import stored; now by default. */
  now?: () => number;
  extractHtml?: HtmlExtractor;
  onProgress?(progress: ImportProgress): void;
}

/**
 * Checks every line of `text`, sends the good ones through `send` in batches
 * and gathers one report. A batch whose answer is lost (the background
 * stopped) is sent again, up to IMPORT_RETRIES times; one that still fails
 * marks its lines as failed, and later batches are still tried. `since`,
 * passed with every batch, is when the import began: the background counts
 * as updated only articles stored before it, so a batch stored twice is
 * counted once and as what it was.
 */
export async function runImport(
  text: string,
  send: (items: ImportItem[], since: number) => Promise<ImportBatchReply>,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const batchSize = Math.max(1, options.batchSize ?? IMPORT_BATCH_SIZE);
  const maxChars = Math.max(1, options.batchMaxChars ?? IMPORT_BATCH_MAX_CHARS);
  const retries = Math.max(0, options.retries ?? IMPORT_RETRIES);
  const retryDelayMs = options.retryDelayMs ?? IMPORT_RETRY_DELAY_MS;
  const since = (options.now ?? Date.now)();
  const sendWithRetries = async (items: ImportItem[]): Promise<ImportBatchReply> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await send(items, since);
      } catch (error) {
        if (attempt >= retries) throw error;
        await new Promise((resolve) => setTimeout(resolve, retryDelayMs));
      }
    }
  };
  const rawLines = splitLines(text);
  const total = rawLines.filter((l) => !isBlankLine(l)).length;
  const report: ImportReport = { total, stored: 0, updated: 0, errors: [] };
  let done = 0;
  let batch: ImportItem[] = [];
  const storedKeys = new Set<string>();
  let handledInBatch = 0;
  let batchChars = 0;

  const flush = async (): Promise<void> => {
    if (batch.length > 0) {
      try {
        const reply = await sendWithRetries(batch);
        report.stored += reply.stored;
        report.updated += reply.updated;
        for (const e of reply.errors) report.errors.push(e);
        // A line repeating an article an earlier line of the file stored updates it (the background counts only those stored before the import).
        const refused = new Set(reply.errors.map((e) => e.line));
        const counted = new Set(reply.updatedLines ?? []);
        for (const item of batch) {
          if (refused.has(item.line)) continue;
          const keys = articleKeys(item);
          if (keys.some((k) => storedKeys.has(k)) && !counted.has(item.line)) report.updated++;
          for (const k of keys) storedKeys.add(k);
        }
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        for (const item of batch) report.errors.push({ line: item.line, message: `line ${item.line}: not stored (${reason})` });
      }
    }
    done += handledInBatch;
    batch = [];
    handledInBatch = 0;
    batchChars = 0;
    options.onProgress?.({ done, total });
  };

  options.onProgress?.({ done: 0, total });
  for (let i = 0; i < rawLines.length; i++) {
    const result = parseArticleLine(rawLines[i] as string, i + 1, options.extractHtml ? { extractHtml: options.extractHtml } : {});
    if (!result) continue;
    handledInBatch++;
    if (result.ok) {
      batch.push({ line: result.line, article: result.article });
      batchChars += result.article.text.length + result.article.title.length;
    } else report.errors.push({ line: result.line, message: result.message });
    if (handledInBatch >= batchSize || batchChars >= maxChars) await flush();
  }
  if (handledInBatch > 0) await flush();
  report.errors.sort((a, b) => a.line - b.line);
  return report;
}

/** The ways a line names a stored article: its id and its canonical address (the store finds it by either). */
function articleKeys(item: ImportItem): string[] {
  const keys = item.article.id ? [`id:${item.article.id}`] : [];
  try {
    keys.push(`url:${canonicalUrl(item.article.url)}`);
  } catch {
    // Not an address: the store refuses the line.
  }
  return keys;
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
