/**
 * The extension's IndexedDB store (Dexie). The schema of every version is
 * declared here, in one place; `upgrade()` functions migrate stored data.
 * Opened only in the background (an IndexedDB opened from a content script
 * would belong to the news site's origin).
 */
import { Dexie, type Table } from 'dexie';
import type { ArticleRecord, ClaimsRecord, FeedState, LinkRecord, StoredSentence, StoryRecord, TermRecord } from '../types';
import { normalizeHost } from '../pipeline/ids';
import { titleTermsOf } from '../text/tokens';

export type { ArticleRecord, ClaimsRecord, LinkRecord, StoryRecord, TermRecord } from '../types';

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
  claims: Table<ClaimsRecord, string>;
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

/**
 * Version 4: each story's claim groups (`claims`), kept by the capture
 * pipeline. Stories stored before it get theirs when an article next joins
 * them; until then the card lists the directly linked sentences.
 */
export const SCHEMA_V4 = { ...SCHEMA_V3, claims: 'storyId' } as const;

/**
 * Version 5: articles indexed by story and outlet together, so the popup
 * search lists a story's outlets from the index alone instead of reading
 * every member article whole (text included). IndexedDB fills the new index
 * from the stored rows; nothing else changes.
 */
export const SCHEMA_V5 = {
  ...SCHEMA_V4,
  articles: 'id, &url, outlet, host, storyId, publishedAt, capturedAt, reprintOf, *titleTerms, [storyId+outlet]',
} as const;

/**
 * Version 6: three indexes nothing reads are dropped (sentences by story,
 * links by their second sentence, articles by publication date), so that
 * writing a sentence, a link or an article no longer also writes an index
 * entry nobody looks up. The rows are unchanged.
 */
export const SCHEMA_V6 = {
  ...SCHEMA_V5,
  articles: 'id, &url, outlet, host, storyId, capturedAt, reprintOf, *titleTerms, [storyId+outlet]',
  sentences: 'id, articleId, *terms',
  links: '[a+b], a, articleA, articleB, storyId',
} as const;

export const DB_VERSION = 6;

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
      await tx.table<StoredSentence, string>('sentences').each((s) => {
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
  db.version(4).stores(SCHEMA_V4);
  db.version(5).stores(SCHEMA_V5);
  db.version(6).stores(SCHEMA_V6);
  return db;
}

function safeHost(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
