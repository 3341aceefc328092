/**
 * Wire-copy families: an article that copies another outlet's text (a
 * reprint) points at its original with `reprintOf`. This module is the one
 * definition of who belongs to which family; the matcher, the card and the
 * plan all read families through it.
 */
import type { ArticleRecord } from '../types';
import { CORPUS_LIMITS } from './config';
import { reprintRoot } from '../story/reprints';

export { reprintRoot, sourceOf } from '../story/reprints';

/** Outlets of the story's independent articles (wire copies count once, as their original), other than this page's. */
export function independentOutlets(article: ArticleRecord, storyArticles: readonly ArticleRecord[]): string[] {
  const byId = new Map(storyArticles.map((a) => [a.id, a]));
  byId.set(article.id, article);
  const selfRoot = reprintRoot(article.id, byId);
  const outlets = new Set<string>();
  for (const a of storyArticles) {
    if (a.outlet === article.outlet) continue;
    const root = reprintRoot(a.id, byId);
    if (root !== a.id || root === selfRoot) continue;
    outlets.add(a.outlet);
  }
  return [...outlets].sort((x, y) => x.localeCompare(y));
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
