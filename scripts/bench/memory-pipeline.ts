/**
 * The capture pipeline (lib/pipeline/plan.ts) over the in-memory corpus, for
 * corpora too large to build in fake-indexeddb within the benchmark's time:
 * the same plan the store applies, read from Maps standing in for the Dexie
 * indexes. Each probe is planned, not applied, so every probe meets the same
 * corpus. In the store these look-ups are indexed reads whose cost grows
 * with the log of the corpus.
 */
import { createScorer } from '../../lib/match/scorer';
import { matchPartners } from '../../lib/pipeline/families';
import { createMemoryCorpus } from '../../lib/pipeline/memory';
import { planCapture } from '../../lib/pipeline/plan';
import type { ArticleInput } from '../../lib/types';
import { termRecords, type CorpusModel } from './model';

export interface PipelineTiming {
  /** Planning the capture: story, wire check, matching, claim groups. */
  total: number;
  /** CPU time of the first plan (this process's user + system), unaffected by waiting for a shared core. */
  cpu: number;
  /** The same article planned again: the story's analyses are cached. */
  warm: number;
  /** Full pair scores the matcher asked of the scorer (first run). */
  pairs: number;
  /** Articles matched against, and the story's articles of other outlets. */
  partners: number;
  storyArticles: number;
  links: number;
  /** Whether the article joined a stored story. */
  joined: boolean;
}

export function createMemoryPipeline(model: CorpusModel) {
  const corpus = createMemoryCorpus();
  corpus.load({
    articles: model.articles,
    sentences: model.sentences,
    stories: model.stories.values(),
    terms: termRecords(model),
    sentenceCount: model.sentenceCount,
  });
  const base = createScorer();
  let pairs = 0;
  const scorer: typeof base = { ...base, score: (a, b, st) => (pairs++, base.score(a, b, st)) };
  const now = Date.parse('2030-01-01T00:00:00Z');

  return async function run(input: ArticleInput): Promise<PipelineTiming> {
    pairs = 0;
    const c1 = process.cpuUsage();
    const t0 = performance.now();
    const plan = await planCapture(input, 'page', corpus, now, { scorer });
    const t1 = performance.now();
    const c2 = process.cpuUsage(c1);
    const scored = pairs;
    await planCapture(input, 'page', corpus, now, { scorer });
    const t2 = performance.now();
    const members = (await corpus.storyArticles(plan.article.storyId)).filter((a) => a.outlet !== input.outlet);
    return {
      total: t1 - t0,
      cpu: (c2.user + c2.system) / 1000,
      warm: t2 - t1,
      pairs: scored,
      partners: matchPartners(plan.article, members).length,
      storyArticles: members.length,
      links: plan.links.length / 2,
      joined: members.length > 0,
    };
  };
}
