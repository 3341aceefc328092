/**
 * Several captures planned in one transaction. `batchView` is the store as
 * it will be once the plans made so far are applied: the store's rows, each
 * read at most once in the transaction and kept, under the plans' changes
 * held in memory. Every answer is the one the store itself would give after
 * applying those plans in turn (the same rows, in the same order), so each
 * plan is the plan a capture of its own would make. `write` then stores
 * every row's last state together: a row several plans change (a common
 * term, a story) is written once, and nothing is written until all the
 * plans are made.
 */
import type { IndexableType, Table } from 'dexie';
import type { ArticleRecord, ParallaxDb } from '../db/db';
import { CORPUS_LIMITS } from '../pipeline/config';
import { matchPartners } from '../pipeline/families';
import { articleIdFor, outletKey } from '../pipeline/ids';
import type { CapturePlan, CorpusView, PreparedCapture } from '../pipeline/plan';
import { assignStory, storyKeys, weighStory } from '../story/stories';
import type { ClaimsRecord, LinkRecord, StoredSentence, StoryRecord, TermRecord } from '../types';
import { BATCH_READS } from './config';
import { ARTICLE_COUNT_KEY, SENTENCE_COUNT_KEY } from './term-set';
import { dexieView } from './view';

export interface BatchView extends CorpusView {
  /** Takes a plan's changes into the view, as `applyPlan` would write them. */
  apply(plan: CapturePlan): void;
  /** Writes the changes of every plan applied, in the view's transaction. */
  write(): Promise<void>;
  /**
   * Reads ahead, in a few requests for the whole batch, the stored rows the
   * plans of `items` are likely to ask for (see `readAhead`). Only fills the
   * view's caches of the store as the batch found it, so no answer changes.
   * Never rejects. Await it before planning: run alongside the plans, it let
   * the transaction commit before they were written (Dexie's PrematureCommitError).
   */
  prefetch(items: readonly PreparedCapture[]): Promise<void>;
}

const linkKey = (a: string, b: string): string => `${a}\u0000${b}`;

/** IndexedDB's order of string keys: by UTF-16 code units, as `<` compares. */
const byKey = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
const byId = <T extends { id: string }>(x: T, y: T): number => byKey(x.id, y.id);
const byLinkKey = (x: LinkRecord, y: LinkRecord): number => byKey(x.a, y.a) || byKey(x.b, y.b);

/** One read per key for the whole batch: later asks share the first read's answer. */
function once<K, V>(read: (key: K) => Promise<V>): (key: K) => Promise<V> {
  const kept = new Map<K, Promise<V>>();
  return (key) => {
    let p = kept.get(key);
    if (!p) kept.set(key, (p = read(key)));
    return p;
  };
}

/**
 * Rows by primary key, the keys not read yet fetched together (one `bulkGet`,
 * unless `read` says otherwise). Rows are kept by key, and each read is
 * awaited once for all its keys: a promise a key would make every answer go
 * through Dexie's zone switching for each of thousands of terms.
 */
function rowsOnce<T, K extends IndexableType>(
  table: Table<T, K>,
  read: (keys: K[]) => Promise<(T | undefined)[]> = (keys) => table.bulkGet(keys),
) {
  const rows = new Map<K, T | undefined>();
  const pending = new Map<K, Promise<void>>();
  return {
    seed(key: K, row: T): void {
      if (!rows.has(key) && !pending.has(key)) rows.set(key, row);
    },
    async get(keys: readonly K[]): Promise<(T | undefined)[]> {
      const missing = [...new Set(keys.filter((k) => !rows.has(k) && !pending.has(k)))];
      if (missing.length) {
        const done = read(missing).then((found) =>
          missing.forEach((k, i) => {
            rows.set(k, found[i]);
            pending.delete(k);
          }),
        );
        for (const k of missing) pending.set(k, done);
      }
      const waits = new Set<Promise<void>>();
      for (const k of keys) {
        const p = pending.get(k);
        if (p) waits.add(p);
      }
      if (waits.size) await Promise.all(waits);
      return keys.map((k) => rows.get(k));
    },
  };
}

/**
 * Term records by key, for many keys at once: the keys in the store's order,
 * cut into runs of BATCH_READS.termRun, each run read as one key range of at
 * most BATCH_READS.termSpread rows a key (one request instead of one a key).
 * A batch's vocabulary is much of a small store's, little of a large one's:
 * the middle run tells which, and when its range held more than that many rows
 * the other keys are read one by one, as `bulkGet` does. A truncated range's
 * keys past its last row are read one by one too.
 */
async function readTerms(db: ParallaxDb, keys: string[]): Promise<(TermRecord | undefined)[]> {
  const { termRun, termSpread } = BATCH_READS;
  if (keys.length < 2 * termRun) return db.terms.bulkGet(keys);
  const sorted = [...keys].sort(byKey);
  const runs: string[][] = [];
  for (let i = 0; i < sorted.length; i += termRun) runs.push(sorted.slice(i, i + termRun));
  const found = new Map<string, TermRecord>();
  const rest: string[] = [];
  const readRun = async (run: string[]): Promise<boolean> => {
    const first = run[0]!;
    const last = run[run.length - 1]!;
    const most = run.length * termSpread;
    const rows = await db.terms.where(':id').between(first, last, true, true).limit(most).toArray();
    for (const r of rows) found.set(r.term, r);
    const whole = rows.length < most;
    const through = whole ? last : rows[rows.length - 1]!.term;
    for (const k of run) if (k > through) rest.push(k);
    return whole;
  };
  // The middle run tells (the lowest and highest keys, figures and rare words, lie apart more often).
  const probe = Math.floor(runs.length / 2);
  const others = runs.filter((_, i) => i !== probe);
  if (await readRun(runs[probe]!)) await Promise.all(others.map(readRun));
  else rest.push(...others.flat());
  const more = rest.length ? await db.terms.bulkGet(rest) : [];
  rest.forEach((k, i) => {
    const r = more[i];
    if (r) found.set(k, r);
  });
  return keys.map((k) => found.get(k));
}

/** A view over `db` and the plans applied to it. Must be used inside a transaction over the corpus tables. */
export function batchView(db: ParallaxDb): BatchView {
  // The store as it was when the batch began (nothing is written before `write`).
  const storedArticles = rowsOnce(db.articles);
  const storedSentences = rowsOnce(db.sentences);
  const storedStories = rowsOnce(db.stories);
  const storedTerms = rowsOnce(db.terms, (keys) => readTerms(db, keys));
  const storedByUrl = once((url: string) => db.articles.where('url').equals(url).first());
  const storedLast = once(async (_: 0) => (await db.articles.orderBy('capturedAt').last())?.capturedAt);
  const readCount = async (key: string): Promise<number> => {
    const rec = await db.settings.get(key);
    return typeof rec?.value === 'number' ? rec.value : 0;
  };
  const storedCounts = once(async (_: 0) => ({
    sentences: await readCount(SENTENCE_COUNT_KEY),
    articles: await readCount(ARTICLE_COUNT_KEY),
  }));
  const storedStoryIdsByKey = once((key: string) => db.stories.where('keys').equals(key).primaryKeys());
  const storedStoryArticles = once(async (storyId: string) => {
    const rows = await db.articles.where('storyId').equals(storyId).toArray();
    for (const a of rows) storedArticles.seed(a.id, a);
    return rows;
  });
  const storedSentencesOf = once(async (articleId: string) => {
    const rows = await db.sentences.where('articleId').equals(articleId).toArray();
    for (const s of rows) storedSentences.seed(s.id, s);
    return rows;
  });
  const storedLinksFrom = once((articleId: string) => db.links.where('articleA').equals(articleId).toArray());
  const storedLinksTo = once((articleId: string) => db.links.where('articleB').equals(articleId).toArray());
  const storedStoryLinks = once((storyId: string) => db.links.where('storyId').equals(storyId).toArray());
  const storedOutletNames = once(async (_: 0) => (await db.articles.orderBy('outlet').uniqueKeys()).map(String));
  const storedIdsOfOutlet = once((outlet: string) => db.articles.where('outlet').equals(outlet).primaryKeys());
  const storedIdsOfHost = once((host: string) => db.articles.where('host').equals(host).primaryKeys());
  const store = dexieView(db);
  const storedKnownHost = once(async (key: string) => {
    const [host, before] = key.split('\u0000') as [string, string];
    return store.knownHost(host, Number(before));
  });

  // What the plans applied so far change (null: deleted).
  const articles = new Map<string, ArticleRecord>();
  const sentences = new Map<string, StoredSentence | null>();
  const sentencesByArticle = new Map<string, Set<string>>();
  const links = new Map<string, LinkRecord | null>();
  const linkKeys = new Map<string, [string, string]>();
  const stories = new Map<string, StoryRecord>();
  const claims = new Map<string, ClaimsRecord>();
  const terms = new Map<string, TermRecord | null>();
  const counts: { sentences?: number; articles?: number } = {};

  const putArticle = (a: ArticleRecord): void => void articles.set(a.id, a);
  const setSentence = (id: string, s: StoredSentence | null): void => {
    sentences.set(id, s);
    if (s) {
      let set = sentencesByArticle.get(s.articleId);
      if (!set) sentencesByArticle.set(s.articleId, (set = new Set()));
      set.add(id);
    }
  };
  const setLink = (a: string, b: string, l: LinkRecord | null): void => {
    const key = linkKey(a, b);
    links.set(key, l);
    linkKeys.set(key, [a, b]);
  };
  const liveLinks = (): LinkRecord[] => [...links.values()].filter((l): l is LinkRecord => l !== null);

  /**
   * The reads the plans of `items` will most likely make of the store as the
   * batch found it, made phase by phase for all the items at once instead of
   * one article's round trips after another's: their addresses and terms; the
   * story look-up keys their features would have with the stored counts, and
   * those stories; the story each would join, its articles and links; the
   * sentences and terms of the articles it would be matched with. A wrong
   * guess costs a few reads, never an answer: the plans read through the same caches.
   * It works from each article's `prepareCapture`, the one its plan is then made with.
   */
  async function readAhead(items: readonly PreparedCapture[]): Promise<void> {
    const guesses = items.map((p) => {
      const terms = new Set(p.titleTerms);
      for (const st of p.sentenceTerms) for (const t of st) terms.add(t);
      return { input: p.input, url: p.url, host: p.host, story: p.story, id: p.input.id ?? articleIdFor(p.url), terms: [...terms] };
    });
    if (guesses.length === 0) return;
    const allTerms = [...new Set(guesses.flatMap((g) => g.terms))];
    const [counts, termRows] = await Promise.all([
      storedCounts(0),
      storedTerms.get(allTerms),
      storedLast(0),
      storedOutletNames(0),
      ...guesses.map((g) => storedByUrl(g.url)),
      ...guesses.flatMap((g) => (g.input.id ? [storedArticles.get([g.input.id])] : [])),
    ]);
    const names = await storedOutletNames(0);
    const outletKeys = new Set(guesses.map((g) => outletKey(g.input.outlet)));
    const hosts = new Set(guesses.map((g) => g.host));
    const articleDf = new Map(allTerms.map((t, i) => [t, termRows[i]?.articleDf ?? 0]));
    // Each article counted before it is weighed, as the plan counts it.
    const stats = { docCount: counts.articles + 1, df: (t: string) => (articleDf.get(t) ?? 0) + 1 };
    const withKeys = guesses.map((g) => {
      const features = weighStory(g.story, stats);
      return { ...g, features, keys: [...new Set(storyKeys(features))] };
    });
    await Promise.all([
      ...[...new Set(withKeys.flatMap((g) => g.keys))].map((k) => storedStoryIdsByKey(k)),
      ...names.filter((n) => outletKeys.has(outletKey(n))).map((n) => storedIdsOfOutlet(n)),
      ...[...hosts].map((h) => storedIdsOfHost(h)),
    ]);
    const withCandidates = await Promise.all(
      withKeys.map(async (g) => {
        const hits = new Map<string, number>();
        for (const k of g.keys) for (const id of await storedStoryIdsByKey(k)) hits.set(id, (hits.get(id) ?? 0) + 1);
        const best = [...hits]
          .sort((a, b) => b[1] - a[1] || byKey(a[0], b[0]))
          .slice(0, CORPUS_LIMITS.maxCandidateStories)
          .map(([id]) => id);
        return { ...g, best };
      }),
    );
    await storedStories.get([...new Set(withCandidates.flatMap((g) => g.best))]);
    const joined = await Promise.all(
      withCandidates.map(async (g) => {
        const candidates = (await storedStories.get(g.best)).filter((s): s is StoryRecord => s !== undefined);
        const storyId = assignStory(g.features, candidates).storyId;
        return storyId ? [{ ...g, storyId }] : [];
      }),
    );
    const chosen = joined.flat();
    await Promise.all(chosen.flatMap((g) => [storedStoryArticles(g.storyId), storedStoryLinks(g.storyId)]));
    const partners = new Set<string>();
    for (const g of chosen) {
      const members = (await storedStoryArticles(g.storyId))
        .filter((a) => a.id !== g.id)
        .sort((a, b) => b.capturedAt - a.capturedAt)
        .slice(0, CORPUS_LIMITS.maxStoryArticlesMatched);
      for (const a of matchPartners({ id: g.id, outlet: g.input.outlet }, members)) partners.add(a.id);
    }
    const partnerSentences = (await Promise.all([...partners].map((id) => storedSentencesOf(id)))).flat();
    const linkSentences = new Set<string>();
    for (const g of chosen) for (const l of await storedStoryLinks(g.storyId)) linkSentences.add(l.a).add(l.b);
    await Promise.all([storedTerms.get([...new Set(partnerSentences.flatMap((s) => s.terms))]), storedSentences.get([...linkSentences])]);
  }

  return {
    articleById: async (id) => articles.get(id) ?? (await storedArticles.get([id]))[0],
    articleByUrl: async (url) => {
      for (const a of articles.values()) if (a.url === url) return a;
      const stored = await storedByUrl(url);
      // A changed article under another address now: the stored row no longer answers for this one.
      return stored && !articles.has(stored.id) ? stored : undefined;
    },
    lastCapturedAt: async () => {
      let last = await storedLast(0);
      for (const a of articles.values()) last = Math.max(last ?? -Infinity, a.capturedAt);
      return last;
    },
    termCounts: async () => {
      const stored = await storedCounts(0);
      return { sentences: counts.sentences ?? stored.sentences, articles: counts.articles ?? stored.articles };
    },
    terms: async (keys) => {
      const stored = await storedTerms.get(keys.filter((k) => !terms.has(k)));
      let i = 0;
      return keys.map((k) => (terms.has(k) ? (terms.get(k) ?? undefined) : stored[i++]));
    },
    storyIdsByKeys: async (keys) => {
      const out: string[] = [];
      const unique = [...new Set(keys)];
      await Promise.all(unique.map((key) => storedStoryIdsByKey(key)));
      for (const key of unique) {
        const ids = (await storedStoryIdsByKey(key)).filter((id) => !stories.has(id));
        for (const s of stories.values()) if (s.keys.includes(key)) ids.push(s.id);
        out.push(...ids.sort(byKey));
      }
      return out;
    },
    stories: async (ids) => {
      const stored = await storedStories.get(ids.filter((id) => !stories.has(id)));
      let i = 0;
      return ids.map((id) => stories.get(id) ?? stored[i++]);
    },
    storyArticles: async (storyId) => {
      const rows = (await storedStoryArticles(storyId)).filter((a) => !articles.has(a.id));
      for (const a of articles.values()) if (a.storyId === storyId) rows.push(a);
      return rows.sort(byId);
    },
    sentencesOf: async (articleIds) => {
      const out: StoredSentence[] = [];
      const lists = await Promise.all([...new Set(articleIds)].map(async (id) => [id, await storedSentencesOf(id)] as const));
      for (const [id, stored] of lists) {
        const rows = stored.filter((s) => !sentences.has(s.id));
        for (const sid of sentencesByArticle.get(id) ?? []) {
          const s = sentences.get(sid);
          if (s && s.articleId === id) rows.push(s);
        }
        out.push(...rows.sort(byId));
      }
      return out;
    },
    sentences: async (ids) => {
      const stored = await storedSentences.get(ids.filter((id) => !sentences.has(id)));
      let i = 0;
      return ids.map((id) => (sentences.has(id) ? (sentences.get(id) ?? undefined) : stored[i++]));
    },
    linksTouching: async (articleIds) => {
      // dexieView's order: each article's links from it, then each one's links to it, each link once.
      const ids = [...new Set(articleIds)];
      await Promise.all(ids.flatMap((id) => [storedLinksFrom(id), storedLinksTo(id)]));
      const out = new Map<string, LinkRecord>();
      for (const [stored, side] of [
        [storedLinksFrom, 'articleA'],
        [storedLinksTo, 'articleB'],
      ] as const) {
        for (const id of ids) {
          const rows = (await stored(id)).filter((l) => !links.has(linkKey(l.a, l.b)));
          for (const l of liveLinks()) if (l[side] === id) rows.push(l);
          for (const l of rows.sort(byLinkKey)) if (!out.has(linkKey(l.a, l.b))) out.set(linkKey(l.a, l.b), l);
        }
      }
      return [...out.values()];
    },
    storyLinks: async (storyId) => {
      const rows = (await storedStoryLinks(storyId)).filter((l) => !links.has(linkKey(l.a, l.b)));
      for (const l of liveLinks()) if (l.storyId === storyId) rows.push(l);
      return rows.sort(byLinkKey);
    },
    outletHosts: async (outlet, host) => {
      // As dexieView: names spelt differently but compared alike (outletKey) are one name.
      const key = outletKey(outlet);
      const names = (await storedOutletNames(0)).filter((n) => outletKey(n) === key);
      const named = new Set<string>();
      for (const ids of await Promise.all(names.map((n) => storedIdsOfOutlet(n))))
        for (const id of ids) if (!articles.has(id)) named.add(id);
      for (const a of articles.values()) if (outletKey(a.outlet) === key) named.add(a.id);
      if (named.size === 0) return { here: false, elsewhere: false };
      const mine = new Set((await storedIdsOfHost(host)).filter((id) => !articles.has(id)));
      for (const a of articles.values()) if (a.host === host) mine.add(a.id);
      const ids = [...named];
      return { here: ids.some((id) => mine.has(id)), elsewhere: ids.some((id) => !mine.has(id)) };
    },
    knownHost: async (host, before) => {
      // An article keeps its host and capture time through every change, so a stored one still counts.
      for (const a of articles.values()) if (a.host === host && a.capturedAt < before) return true;
      return storedKnownHost(`${host}\u0000${before}`);
    },

    apply(plan) {
      for (const id of plan.removeSentences) setSentence(id, null);
      for (const [a, b] of plan.removeLinks) setLink(a, b, null);
      putArticle(plan.article);
      for (const a of plan.articleUpdates) putArticle(a);
      for (const s of plan.sentences) setSentence(s.id, s);
      for (const l of plan.links) setLink(l.a, l.b, l);
      if (plan.story) stories.set(plan.story.id, plan.story);
      if (plan.claims) claims.set(plan.claims.storyId, plan.claims);
      for (const r of plan.terms.put) terms.set(r.term, r);
      for (const t of plan.terms.drop) terms.set(t, null);
      if (plan.terms.sentenceCount !== undefined) counts.sentences = plan.terms.sentenceCount;
      if (plan.terms.articleCount !== undefined) counts.articles = plan.terms.articleCount;
    },

    async prefetch(items) {
      try {
        await readAhead(items);
      } catch {
        // Only a guess: the plans read what they need themselves.
      }
    },

    async write() {
      const gone = <V>(m: Map<string, V | null>): string[] => [...m].filter(([, v]) => v === null).map(([k]) => k);
      const kept = <V>(m: Map<string, V | null>): V[] => [...m.values()].filter((v): v is V => v !== null);
      const deadSentences = gone(sentences);
      const deadLinks = gone(links).map((k) => linkKeys.get(k)!);
      const deadTerms = gone(terms);
      if (deadSentences.length) await db.sentences.bulkDelete(deadSentences);
      if (deadLinks.length) await db.links.bulkDelete(deadLinks);
      // The puts (and the vocabulary's deletions, of other keys) go out together: the store works through
      // them in order while the next ones are made ready, instead of waiting on each table in turn.
      const liveSentences = kept(sentences);
      const live = liveLinks();
      const liveTerms = kept(terms);
      await Promise.all([
        articles.size ? db.articles.bulkPut([...articles.values()]) : undefined,
        liveSentences.length ? db.sentences.bulkPut(liveSentences) : undefined,
        live.length ? db.links.bulkPut(live) : undefined,
        stories.size ? db.stories.bulkPut([...stories.values()]) : undefined,
        claims.size ? db.claims.bulkPut([...claims.values()]) : undefined,
        liveTerms.length ? db.terms.bulkPut(liveTerms) : undefined,
        deadTerms.length ? db.terms.bulkDelete(deadTerms) : undefined,
        counts.sentences !== undefined ? db.settings.put({ key: SENTENCE_COUNT_KEY, value: counts.sentences }) : undefined,
        counts.articles !== undefined ? db.settings.put({ key: ARTICLE_COUNT_KEY, value: counts.articles }) : undefined,
      ]);
    },
  };
}

/** Applies one plan: deletions first, then puts. Must run inside a transaction over the corpus tables. */
export async function applyPlan(db: ParallaxDb, plan: CapturePlan): Promise<void> {
  const view = batchView(db);
  view.apply(plan);
  await view.write();
}
