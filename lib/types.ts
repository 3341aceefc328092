/**
 * The JSON-safe shapes shared by the engine, the store, the messages and the
 * command line. Times cross as ISO strings or epoch milliseconds, never Dates.
 */

/** One article as it arrives: from a page, a feed, or a JSON Lines import. */
export interface ArticleInput {
  /** Stable id if the source has one; otherwise derived from the canonical URL. */
  id?: string;
  /** Canonical URL. */
  url: string;
  /** Outlet name as a reader knows it ("The Daily Ledger"). */
  outlet: string;
  title: string;
  byline?: string;
  /** ISO 8601. */
  publishedAt?: string;
  /** Plain text of the article body, paragraphs separated by blank lines. */
  text: string;
  /** BCP 47 language tag when known ("en", "en-GB"). */
  lang?: string;
}

export type ArticleSource = 'page' | 'feed' | 'import';

/** An article as stored. */
export interface Article extends ArticleInput {
  id: string;
  /** Host name of `url`, lower-cased, without "www.". */
  host: string;
  storyId: string;
  source: ArticleSource;
  /** Epoch ms of the first capture. */
  capturedAt: number;
  /** Epoch ms of the last update of this record. */
  updatedAt: number;
  sentenceCount: number;
  /**
   * Id of the article this one reprints (a wire copy), when the text is a
   * near-duplicate of an earlier article from another outlet.
   */
  reprintOf?: string;
}

/** A sentence of an article's `text`: `text.slice(start, end) === sentence.text`. */
export interface SentenceSpan {
  index: number;
  start: number;
  end: number;
  text: string;
}

export interface StoredSentence extends SentenceSpan {
  /** `${articleId}#${index}` */
  id: string;
  articleId: string;
  storyId: string;
  /** Normalised search terms (stems of content words), for the multi-entry index. */
  terms: string[];
}

/** Why two sentences were judged to state the same claim. */
export interface MatchReason {
  kind: 'shared-terms' | 'synonyms' | 'quotation' | 'numbers' | 'names';
  /** Human-readable evidence, e.g. ["withdrawal", "Esper"] or ["withdraw ~ pull out"]. */
  evidence: string[];
}

export type DifferenceKind = 'number' | 'name-spelling' | 'quote-wording' | 'attribution' | 'hedging' | 'verification' | 'negation';

/** One typed difference between two wordings of the same claim. */
export interface Difference {
  kind: DifferenceKind;
  /** The differing part as the first sentence has it ("sovereign decision ordering"). */
  a: string;
  /** The differing part as the second sentence has it ("sovereignty decision to order"). */
  b: string;
  /** A short plain-language label for the card ("number differs"). */
  label: string;
}

/** A scored, explained link between two sentences of different outlets. */
export interface SentenceLink {
  /** Sentence ids, `a` of the article being matched. */
  a: string;
  b: string;
  articleA: string;
  articleB: string;
  storyId: string;
  /** Probability-like score in [0, 1]. */
  score: number;
  reasons: MatchReason[];
  differences: Difference[];
}

/** How one other outlet reported a sentence's claim, as the card shows it. */
export interface OutletReport {
  outlet: string;
  articleId: string;
  url: string;
  title: string;
  publishedAt?: string;
  sentence: string;
  /** `url#:~:text=…`, opening the article scrolled to the sentence. */
  fragmentUrl: string;
  score: number;
  reasons: MatchReason[];
  differences: Difference[];
  /** Other outlets that reprinted this outlet's copy (wire copies), shown as one source. */
  reprintedBy?: string[];
}

export interface MarkedSentence extends SentenceSpan {
  reports: OutletReport[];
}

/** What the content script needs to mark a page. */
export interface PageAnnotation {
  articleId: string;
  storyId: string;
  outlet: string;
  /** The other outlets covering the same story (independent sources only). */
  storyOutlets: string[];
  sentenceCount: number;
  /** Only sentences with at least one report from another outlet. */
  marked: MarkedSentence[];
}

/* Store shapes: what the capture pipeline plans and the store (IndexedDB, or the in-memory corpus) keeps. */

/** An article as stored, with what the store needs besides the shared shape. */
export interface ArticleRecord extends Article {
  /** Stems of the title, for the popup search (multi-entry index). */
  titleTerms: string[];
  /** Story features of this article, kept so story profiles can be rebuilt after deletions. */
  features?: StoryFeatures;
}

export interface StoryRecord extends StoryProfile {
  /** Look-up keys of the profile (`storyKeys`), multi-entry index for candidate stories. */
  keys: string[];
}

export type LinkRecord = SentenceLink;

/** A story's claim groups: sentences of different outlets stating one claim (groupClaims over its links; a sentence may be in several). */
export interface ClaimsRecord {
  storyId: string;
  groups: { id: string; sentenceIds: string[] }[];
}

/** One stem of the vocabulary. */
export interface TermRecord {
  term: string;
  /** Number of stored sentences containing the stem. */
  df: number;
  /** Number of stored articles containing the stem in a sentence (story grouping's idf); absent before version 3. */
  articleDf?: number;
  /** Number of stored article titles containing the stem (search vocabulary only). */
  titleDf?: number;
  /** Character trigrams of the stem, for typo-tolerant query expansion. */
  grams: string[];
}

/* Shapes the store answers with and the extension's pages show. */

export interface PauseState {
  everywhere: boolean;
  /** Host names where capture is paused. */
  hosts: string[];
}

export interface SearchHit {
  sentenceId: string;
  articleId: string;
  storyId: string;
  outlet: string;
  title: string;
  url: string;
  fragmentUrl: string;
  /** The matched sentence, or the title when the hit is on the title. */
  text: string;
  field: 'sentence' | 'title';
  /** [start, end) ranges of `text` that matched, for highlighting. */
  highlights: [number, number][];
  score: number;
}

export interface SearchGroup {
  storyId: string;
  /** A title standing for the story (its earliest article's). */
  storyTitle: string;
  outlets: string[];
  hits: SearchHit[];
}

export interface PageSummary {
  known: boolean;
  articleId?: string;
  title?: string;
  outlet?: string;
  markedCount: number;
  sentenceCount: number;
  /** Other outlets covering the story. */
  storyOutlets: string[];
}

/**
 * What became of the open page, as its content script saw it: the popup says
 * why a page was not stored and offers to store it anyway.
 */
export interface PageStatus {
  state: 'reading' | 'stored' | 'paused' | 'not-article' | 'too-large' | 'rejected' | 'failed';
  /** Why the page was not stored, in plain words (the extractor's or the background's). */
  reason?: string;
  /** Whether storing it anyway may succeed: false when the refusal holds either way (another site's address, too large). */
  canStoreAnyway: boolean;
}

/** The answer to "store this page anyway". */
export interface StoreAnywayReply {
  stored: boolean;
  /** Why not, in plain words. */
  reason?: string;
}

export interface OutletStats {
  outlet: string;
  articles: number;
}

export interface StoryStats {
  id: string;
  title: string;
  articles: number;
}

export interface StoreStats {
  articles: number;
  sentences: number;
  stories: number;
  outlets: OutletStats[];
  /** The most recently active stories, for exporting one of them. */
  recentStories?: StoryStats[];
  /** Bytes used by this extension's origin, and the quota, from navigator.storage.estimate(). */
  usage?: number;
  quota?: number;
  /** Bytes the reader allows the store (captures are refused beyond it). */
  budget?: number;
}

/** A failed write, kept so the options page and popup can tell the reader what happened. */
export interface StorageProblem {
  /** Plain-language account ("The browser's storage is full: …"). */
  message: string;
  /** Epoch ms. */
  at: number;
}

/** A subscribed feed and where its polling stands. JSON-safe, stored as is. */
export interface FeedState {
  id: string;
  url: string;
  /** The feed's own title, as of the last successful poll. */
  title?: string;
  /** Outlet name the reader chose for this feed's articles. */
  outlet?: string;
  intervalMinutes: number;
  etag?: string;
  lastModified?: string;
  /** Epoch ms of the last attempt, successful or not. */
  lastFetchAt?: number;
  /** Plain-language reason of the last failed poll; absent after a success. */
  lastError?: string;
  articlesAdded: number;
  /** Epoch ms. */
  nextPollAt: number;
  /** Failed polls in a row. */
  failures: number;
  /** guids (or URLs) of items already handled, oldest first, capped at SEEN_LIMIT. */
  seen?: string[];
}

export type FeedType = 'rss' | 'atom' | 'json';

export interface DiscoveredFeed {
  url: string;
  title?: string;
  type: FeedType;
}

/* Story grouping: an article's features and a story's profile, as the engine computes and the store keeps them. */

export interface StoryFeatures {
  /** Top weighted stems (tf-idf, title-boosted), L2-normalised; in a profile, the mean of its articles' vectors. */
  terms: Record<string, number>;
  /** Proper names, lower-cased, most frequent first. */
  names: string[];
  /** Epoch ms. */
  time?: number;
}

export interface StoryProfile {
  id: string;
  features: StoryFeatures;
  articleCount: number;
  firstSeen: number;
  lastSeen: number;
  title: string;
  /** Feature vectors of up to `STORY.maxMembers` member articles (the first ones); absent in older stores. */
  members?: StoryFeatures[];
}

/* An import's progress and outcome, as the options page shows them. */

export interface ImportProgress {
  /** Non-blank lines handled so far. */
  done: number;
  /** Non-blank lines in the file. */
  total: number;
}

export interface ImportReport {
  total: number;
  stored: number;
  updated: number;
  /** Refused lines, by line number, each with its reason. */
  errors: { line: number; message: string }[];
}
