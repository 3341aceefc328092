/**
 * Where matching time goes at one corpus size: story sizes of the probes,
 * analysis cost of the story's sentences, and matchArticle cold / warm.
 *
 *   npx tsx scripts/bench/profile-match.ts [sentences] [probes]
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyseCached, matchArticle, type ArticleSentences } from '../../lib/match/claims';
import { createScorer } from '../../lib/match/scorer';
import type { TermStats } from '../../lib/match/term-stats';
import { assignStory, storyFeatures, storyKeys } from '../../lib/story/stories';
import { segmentSentences } from '../../lib/text/segment';
import { contentTerms } from '../../lib/text/tokens';
import type { ArticleRecord, StoryRecord } from '../../lib/db/db';
import type { StoredSentence } from '../../lib/types';
import { CORPUS_LIMITS } from '../../lib/corpus/config';
import { matchPartners } from '../../lib/corpus/links';
import { loadBaseStories, seeded } from './data';
import { buildModel, generateArticles, replicaTime, titleFrom, variant } from './model';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const size = Number(process.argv[2] ?? 1_000_000);
const count = Number(process.argv[3] ?? 10);
const limits = (process.argv[4] ?? '1000').split(',').map(Number);
const { stories } = loadBaseStories(repoRoot);
const t0 = performance.now();
const model = buildModel(stories, generateArticles(stories, size));
console.log(`model ${size}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const byStory = new Map<string, ArticleRecord[]>();
for (const a of model.articles) (byStory.get(a.storyId) ?? byStory.set(a.storyId, []).get(a.storyId)!).push(a);
const byArticle = new Map<string, StoredSentence[]>();
for (const s of model.sentences) (byArticle.get(s.articleId) ?? byArticle.set(s.articleId, []).get(s.articleId)!).push(s);
const sizes = [...byStory.values()].map((as) => as.reduce((n, a) => n + a.sentenceCount, 0)).sort((a, b) => a - b);
const arts = [...byStory.values()].map((as) => as.length).sort((a, b) => a - b);
const q = (xs: number[], f: number) => xs[Math.min(xs.length - 1, Math.floor(f * xs.length))];
console.log(`story sentences p50 ${q(sizes, 0.5)} p90 ${q(sizes, 0.9)} p95 ${q(sizes, 0.95)} max ${q(sizes, 1)}; articles p50 ${q(arts, 0.5)} p95 ${q(arts, 0.95)} max ${q(arts, 1)}`);
const baseSizes = stories.map((b) => b.docs.flat().length).sort((a, b) => a - b);
console.log(`base story sentences p50 ${q(baseSizes, 0.5)} p95 ${q(baseSizes, 0.95)} max ${q(baseSizes, 1)}`);

const keyIndex = new Map<string, string[]>();
for (const s of model.stories.values()) for (const k of s.keys) (keyIndex.get(k) ?? keyIndex.set(k, []).get(k)!).push(s.id);
const stats: TermStats = { docCount: model.sentenceCount, df: (t) => model.df.get(t) ?? 0 };
const base = createScorer();
let pairs = 0;
const scorer: typeof base = { ...base, score: (a, b, st) => (pairs++, base.score(a, b, st)) };
const rand = seeded(2);
const replicas = Math.max(1, ...model.articles.map((a) => Number(a.storyId.split('-')[2]) + 1));
for (let n = 0; n < count; n++) {
  const s = Math.floor(rand() * stories.length);
  const r = Math.floor(rand() * replicas);
  const base = stories[s]!;
  const text = variant(base, Math.floor(rand() * base.docs.length), rand, 100).join(' ');
  void replicaTime;
  const spans = segmentSentences(text);
  const sentences = spans.map((sp) => ({ ...sp, id: `new${n}#${sp.index}` }));
  const f = storyFeatures({ id: 'new', title: titleFrom(spans[0]!.text), text, outlet: 'Bench Herald', publishedAt: new Date(replicaTime(s, r) + 7_200_000).toISOString() }, stats);
  const counts = new Map<string, number>();
  for (const k of storyKeys(f)) for (const id of keyIndex.get(k) ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
  const candidates = [...counts].sort((a, b) => b[1] - a[1]).slice(0, CORPUS_LIMITS.maxCandidateStories).map(([id]) => model.stories.get(id)).filter((x): x is StoryRecord => !!x);
  const { storyId } = assignStory(f, candidates);
  const all = (storyId ? byStory.get(storyId) ?? [] : []).slice(-CORPUS_LIMITS.maxStoryArticlesMatched);
  for (const limit of limits) {
  const members = matchPartners({ id: `new${n}`, outlet: 'Bench Herald' }, all, limit);
  const others: ArticleSentences[] = members.map((a) => ({ article: { id: a.id, outlet: a.outlet, url: a.url, title: a.title }, sentences: byArticle.get(a.id) ?? [] }));
  const nOther = others.reduce((k, o) => k + o.sentences.length, 0);
  const distinct = new Set(others.flatMap((o) => o.sentences.map((x) => x.text)));
  const ta = performance.now();
  for (const x of sentences) analyseCached(x.text);
  for (const t of distinct) analyseCached(t);
  const tb = performance.now();
  const target = { article: { id: `new${n}`, outlet: 'Bench Herald', url: 'u', title: 't' }, sentences };
  pairs = 0;
  const links = matchArticle(target, others, stats, scorer).length;
  const tc = performance.now();
  const p1 = pairs;
  matchArticle(target, others, stats, scorer);
  const td = performance.now();
  const outlets = new Set(members.map((a) => a.outlet)).size;
  console.log(`probe ${n}: story ${storyId} ${members.length} articles (${outlets} outlets), ${nOther} sentences (${distinct.size} distinct); analyse ${(tb - ta).toFixed(0)} ms; match after analysis ${(tc - tb).toFixed(0)} ms; again ${(td - tc).toFixed(0)} ms; links ${links}; pairs scored ${p1}; limit ${limit}`);
  }
}
