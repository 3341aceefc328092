/** Claim links between an article and the other outlets of its story, stored in both directions. */
import type { ArticleRecord, ParallaxDb } from '../db/db';
import { reverseDifference } from '../diff/differences';
import { matchArticle, type ArticleSentences } from '../match/claims';
import type { PairScorer } from '../match/scorer';
import type { SentenceLink, StoredSentence } from '../types';
import { CORPUS_LIMITS } from './config';
import type { TermSet } from './term-set';
import { rowsAnyOf } from '../db/query';
import { reprintRoot } from './annotate';

interface StoredArticleSentences extends ArticleSentences {
  sentences: StoredSentence[];
}

/**
 * Matches `article` against `members` (its story's other articles) and stores
 * the links. Must run inside a transaction over the corpus tables; the term
 * set supplies the document frequencies and learns the members' terms.
 */
export async function linkArticle(
  db: ParallaxDb,
  terms: TermSet,
  article: ArticleRecord,
  sentences: StoredSentence[],
  members: readonly ArticleRecord[],
  scorer: PairScorer,
  /** Articles it was linked with before (a re-captured article keeps its older partners). */
  linkedBefore: ReadonlySet<string> = new Set(),
): Promise<number> {
  const partners = matchPartners(article, members);
  const chosen = new Set(partners.map((a) => a.id));
  for (const a of members) if (linkedBefore.has(a.id) && !chosen.has(a.id)) partners.push(a);
  const others = await sentencesOf(db, partners);
  if (others.length === 0) return 0;
  await terms.load(others.flatMap((o) => o.sentences.flatMap((s) => s.terms)));
  const target: ArticleSentences = { article: summaryOf(article), sentences };
  const forward = matchArticle(target, others, terms, scorer);
  const links = forward.flatMap((l) => {
    const withStory = { ...l, storyId: article.storyId };
    return [withStory, reverseLink(withStory)];
  });
  if (links.length) await db.links.bulkPut(links);
  return forward.length;
}

/**
 * The articles a new article is matched against: of the story's other
 * outlets, each independent report once (a wire copy stands for its
 * original, the original preferred when stored; copies of the article's own
 * source are left out), one per outlet, the CORPUS_LIMITS.maxPartnerArticles
 * most recently captured. Scoring a pair is the cost of a capture, and it
 * grows with every outlet a story gathers; the card needs a handful of outlets.
 */
export function matchPartners(
  article: Pick<ArticleRecord, 'id' | 'outlet' | 'reprintOf'>,
  members: readonly ArticleRecord[],
  limit: number = CORPUS_LIMITS.maxPartnerArticles,
): ArticleRecord[] {
  const byId = new Map<string, Pick<ArticleRecord, 'reprintOf'>>(members.map((a) => [a.id, a]));
  byId.set(article.id, article);
  const selfRoot = reprintRoot(article.id, byId);
  const recent = [...members].sort((a, b) => b.capturedAt - a.capturedAt);
  // The representative of each source: its original when stored, else its latest copy.
  const bySource = new Map<string, ArticleRecord>();
  for (const a of recent) {
    if (a.id === article.id || a.outlet === article.outlet) continue;
    const root = reprintRoot(a.id, byId);
    if (root === selfRoot) continue;
    const prev = bySource.get(root);
    if (!prev || (a.id === root && prev.id !== root)) bySource.set(root, a);
  }
  const outlets = new Set<string>();
  const out: ArticleRecord[] = [];
  for (const a of [...bySource.values()].sort((x, y) => y.capturedAt - x.capturedAt)) {
    if (out.length >= limit) break;
    if (outlets.has(a.outlet)) continue;
    outlets.add(a.outlet);
    out.push(a);
  }
  return out;
}

/** Re-matches stored articles against their stories (after the original they copied was deleted). */
export async function relinkArticles(db: ParallaxDb, terms: TermSet, ids: readonly string[], scorer: PairScorer) {
  for (const id of ids) {
    const article = await db.articles.get(id);
    if (!article) continue;
    const [sentences, members] = await Promise.all([
      db.sentences.where('articleId').equals(id).sortBy('index'),
      storyMembers(db, article.storyId, id),
    ]);
    await linkArticle(db, terms, article, sentences, members, scorer);
  }
}

/** A story's other articles the matcher reads, most recently captured first. */
export async function storyMembers(db: ParallaxDb, storyId: string, exceptId: string): Promise<ArticleRecord[]> {
  return (await db.articles.where('storyId').equals(storyId).toArray())
    .filter((a) => a.id !== exceptId)
    .sort((a, b) => b.capturedAt - a.capturedAt)
    .slice(0, CORPUS_LIMITS.maxStoryArticlesMatched);
}

async function sentencesOf(db: ParallaxDb, articles: readonly ArticleRecord[]): Promise<StoredArticleSentences[]> {
  if (articles.length === 0) return [];
  const all = await rowsAnyOf(db.sentences, 'articleId', articles.map((a) => a.id));
  const byArticle = new Map<string, StoredSentence[]>();
  for (const s of all) {
    const list = byArticle.get(s.articleId) ?? [];
    list.push(s);
    byArticle.set(s.articleId, list);
  }
  return articles.map((a) => ({
    article: summaryOf(a),
    sentences: (byArticle.get(a.id) ?? []).sort((x, y) => x.index - y.index),
  }));
}

function summaryOf(a: ArticleRecord): ArticleSentences['article'] {
  return {
    id: a.id,
    outlet: a.outlet,
    url: a.url,
    title: a.title,
    storyId: a.storyId,
    ...(a.publishedAt ? { publishedAt: a.publishedAt } : {}),
    ...(a.reprintOf ? { reprintOf: a.reprintOf } : {}),
  };
}

export function reverseLink(l: SentenceLink): SentenceLink {
  return {
    a: l.b,
    b: l.a,
    articleA: l.articleB,
    articleB: l.articleA,
    storyId: l.storyId,
    score: l.score,
    reasons: l.reasons,
    differences: l.differences.map(reverseDifference),
  };
}
