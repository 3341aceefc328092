/**
 * The corpus the background keeps: capture, story grouping, claim links,
 * annotations, deletion and export. Every figure the matcher needs is read
 * from IndexedDB inside the write's transaction, so a stopped service worker
 * loses nothing.
 */
import type { ArticleRecord, ParallaxDb, StoryRecord } from '../db/db';
import { titleTermsOf } from '../db/db';
import { createScorer } from '../match/scorer';
import type { PageSummary, PauseState, StoreStats } from '../messaging/protocol';
import { findReprintOf } from '../story/reprints';
import { assignStory, storyFeatures, storyKeys, type StoryFeatures } from '../story/stories';
import { segmentSentences } from '../text/segment';
import { contentTerms } from '../text/tokens';
import type { Article, ArticleInput, ArticleSource, PageAnnotation, StoredSentence } from '../types';
import { buildAnnotation } from './annotate';
import { linkArticle, relinkArticles, storyMembers } from './links';
import { CORPUS_LIMITS } from './config';
import { articleIdFor, canonicalUrl, hostOf, sentenceIdFor, storyIdFor } from './ids';
import { getPauseState, hostIsPaused, setPauseState, type PauseChange } from './pause';
import { rebuildStories, removeArticleData } from './remove';
import { newProfile, mergeProfile } from './profiles';
import { ARTICLE_COUNT_KEY, openTermSet, SENTENCE_COUNT_KEY, uncountArticles } from './term-set';
import { validateArticleInput } from './validate';
import { primaryKeysAnyOf } from '../db/query';

/** Stories listed by stats() for exporting one of them. */
const RECENT_STORIES = 50;

export interface CorpusOptions {
  /** Clock, epoch ms (tests pass a fixed one). */
  now?: () => number;
}

export interface ExportFilter {
  storyId?: string;
  outlet?: string;
}

export interface Corpus {
  ingest(input: ArticleInput, source: ArticleSource): Promise<{ article: Article; annotation: PageAnnotation }>;
  annotate(urlOrId: string): Promise<PageAnnotation | null>;
  pageSummary(url: string): Promise<PageSummary>;
  stats(): Promise<StoreStats>;
  deleteOutlet(outlet: string): Promise<number>;
  deleteAll(): Promise<void>;
  deleteOlderThan(epochMs: number): Promise<number>;
  exportArticles(filter?: ExportFilter): AsyncIterable<ArticleInput>;
  /**
   * One page of an export, in capture order: at most `max` articles captured
   * after `after` (epoch ms), and the cursor of the next page when there is one.
   */
  exportPage(filter: ExportFilter, after: number | undefined, max: number): Promise<{ articles: ArticleInput[]; next?: number }>;
  getPause(): Promise<PauseState>;
  setPause(change: PauseChange): Promise<PauseState>;
  isPaused(host: string): Promise<boolean>;
}

/** The tables one write touches: all of the corpus, so a failure rolls back everything. */
function corpusTables(db: ParallaxDb) {
  return [db.articles, db.sentences, db.stories, db.links, db.terms, db.settings];
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

  async function ingest(input: ArticleInput, source: ArticleSource) {
    validateArticleInput(input, source);
    const url = canonicalUrl(input.url);
    const host = hostOf(url);
    const text = input.text;
    const title = input.title.trim();
    const spans = segmentSentences(text);
    if (spans.length === 0) throw new Error(`Article ${url} has no sentences`);
    const sentenceTerms = spans.map((s) => [...new Set(contentTerms(s.text))]);
    const titleTerms = titleTermsOf(title);

    const articleId = await db.transaction('rw', corpusTables(db), async () => {
      const byUrl = await db.articles.where('url').equals(url).first();
      const byId = input.id ? await db.articles.get(input.id) : undefined;
      if (byUrl && byId && byUrl.id !== byId.id) {
        throw new Error(`Article id ${input.id} is stored with another URL, and ${url} is stored as ${byUrl.id}`);
      }
      const existing = byId ?? byUrl;
      const id = existing?.id ?? input.id?.trim() ?? articleIdFor(url);
      const t = now();
      // The same text again (a page read twice, a duplicate import line): its
      // sentences, story and links stand as they are, since links to later
      // articles were stored when those arrived; only the metadata is refreshed.
      if (existing && existing.text === text && existing.title === title && existing.outlet === input.outlet.trim()) {
        await db.articles.put({
          ...existing,
          url,
          host,
          updatedAt: t,
          ...(input.byline ? { byline: input.byline } : {}),
          ...(input.publishedAt ? { publishedAt: input.publishedAt } : {}),
          ...(input.lang ? { lang: input.lang } : {}),
        });
        return existing.id;
      }
      const last = await db.articles.orderBy('capturedAt').last();
      // Strictly increasing capture times keep capture order replayable (export, then import).
      const capturedAt = existing?.capturedAt ?? Math.max(t, (last?.capturedAt ?? -Infinity) + 1);

      const terms = await openTermSet(db);
      let keepStory: string | undefined;
      // The articles the old version was linked with: a changed article is
      // matched with them again, not only with the most recent outlets.
      const linkedBefore = new Set<string>();
      if (existing) {
        for (const l of await db.links.where('articleA').equals(existing.id).toArray()) linkedBefore.add(l.articleB);
        await uncountArticles(db, terms, [existing.id]);
        await removeArticleData(db, terms, [existing], { replacing: true });
        keepStory = existing.storyId;
      }

      await terms.load([...sentenceTerms.flat(), ...titleTerms]);
      for (const st of sentenceTerms) terms.countSentence(st, 1);
      terms.countTitle(titleTerms, 1);
      terms.countArticle(sentenceTerms.flat(), 1);

      // Story vectors weigh terms by how many stored articles (this one included) contain them.
      const features: StoryFeatures = storyFeatures(
        { id, title, text, outlet: input.outlet, ...(input.publishedAt ? { publishedAt: input.publishedAt } : {}) },
        terms.articles,
      );

      // Story: the one it already belonged to, else the best candidate profile, else a new one.
      let story: StoryRecord | undefined = keepStory ? await db.stories.get(keepStory) : undefined;
      if (!story) {
        const candidates = await candidateStories(db, storyKeys(features));
        const choice = assignStory(features, candidates);
        story = choice.storyId ? candidates.find((c) => c.id === choice.storyId) : undefined;
      }
      const storyId = story?.id ?? storyIdFor(id);

      const members = await storyMembers(db, storyId, id);
      const otherOutlets = members.filter((a) => a.outlet !== input.outlet.trim());

      const reprintOf =
        findReprintOf(
          text,
          otherOutlets
            .filter((a) => !a.reprintOf)
            .map((a) => ({ id: a.id, outlet: a.outlet, text: a.text, ...(a.publishedAt ? { publishedAt: a.publishedAt } : {}) })),
          { outlet: input.outlet.trim(), ...(input.publishedAt ? { publishedAt: input.publishedAt } : {}) },
        ) ?? undefined;

      // Copies stored before their original (a feed polled out of order): now
      // that the original is here, they become its reprints, and copies that
      // pointed at them point at it.
      if (!reprintOf) {
        const self = { id, outlet: input.outlet.trim(), text, ...(input.publishedAt ? { publishedAt: input.publishedAt } : {}) };
        const copies = new Set(
          otherOutlets
            .filter((a) => !a.reprintOf)
            .filter((a) => findReprintOf(a.text, [self], { outlet: a.outlet, ...(a.publishedAt ? { publishedAt: a.publishedAt } : {}) }) === id)
            .map((a) => a.id),
        );
        for (const a of members) {
          if (copies.has(a.id) || (a.reprintOf && copies.has(a.reprintOf))) {
            a.reprintOf = id;
            await db.articles.put(a);
          }
        }
      }

      const article: ArticleRecord = {
        id,
        url,
        outlet: input.outlet.trim(),
        title,
        text,
        ...(input.byline ? { byline: input.byline } : {}),
        ...(input.publishedAt ? { publishedAt: input.publishedAt } : {}),
        ...(input.lang ? { lang: input.lang } : {}),
        host,
        storyId,
        source,
        capturedAt,
        updatedAt: t,
        sentenceCount: spans.length,
        ...(reprintOf ? { reprintOf } : {}),
        titleTerms,
        features,
      };
      const sentences: StoredSentence[] = spans.map((s, i) => ({
        id: sentenceIdFor(id, s.index),
        articleId: id,
        storyId,
        index: s.index,
        start: s.start,
        end: s.end,
        text: s.text,
        terms: sentenceTerms[i] ?? [],
      }));

      await db.articles.put(article);
      await db.sentences.bulkPut(sentences);
      // Claim links against the story's other outlets, both directions stored.
      await linkArticle(db, terms, article, sentences, members, getScorer(), linkedBefore);
      await terms.flush();
      if (story && keepStory) {
        await rebuildStories(db, [storyId]);
      } else {
        const profile = story
          ? mergeProfile(story, features, title)
          : newProfile(storyId, features, title);
        await db.stories.put(profile);
      }
      return id;
    });

    const stored = await db.articles.get(articleId);
    if (!stored) throw new Error(`Article ${url} was not stored`);
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
      await uncountArticles(db, terms, doomed.map((a) => a.id));
      const removed = await removeArticleData(db, terms, doomed);
      await rebuildStories(db, [...removed.stories]);
      // Copies of a deleted original now speak for themselves: link them as independent sources.
      await relinkArticles(db, terms, removed.freed, getScorer());
      await terms.flush();
      return doomed.length;
    });
  }

  async function deleteAll(): Promise<void> {
    await db.transaction('rw', corpusTables(db), async () => {
      await Promise.all([db.articles.clear(), db.sentences.clear(), db.stories.clear(), db.links.clear(), db.terms.clear()]);
      await db.settings.bulkDelete([SENTENCE_COUNT_KEY, ARTICLE_COUNT_KEY]);
    });
  }

  async function* exportArticles(filter: ExportFilter = {}): AsyncIterable<ArticleInput> {
    // Capture order, so that importing the export replays the same story grouping.
    const ids = (await db.articles.orderBy('capturedAt').primaryKeys()) as string[];
    for (let i = 0; i < ids.length; i += CORPUS_LIMITS.exportPage) {
      const page = await db.articles.bulkGet(ids.slice(i, i + CORPUS_LIMITS.exportPage));
      for (const a of page) {
        if (!a) continue;
        if (filter.storyId !== undefined && a.storyId !== filter.storyId) continue;
        if (filter.outlet !== undefined && a.outlet !== filter.outlet) continue;
        yield toInput(a);
      }
    }
  }

  async function exportPage(filter: ExportFilter, after: number | undefined, max: number) {
    const ordered = after === undefined ? db.articles.orderBy('capturedAt') : db.articles.where('capturedAt').above(after);
    const articles: ArticleInput[] = [];
    let last: number | undefined;
    let more = false;
    await ordered.until(() => articles.length >= max).each((a) => {
      last = a.capturedAt;
      if (filter.storyId !== undefined && a.storyId !== filter.storyId) return;
      if (filter.outlet !== undefined && a.outlet !== filter.outlet) return;
      articles.push(toInput(a));
    });
    if (last !== undefined) more = (await db.articles.where('capturedAt').above(last).count()) > 0;
    return more && last !== undefined ? { articles, next: last } : { articles };
  }

  return {
    ingest,
    annotate,
    pageSummary,
    stats,
    deleteOutlet: (outlet) => removeWhere(() => db.articles.where('outlet').equals(outlet).toArray()),
    deleteAll,
    deleteOlderThan: (epochMs) => removeWhere(() => db.articles.where('capturedAt').below(epochMs).toArray()),
    exportArticles,
    exportPage,
    getPause: () => getPauseState(db),
    setPause: (change) => setPauseState(db, change),
    isPaused: async (host) => hostIsPaused(await getPauseState(db), host),
  };
}

/** Candidate stories sharing the most look-up keys with an article. */
async function candidateStories(db: ParallaxDb, keys: string[]): Promise<StoryRecord[]> {
  if (keys.length === 0) return [];
  const hits = await primaryKeysAnyOf(db.stories, 'keys', keys);
  const counts = new Map<string, number>();
  for (const id of hits) counts.set(id, (counts.get(id) ?? 0) + 1);
  const best = [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, CORPUS_LIMITS.maxCandidateStories)
    .map(([id]) => id);
  return (await db.stories.bulkGet(best)).filter((s): s is StoryRecord => s !== undefined);
}

function toArticle(r: ArticleRecord): Article {
  const { titleTerms: _t, features: _f, ...article } = r;
  return article;
}

function toInput(a: ArticleRecord): ArticleInput {
  return {
    id: a.id,
    url: a.url,
    outlet: a.outlet,
    title: a.title,
    ...(a.byline ? { byline: a.byline } : {}),
    ...(a.publishedAt ? { publishedAt: a.publishedAt } : {}),
    text: a.text,
    ...(a.lang ? { lang: a.lang } : {}),
  };
}
