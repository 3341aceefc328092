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
 * Within one story a link needs this probability from the pair scorer. Chosen on
 * ECB+ topics 1–11 (sentences of one event sharing a cross-document event chain;
 * `npx tsx scripts/eval/ecbplus.ts --tune`): the lowest threshold keeping link
 * precision ≥ 0.90 there — 0.5: P 97.2 % (0.6: 96.2, 0.7: 94.4); recall against
 * every chain-sharing pair is ~1 % at any threshold, the prefilter bounds it.
 */
export const CLAIM_LINK_THRESHOLD = 0.5;
/**
 * A stem counts as prefilter evidence from this idf (sentence-level statistics)
 * up. ECB+ topics 1–11 at threshold 0.5: idf ≥ 2 → P 94.4 R 0.2; ≥ 1.5 → P 96.7
 * R 0.6; ≥ 1 → P 97.2 R 1.1 (chosen).
 */
export const CLAIM_PREFILTER_MIN_IDF = 1;
/** At most this many candidates per sentence go to the scorer. */
export const CLAIM_PREFILTER_TOP = 40;
/** Two claim groups merge only when this share of their cross-outlet member pairs are linked. */
export const CLAIM_GROUP_DENSITY = 0.5;
/**
 * A quotation shared by two sentences, of at least this many words, links them
 * whatever the rest of the sentences say (a judgement, not fitted: a 4-word
 * verbatim quote of a speaker is the claim itself).
 */
export const CLAIM_QUOTE_MIN_WORDS = 4;
/** The score such a quotation link gets at least. */
export const CLAIM_QUOTE_PROBABILITY = 0.75;
