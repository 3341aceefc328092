/**
 * Settings of the extension layer (lib/extension): batching, retries and
 * timings of the background, content script and options page. The capture
 * limits and the store budget are in capture-limits.ts beside their checks.
 */

/**
 * Lines per message, and per transaction in the background (its articles are
 * planned together and written once, so a term or story several of them
 * change is read and written once). Measured with `npm run bench:browser --
 * --levels 10k --import-probe` (1,347 articles): 25 lines gave 144 IndexedDB
 * requests an article and 16 articles/s, 100 lines 101 requests and 18–20
 * articles/s. With the batch's reads made ahead (lib/corpus/batch.ts), 100
 * lines gave 102 requests and 21.7 articles/s, 400 lines 68 requests and
 * 30.0 articles/s, in runs made one after the other on a loaded machine
 * (fewer term and story-key reads and term writes per article). A message of
 * 400 articles keeps the worker busy 10–30 seconds, far from the five minutes
 * after which the browser stops it; one whose answer is lost costs that much
 * work again.
 */
export const IMPORT_BATCH_SIZE = 400;
/**
 * A batch is also sent once its articles hold this many characters of text and title: the browser refuses a
 * message over 64 MiB, and an article may hold up to ARTICLE_LIMITS.maxTextLength (2 M) characters, so 400
 * long ones would not travel. 8 M characters stay under the limit even at three bytes a character.
 */
export const IMPORT_BATCH_MAX_CHARS = 8_000_000;
/**
 * Times a batch whose answer never came is sent again. The browser stops an
 * idle service worker after 30 seconds and a busy one after five minutes,
 * dropping the reply of the batch it was storing; the next message starts
 * it again. Storing is idempotent (an address stored twice is one article),
 * so sending the batch again stores nothing twice.
 */
export const IMPORT_RETRIES = 2;
/** Pause before sending a batch again, giving the browser time to start the background anew. */
export const IMPORT_RETRY_DELAY_MS = 500;

/** Item problems kept per feed for the options page, newest first. */
export const MAX_FEED_PROBLEMS = 10;

/**
 * The alarm also repeats at this period: if the service worker is stopped in
 * the middle of a poll, before it sets the next alarm, polling still resumes.
 */
export const FEED_ALARM_BACKSTOP_MINUTES = 60;

/**
 * The content script reads and marks a page in slices of about this many
 * milliseconds, then lets the page run (lib/dom/time-slice.ts), so that it
 * holds the page's main thread for less than the 50 ms after which the
 * browser counts a long task. A step is never cut, so a slice overruns by its
 * last step. Measured with `npx tsx scripts/bench/longtask.ts --extension DIR
 * --only generated,fixtures --runs 3 --no-plain` on builds differing only
 * here (one session, loaded 2-core machine; tasks over 50 ms in 3 runs of the
 * generated 2,000-paragraph page / of the 5 saved pages): 30 ms: 6 / 6
 * (median longest 199 ms); 15 ms: 4 / 5 (167 ms); 8 ms: 3 / 6 (194 ms). What
 * was left at 15 was mostly Readability's parse (one call) and the script's
 * start; 8 gains nothing clear for twice the pauses. Measured while the
 * extraction still ran on the page; it now runs in the background, and the
 * slices hold serialising the page and sending it, and the page's text
 * reading, anchoring and marking.
 */
export const SLICE_BUDGET_MS = 15;

/**
 * The content script serialises the page (lib/dom/serialize.ts) a subtree of
 * at most this many elements at a time, so that one call of the browser's
 * serialiser stays well inside a slice. The largest Dragnet page (T55, 883
 * kB, about 10,000 elements) took 39–110 ms in one call on the loaded 2-core
 * machine, about 5–10 µs an element: 1,000 elements are 5–10 ms.
 */
export const SERIALIZE_PIECE_ELEMENTS = 1000;

/**
 * Characters of the page's HTML per message to the background
 * (lib/messaging/page-port.ts). Handing a message to the browser cost the page
 * 26–37 ms for the generated 412 k-character page and 86–114 ms for Dragnet's
 * T55 (904 k characters) in one message, about 0.1 ms per thousand characters
 * on the loaded machine; but parts of 64 k characters still took 24–32 ms each
 * in a trace with the machine at load 8–10, hence 16 k.
 */
export const PAGE_PART_CHARS = 16_384;

/** SPA pages render their next article after the URL changes; give them a moment (a judgement, not fitted). */
export const NAVIGATION_SETTLE_MS = 600;

/**
 * How long the offscreen document stays open after its last page (a
 * judgement: a feed poll reads its pages one after another, a few seconds
 * apart at most; an open document is a renderer process kept alive).
 */
export const OFFSCREEN_IDLE_MS = 30_000;
