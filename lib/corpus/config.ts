/**
 * Limits of the corpus's work per write. They bound the cost of one capture
 * on a large store; none decides what matches (the matcher's thresholds live
 * in lib/match/config.ts).
 */
export const CORPUS_LIMITS = {
  /** Story profiles read per capture, those sharing most look-up keys first. */
  maxCandidateStories: 50,
  /** A story's articles the new article is matched against, most recent first (long-running stories grow). */
  maxStoryArticlesMatched: 60,
  /** Articles read per step while exporting. */
  exportPage: 200,
} as const;
