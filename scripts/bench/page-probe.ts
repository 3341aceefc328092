/**
 * What the benchmarks record in an article page: when the extension's marks
 * change, and the page's long main-thread tasks (a buffered `longtask`
 * observer installed before any of the page's scripts). One recorder, read by
 * `npm run bench:browser` and `scripts/bench/longtask.ts`.
 */
import type { BrowserContext } from 'playwright-core';
import { longTasksOf, startTrace, type LongTaskTrace } from './task-trace';

/** A page's marks are final when their count has not changed for this long. */
export const MARKS_SETTLED_MS = 1500;
/** A page with no mark yet after this long is counted as unmarked. */
export const UNMARKED_GIVE_UP_MS = 15_000;

interface Recorded {
  marks: { t: number; n: number }[];
  longTasks: { start: number; duration: number }[];
}

/** Installed before any page script: when the marks change, and the page's long tasks. */
export function pageRecorder(): void {
  const w = window as unknown as { __bench: Recorded };
  w.__bench = { marks: [], longTasks: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__bench.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  let last = 0;
  new MutationObserver(() => {
    const n = document.querySelectorAll('mark[data-parallax-index][tabindex="0"]').length;
    if (n !== last) {
      last = n;
      w.__bench.marks.push({ t: performance.now(), n });
    }
  }).observe(document, { childList: true, subtree: true });
}

export interface PageRun {
  url: string;
  /** Navigation start to the last change of the page's marks, ms; undefined when nothing was marked. */
  marksMs: number | undefined;
  marked: number;
  longestTaskMs: number;
  /** Every long task: when it began (ms from navigation start) and how long it ran. */
  longTasks: { start: number; duration: number }[];
  /** For a page with nothing marked, what the popup would say became of it (when asked for). */
  status?: string;
  /** With `trace`: the page's tasks over 50 ms in a Chrome trace, taken apart (scripts/bench/task-trace.ts). */
  traced?: LongTaskTrace[];
}

/**
 * Opens `url` in a new tab of `context`, waits until the marks have settled
 * (or, with nothing marked, `giveUpMs`; in any case no longer than
 * `deadlineMs`), and returns what the recorder saw.
 */
export async function openArticle(
  context: Pick<BrowserContext, 'newPage'>,
  url: string,
  options: {
    settledMs?: number;
    giveUpMs?: number;
    deadlineMs?: number;
    /** Asked, while the page is still open, when nothing was marked: what became of the page (the popup's account). */
    whenUnmarked?: () => Promise<string | undefined>;
    /** Trace the tab and take its long tasks apart (slows the page down somewhat). */
    trace?: boolean;
  } = {},
): Promise<PageRun> {
  const settledMs = options.settledMs ?? MARKS_SETTLED_MS;
  const giveUpMs = options.giveUpMs ?? UNMARKED_GIVE_UP_MS;
  const page = await context.newPage();
  await page.addInitScript(pageRecorder);
  const tracing = options.trace ? await startTrace(page) : undefined;
  await page.goto(url, { timeout: 60_000 });
  const deadline = Date.now() + (options.deadlineMs ?? 60_000);
  let seen = -1;
  let since = Date.now();
  for (;;) {
    const count = await page.evaluate(() => (window as unknown as { __bench: Recorded }).__bench.marks.length);
    if (count !== seen) {
      seen = count;
      since = Date.now();
    }
    if (Date.now() - since >= (count > 0 ? settledMs : giveUpMs) || Date.now() > deadline) break;
    await page.waitForTimeout(100);
  }
  const recorded = await page.evaluate(() => (window as unknown as { __bench: Recorded }).__bench);
  const lastMark = recorded.marks.at(-1);
  const status =
    lastMark && lastMark.n > 0 ? undefined : await options.whenUnmarked?.().catch((error: unknown) => `unknown (${String(error)})`);
  const traced = tracing ? longTasksOf(await tracing.stop(), page.url()) : undefined;
  await page.close();
  const last = lastMark;
  return {
    ...(status !== undefined ? { status } : {}),
    ...(traced !== undefined ? { traced } : {}),
    url,
    marksMs: last && last.n > 0 ? last.t : undefined,
    marked: last?.n ?? 0,
    longestTaskMs: Math.max(0, ...recorded.longTasks.map((t) => t.duration)),
    longTasks: recorded.longTasks,
  };
}
