/**
 * The capture pipeline over in-memory indexes, for corpora too large to
 * build in fake-indexeddb within the benchmark's time: the same engine calls
 * as lib/corpus (segment, terms, story features, candidate stories by shared
 * keys, story assignment, wire-copy check, claim matching within the story)
 * with Maps standing in for the Dexie indexes (`stories.*keys`,
 * `articles.storyId`, `sentences.articleId`, `terms`). In the store these
 * look-ups are indexed reads whose cost grows with the log of the corpus.
 */
import type { ArticleRecord, StoryRecord } from '../../lib/db/db';
import { CORPUS_LIMITS } from '../../lib/corpus/config';
import { matchPartners } from '../../lib/corpus/links';
import { matchArticle, type ArticleSentences } from '../../lib/match/claims';
import { createScorer } from '../../lib/match/scorer';
import type { TermStats } from '../../lib/match/term-stats';
import { findReprintOf } from '../../lib/story/reprints';
import { assignStory, storyFeatures, storyKeys } from '../../lib/story/stories';
import { segmentSentences } from '../../lib/text/segment';
import { contentTerms } from '../../lib/text/tokens';
import type { ArticleInput, StoredSentence } from '../../lib/types';
import type { CorpusModel } from './model';

export interface PipelineTiming {
  total: number;
  match: number;
  /** CPU time of the first matchArticle (this process's user + system), unaffected by waiting for a shared core. */
  matchCpu: number;
  /** matchArticle of the same article again: the story's analyses are cached. */
  matchWarm: number;
  /** Full pair scores matchArticle asked of the scorer (first run). */
  pairs: number;
  /** Articles matched against, and the story's articles of other outlets. */
  partners: number;
  storyArticles: number;
  links: number;
  storyId: string | null;
}

export function createMemoryPipeline(model: CorpusModel) {
  const keyIndex = new Map<string, string[]>();
  for (const s of model.stories.values()) for (const k of s.keys) (keyIndex.get(k) ?? keyIndex.set(k, []).get(k)!).push(s.id);
  const byStory = new Map<string, ArticleRecord[]>();
  for (const a of model.articles) (byStory.get(a.storyId) ?? byStory.set(a.storyId, []).get(a.storyId)!).push(a);
  const byArticle = new Map<string, StoredSentence[]>();
  for (const s of model.sentences) (byArticle.get(s.articleId) ?? byArticle.set(s.articleId, []).get(s.articleId)!).push(s);
  const stats: TermStats = { docCount: model.sentenceCount, df: (t) => model.df.get(t) ?? 0 };
  const base = createScorer();
  let pairs = 0;
  const scorer: typeof base = { ...base, score: (a, b, st) => (pairs++, base.score(a, b, st)) };

  return function run(input: ArticleInput): PipelineTiming {
    const t0 = performance.now();
    const spans = segmentSentences(input.text);
    const sentences = spans.map((s) => ({ ...s, id: `new#${s.index}`, terms: [...new Set(contentTerms(s.text))] }));
    const f = storyFeatures({ id: 'new', title: input.title, text: input.text, outlet: input.outlet, ...(input.publishedAt ? { publishedAt: input.publishedAt } : {}) }, stats);
    const counts = new Map<string, number>();
    for (const k of storyKeys(f)) for (const id of keyIndex.get(k) ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
    const candidates = [...counts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, CORPUS_LIMITS.maxCandidateStories)
      .map(([id]) => model.stories.get(id))
      .filter((s): s is StoryRecord => s !== undefined);
    const { storyId } = assignStory(f, candidates);
    const members = (storyId ? (byStory.get(storyId) ?? []) : [])
      .filter((a) => a.outlet !== input.outlet)
      .slice(-CORPUS_LIMITS.maxStoryArticlesMatched);
    findReprintOf(input.text, members.map((a) => ({ id: a.id, outlet: a.outlet, text: a.text })), { outlet: input.outlet });
    // As lib/corpus/links.ts: the most recent independent reports of other outlets.
    const partners = matchPartners({ id: 'new', outlet: input.outlet }, members);
    const others: ArticleSentences[] = partners.map((a) => ({
      article: { id: a.id, outlet: a.outlet, url: a.url, title: a.title },
      sentences: byArticle.get(a.id) ?? [],
    }));
    const target: ArticleSentences = { article: { id: 'new', outlet: input.outlet, url: input.url, title: input.title }, sentences };
    pairs = 0;
    const c1 = process.cpuUsage();
    const t1 = performance.now();
    const links = others.length ? matchArticle(target, others, stats, scorer) : [];
    const t2 = performance.now();
    const c2 = process.cpuUsage(c1);
    const scored = pairs;
    if (others.length) matchArticle(target, others, stats, scorer);
    const t3 = performance.now();
    return {
      total: t2 - t0,
      match: t2 - t1,
      matchCpu: (c2.user + c2.system) / 1000,
      matchWarm: t3 - t2,
      pairs: scored,
      partners: partners.length,
      storyArticles: members.length,
      links: links.length,
      storyId,
    };
  };
}
