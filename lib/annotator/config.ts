/**
 * Settings of the in-page layer (marks, card). These are interface timings
 * and distances, chosen by hand on the demo pages, not fitted.
 */

/** A pointer passing over a mark on its way elsewhere should not pop a card. */
export const HOVER_DELAY_MS = 250;
/** Time to cross the gap between the sentence and the card. */
export const CLOSE_DELAY_MS = 300;
/** Pages re-render in bursts; re-anchor once they have settled. */
export const REANCHOR_DELAY_MS = 250;
/** Looks for sentences that were not on the page yet, at most this many times per annotation. */
export const MAX_LOOKS_FOR_MORE = 20;

/** Space between the sentence and the card, in CSS pixels. */
export const CARD_GAP = 8;
/** Space kept between the card and the window's edges, in CSS pixels. */
export const CARD_EDGE = 8;
/**
 * A card squeezed between its sentence and the next mark is worth it only if
 * it still shows one whole outlet's entry: 160 px holds the head, a two-line
 * sentence and the link at the card's type size (measured on the demo card).
 */
export const MIN_SQUEEZED_HEIGHT = 160;

/**
 * How often to look at `location.href` (lib/annotator/watch-navigation.ts).
 * Half a second is quicker than a reader notices and costs one string comparison.
 */
export const POLL_MS = 500;

/**
 * Anchoring a sentence by its head and tail (lib/dom/anchor.ts), when the
 * exact sentence is not in the page: characters taken from each end. A judgement, not fitted.
 */
export const EDGE_CHARS = 24;
/** The span found by head and tail may be at most this many times the sentence's length. A judgement, not fitted. */
export const MAX_SPAN_STRETCH = 1.25;
