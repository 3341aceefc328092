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

/**
 * Within one story a link needs this probability from the pair scorer (stricter
 * than PAIR_THRESHOLD: the topic words every sentence of a story shares lift
 * the scores). Chosen on ECB+ topics 1–11 sentence links (sentences sharing a
 * cross-document event chain): see scripts/eval/ecbplus.ts --tune.
 */
export const CLAIM_LINK_THRESHOLD = 0.8;
/** A stem counts as prefilter evidence from this idf (sentence-level statistics) up. */
export const CLAIM_PREFILTER_MIN_IDF = 2;
/** At most this many candidates per sentence go to the scorer. */
export const CLAIM_PREFILTER_TOP = 40;
/** Two claim groups merge only when this share of their cross-outlet member pairs are linked. */
export const CLAIM_GROUP_DENSITY = 0.5;
