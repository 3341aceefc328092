/**
 * Bounds of the text layer. Text reaches the engine from pages, feeds and
 * files nobody vouches for, so every step that is not linear in its input
 * works on pieces of a bounded size.
 */
export const TEXT_LIMITS = {
  /**
   * Tokens longer than this are kept (offsets stay exact) but neither stemmed
   * nor compared letter by letter: the stemmer is quadratic in a word's length
   * and a 40-letter "word" is a slug, a hash or junk, not a claim's word.
   * Measured: 1 token in 209,794 of the Multi-News dev documents is longer
   * (a URL slug); the longest English words are under 30 letters.
   */
  maxTokenChars: 40,
  /** Longest title kept; longer ones are cut. Readability's 127 test pages: longest title 111 characters. */
  maxTitleChars: 300,
  /** Longest outlet name kept. Readability's test pages: longest site name 38 characters. */
  maxOutletChars: 100,
  /** Longest byline kept. Readability's test pages: longest byline 88 characters (several authors run longer). */
  maxBylineChars: 300,
  /**
   * A "sentence" longer than this (a line with no sentence punctuation: a
   * list, a table flattened to text, junk) is cut into pieces of at most this
   * many characters at spaces, so that every step after segmentation works on
   * bounded pieces. Measured: the longest of the 8,824 sentences of the
   * Multi-News dev documents has 1,869 characters, the 99.9th percentile 992.
   */
  maxSentenceChars: 2_000,
} as const;

/** `text` cut to at most `max` UTF-16 units, never through a surrogate pair. */
export function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

// Language guessing (lib/text/language.ts). Judgements, not fitted.

/** Below this many words a text says too little to be placed. A judgement, not fitted. */
export const MIN_WORDS = 4;
/** Words at which the length of a text stops limiting the confidence. A judgement, not fitted. */
export const FULL_LENGTH_WORDS = 20;
/**
 * Weighted share of function words at which coverage stops limiting the
 * confidence. Running prose has some 40% of its words among its language's
 * most frequent fifty; after down-weighting the shared ones, 0.2 is well
 * inside what any prose reaches. A judgement, not fitted.
 */
export const FULL_COVERAGE = 0.2;
/**
 * Different function words at which variety stops limiting the confidence.
 * A sentence of a language uses several of its function words; a language
 * outside the profiles matches only a few short ones by chance (Polish
 * "do", "o", "a" are Portuguese words too). A judgement, not fitted.
 */
export const FULL_VARIETY = 6;
/** Guesses below this confidence are reported as "und". A judgement, not fitted. */
export const MIN_CONFIDENCE = 0.2;

// Segmentation and analysis (lib/text/segment.ts, lib/text/analyse.ts): bounds on how far a pattern looks.

/** A list marker ("2.", "• a.") with the spaces around it is never longer than this. A judgement, not fitted. */
export const LIST_MARKER_SPAN = 16;
/** "At 5 a.m.": the time phrase that may open a sentence is three words, well within this. A judgement, not fitted. */
export const TIME_PHRASE_SPAN = 40;
/**
 * A subject, appositive included, ends within this many characters before its
 * verb; reading no further keeps a sentence of many verbs linear. A judgement, not fitted.
 */
export const SUBJECT_WINDOW = 300;

// Caches (lib/text/bounded-cache.ts): entries each keeps before it is emptied whole.

/** Stems of words seen (lib/text/tokens.ts); a reader's vocabulary stays far below the bound. A judgement, not fitted. */
export const STEM_CACHE_LIMIT = 200_000;
/** Word lists of quotations (lib/text/tokens.ts quotationWords). A judgement, not fitted. */
export const QUOTATION_WORD_CACHE_LIMIT = 20_000;
