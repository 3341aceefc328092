/**
 * Every message the background answers, with its payload and its reply.
 * Messages cross as JSON: offsets and ISO strings, never DOM objects or Dates.
 */
import type { ExtractResult } from '../extract/extract';
import type {
  ArticleInput,
  DiscoveredFeed,
  FeedState,
  PageAnnotation,
  PageStatus,
  PageSummary,
  PauseState,
  SearchGroup,
  StorageProblem,
  StoreAnywayReply,
  StoreStats,
} from '../types';

export type CaptureStatus = 'stored' | 'paused' | 'not-article' | 'rejected';

export interface CaptureReply {
  status: CaptureStatus;
  /** Present when stored: what to mark on the page. */
  annotation?: PageAnnotation;
  /** Plain-language reason when not stored. */
  message?: string;
  /** The refusal holds even when the reader asks to store the page anyway (its address, its size). */
  final?: boolean;
}

/** A followed feed as the options page shows it. */
export interface FeedView extends FeedState {
  /** Recent articles of the feed that were not stored, and why; newest first. */
  problems?: { url: string; reason: string }[];
}

export interface FollowFeedRequest {
  url: string;
  /** Outlet name for the feed's articles; the feed's own title when absent. */
  outlet?: string;
  intervalMinutes?: number;
}

/** One line of an import, already checked by the page. */
export interface ImportItem {
  line: number;
  article: ArticleInput;
}

export interface ImportBatchReply {
  /** Lines stored (new or updated). */
  stored: number;
  /** Of those, lines that replaced an article stored under the same address before the import began. */
  updated: number;
  /** The lines counted in `updated`. */
  updatedLines?: number[];
  /** Lines refused by the store, with the reason in plain words. */
  errors: { line: number; message: string }[];
}

export interface ExportRequest {
  storyId?: string;
  outlet?: string;
  /** Cursor from the previous page's `next`. */
  after?: number;
}

/** Message type → [payload, reply]. */
export interface ProtocolMap {
  /** Whether the sending page's site may be read at all (capture not paused there). */
  captureAllowed: [Record<string, never>, { allowed: boolean }];
  /**
   * `anyway`: the reader asked to store this page although it was not taken
   * (the popup's button): the pause and the article checks are passed over, the
   * validator and the address check are not.
   */
  capture: [{ article: ArticleInput; anyway?: boolean }, CaptureReply];
  /**
   * The article of the page the content script serialised (`html`, read from
   * `url`), extracted in the background so that the page's main thread is
   * not held by it; `anyway` as for the reader's "Store this page anyway".
   * The content script sends it in parts over a port (page-port.ts), which
   * the background hands to the router as this message once whole.
   */
  extractPage: [{ html: string; url: string; anyway?: boolean }, ExtractResult];
  annotate: [{ url: string }, PageAnnotation | null];
  /** `tabId`: the tab showing the page, whose captured article may be stored under another (canonical) address. */
  pageSummary: [{ url: string; tabId?: number }, PageSummary];
  search: [{ query: string; limit?: number }, SearchGroup[]];
  getPause: [{ host?: string }, PauseState];
  setPause: [{ scope: 'site'; host: string; paused: boolean } | { scope: 'everywhere'; paused: boolean }, PauseState];
  stats: [Record<string, never>, StoreStats];
  deleteOutlet: [{ outlet: string }, StoreStats];
  deleteAll: [Record<string, never>, StoreStats];
  /** Subscribed feeds and their state. */
  listFeeds: [Record<string, never>, FeedView[]];
  /** Subscribes (or updates the outlet name of) a feed; the page asked for the host permission first. */
  followFeed: [FollowFeedRequest, FeedView[]];
  unfollowFeed: [{ id: string }, FeedView[]];
  /** Polls one feed (or every feed) now, and answers when done. */
  pollFeeds: [{ id?: string }, FeedView[]];
  /** Feeds a web page advertises with <link rel="alternate">, read by the background. */
  discoverFeeds: [{ url: string }, DiscoveredFeed[]];
  /** `since`: when the import began (epoch ms); an article counts as updated only when stored before then. */
  importArticles: [{ items: ImportItem[]; since?: number }, ImportBatchReply];
  /**
   * Stored articles as JSON Lines (one article per string), a page at a time
   * (a runtime message has a size limit); `next` asks for the following page.
   */
  exportArticles: [ExportRequest, { lines: string[]; next?: number }];
  /** Deletes articles captured more than `days` days ago. */
  pruneOlderThan: [{ days: number }, { removed: number; stats: StoreStats }];
  /** The last failed write, if any since the background started or the last clear. */
  storageProblem: [{ clear?: boolean }, StorageProblem | null];
  /** Sets the store's size budget (bytes; at least STORE_BUDGET.minBytes). */
  setBudget: [{ bytes: number }, StoreStats];
}

export type MessageType = keyof ProtocolMap;
export type Payload<T extends MessageType> = ProtocolMap[T][0];
export type Reply<T extends MessageType> = ProtocolMap[T][1];

export interface Envelope<T extends MessageType = MessageType> {
  parallax: 1;
  type: T;
  payload: Payload<T>;
}

/** Every reply is wrapped so that errors cross as data, not as rejected promises with lost messages. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Messages a content script (a web page's context) may send. Anything else,
 * such as deleting data, is accepted only from the extension's own pages.
 */
export const CONTENT_SCRIPT_MESSAGES: ReadonlySet<MessageType> = new Set<MessageType>([
  'captureAllowed',
  'extractPage',
  'capture',
  'annotate',
]);

/*
 * Two messages that do not go to the background's router, named here with
 * the rest: the popup asks the open tab's content script for the feeds its
 * page advertises, and the background asks the offscreen document (Chrome)
 * to parse a fetched page.
 */

/** Popup → content script of the active tab; answered with `DiscoveredFeed[]`. */
export const PAGE_FEEDS_REQUEST = { parallax: 1, type: 'pageFeeds' } as const;
export type PageFeedsRequest = typeof PAGE_FEEDS_REQUEST;
export type PageFeedsReply = DiscoveredFeed[];

export function isPageFeedsRequest(message: unknown): message is PageFeedsRequest {
  return popupRequestType(message) === 'pageFeeds';
}

/** Popup → content script of the active tab: what became of the page; answered with a `PageStatus`. */
export const PAGE_STATUS_REQUEST = { parallax: 1, type: 'pageStatus' } as const;
export type PageStatusReply = PageStatus;

/** Popup → content script: the reader asked to store the page anyway; answered with a `StoreAnywayReply`. */
export const STORE_ANYWAY_REQUEST = { parallax: 1, type: 'storeAnyway' } as const;
export type StoreAnywayAnswer = StoreAnywayReply;

/** Which of the popup's requests to the content script `message` is, if any. */
export function popupRequestType(message: unknown): 'pageFeeds' | 'pageStatus' | 'storeAnyway' | undefined {
  const m = message as { parallax?: unknown; type?: unknown } | null;
  if (typeof m !== 'object' || m === null || m.parallax !== 1) return undefined;
  return m.type === 'pageFeeds' || m.type === 'pageStatus' || m.type === 'storeAnyway' ? m.type : undefined;
}

/** Background → offscreen document: parse `html` as the page at `url`; answered with an `ExtractResult`. */
export interface OffscreenRequest {
  parallaxOffscreen: 1;
  type: 'extract';
  html: string;
  url: string;
  anyway?: boolean;
}
export type OffscreenReply = ExtractResult;

export function isOffscreenRequest(value: unknown): value is OffscreenRequest {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v.parallaxOffscreen === 1 &&
    v.type === 'extract' &&
    typeof v.html === 'string' &&
    typeof v.url === 'string' &&
    (v.anyway === undefined || typeof v.anyway === 'boolean')
  );
}
