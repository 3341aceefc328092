import type { Corpus } from '../corpus/corpus';
import type { ParallaxDb } from '../db/db';
import { search } from '../search/search';
import { checkArticle } from '../feeds/article-check';
import type { Handlers } from '../messaging/router';
import type { StoreStats } from '../messaging/protocol';
import type { ArticleInput } from '../types';

export interface BackgroundDeps {
  db: ParallaxDb;
  corpus: Corpus;
  /** navigator.storage.estimate where available. */
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
}

const MAX_TEXT_LENGTH = 2_000_000;

/** Checks the shape of an article sent by a content script before anything is stored. */
export function validateArticleInput(value: unknown): ArticleInput {
  if (typeof value !== 'object' || value === null) throw new Error('the article is missing');
  const v = value as Record<string, unknown>;
  for (const key of ['url', 'outlet', 'title', 'text'] as const) {
    if (typeof v[key] !== 'string' || !(v[key] as string).trim()) throw new Error(`the article has no ${key}`);
  }
  for (const key of ['id', 'byline', 'publishedAt', 'lang'] as const) {
    if (v[key] !== undefined && typeof v[key] !== 'string') throw new Error(`the article's ${key} is not text`);
  }
  if ((v.text as string).length > MAX_TEXT_LENGTH) throw new Error('the article is too long to store');
  let url: URL;
  try {
    url = new URL(v.url as string);
  } catch {
    throw new Error('the article URL is not a valid address');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('only web pages are captured');
  return {
    url: url.href,
    outlet: v.outlet as string,
    title: v.title as string,
    text: v.text as string,
    ...(typeof v.id === 'string' ? { id: v.id } : {}),
    ...(typeof v.byline === 'string' ? { byline: v.byline } : {}),
    ...(typeof v.publishedAt === 'string' ? { publishedAt: v.publishedAt } : {}),
    ...(typeof v.lang === 'string' ? { lang: v.lang } : {}),
  };
}

export function createBackgroundHandlers(deps: BackgroundDeps): Handlers {
  const { corpus } = deps;
  const withUsage = async (stats: StoreStats): Promise<StoreStats> => {
    if (!deps.estimate) return stats;
    try {
      const { usage, quota } = await deps.estimate();
      return { ...stats, ...(usage !== undefined ? { usage } : {}), ...(quota !== undefined ? { quota } : {}) };
    } catch {
      return stats;
    }
  };
  return {
    async capture({ article }) {
      const input = validateArticleInput(article);
      const host = new URL(input.url).hostname;
      if (await corpus.isPaused(host)) return { status: 'paused', message: `Capture is paused for ${host}.` };
      const check = checkArticle(input);
      if (!check.ok) return { status: 'rejected', message: check.reason };
      const { annotation } = await corpus.ingest(input, 'page');
      return { status: 'stored', annotation };
    },
    annotate: ({ url }) => corpus.annotate(url),
    pageSummary: ({ url }) => corpus.pageSummary(url),
    search: ({ query, limit }) => search(deps.db, query, limit),
    getPause: () => corpus.getPause(),
    setPause: (change) => corpus.setPause(change),
    stats: async () => withUsage(await corpus.stats()),
    deleteOutlet: async ({ outlet }) => {
      await corpus.deleteOutlet(outlet);
      return withUsage(await corpus.stats());
    },
    deleteAll: async () => {
      await corpus.deleteAll();
      return withUsage(await corpus.stats());
    },
  };
}
