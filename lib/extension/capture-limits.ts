/**
 * How much a page, a site or the store may take: captures per tab and per
 * site in a minute, and the store's size budget. The settings are here, in
 * one place. The rate limits count the captures web pages send (a feed's
 * items are bounded by the poll instead, ten at most per feed and poll); the
 * budget holds for every capture, whichever way it arrives (tab, feed,
 * import). The reader is told why one was refused.
 */

import { siteOf } from '../pipeline/ids';

export const CAPTURE_LIMITS = {
  /** The window the rate limits count over. */
  windowMs: 60_000,
  /**
   * Captures one tab may make in a minute. A reader opening article after
   * article in one tab reads each for more than the few seconds it takes to
   * see its marks, so ten a minute is more than reading; a page that calls
   * pushState in a loop (each new address a new "article") is cut off at
   * ten. A capture costs up to about 0.6 s of the background's CPU at 100k
   * stored sentences (README, "How fast": store + plan + annotate p95), so
   * ten a minute keeps one tab to a tenth of a core at most.
   */
  perTab: 10,
  /**
   * Captures one site (its registrable domain, `siteOf`: subdomains count
   * as their site) may make in a minute, across its tabs. Opening a site's front page's articles in new tabs, or restoring
   * a session, can load twenty or so pages at once; thirty leaves room for
   * that, and bounds a site with many tabs to half a core.
   */
  perSite: 30,
} as const;

/**
 * Pages a tab, and a site, may send to be read (`extractPage`) in a minute.
 * Every page the reader opens is read, articles or not, so these are three
 * times the capture limits; a page that calls pushState in a loop, each time
 * with megabytes of HTML, is cut off here, before the background parses it.
 * Reading a page costs the background about what Readability takes on the
 * page (64–218 ms on the largest pages measured, README "Long tasks"), so a
 * tab is held to about a tenth of a core at most. A judgement, not fitted.
 */
export const READ_LIMITS = {
  windowMs: CAPTURE_LIMITS.windowMs,
  perTab: 3 * CAPTURE_LIMITS.perTab,
  perSite: 3 * CAPTURE_LIMITS.perSite,
} as const;

/** What a rate limit counts, in the words its refusal uses. */
const COUNTED = {
  captures: { what: 'articles', stopped: 'storing' },
  reads: { what: 'pages', stopped: 'reading' },
} as const;

export const STORE_BUDGET = {
  /**
   * Bytes the store may use before captures are refused: a small share of
   * what browsers let an extension keep (Chrome allows an origin up to 60%
   * of the free disk). The reader sees the use on the options page and sets
   * the limit there. `npm run bench:browser` filled a Chromium profile until
   * this default refused every imported line: at 29.3k articles and 264k
   * sentences (about 9 sentences an article), so it holds about a quarter
   * of a heavy reader's million sentences.
   */
  defaultBytes: 500 * 1024 * 1024,
  /** The smallest budget the reader may set: enough for a few thousand articles. */
  minBytes: 50 * 1024 * 1024,
  /** Where the budget is kept (browser.storage.local: it must be writable when IndexedDB is full). */
  key: 'parallax.storeBudget',
  /**
   * What one character of an article's text and title comes to in the store, with its sentences, terms,
   * links and indexes. `npm run bench:browser` at 9.4k and 91k sentences (1.38 M and 12.5 M characters
   * of text and titles, from scripts/bench/model.ts): 15.3 and 16.4 bytes a character on disk, 23.8 and
   * 14.4 by `navigator.storage.estimate` (what the budget is checked against).
   */
  bytesPerTextChar: 16,
} as const;

/** About how many bytes an article will take in the store (STORE_BUDGET.bytesPerTextChar). */
export function storedBytesOf(article: { text: string; title?: string }): number {
  return (article.text.length + (article.title?.length ?? 0)) * STORE_BUDGET.bytesPerTextChar;
}

/** Why a capture was not stored, for the popup. */
export interface CaptureRefusal {
  kind: 'rate' | 'budget' | 'too-large';
  message: string;
}

/** Captures counted per tab and per site over a sliding window (in memory: a restarted worker starts afresh). */
export interface RateLimit {
  /** Counts a capture for the tab and the host's site, or, when either is at its limit, counts nothing and says why. */
  admit(tabId: number | undefined, host: string): CaptureRefusal | undefined;
}

export function createRateLimit(
  now: () => number = () => Date.now(),
  limits: { windowMs: number; perTab: number; perSite: number } = CAPTURE_LIMITS,
  counted: keyof typeof COUNTED = 'captures',
): RateLimit {
  const { what, stopped } = COUNTED[counted];
  const seen = new Map<string, number[]>();
  const recent = (key: string, t: number): number[] => {
    const times = (seen.get(key) ?? []).filter((at) => at > t - limits.windowMs);
    if (times.length) seen.set(key, times);
    else seen.delete(key);
    return times;
  };
  return {
    admit(tabId, host) {
      const t = now();
      // Forget keys no longer counted, so the map stays as small as the last minute's activity.
      for (const key of [...seen.keys()]) recent(key, t);
      const tabKey = tabId === undefined ? undefined : `tab:${tabId}`;
      const site = siteOf(host);
      const siteKey = `site:${site}`;
      if (tabKey && recent(tabKey, t).length >= limits.perTab) {
        return {
          kind: 'rate',
          message: `This tab opened more than ${limits.perTab} ${what} in a minute; Parallax stopped ${stopped} them for a moment. Reload the page in a minute to store it.`,
        };
      }
      if (recent(siteKey, t).length >= limits.perSite) {
        return {
          kind: 'rate',
          message: `${site} sent more than ${limits.perSite} ${what} in a minute; Parallax stopped ${stopped} them for a moment. Reload the page in a minute to store it.`,
        };
      }
      if (tabKey) seen.set(tabKey, [...recent(tabKey, t), t]);
      seen.set(siteKey, [...recent(siteKey, t), t]);
      return undefined;
    },
  };
}

/** A key-value area (browser.storage.local). */
export interface SettingsArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** The store's size budget: the reader's setting, and whether the store is over it. */
export interface StoreBudget {
  /** Bytes allowed. */
  get(): Promise<number>;
  /** Sets the budget (at least STORE_BUDGET.minBytes); returns what was set. */
  set(bytes: number): Promise<number>;
  /**
   * A refusal when the store uses its whole budget, or would with `incoming` bytes more; undefined when
   * there is room or the use cannot be known.
   */
  check(incoming?: number): Promise<CaptureRefusal | undefined>;
  /**
   * Which of articles of the given sizes (bytes, in order) fit together in what is left of the budget: each
   * that fits is counted against what is left, one that does not is passed over for the next. With the
   * refusal for those that do not fit; all fit when the use cannot be known.
   */
  fitting(sizes: readonly number[]): Promise<{ fits: boolean[]; refusal?: CaptureRefusal }>;
}

const MB = 1024 * 1024;

/** "40 KB", "512 MB", "1.5 GB" — the popup's and the refusals' way of giving a size. */
function sizeOf(bytes: number): string {
  if (bytes >= 1024 * MB) return `${(bytes / (1024 * MB)).toFixed(1)} GB`;
  if (bytes >= MB) return `${Math.round(bytes / MB)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function createStoreBudget(area: SettingsArea | undefined, estimate: (() => Promise<{ usage?: number }>) | undefined): StoreBudget {
  let cached: number | undefined;
  const get = async (): Promise<number> => {
    if (cached !== undefined) return cached;
    const items = area ? await area.get(STORE_BUDGET.key).catch(() => ({}) as Record<string, unknown>) : {};
    const stored = items[STORE_BUDGET.key];
    cached = typeof stored === 'number' && Number.isFinite(stored) && stored >= STORE_BUDGET.minBytes ? stored : STORE_BUDGET.defaultBytes;
    return cached;
  };
  const fitting: StoreBudget['fitting'] = async (sizes) => {
    const all = { fits: sizes.map(() => true) };
    if (!estimate) return all;
    let usage: number | undefined;
    try {
      usage = (await estimate()).usage;
    } catch {
      return all;
    }
    if (usage === undefined) return all;
    const budget = await get();
    let total = usage;
    let largestRefused = 0;
    const fits = sizes.map((size) => {
      if (total + size >= budget) {
        largestRefused = Math.max(largestRefused, size);
        return false;
      }
      total += size;
      return true;
    });
    if (fits.every(Boolean)) return { fits };
    const left = Math.max(0, budget - total);
    return {
      fits,
      refusal: {
        kind: 'budget',
        message:
          usage >= budget
            ? `Parallax's store is full: it uses ${sizeOf(usage)} of the ${sizeOf(budget)} you allowed, so this article was not stored. Delete older articles or raise the limit on the options page.`
            : `Parallax's store is nearly full: ${sizeOf(left)} is left of the ${sizeOf(budget)} you allowed, and this article needs about ${sizeOf(largestRefused)}, so it was not stored. Delete older articles or raise the limit on the options page.`,
      },
    };
  };
  return {
    get,
    async set(bytes) {
      if (typeof bytes !== 'number' || !Number.isFinite(bytes)) throw new Error('give the budget as a number of bytes');
      const value = Math.max(STORE_BUDGET.minBytes, Math.round(bytes));
      await area?.set({ [STORE_BUDGET.key]: value });
      cached = value;
      return value;
    },
    fitting,
    async check(incoming = 0) {
      return (await fitting([incoming])).refusal;
    },
  };
}
