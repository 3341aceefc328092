/**
 * Story grouping settings, each with the measurement that chose it.
 * Tuned on Multi-News clusters 0–249 only (`npx tsx scripts/eval/multinews.ts --tune`);
 * reported on clusters 250–499 and ECB+ by `npm run eval`.
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
  /** Member vectors a story keeps for comparison besides its centroid. */
  maxMembers: 8,
  /** Index keys per article/profile. */
  keyTerms: 15,
  keyNames: 5,
  /** Shared names are counted against the smaller list, capped at this many. */
  nameOverlapCap: 8,
  /** Share of the similarity given to shared proper names (the rest: term cosine). */
  nameWeight: 0.15,
  /** Both sides need this many names for a name disagreement to count (0: never). */
  conflictNames: 3,
  /** Leading names compared for a disagreement. */
  conflictTop: 2,
  /** Pseudo-documents added to article-level term counts (batch). */
  priorDocs: 50,
  /** The same prior in sentences, for a store that counts sentences. */
  priorSentences: 1000,
  /** Minimum similarity to join a story. */
  threshold: 0.13,
  /** Articles more than this many days outside a story's time span never join it. */
  windowDays: 4,
};
