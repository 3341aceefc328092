/**
 * The corpus the background keeps: capture, story grouping, claim links,
 * annotations, deletion and export. Every figure the matcher needs is read
 * from IndexedDB inside the write's transaction, so a stopped service worker
 * loses nothing.
 */
import type { ArticleRecord, ParallaxDb } from '../db/db';
import { createScorer } from '../match/scorer';
import { canonicalUrl } from '../pipeline/ids';
import { inputOf, planPrepared, planRelink, prepareCapture, storyClaims, type CorpusView, type PreparedCapture } from '../pipeline/plan';
import type { Article, ArticleInput, ArticleSource, PageAnnotation, PageSummary, PauseState, StoreStats } from '../types';
import { buildAnnotation } from './annotate';
import { batchView } from './batch';
import { getPauseState, hostIsPaused, setPauseState, type PauseChange } from './pause';
import { rebuildStories, removeArticleData } from './remove';
import { applyTermChanges, ARTICLE_COUNT_KEY, openTermSet, SENTENCE_COUNT_KEY, uncountArticles } from './term-set';
import { dexieView } from './view';
import { RECENT_STORIES } from '../pipeline/config';

export interface CorpusOptions {
  /** Clock, epoch ms (tests pass a fixed one). */
  now?: () => number;
}

export interface ExportFilter {
  storyId?: string;
  outlet?: string;
}

/** An article to store, and the address it was read from (a tab's, a feed item's), see `ownAddress`. */
export interface StoreItem {
  input: ArticleInput;
  readFrom?: string;
}

/** What became of one article of `storeMany`. */
export type StoreOutcome =
  | {
      ok: true;
      articleId: string;
      /** When the article stored under the input's id, else its canonical address, before it was captured, if one was. */
      previousCapturedAt?: number;
    }
  | { ok: false; error: unknown };

export interface Corpus {
  /** Stores an article; `readFrom` is the address it was read from (a tab's, a feed item's), see `ownAddress`. */
  ingest(input: ArticleInput, source: ArticleSource, readFrom?: string): Promise<{ article: Article; annotation: PageAnnotation }>;
  /**
   * Stores articles as `ingest` would one after another, each whole or not
   * at all: planned in turn in one transaction and written together; when
   * that transaction fails (a full disk part way), each is stored alone in
   * its own. One outcome per item, in order; no annotation is built.
   */
  storeMany(items: readonly StoreItem[], source: ArticleSource): Promise<StoreOutcome[]>;
  annotate(urlOrId: string): Promise<PageAnnotation | null>;
  pageSummary(url: string): Promise<PageSummary>;
  stats(): Promise<StoreStats>;
  deleteOutlet(outlet: string): Promise<number>;
  deleteAll(): Promise<void>;
  deleteOlderThan(epochMs: number): Promise<number>;
  /**
   * One page of an export, in capture order: at most `max` articles captured
   * after `after` (epoch ms), and the cursor of the next page when there is one.
   */
  exportPage(filter: ExportFilter, after: number | undefined, max: number): Promise<{ articles: ArticleInput[]; next?: number }>;
  getPause(): Promise<PauseState>;
  setPause(change: PauseChange): Promise<PauseState>;
  isPaused(host: string): Promise<boolean>;
  /** For each input, whether an article is stored under its id or its canonical address (storing it again is an update). */
  storedAlready(inputs: readonly ArticleInput[]): Promise<boolean[]>;
}

/** An article's `prepareCapture`, or the error that refuses it. */
type Prepared = { ok: true; prepared: PreparedCapture } | { ok: false; error: unknown };

function prepare(input: unknown, source: ArticleSource, readFrom?: string): Prepared {
  try {
    return { ok: true, prepared: prepareCapture(input, source, readFrom) };
  } catch (error) {
    return { ok: false, error };
  }
}

/** The tables one write touches: all of the corpus, so a failure rolls back everything (and the feeds it reads). */
function corpusTables(db: ParallaxDb) {
  return [db.articles, db.sentences, db.stories, db.links, db.terms, db.settings, db.claims, db.feeds];
}

export function createCorpus(db: ParallaxDb, options: CorpusOptions = {}): Corpus {
  const now = options.now ?? (() => Date.now());
  let scorer: ReturnType<typeof createScorer> | undefined;
  const getScorer = () => (scorer ??= createScorer());

  async function findArticle(urlOrId: string): Promise<ArticleRecord | undefined> {
    const byId = await db.articles.get(urlOrId);
    if (byId) return byId;
    let url: string;
    try {
      url = canonicalUrl(urlOrId);
    } catch {
      return undefined;
    }
    return db.articles.where('url').equals(url).first();
  }

  /**
   * Plans each item in turn in one transaction and writes them together; rejects when the transaction fails.
   * `prepared` holds each item's `prepareCapture`, or why it failed, made once: the read-ahead and the plans share it.
   */
  async function storeTogether(items: readonly StoreItem[], prepared: readonly Prepared[]): Promise<StoreOutcome[]> {
    return db.transaction('rw', corpusTables(db), async () => {
      const view = batchView(db);
      // Several articles: their likely reads go out together, phase by phase, before any is planned.
      if (items.length > 1) await view.prefetch(prepared.flatMap((p) => (p.ok ? [p.prepared] : [])));
      const outcomes: StoreOutcome[] = [];
      for (const [i, { input }] of items.entries()) {
        try {
          const previous = await storedAs(view, input);
          const p = prepared[i]!;
          if (!p.ok) throw p.error;
          const plan = await planPrepared(p.prepared, view, now(), { scorer: getScorer() });
          view.apply(plan);
          outcomes.push({ ok: true, articleId: plan.articleId, ...(previous ? { previousCapturedAt: previous.capturedAt } : {}) });
        } catch (error) {
          outcomes.push({ ok: false, error });
        }
      }
      await view.write();
      return outcomes;
    });
  }

  async function storeMany(items: readonly StoreItem[], source: ArticleSource): Promise<StoreOutcome[]> {
    const prepared = items.map(({ input, readFrom }) => prepare(input, source, readFrom));
    try {
      return await storeTogether(items, prepared);
    } catch (batchError) {
      if (items.length <= 1) return [{ ok: false, error: batchError }];
      // Each alone, so that one article's failure (the disk filling up) costs no other its place.
      const outcomes: StoreOutcome[] = [];
      for (const [i, item] of items.entries()) {
        try {
          outcomes.push(...(await storeTogether([item], [prepared[i]!])));
        } catch (error) {
          outcomes.push({ ok: false, error });
        }
      }
      return outcomes;
    }
  }

  async function ingest(input: ArticleInput, source: ArticleSource, readFrom?: string) {
    const [outcome] = await storeTogether([{ input }], [prepare(input, source, readFrom)]);
    if (!outcome?.ok) throw outcome?.error ?? new Error(`the article ${input.url} was not stored`);
    const stored = await db.articles.get(outcome.articleId);
    if (!stored) throw new Error(`the article ${input.url} was not stored`);
    return { article: toArticle(stored), annotation: await buildAnnotation(db, stored) };
  }

  async function annotate(urlOrId: string): Promise<PageAnnotation | null> {
    const article = await findArticle(urlOrId);
    return article ? buildAnnotation(db, article) : null;
  }

  async function pageSummary(url: string): Promise<PageSummary> {
    const article = await findArticle(url);
    if (!article) return { known: false, markedCount: 0, sentenceCount: 0, storyOutlets: [] };
    const a = await buildAnnotation(db, article);
    return {
      known: true,
      articleId: article.id,
      title: article.title,
      outlet: article.outlet,
      markedCount: a.marked.length,
      sentenceCount: a.sentenceCount,
      storyOutlets: a.storyOutlets,
    };
  }

  async function stats(): Promise<StoreStats> {
    return db.transaction('r', [db.articles, db.sentences, db.stories], async () => {
      const [articles, sentences, stories, outletKeys, recent] = await Promise.all([
        db.articles.count(),
        db.sentences.count(),
        db.stories.count(),
        db.articles.orderBy('outlet').keys(),
        db.stories.orderBy('lastSeen').reverse().limit(RECENT_STORIES).toArray(),
      ]);
      const counts = new Map<string, number>();
      for (const k of outletKeys) counts.set(String(k), (counts.get(String(k)) ?? 0) + 1);
      const outlets = [...counts]
        .map(([outlet, n]) => ({ outlet, articles: n }))
        .sort((a, b) => b.articles - a.articles || a.outlet.localeCompare(b.outlet));
      const recentStories = recent.map((p) => ({ id: p.id, title: p.title, articles: p.articleCount }));
      return { articles, sentences, stories, outlets, recentStories };
    });
  }

  async function removeWhere(select: () => Promise<ArticleRecord[]>): Promise<number> {
    return db.transaction('rw', corpusTables(db), async () => {
      const doomed = await select();
      if (doomed.length === 0) return 0;
      const terms = await openTermSet(db);
      await uncountArticles(
        db,
        terms,
        doomed.map((a) => a.id),
      );
      const removed = await removeArticleData(db, terms, doomed);
      await applyTermChanges(db, terms.changes());
      await rebuildStories(db, [...removed.stories]);
      // Copies of a deleted original now speak for themselves: link them as independent sources.
      const view = dexieView(db);
      for (const id of removed.freed) {
        const relink = await planRelink(view, id, { scorer: getScorer() });
        if (relink.links.length) await db.links.bulkPut(relink.links);
        await applyTermChanges(db, relink.terms);
      }
      for (const storyId of removed.stories) {
        if (await db.stories.get(storyId)) await db.claims.put(await storyClaims(view, storyId));
        else await db.claims.delete(storyId);
      }
      return doomed.length;
    });
  }

  async function deleteAll(): Promise<void> {
    await db.transaction('rw', corpusTables(db), async () => {
      await Promise.all([
        db.articles.clear(),
        db.sentences.clear(),
        db.stories.clear(),
        db.links.clear(),
        db.terms.clear(),
        db.claims.clear(),
      ]);
      await db.settings.bulkDelete([SENTENCE_COUNT_KEY, ARTICLE_COUNT_KEY]);
    });
  }

  async function exportPage(filter: ExportFilter, after: number | undefined, max: number) {
    const ordered = after === undefined ? db.articles.orderBy('capturedAt') : db.articles.where('capturedAt').above(after);
    const articles: ArticleInput[] = [];
    let last: number | undefined;
    let more = false;
    await ordered
      .until(() => articles.length >= max)
      .each((a) => {
        last = a.capturedAt;
        if (filter.storyId !== undefined && a.storyId !== filter.storyId) return;
        if (filter.outlet !== undefined && a.outlet !== filter.outlet) return;
        articles.push(inputOf(a));
      });
    if (last !== undefined) more = (await db.articles.where('capturedAt').above(last).count()) > 0;
    return more && last !== undefined ? { articles, next: last } : { articles };
  }

  return {
    ingest,
    storeMany,
    annotate,
    pageSummary,
    stats,
    deleteOutlet: (outlet) => removeWhere(() => db.articles.where('outlet').equals(outlet).toArray()),
    deleteAll,
    deleteOlderThan: (epochMs) => removeWhere(() => db.articles.where('capturedAt').below(epochMs).toArray()),
    exportPage,
    getPause: () => getPauseState(db),
    setPause: (change) => setPauseState(db, change),
    isPaused: async (host) => hostIsPaused(await getPauseState(db), host),
    storedAlready: (inputs) => {
      const view = dexieView(db);
      return Promise.all(inputs.map(async (input) => (await storedAs(view, input)) !== undefined));
    },
  };
}

/** The article stored under the input's id, else under its canonical address. */
async function storedAs(view: CorpusView, input: ArticleInput): Promise<ArticleRecord | undefined> {
  const byId = input.id ? await view.articleById(input.id) : undefined;
  if (byId) return byId;
  try {
    return await view.articleByUrl(canonicalUrl(input.url));
  } catch {
    return undefined;
  }
}

function toArticle(r: ArticleRecord): Article {
  const { titleTerms: _t, features: _f, ...article } = r;
  return article;
}
