/**
 * The extractor's settings: what reads as an article, and where furniture
 * ends. Tuned on the Dragnet training split only
 * (`npx tsx scripts/eval/extraction.ts --split training`); each figure below
 * says what it was chosen from.
 */
export const EXTRACT = {
  /**
   * Below this many characters of text, a page is a stub, a teaser or a
   * caption. Readability's own threshold for a candidate body is 500.
   */
  minTextChars: 500,
  /** A block "reads as prose" with at least this many words and a sentence end. */
  proseBlockWords: 8,
  /**
   * Fewer sentences than this in prose blocks is a label list, not a report.
   * No floor on paragraphs: one of 3 paragraphs (or 6 sentences) refused 18
   * Dragnet training pages whose hand-cut text is article-length (500+
   * characters), short reports set as one or two blocks.
   */
  minSentences: 4,
  /** Share of the text that must sit in prose blocks; the rest is lists, labels or links. */
  minProseShare: 0.5,
  /**
   * After a teaser label ("Most read", "More from …"), blocks are skipped
   * until a paragraph of prose this long, outside any list and without links:
   * teasers are list items, links and their one-line summaries.
   */
  teaserEndChars: 80,
} as const;
