/**
 * Scores and thresholds of the matcher, each beside the measurement that chose it.
 */

/**
 * Pair scorer: `same` when the probability exceeds this. The mean over the 10
 * folds of the accuracy-optimal threshold chosen on each training part
 * (`npm run fit`, MRPC train, 4,076 pairs): 0.527 → CV accuracy 76.2 %, F1 82.9.
 * Rounded to 0.5 since the held-out data is scored independently and the CV
 * optimum is flat around it.
 */
export const PAIR_THRESHOLD = 0.5;

// ---------------------------------------------------------------------------
// Claim grouping (lib/match/claims.ts) — thresholds added by its owner below.
// ---------------------------------------------------------------------------
