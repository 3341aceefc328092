/**
 * The whole engine over a set of articles at once (command line, evaluation):
 * stories, wire copies, sentence links and claim groups.
 */
import { groupClaims, matchArticle, type ArticleSentences, type ClaimGroup, type ClaimGroupRule } from '../match/claims';
import type { PairScorer } from '../match/scorer';
import type { ClaimMatchSettings } from '../match/config';
import { createTermStats } from '../match/term-stats';
import { segmentSentences } from '../text/segment';
import { contentTerms } from '../text/tokens';
import type { ArticleInput, SentenceLink } from '../types';
import { findReprintOf } from './reprints';
import { clusterArticles, parseTime } from './stories';

export interface AlignedArticle extends ArticleInput {
  id: string;
  storyId: string;
  reprintOf?: string;
  sentences: ArticleSentences['sentences'];
}

export interface AlignedStory {
  id: string;
  title: string;
  articleIds: string[];
  outlets: string[];
  links: SentenceLink[];
  claims: ClaimGroup[];
}

export interface AlignResult {
  articles: AlignedArticle[];
  stories: AlignedStory[];
}

/** A stable id for an article without one: its URL. */
export const articleId = (a: ArticleInput, i: number): string => a.id ?? (a.url || `article-${i + 1}`);

export function alignArticles(
  inputs: ArticleInput[],
  options: { scorer?: PairScorer; onProgress?: (done: number, total: number) => void; settings?: ClaimMatchSettings; rule?: ClaimGroupRule } = {},
): AlignResult {
  const articles: AlignedArticle[] = inputs.map((a, i) => {
    const id = articleId(a, i);
    const sentences = segmentSentences(a.text).map((s) => ({ ...s, id: `${id}#${s.index}` }));
    return { ...a, id, storyId: '', sentences };
  });
  const storyIds = clusterArticles(articles.map((a) => ({ id: a.id, title: a.title, text: a.text, outlet: a.outlet, publishedAt: a.publishedAt })));
  articles.forEach((a, i) => (a.storyId = storyIds[i]!));
  const byStory = new Map<string, AlignedArticle[]>();
  for (const a of articles) {
    const members = byStory.get(a.storyId);
    if (members) members.push(a);
    else byStory.set(a.storyId, [a]);
  }

  const stats = createTermStats(articles.flatMap((a) => a.sentences.map((s) => contentTerms(s.text))));
  const stories: AlignedStory[] = [];
  let done = 0;
  for (const [id, members] of byStory) {
    const ordered = [...members].sort((x, y) => (parseTime(x.publishedAt) ?? 0) - (parseTime(y.publishedAt) ?? 0));
    ordered.forEach((a, i) => {
      const earlier = ordered.slice(0, i).map((o) => ({ id: o.id, outlet: o.outlet, text: o.text, publishedAt: o.publishedAt }));
      const original = findReprintOf(a.text, earlier, { outlet: a.outlet, publishedAt: a.publishedAt });
      if (original) a.reprintOf = original;
    });
    const views: ArticleSentences[] = members.map((a) => ({
      article: { id: a.id, outlet: a.outlet, url: a.url, title: a.title, publishedAt: a.publishedAt, reprintOf: a.reprintOf, storyId: id },
      sentences: a.sentences,
    }));
    const links: SentenceLink[] = [];
    for (const v of views) {
      for (const link of matchArticle(v, views.filter((o) => o !== v), stats, options.scorer, options.settings)) links.push(link);
      options.onProgress?.(++done, articles.length);
    }
    const sentenceInfo = new Map<string, { articleId: string; outlet: string; text: string }>();
    for (const a of members) for (const s of a.sentences) sentenceInfo.set(s.id, { articleId: a.id, outlet: a.outlet, text: s.text });
    stories.push({
      id,
      title: ordered[0]?.title ?? '',
      articleIds: members.map((a) => a.id),
      outlets: [...new Set(members.map((a) => a.outlet))],
      links,
      claims: groupClaims(links, sentenceInfo, undefined, { rule: options.rule }),
    });
  }
  return { articles, stories };
}
