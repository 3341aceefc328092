/**
 * Long work in a page, cut into slices so that the page's main thread is
 * never held for long. The work is written once, as a generator that yields
 * wherever it may pause; `runToEnd` runs it in one go (Node, tests, the
 * background's extraction), `runSliced` runs it until a slice's budget is spent,
 * then lets the page's own tasks (input, rendering, its scripts) run before
 * going on. Both give the same result from the same steps.
 */

/** Work that may pause wherever it yields, returning T at the end. */
export type Steps<T> = Generator<void, T, void>;

export interface SliceOptions {
  /** Work this long at most before giving the page its turn (lib/extension/config.ts SLICE_BUDGET_MS). */
  budgetMs: number;
  /** Asked at each pause: when true, the work stops there (its `finally` blocks run) and `runSliced` gives undefined. */
  cancelled?(): boolean;
  /** Called as the page is given its turn, and as the work takes it back (not when cancelled). */
  onPause?(): void;
  onResume?(): void;
}

/**
 * How much a slice's mean step time still counts one slice later: 0.9 weighs about the last ten slices,
 * more than one tick of a clock rounded to 100 ms at a 15 ms budget (a judgement, checked on simulated
 * clocks in tests/dom/time-slice.test.ts).
 */
const RECENT_DECAY = 0.9;

/** Runs the steps to their end without pausing. */
export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * Runs the steps, pausing for the page whenever a slice has run `budgetMs`;
 * a single step longer than that still runs whole. Undefined when cancelled.
 * The first slice starts in a task of its own, not in the caller's (which
 * may already have worked: a message received, say).
 *
 * A clock too coarse to measure a slice (Firefox rounds `performance.now()`
 * to 100 ms when resisting fingerprinting) would let a slice run until it
 * ticks, however long past the budget that is. Until the clock has shown a
 * slice ending within twice the budget, a slice therefore also ends after
 * as many steps as the budget holds at the recent slices' step time, the
 * larger of two means: over their steps (right on a coarse clock, where most
 * slices measure 0 ms and one in a tick the whole tick, but slow to follow a
 * change after a slice of many cheap steps) and over the slices, each weighing
 * alike (quick to follow steps that grow dearer). Recent slices, so that it
 * follows work whose steps change cost. A
 * fine clock shows itself with its first ordinary slice, and then only the
 * time counts.
 */
export async function runSliced<T>(steps: Steps<T>, options: SliceOptions): Promise<T | undefined> {
  await yieldToPage();
  if (options.cancelled?.()) {
    steps.return(undefined as T);
    return undefined;
  }
  let sliceStart = performance.now();
  let sliceSteps = 0;
  // The recent slices' step times, each slice's weight shrinking by RECENT_DECAY per later slice: the mean
  // of their mean step times, and their time over their steps (which a slice of many steps dominates).
  let stepMsSum = 0;
  let slicesWeight = 0;
  let recentMs = 0;
  let recentSteps = 0;
  // The shortest slice the clock has measured above 0 ms: within twice the budget on a clock fine enough to time slices.
  let finest = Number.POSITIVE_INFINITY;
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    sliceSteps++;
    const elapsed = performance.now() - sliceStart;
    if (elapsed < options.budgetMs) {
      if (finest <= 2 * options.budgetMs || slicesWeight === 0) continue;
      const stepMs = Math.max(stepMsSum / slicesWeight, recentMs / recentSteps);
      if (sliceSteps * stepMs < options.budgetMs) continue;
    }
    // One step that took the whole slice says nothing of the steps after it.
    if (sliceSteps > 1 || elapsed < options.budgetMs) {
      if (elapsed > 0) finest = Math.min(finest, elapsed);
      stepMsSum = stepMsSum * RECENT_DECAY + elapsed / sliceSteps;
      slicesWeight = slicesWeight * RECENT_DECAY + 1;
      recentMs = recentMs * RECENT_DECAY + elapsed;
      recentSteps = recentSteps * RECENT_DECAY + sliceSteps;
    }
    options.onPause?.();
    await yieldToPage();
    if (options.cancelled?.()) {
      steps.return(undefined as T);
      return undefined;
    }
    options.onResume?.();
    sliceStart = performance.now();
    sliceSteps = 0;
  }
}

interface Scheduler {
  yield(): Promise<void>;
}

/**
 * Lets the tasks waiting in the page run, then resumes: `scheduler.yield()`
 * where the browser has it (Chromium 129 and later: the work resumes ahead of
 * other queued tasks), else a message to a channel of our own (a new task,
 * without the 4 ms clamp of nested `setTimeout`s).
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<Scheduler> }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield.call(scheduler);
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}
