/**
 * Story grouping settings, each with the measurement that chose it.
 * Tuned on Multi-News clusters 0–249 and ECB+ topics 1–11 only
 * (`npx tsx scripts/eval/multinews.ts --tune`, `npx tsx scripts/eval/ecbplus.ts --tune-stories`);
 * reported on clusters 250–499 and ECB+ topics 12+ by `npx tsx scripts/eval.ts multinews ecbplus`.
 * Tuning figures below are B-cubed F1 on Multi-News 0–249 (all documents) and
 * same-story pair precision on ECB+ 1–11.
 */
export const STORY = {
  /** Title stems count this many times a body occurrence. */
  titleBoost: 3,
  /** Terms kept per article vector (the contract says ≤ ~40). */
  maxTerms: 40,
  /** Terms kept in a story's centroid. */
  maxProfileTerms: 60,
  maxNames: 15,
  maxProfileNames: 30,
  /** Member vectors a story keeps for comparison besides its centroid (4: F1 81.8, 8: 82.8, 16: 81.9). */
  maxMembers: 8,
  /** Index keys per article/profile (8 terms + 3 names: F1 82.6; 15 + 5: 83.4, ECB+ recall 91.7 → 93.8). */
  keyTerms: 15,
  keyNames: 5,
  /** Shared names are counted against the smaller list, capped at this many. */
  nameOverlapCap: 8,
  /** Share of the similarity given to shared proper names (the rest: term cosine). */
  nameWeight: 0.15,
  /**
   * Both sides need this many names for a name disagreement to count (0: never).
   * ECB+ 1–11: off P 68.7 R 93.9 (591 cross-event pairs); 3/top 2: P 72.3 R 89.9 (476);
   * 3/top 1: P 71.5 R 82.4; 5/top 2: P 68.0. No effect on Multi-News (its text is mostly lower-case).
   */
  conflictNames: 3,
  /** Leading names of each side looked for among the other's names. */
  conflictTop: 2,
  /** Pseudo-documents added to article-level term counts (batch). 0: F1 82.7, 50: 82.8, 200: 83.0 (ECB+ P 72.3 → 76.5). */
  priorDocs: 200,
  /** The same prior in sentences (about 20 a news article), for a store that counts sentences: `storyTermStats(stats, STORY.priorSentences)`. */
  priorSentences: 4000,
  /** Minimum similarity to join a story (0.10: F1 79.5, 0.12: 81.9, 0.13: 82.8, 0.16: 82.4, 0.2 on content only: 86.4). */
  threshold: 0.13,
  /** Articles more than this many days outside a story's time span never join it. */
  windowDays: 4,
};
