/**
 * Settings of the feed layer: how often feeds are polled, how much of them is
 * read, and what is stored. Interface and politeness limits chosen by hand,
 * not fitted; each says what it rests on.
 */

// Polling (lib/feeds/poller.ts).

/** Minutes between polls of a feed unless the reader chooses otherwise. A judgement, not fitted. */
export const DEFAULT_INTERVAL_MINUTES = 60;
/** Polling more often than this gains nothing from news sites and burdens them. A judgement, not fitted. */
export const MIN_INTERVAL_MINUTES = 5;
/** Longest wait after repeated failures (the delay doubles per failure up to this): one day. A judgement, not fitted. */
export const MAX_BACKOFF_MS = 24 * 60 * 60 * 1000;
/** Item guids (or URLs) remembered per feed as already handled. A judgement, not fitted. */
export const SEEN_LIMIT = 500;
/** New items fetched per poll; the rest wait for the next one. A judgement, not fitted. */
export const DEFAULT_MAX_ITEMS_PER_POLL = 10;
/** When a poll leaves new items for later, the next poll comes this soon. A judgement, not fitted. */
export const BACKLOG_DELAY_MINUTES = 10;
/** Largest feed document read, in bytes. A judgement, not fitted. */
export const MAX_FEED_BYTES = 5 * 1024 * 1024;
/** Largest article page read, in bytes. A judgement, not fitted. */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;
/** Redirects followed per fetch. A judgement, not fitted. */
export const MAX_REDIRECTS = 5;

// Fetching (lib/feeds/fetch-limited.ts).

/** A fetch not finished in this many milliseconds is abandoned. A judgement, not fitted. */
export const DEFAULT_TIMEOUT_MS = 30_000;

// Reading a feed (lib/feeds/parse.ts, lib/feeds/dates.ts).

/**
 * Items kept from one feed document: the newest this many. A news feed lists
 * its last 10 to 100 stories; a feed of 100,000 items is a mistake or an
 * attack, and only its newest items could ever be fetched anyway (the poller
 * fetches DEFAULT_MAX_ITEMS_PER_POLL a poll and remembers SEEN_LIMIT). A judgement, not fitted.
 */
export const MAX_FEED_ITEMS = 200;
/** Longest text read as a date. A judgement, not fitted. */
export const MAX_DATE_CHARS = 100;

// Checking a fetched article (lib/feeds/article-check.ts).

/**
 * A news brief runs to about a hundred words; below this, the extraction has
 * most likely caught a teaser, a paywall notice or a caption. A judgement, not fitted.
 */
export const MIN_ARTICLE_WORDS = 80;
/** A guess of another language below this confidence is not enough to turn an article away. A judgement, not fitted. */
export const OTHER_LANGUAGE_CONFIDENCE = 0.4;
/**
 * English prose has some 40% of its words among its commonest fifty; a long
 * text with under a tenth of them is not English, whatever else it is. A judgement, not fitted.
 */
export const MIN_ENGLISH_SHARE = 0.1;
/** Enough text to tell a language; the rest of a long article adds nothing. A judgement, not fitted. */
export const SAMPLE_CHARS = 4000;
