/**
 * The one capture pipeline. `planCapture` decides everything one article's
 * arrival changes — its canonical address and id, its sentences, its story,
 * its wire-copy family, its claim links (both ways), its story's claim groups
 * and the vocabulary counts — against a read-only view of the corpus, and
 * writes nothing. The extension's store applies the plan inside one
 * IndexedDB transaction; the command line, the evaluations and the benchmark
 * apply the same plan to the in-memory corpus (`memory.ts`). So what the
 * reader sees is what every figure measures.
 */
import { reverseDifference } from '../diff/differences';
import { groupClaims, matchArticle, type ArticleSentences, type ClaimGroupRule } from '../match/claims';
import type { ClaimMatchSettings } from '../match/config';
import type { PairScorer } from '../match/scorer';
import { findReprintOf } from '../story/reprints';
import { assignStory, storyCounts, storyKeys, weighStory, type StoryCounts, type StoryFeatures } from '../story/stories';
import { segmentSentences } from '../text/segment';
import { contentTerms, titleTermsOf } from '../text/tokens';
import type {
  ArticleInput,
  ArticleRecord,
  ArticleSource,
  ClaimsRecord,
  LinkRecord,
  SentenceLink,
  SentenceSpan,
  StoredSentence,
  StoryRecord,
  TermRecord,
} from '../types';
import { CORPUS_LIMITS } from './config';
import { matchPartners } from './families';
import { articleIdFor, canonicalUrl, hostOf, isOnHost, outletKey, ownAddress, sentenceIdFor, storyIdFor } from './ids';
import { OUTLET_NAMES } from '../text/outlets';
import { mergeProfile, newProfile } from './profiles';
import { openTermSet, type TermChanges, type TermSet } from './terms';
import { validateArticleInput } from './validate';

/** What the pipeline reads of the corpus. Implemented over IndexedDB (inside the write's transaction) and in memory. */
export interface CorpusView {
  articleById(id: string): Promise<ArticleRecord | undefined>;
  articleByUrl(url: string): Promise<ArticleRecord | undefined>;
  /** The latest capture time stored, if any. */
  lastCapturedAt(): Promise<number | undefined>;
  termCounts(): Promise<{ sentences: number; articles: number }>;
  terms(keys: readonly string[]): Promise<(TermRecord | undefined)[]>;
  /** Ids of the stories holding each of `keys` in their look-up keys, once per key held. */
  storyIdsByKeys(keys: readonly string[]): Promise<string[]>;
  stories(ids: readonly string[]): Promise<(StoryRecord | undefined)[]>;
  storyArticles(storyId: string): Promise<ArticleRecord[]>;
  /** Sentences of the given articles, in no particular order. */
  sentencesOf(articleIds: readonly string[]): Promise<StoredSentence[]>;
  sentences(ids: readonly string[]): Promise<(StoredSentence | undefined)[]>;
  /** Links from or to any of the given articles. */
  linksTouching(articleIds: readonly string[]): Promise<LinkRecord[]>;
  storyLinks(storyId: string): Promise<LinkRecord[]>;
  /** Whether stored articles carry the outlet name `outlet` from `host`, and from any other host. */
  outletHosts(outlet: string, host: string): Promise<{ here: boolean; elsewhere: boolean }>;
  /**
   * Whether the reader knows `host` as an outlet: follows a feed on it (or on
   * a subdomain or parent of it), or stored an article from it captured
   * before `before` (epoch ms).
   */
  knownHost(host: string, before: number): Promise<boolean>;
}

/** Engine settings a plan is made with (evaluations sweep them; the extension uses the defaults). */
export interface PipelineOptions {
  scorer?: PairScorer;
  settings?: ClaimMatchSettings;
  rule?: ClaimGroupRule;
}

/** Everything one capture writes. Applying it is mechanical: deletions first, then puts. */
export interface CapturePlan {
  articleId: string;
  /** The same text again: only the article's metadata is refreshed. */
  unchanged: boolean;
  article: ArticleRecord;
  /** The previous version's sentences and links, replaced by this capture. */
  removeSentences: string[];
  removeLinks: [string, string][];
  sentences: StoredSentence[];
  /** Links of the new sentences, both directions. */
  links: LinkRecord[];
  /** Other articles whose `reprintOf` changes (copies stored before their original). */
  articleUpdates: ArticleRecord[];
  story?: StoryRecord;
  claims?: ClaimsRecord;
  terms: TermChanges;
}

const NO_TERMS: TermChanges = { put: [], drop: [] };

/**
 * What a capture computes from the article alone, before it reads the store:
 * the checked input, its own address, its sentences and their stems, its
 * title's stems and its story counts. Made once per article: a batch makes
 * it before reading ahead (`BatchView.prefetch`) and plans with the same one.
 * Throws a plain message on a bad article.
 */
export interface PreparedCapture {
  input: ArticleInput;
  source: ArticleSource;
  url: string;
  host: string;
  spans: SentenceSpan[];
  /** Unique content stems of each sentence, in the order of `spans`. */
  sentenceTerms: string[][];
  titleTerms: string[];
  /** Made on first use: an article read again unchanged never needs it. */
  readonly story: StoryCounts;
}

/**
 * Prepares `raw` for planning. `readFrom` is the address the article was
 * read from (the open tab's, a feed item's as fetched): the article is
 * stored under its own site's address only (`ownAddress`).
 */
export function prepareCapture(raw: unknown, source: ArticleSource, readFrom?: string): PreparedCapture {
  const input = validateArticleInput(raw, source);
  const url = canonicalUrl(ownAddress(input.url, readFrom));
  const spans = segmentSentences(input.text);
  if (spans.length === 0) throw new Error(`the article ${url} has no sentences`);
  let story: StoryCounts | undefined;
  return {
    input,
    source,
    url,
    host: hostOf(url),
    spans,
    sentenceTerms: spans.map((s) => [...new Set(contentTerms(s.text))]),
    titleTerms: titleTermsOf(input.title),
    get story() {
      return (story ??= storyCounts(input));
    },
  };
}

/**
 * Plans the capture of `raw` at time `now` (epoch ms) against `view`. Throws
 * a plain message on a bad article. `readFrom` is the address the article
 * was read from, see `prepareCapture`.
 */
export async function planCapture(
  raw: unknown,
  source: ArticleSource,
  view: CorpusView,
  now: number,
  options: PipelineOptions = {},
  readFrom?: string,
): Promise<CapturePlan> {
  return planPrepared(prepareCapture(raw, source, readFrom), view, now, options);
}

/** Plans the capture of a prepared article at time `now` (epoch ms) against `view`. */
export async function planPrepared(
  prepared: PreparedCapture,
  view: CorpusView,
  now: number,
  options: PipelineOptions = {},
): Promise<CapturePlan> {
  const { input, source, url, host, spans, sentenceTerms, titleTerms } = prepared;
  const { text, title } = input;

  const byUrl = await view.articleByUrl(url);
  const byId = input.id ? await view.articleById(input.id) : undefined;
  if (byUrl && byId && byUrl.id !== byId.id) {
    throw new Error(`the article id ${input.id} is stored with another address, and ${url} is stored as ${byUrl.id}`);
  }
  // An id names one site's article: a line of a file cannot overwrite another site's article through it.
  if (byId && byId.host !== host) throw new Error(`the article id ${input.id} is stored for another site (${byId.host}), not ${host}`);
  const existing = byId ?? byUrl;
  const outlet = await ownOutlet(view, input.outlet, host);
  const id = existing?.id ?? input.id ?? articleIdFor(url);
  const meta = {
    ...(input.byline ? { byline: input.byline } : {}),
    ...(input.publishedAt ? { publishedAt: input.publishedAt } : {}),
    ...(input.lang ? { lang: input.lang } : {}),
  };

  // The same text again (a page read twice, a duplicate import line): its
  // sentences, story and links stand as they are, since links to later
  // articles were stored when those arrived; only the metadata is refreshed.
  if (existing && existing.text === text && existing.title === title && existing.outlet === outlet) {
    return {
      articleId: existing.id,
      unchanged: true,
      article: { ...existing, url, host, updatedAt: now, ...meta },
      removeSentences: [],
      removeLinks: [],
      sentences: [],
      links: [],
      articleUpdates: [],
      terms: NO_TERMS,
    };
  }

  // Strictly increasing capture times keep capture order replayable (export, then import).
  const last = await view.lastCapturedAt();
  const capturedAt = existing?.capturedAt ?? Math.max(now, (last ?? -Infinity) + 1);
  const terms = await openTermSet(view);

  // A changed article: its old sentences, links and counts go; it is matched
  // again with the articles it was linked with before, not only the most recent outlets.
  const linkedBefore = new Set<string>();
  let removeSentences: string[] = [];
  let removeLinks: [string, string][] = [];
  if (existing) {
    const oldSentences = await view.sentencesOf([existing.id]);
    const oldLinks = await view.linksTouching([existing.id]);
    for (const l of oldLinks) if (l.articleA === existing.id) linkedBefore.add(l.articleB);
    await terms.load([...oldSentences.flatMap((s) => s.terms), ...(existing.titleTerms ?? [])]);
    for (const s of oldSentences) terms.countSentence(s.terms, -1);
    terms.countArticle([...new Set(oldSentences.flatMap((s) => s.terms))], -1);
    terms.countTitle(existing.titleTerms ?? [], -1);
    removeSentences = oldSentences.map((s) => s.id);
    removeLinks = oldLinks.map((l) => [l.a, l.b]);
  }

  await terms.load([...sentenceTerms.flat(), ...titleTerms]);
  for (const st of sentenceTerms) terms.countSentence(st, 1);
  terms.countTitle(titleTerms, 1);
  terms.countArticle(sentenceTerms.flat(), 1);

  // Story vectors weigh terms by how many stored articles (this one included) contain them.
  const features: StoryFeatures = weighStory(prepared.story, terms.articles);

  // Story: the one it already belonged to, else the best candidate profile, else a new one.
  let story: StoryRecord | undefined = existing ? (await view.stories([existing.storyId]))[0] : undefined;
  if (!story) {
    const candidates = await candidateStories(view, storyKeys(features));
    const choice = assignStory(features, candidates);
    story = choice.storyId ? candidates.find((c) => c.id === choice.storyId) : undefined;
  }
  const storyId = story?.id ?? storyIdFor(id);

  const everyone = (await view.storyArticles(storyId)).filter((a) => a.id !== id).sort((a, b) => b.capturedAt - a.capturedAt);
  // A long-running story is matched against its most recent articles.
  const members = everyone.slice(0, CORPUS_LIMITS.maxStoryArticlesMatched);
  const storyStart = everyone.reduce((t, a) => Math.min(t, a.capturedAt), capturedAt);
  const { reprintOf, articleUpdates } = await wireFamily(
    { id, outlet, text, ...meta },
    members,
    () => view.knownHost(host, storyStart),
    (a) => view.knownHost(hostOf(a.url), storyStart),
  );

  const article: ArticleRecord = {
    id,
    url,
    outlet,
    title,
    text,
    ...meta,
    host,
    storyId,
    source,
    capturedAt,
    updatedAt: now,
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

  // Members as they will be once the plan is applied (copies re-pointed at this article).
  const updated = new Map(articleUpdates.map((a) => [a.id, a]));
  const after = members.map((a) => updated.get(a.id) ?? a);
  const everyoneAfter = everyone.map((a) => updated.get(a.id) ?? a);
  const links = await linkArticle(view, terms, article, sentences, after, linkedBefore, options);

  const profile = existing
    ? rebuildProfile(storyId, [...everyoneAfter, article])
    : story
      ? mergeProfile(story, features, title)
      : newProfile(storyId, features, title);

  const claims = await storyClaims(
    view,
    storyId,
    { add: links, sentences, article, removedArticle: existing?.id, articles: everyoneAfter },
    options.rule,
  );

  return {
    articleId: id,
    unchanged: false,
    article,
    removeSentences,
    removeLinks,
    sentences,
    links,
    articleUpdates,
    story: profile,
    claims,
    terms: terms.changes(),
  };
}

/**
 * The outlet name an article is stored and shown under: the name it gives,
 * unless stored articles carry that name from another host and none from
 * this one; then its own host. A page on one site cannot pass itself off as
 * an outlet the reader already reads elsewhere, nor be merged into it.
 */
async function ownOutlet(view: CorpusView, outlet: string, host: string): Promise<string> {
  if (namesListedOutletElsewhere(outlet, host)) return host;
  const use = await view.outletHosts(outlet, host);
  return use.elsewhere && !use.here ? host : outlet;
}

let listedDomains: Map<string, string[]> | undefined;

/**
 * Whether `outlet` is the name of a major outlet in the table of outlet names
 * (lib/text/outlets.ts) whose domains do not include `host`: such a name
 * belongs to that outlet even before the reader has stored any of its
 * articles, and another host's page giving it is shown under its own host.
 */
function namesListedOutletElsewhere(outlet: string, host: string): boolean {
  if (!listedDomains) {
    listedDomains = new Map();
    for (const [domain, name] of Object.entries(OUTLET_NAMES)) {
      const key = outletKey(name);
      listedDomains.set(key, [...(listedDomains.get(key) ?? []), domain]);
    }
  }
  const domains = listedDomains.get(outletKey(outlet));
  return domains !== undefined && !domains.some((d) => isOnHost(host, d));
}

/** Candidate stories sharing the most look-up keys with an article. */
async function candidateStories(view: CorpusView, keys: string[]): Promise<StoryRecord[]> {
  if (keys.length === 0) return [];
  const hits = await view.storyIdsByKeys(keys);
  const counts = new Map<string, number>();
  for (const id of hits) counts.set(id, (counts.get(id) ?? 0) + 1);
  const best = [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, CORPUS_LIMITS.maxCandidateStories)
    .map(([id]) => id);
  return (await view.stories(best)).filter((s): s is StoryRecord => s !== undefined);
}

/**
 * The article's place in a wire family: the original it copies among the
 * story's other outlets, or, when it copies none, the stored copies that
 * turn out to copy it (a feed polled out of order) and now point at it.
 * Taking the original's place from outlets already stored needs more than
 * an earlier date, which a page can claim at will: its host must be one the
 * reader knows (`known`: followed, or read before this story). Otherwise it
 * is one more copy of the family's earliest stored original. And an original
 * whose host the reader did not know (`knownOther`) gives its place to a copy
 * from a host the reader knows, whichever was stored first.
 */
async function wireFamily(
  self: { id: string; outlet: string; text: string; publishedAt?: string },
  members: readonly ArticleRecord[],
  known: () => Promise<boolean>,
  knownOther: (a: ArticleRecord) => Promise<boolean>,
): Promise<{ reprintOf?: string; articleUpdates: ArticleRecord[] }> {
  const otherOutlets = members.filter((a) => a.outlet !== self.outlet);
  const originals = otherOutlets
    .filter((a) => !a.reprintOf)
    .map((a) => ({ id: a.id, outlet: a.outlet, text: a.text, ...(a.publishedAt ? { publishedAt: a.publishedAt } : {}) }));
  const reprintOf = findReprintOf(self.text, originals, {
    outlet: self.outlet,
    ...(self.publishedAt ? { publishedAt: self.publishedAt } : {}),
  });
  if (reprintOf) {
    // An original from a host the reader did not know gives way to a copy from one the reader knows, in whichever
    // order they were stored: storing a page first, with an earlier date, does not make it the source.
    const original = members.find((a) => a.id === reprintOf);
    if (original && !(await knownOther(original)) && (await known())) {
      const articleUpdates = members
        .filter((a) => a.id === original.id || a.reprintOf === original.id)
        .map((a) => ({ ...a, reprintOf: self.id }));
      return { articleUpdates };
    }
    return { reprintOf, articleUpdates: [] };
  }
  const copying = otherOutlets
    .filter((a) => !a.reprintOf)
    .filter(
      (a) => findReprintOf(a.text, [self], { outlet: a.outlet, ...(a.publishedAt ? { publishedAt: a.publishedAt } : {}) }) === self.id,
    );
  if (copying.length === 0) return { articleUpdates: [] };
  if (!(await known())) {
    const earliest = [...copying].sort((a, b) => timeOf(a) - timeOf(b) || a.capturedAt - b.capturedAt)[0]!;
    return { reprintOf: earliest.id, articleUpdates: [] };
  }
  const copies = new Set(copying.map((a) => a.id));
  const articleUpdates = members
    .filter((a) => copies.has(a.id) || (a.reprintOf !== undefined && copies.has(a.reprintOf)))
    .map((a) => ({ ...a, reprintOf: self.id }));
  return { articleUpdates };
}

/** Matches the article against its story's other outlets (matchPartners) and returns the links both ways. */
async function linkArticle(
  view: CorpusView,
  terms: TermSet,
  article: ArticleRecord,
  sentences: StoredSentence[],
  members: readonly ArticleRecord[],
  linkedBefore: ReadonlySet<string>,
  options: PipelineOptions,
): Promise<LinkRecord[]> {
  const partners = matchPartners(article, members);
  const chosen = new Set(partners.map((a) => a.id));
  for (const a of members) if (linkedBefore.has(a.id) && !chosen.has(a.id)) partners.push(a);
  if (partners.length === 0) return [];
  const stored = await view.sentencesOf(partners.map((a) => a.id));
  const byArticle = new Map<string, StoredSentence[]>();
  for (const s of stored) byArticle.set(s.articleId, [...(byArticle.get(s.articleId) ?? []), s]);
  const others: ArticleSentences[] = partners.map((a) => ({
    article: summaryOf(a),
    sentences: (byArticle.get(a.id) ?? []).sort((x, y) => x.index - y.index),
  }));
  await terms.load(stored.flatMap((s) => s.terms));
  const forward = matchArticle({ article: summaryOf(article), sentences }, others, terms, options.scorer, options.settings);
  return forward.flatMap((l) => {
    const withStory = { ...l, storyId: article.storyId };
    return [withStory, reverseLink(withStory)];
  });
}

/** A story profile from its articles, in time order (a changed article's features replace its old ones). */
export function rebuildProfile(storyId: string, articles: readonly ArticleRecord[]): StoryRecord | undefined {
  const withFeatures = [...articles].filter((a) => a.features).sort((a, b) => timeOf(a) - timeOf(b) || a.capturedAt - b.capturedAt);
  const first = withFeatures[0];
  if (!first?.features) return undefined;
  let profile = newProfile(storyId, first.features, first.title);
  for (const a of withFeatures.slice(1)) profile = mergeProfile(profile, a.features!, a.title);
  return profile;
}

function timeOf(a: ArticleRecord): number {
  const t = a.publishedAt ? Date.parse(a.publishedAt) : NaN;
  return Number.isNaN(t) ? a.capturedAt : t;
}

/**
 * The story's claim groups once the capture is applied: groupClaims with its
 * default rule (the one `parallax align` uses) over all of the
 * story's links, the new article's included and its old version's left out.
 */
export async function storyClaims(
  view: CorpusView,
  storyId: string,
  change: {
    add?: readonly LinkRecord[];
    sentences?: readonly StoredSentence[];
    article?: ArticleRecord;
    removedArticle?: string;
    articles?: readonly ArticleRecord[];
  } = {},
  rule?: ClaimGroupRule,
): Promise<ClaimsRecord> {
  const gone = new Set([change.removedArticle, change.article?.id].filter((x): x is string => x !== undefined));
  const links = [...(await view.storyLinks(storyId)).filter((l) => !gone.has(l.articleA) && !gone.has(l.articleB)), ...(change.add ?? [])];
  const articles = new Map<string, ArticleRecord>();
  for (const a of change.articles ?? (await view.storyArticles(storyId))) articles.set(a.id, a);
  if (change.article) articles.set(change.article.id, change.article);
  const own = new Map((change.sentences ?? []).map((s) => [s.id, s]));
  const wanted = [...new Set(links.flatMap((l) => [l.a, l.b]))].filter((s) => !own.has(s));
  const found = await view.sentences(wanted);
  const info = new Map<string, { articleId: string; outlet: string; text: string }>();
  const add = (s: StoredSentence | undefined): void => {
    const a = s && articles.get(s.articleId);
    if (s && a) info.set(s.id, { articleId: s.articleId, outlet: a.outlet, text: s.text });
  };
  for (const s of own.values()) add(s);
  for (const s of found) add(s);
  const groups = groupClaims(links, info, rule ? { rule } : {});
  return { storyId, groups: groups.map((g) => ({ id: g.id, sentenceIds: g.sentences.map((s) => s.sentenceId) })) };
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

/**
 * Links a stored article again with its story's other outlets (a copy whose
 * original was deleted now speaks for itself). The same matching as a
 * capture; returns the links to store, both ways.
 */
export async function planRelink(
  view: CorpusView,
  articleId: string,
  options: PipelineOptions = {},
): Promise<{ links: LinkRecord[]; terms: TermChanges }> {
  const article = await view.articleById(articleId);
  if (!article) return { links: [], terms: NO_TERMS };
  const terms = await openTermSet(view);
  const sentences = (await view.sentencesOf([articleId])).sort((x, y) => x.index - y.index);
  const members = (await view.storyArticles(article.storyId))
    .filter((a) => a.id !== articleId)
    .sort((a, b) => b.capturedAt - a.capturedAt)
    .slice(0, CORPUS_LIMITS.maxStoryArticlesMatched);
  await terms.load(sentences.flatMap((s) => s.terms));
  const links = await linkArticle(view, terms, article, sentences, members, new Set(), options);
  return { links, terms: terms.changes() };
}

/** A stored article as the exchange format carries it (export, the command line's report). */
export function inputOf(a: ArticleRecord): ArticleInput {
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
