/**
 * Settings of the capture pipeline, in one place.
 *
 * Limits of the corpus's work per write. They bound the cost of one capture
 * on a large store; none decides what matches (the matcher's thresholds live
 * in lib/match/config.ts).
 */
export const CORPUS_LIMITS = {
  /**
   * Story profiles read per capture, those sharing most look-up keys first.
   * A recurring topic leaves many past stories with the same keys; with 50,
   * half of the articles of the 1M-sentence benchmark (66 past stories per
   * topic) missed their own story, which the time window then finds among 200.
   */
  maxCandidateStories: 200,
  /** A story's articles the new article is matched against, most recent first (long-running stories grow). */
  maxStoryArticlesMatched: 60,
  /**
   * Articles a new one is matched against: the most recent independent
   * reports of other outlets (lib/pipeline/families.ts matchPartners). Each one
   * adds up to CLAIM_SCORED_PER_SENTENCE full pair scores per sentence, the
   * cost of a capture (about 1 ms a pair in Node); a card is read for a
   * handful of outlets, and older articles keep the links they already have.
   */
  maxPartnerArticles: 8,
  /** Articles per export message: long articles run to ~50 kB, well inside a runtime message's size limit. */
  exportPage: 200,
} as const;

/**
 * The longest article body stored. The longest hand-cut main text of the
 * 1,381 Dragnet pages (`gold/*.txt`, comments cut off) is 251,307
 * characters, and the largest expected output of the 130 Readability test
 * pages is 418,604 bytes of HTML (measured 2026-12-01 over
 * ../shared/eval); 2,000,000 leaves several times that and keeps one
 * capture's work bounded.
 * (Titles, names and bylines are cut to the text layer's TEXT_LIMITS.)
 */
export const ARTICLE_LIMITS = {
  maxTextLength: 2_000_000,
  /**
   * The longest page, as characters of HTML, that the content script sends to
   * the background to be read. The largest page of the 1,381 Dragnet pages is
   * 904,590 bytes and of the 130 Readability test pages 1,630,750 (measured
   * 2026-12-01 over ../shared/eval); 8,000,000 leaves five times that, and
   * even escaped six bytes a character (control characters in JSON) stays
   * under a runtime message's limit of 64 MiB.
   */
  maxPageHtmlChars: 8_000_000,
} as const;

/** Stories listed by the store's stats() for exporting one of them (lib/corpus/corpus.ts). A judgement, not fitted. */
export const RECENT_STORIES = 50;
