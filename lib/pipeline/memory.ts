/**
 * The corpus held in memory: the view the command line, the evaluations and
 * the benchmark plan captures against, and the same plans applied to plain
 * maps instead of IndexedDB.
 */
import type { ArticleRecord, ClaimsRecord, LinkRecord, StoredSentence, StoryRecord, TermRecord } from '../types';
import type { CapturePlan, CorpusView } from './plan';
import { outletKey } from './ids';

const linkKey = (a: string, b: string): string => `${a}\u0000${b}`;

function addTo<K, V>(index: Map<K, Set<V>>, key: K, value: V): void {
  let set = index.get(key);
  if (!set) index.set(key, (set = new Set()));
  set.add(value);
}

function removeFrom<K, V>(index: Map<K, Set<V>>, key: K, value: V): void {
  const set = index.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) index.delete(key);
}

/** Records put in bulk (a benchmark's corpus built outside the pipeline). */
export interface MemoryRecords {
  articles: Iterable<ArticleRecord>;
  sentences: Iterable<StoredSentence>;
  stories: Iterable<StoryRecord>;
  terms: Iterable<TermRecord>;
  sentenceCount: number;
  articleCount?: number;
}

export interface MemoryCorpus extends CorpusView {
  apply(plan: CapturePlan): void;
  load(records: MemoryRecords): void;
  allArticles(): ArticleRecord[];
  allStories(): StoryRecord[];
  claimsOf(storyId: string): ClaimsRecord | undefined;
}

export function createMemoryCorpus(): MemoryCorpus {
  const articles = new Map<string, ArticleRecord>();
  const byUrl = new Map<string, string>();
  const byStory = new Map<string, Set<string>>();
  const byOutlet = new Map<string, Set<string>>();
  const byHost = new Map<string, Set<string>>();
  const sentences = new Map<string, StoredSentence>();
  const sentencesByArticle = new Map<string, Set<string>>();
  const links = new Map<string, LinkRecord>();
  const linksByArticle = new Map<string, Set<string>>();
  const linksByStory = new Map<string, Set<string>>();
  const stories = new Map<string, StoryRecord>();
  const storiesByKey = new Map<string, Set<string>>();
  const claims = new Map<string, ClaimsRecord>();
  const terms = new Map<string, TermRecord>();
  let counts = { sentences: 0, articles: 0 };
  let lastCaptured: number | undefined;

  function putArticle(a: ArticleRecord): void {
    const prev = articles.get(a.id);
    if (prev) {
      byUrl.delete(prev.url);
      removeFrom(byStory, prev.storyId, prev.id);
      removeFrom(byOutlet, prev.outlet, prev.id);
      removeFrom(byHost, prev.host, prev.id);
    }
    articles.set(a.id, a);
    byUrl.set(a.url, a.id);
    addTo(byStory, a.storyId, a.id);
    addTo(byOutlet, a.outlet, a.id);
    addTo(byHost, a.host, a.id);
    lastCaptured = Math.max(lastCaptured ?? -Infinity, a.capturedAt);
  }

  function putStory(s: StoryRecord): void {
    const prev = stories.get(s.id);
    if (prev) for (const k of prev.keys) removeFrom(storiesByKey, k, s.id);
    stories.set(s.id, s);
    for (const k of new Set(s.keys)) addTo(storiesByKey, k, s.id);
  }

  function deleteLink(key: string): void {
    const l = links.get(key);
    if (!l) return;
    links.delete(key);
    removeFrom(linksByArticle, l.articleA, key);
    removeFrom(linksByArticle, l.articleB, key);
    removeFrom(linksByStory, l.storyId, key);
  }

  return {
    articleById: async (id) => articles.get(id),
    articleByUrl: async (url) => {
      const id = byUrl.get(url);
      return id === undefined ? undefined : articles.get(id);
    },
    lastCapturedAt: async () => lastCaptured,
    termCounts: async () => ({ ...counts }),
    terms: async (keys) => keys.map((k) => terms.get(k)),
    storyIdsByKeys: async (keys) => [...new Set(keys)].flatMap((k) => [...(storiesByKey.get(k) ?? [])]),
    stories: async (ids) => ids.map((id) => stories.get(id)),
    storyArticles: async (storyId) => [...(byStory.get(storyId) ?? [])].map((id) => articles.get(id)!),
    sentencesOf: async (ids) => ids.flatMap((id) => [...(sentencesByArticle.get(id) ?? [])].map((s) => sentences.get(s)!)),
    sentences: async (ids) => ids.map((id) => sentences.get(id)),
    linksTouching: async (ids) => {
      const keys = new Set(ids.flatMap((id) => [...(linksByArticle.get(id) ?? [])]));
      return [...keys].map((k) => links.get(k)!);
    },
    storyLinks: async (storyId) => [...(linksByStory.get(storyId) ?? [])].map((k) => links.get(k)!),
    outletHosts: async (outlet, host) => {
      const key = outletKey(outlet);
      const named = [...byOutlet].filter(([name]) => outletKey(name) === key).flatMap(([, ids]) => [...ids]);
      const mine = byHost.get(host);
      return { here: named.some((id) => mine?.has(id)), elsewhere: named.some((id) => !mine?.has(id)) };
    },
    // No feeds are followed in memory: a host is known by what was stored before.
    knownHost: async (host, before) => [...(byHost.get(host) ?? [])].some((id) => articles.get(id)!.capturedAt < before),

    apply(plan) {
      for (const id of plan.removeSentences) {
        const s = sentences.get(id);
        if (!s) continue;
        sentences.delete(id);
        removeFrom(sentencesByArticle, s.articleId, id);
      }
      for (const [a, b] of plan.removeLinks) deleteLink(linkKey(a, b));
      putArticle(plan.article);
      for (const a of plan.articleUpdates) putArticle(a);
      for (const s of plan.sentences) {
        sentences.set(s.id, s);
        addTo(sentencesByArticle, s.articleId, s.id);
      }
      for (const l of plan.links) {
        const key = linkKey(l.a, l.b);
        deleteLink(key);
        links.set(key, l);
        addTo(linksByArticle, l.articleA, key);
        addTo(linksByArticle, l.articleB, key);
        addTo(linksByStory, l.storyId, key);
      }
      if (plan.story) putStory(plan.story);
      if (plan.claims) claims.set(plan.claims.storyId, plan.claims);
      for (const r of plan.terms.put) terms.set(r.term, r);
      for (const t of plan.terms.drop) terms.delete(t);
      counts = {
        sentences: plan.terms.sentenceCount ?? counts.sentences,
        articles: plan.terms.articleCount ?? counts.articles,
      };
    },
    load(records) {
      for (const a of records.articles) putArticle(a);
      for (const x of records.sentences) {
        sentences.set(x.id, x);
        addTo(sentencesByArticle, x.articleId, x.id);
      }
      for (const st of records.stories) putStory(st);
      for (const t of records.terms) terms.set(t.term, t);
      counts = { sentences: records.sentenceCount, articles: records.articleCount ?? counts.articles };
    },
    allArticles: () => [...articles.values()],
    allStories: () => [...stories.values()],
    claimsOf: (storyId) => claims.get(storyId),
  };
}
