/**
 * The extension's IndexedDB store (Dexie). The schema of every version is
 * declared here, in one place; `upgrade()` functions migrate stored data.
 * Opened only in the background (an IndexedDB opened from a content script
 * would belong to the news site's origin).
 */
import { Dexie, type Table } from 'dexie';
import type { Article, SentenceLink, StoredSentence } from '../types';
import type { FeedState } from '../feeds/poller';
import type { StoryFeatures, StoryProfile } from '../story/stories';
import { contentTerms } from '../text/tokens';

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

export interface SettingRecord {
  key: string;
  value: unknown;
}

/**
 * A subscribed news feed (RSS/Atom/JSON Feed), polled by the background: the
 * poller's state as is, plus the feed's recent articles that were not stored.
 * None of these fields is indexed beyond `id, url, nextPollAt`.
 */
export type FeedRecord = FeedState & {
  /** Recent articles of the feed that were not stored, and why; newest first. */
  problems?: { url: string; reason: string }[];
};

export interface DbOptions {
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

export type ParallaxDb = Dexie & {
  articles: Table<ArticleRecord, string>;
  sentences: Table<StoredSentence, string>;
  stories: Table<StoryRecord, string>;
  links: Table<LinkRecord, [string, string]>;
  terms: Table<TermRecord, string>;
  settings: Table<SettingRecord, string>;
  feeds: Table<FeedRecord, string>;
};

/** Version 1: the corpus (index only what is queried). */
export const SCHEMA_V1 = {
  articles: 'id, &url, outlet, host, storyId, publishedAt, capturedAt, reprintOf',
  sentences: 'id, articleId, storyId, *terms',
  stories: 'id, lastSeen, *keys',
  links: '[a+b], a, b, articleA, articleB, storyId',
  terms: 'term, *grams',
  settings: 'key',
} as const;

/** Version 2: feed subscriptions, and title terms so the popup search finds titles. */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  articles: 'id, &url, outlet, host, storyId, publishedAt, capturedAt, reprintOf, *titleTerms',
  feeds: 'id, &url, nextPollAt',
} as const;

/**
 * Version 3: no index changes; terms gain `articleDf` (articles containing the
 * stem) and settings `corpus.articleCount`, which story grouping weighs terms by.
 */
export const SCHEMA_V3 = SCHEMA_V2;

export const DB_VERSION = 3;

/** Host name as stored: lower-cased, without a leading "www.". */
export function normalizeHost(host: string): string {
  return host.trim().toLowerCase().replace(/^www\./, '');
}

/** Unique stems of a title, for the `titleTerms` index. */
export function titleTermsOf(title: string): string[] {
  return [...new Set(contentTerms(title))];
}

export function createDb(name = 'parallax', options: DbOptions = {}): ParallaxDb {
  const db = new Dexie(name, {
    ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
    ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
  }) as ParallaxDb;
  db.version(1).stores(SCHEMA_V1);
  db.version(2)
    .stores(SCHEMA_V2)
    .upgrade(async (tx) => {
      // Version 1 stored hosts as the page reported them ("WWW.Example.com")
      // and had no `source` or title terms; pause rules and search need them.
      await tx
        .table<ArticleRecord, string>('articles')
        .toCollection()
        .modify((a) => {
          a.host = normalizeHost(a.host ?? safeHost(a.url));
          if (!a.source) a.source = 'page';
          a.titleTerms = titleTermsOf(a.title ?? '');
        });
    });
  db.version(3)
    .stores(SCHEMA_V3)
    .upgrade(async (tx) => {
      // Article counts from the stored sentences, as ingest would have made them.
      const perArticle = new Map<string, Set<string>>();
      await tx
        .table<StoredSentence, string>('sentences')
        .each((s) => {
          let set = perArticle.get(s.articleId);
          if (!set) perArticle.set(s.articleId, (set = new Set()));
          for (const t of s.terms ?? []) set.add(t);
        });
      const articleDf = new Map<string, number>();
      for (const set of perArticle.values()) for (const t of set) articleDf.set(t, (articleDf.get(t) ?? 0) + 1);
      await tx
        .table<TermRecord, string>('terms')
        .toCollection()
        .modify((r) => {
          r.articleDf = articleDf.get(r.term) ?? 0;
        });
      // The key term-set.ts reads (ARTICLE_COUNT_KEY); spelled out to keep db.ts free of corpus imports.
      await tx.table<SettingRecord, string>('settings').put({ key: 'corpus.articleCount', value: perArticle.size });
    });
  return db;
}

function safeHost(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
