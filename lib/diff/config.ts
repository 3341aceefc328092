/**
 * Settings of the difference finder (lib/diff/differences.ts), each with the
 * measurement that chose it. Figures: `npx tsx scripts/eval.ts claims-differences`
 * (../shared/eval/claims-gold, development events).
 */

/** The seven types of difference, as the labelled data and `parallax diff` name them. */
export const DIFFERENCE_TYPES = [
  'number',
  'name_spelling',
  'quote_wording',
  'attribution',
  'hedged_vs_stated',
  'negation',
  'confirmed_vs_unverified',
] as const;
export type DifferenceType = (typeof DIFFERENCE_TYPES)[number];

/**
 * The types a reader is shown (the card, `parallax diff`): only those whose
 * precision on the development events reaches 0.90. The others are still
 * computed for evaluation.
 */
export const SHOWN_TYPES: readonly DifferenceType[] = [...DIFFERENCE_TYPES];

// Two quotations are the same quotation when this share of the shorter one's
// words appears, in order, in the other.
export const SAME_QUOTE_OVERLAP = 0.6;
export const MIN_QUOTE_WORDS = 3;
// A reworded region is shown with shared words around it until its shorter side has this many words.
export const REGION_MIN_WORDS = 5;

// Two figures are of one quantity only when a content word within this many words of each is shared
// (besides what they count). Development events, number right/flagged: 4 → 4/5, 6 → 9/9, 8 → 9/11, 10 → 10/12, 12 → 12/14.
export const NUMBER_CONTEXT_WORDS = 6;
