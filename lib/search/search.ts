/**
 * The popup's search over every stored sentence and title, forgiving typos.
 * See ./config.ts for how the two steps (index look-up, then fuse.js on the
 * candidates) fit together.
 */
import type { SearchGroup, SearchHit } from '../types';
import Fuse from 'fuse.js';
import { Dexie } from 'dexie';
import type { ArticleRecord, ParallaxDb } from '../db/db';
import type { StoredSentence } from '../types';
import { textFragmentUrl } from '../text/fragment-url';
import { tokenize, type Token } from '../text/tokens';
import { FUSE_OPTIONS, SEARCH } from './config';
import { termGrams } from './grams';
import { osaDistance } from '../text/edit-distance';
import { readSentenceCount } from '../corpus/term-set';
import { primaryKeysAnyOf } from '../db/query';

interface Expansion {
  term: string;
  /** 1 for the word's own stem, less for farther stems. */
  closeness: number;
  df: number;
}

interface Candidate {
  /** Sentence id, or `title:<articleId>`. */
  key: string;
  field: 'sentence' | 'title';
  /** Best weight per query word. */
  words: Map<number, number>;
}

/** Vocabulary stems close to a query word (its own stem, inflections, typos). */
export async function expandWord(db: ParallaxDb, norm: string, stem: string): Promise<Expansion[]> {
  const forms = [...new Set([stem, norm])];
  const grams = [...new Set(forms.flatMap(termGrams))];
  const hits = await primaryKeysAnyOf(db.terms, 'grams', grams);
  const shared = new Map<string, number>();
  for (const t of hits) shared.set(t, (shared.get(t) ?? 0) + 1);
  for (const f of forms) shared.set(f, Math.max(shared.get(f) ?? 0, grams.length));
  const ranked = [...shared].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, SEARCH.maxGramCandidates);

  const close: { term: string; closeness: number }[] = [];
  for (const [term, n] of ranked) {
    let best = 0;
    for (const f of forms) {
      const limit = SEARCH.maxEdits(f.length);
      const d = osaDistance(f, term, limit);
      if (d <= limit) best = Math.max(best, 1 - d / (Math.max(f.length, term.length) + 1));
    }
    const gramSim = n / (grams.length + termGrams(term).length - n);
    if (best === 0 && gramSim >= SEARCH.minGramSimilarity) best = gramSim * 0.8;
    // A longer stored word that starts with the query word ("withdraw" for "withdr").
    if (best === 0 && stem.length >= 4 && term.startsWith(stem)) best = 0.6;
    if (best > 0) close.push({ term, closeness: best });
  }
  close.sort((a, b) => b.closeness - a.closeness || (a.term < b.term ? -1 : 1));
  const kept = close.slice(0, SEARCH.maxExpansions);
  const records = await db.terms.bulkGet(kept.map((c) => c.term));
  return kept.flatMap((c, i) => {
    const r = records[i];
    return r ? [{ term: c.term, closeness: c.closeness, df: r.df + (r.titleDf ?? 0) }] : [];
  });
}

export async function search(db: ParallaxDb, query: string, wanted = 20): Promise<SearchGroup[]> {
  const q = query.trim();
  const limit = Math.floor(wanted);
  if (!q || !(limit >= 1)) return [];
  const tokens = tokenize(q);
  const content = tokens.filter((t) => !t.isStop);
  const words = (content.length ? content : tokens).slice(0, 12);
  if (words.length === 0) return [];
  // One read-only transaction for the whole search: its many index reads would otherwise each open their own.
  // An async body that awaits: Dexie follows the transaction through it (a body returning a bare promise
  // would leave a write started beside the search without its own transaction's reads).
  return db.transaction(
    'r',
    [db.settings, db.terms, db.sentences, db.articles, db.stories],
    async () => await searchWords(db, words, limit),
  );
}

async function searchWords(db: ParallaxDb, words: Token[], limit: number): Promise<SearchGroup[]> {
  const [sentenceCount, expansions] = await Promise.all([
    readSentenceCount(db),
    Promise.all(words.map((w) => expandWord(db, w.norm, w.stem))),
  ]);
  const docCount = Math.max(1, sentenceCount);
  const idf = (df: number) => Math.log((docCount + 1) / (df + 0.5));

  // Rare stems first: they narrow the candidates most and weigh most.
  const lookups = expansions
    .flatMap((list, word) => list.map((e) => ({ ...e, word, weight: e.closeness * idf(e.df) })))
    .sort((a, b) => a.df - b.df);
  const candidates = new Map<string, Candidate>();
  const note = (key: string, field: Candidate['field'], word: number, weight: number) => {
    let c = candidates.get(key);
    if (!c) {
      if (candidates.size >= SEARCH.maxCandidates) return;
      c = { key, field, words: new Map() };
      candidates.set(key, c);
    }
    c.words.set(word, Math.max(c.words.get(word) ?? 0, weight));
  };
  // A rare stem's sentences are read whole in its one index read: most of the re-ranked pool comes from
  // the rarest stems, and each of its sentences read that way needs no read of its own later.
  const read = new Map<string, StoredSentence>();
  const postings = await Promise.all(
    lookups.map(async (l) => {
      const byTerm = db.sentences.where('terms').equals(l.term).limit(SEARCH.perTermCandidates);
      const [sentenceIds, titleIds] = await Promise.all([
        l.df <= SEARCH.wholeRecordsMaxDf
          ? byTerm.toArray().then((rows) =>
              rows.map((r) => {
                read.set(r.id, r);
                return r.id;
              }),
            )
          : byTerm.primaryKeys(),
        db.articles.where('titleTerms').equals(l.term).limit(SEARCH.perTermCandidates).primaryKeys(),
      ]);
      return [sentenceIds, titleIds] as const;
    }),
  );
  lookups.forEach((l, i) => {
    const [sentenceIds, titleIds] = postings[i]!;
    for (const id of sentenceIds) note(id, 'sentence', l.word, l.weight);
    for (const id of titleIds) note(`title:${id}`, 'title', l.word, l.weight);
  });
  if (candidates.size === 0) return [];

  const best = expansions.reduce((s, list) => s + Math.max(0, ...list.map((e) => e.closeness * idf(e.df))), 0) || 1;
  const coverage = (c: Candidate) => [...c.words.values()].reduce((s, w) => s + w, 0) / best;
  const pool = [...candidates.values()]
    .map((c) => ({ c, coverage: coverage(c) }))
    .sort((a, b) => b.coverage - a.coverage || (a.c.key < b.c.key ? -1 : 1))
    .slice(0, SEARCH.rerankPool);

  // Texts to re-rank: the pool's sentences, and the titles of the articles whose title is a candidate.
  // Other articles are read only for the hits that are kept (an article record holds its whole text).
  const [sentenceRecords, titleRecords] = await Promise.all([
    db.sentences.bulkGet(pool.filter((p) => p.c.field === 'sentence' && !read.has(p.c.key)).map((p) => p.c.key)),
    db.articles.bulkGet(pool.filter((p) => p.c.field === 'title').map((p) => p.c.key.slice(6))),
  ]);
  const sentences = new Map(read);
  for (const r of sentenceRecords) if (r) sentences.set(r.id, r);
  const articles = new Map(titleRecords.filter((a) => a !== undefined).map((a) => [a.id, a]));

  interface Item {
    text: string;
    articleId: string;
    sentenceId: string;
    field: SearchHit['field'];
    coverage: number;
  }
  const items = pool.flatMap(({ c, coverage }): Item[] => {
    if (c.field === 'title') {
      const a = articles.get(c.key.slice(6));
      return a ? [{ text: a.title, articleId: a.id, sentenceId: '', field: 'title', coverage }] : [];
    }
    const s = sentences.get(c.key);
    return s ? [{ text: s.text, articleId: s.articleId, sentenceId: s.id, field: 'sentence', coverage }] : [];
  });
  const fuse = new Fuse(items, FUSE_OPTIONS);
  const closeness = new Map<number, { score: number; highlights: [number, number][] }>();
  for (const r of fuse.search(words.map((w) => w.raw).join(' '))) {
    const highlights = (r.matches ?? [])
      .flatMap((m) => m.indices)
      .filter(([s, e]) => e - s + 1 >= SEARCH.minHighlight)
      .map(([s, e]) => [s, e + 1] as [number, number])
      .sort((a, b) => a[0] - b[0]);
    closeness.set(r.refIndex, { score: 1 - (r.score ?? 1), highlights });
  }
  const ranked = items
    .map((item, i) => {
      const f = closeness.get(i);
      const score = SEARCH.coverageWeight * Math.min(1, item.coverage) + (1 - SEARCH.coverageWeight) * (f?.score ?? 0);
      // Ranked by the score the hit shows (to three decimals), then by sentence and article.
      return { item, score: Math.round(score * 1000) / 1000, highlights: f?.highlights ?? [] };
    })
    .sort(
      (a, b) =>
        b.score - a.score ||
        (a.item.sentenceId < b.item.sentenceId ? -1 : a.item.sentenceId > b.item.sentenceId ? 1 : 0) ||
        (a.item.articleId < b.item.articleId ? -1 : a.item.articleId > b.item.articleId ? 1 : 0),
    );

  // The best `limit` whose article is still stored, reading articles a page of hits at a time.
  const hits: SearchHit[] = [];
  for (let from = 0; from < ranked.length && hits.length < limit; from += limit) {
    const page = ranked.slice(from, from + limit);
    const missing = [...new Set(page.map((r) => r.item.articleId).filter((id) => !articles.has(id)))];
    const read = await db.articles.bulkGet(missing);
    for (const a of read) if (a) articles.set(a.id, a);
    for (const { item, score, highlights } of page) {
      const a = articles.get(item.articleId);
      if (a && hits.length < limit) hits.push(toHit(a, item.sentenceId, item.text, item.field, highlights, score));
    }
  }

  return groupByStory(db, hits);
}

function toHit(
  a: ArticleRecord,
  sentenceId: string,
  text: string,
  field: SearchHit['field'],
  highlights: [number, number][],
  score: number,
): SearchHit {
  return {
    sentenceId,
    articleId: a.id,
    storyId: a.storyId,
    outlet: a.outlet,
    title: a.title,
    url: a.url,
    fragmentUrl: field === 'sentence' ? textFragmentUrl(a.url, text) : a.url,
    text,
    field,
    highlights,
    score: Math.round(score * 1000) / 1000,
  };
}

async function groupByStory(db: ParallaxDb, hits: SearchHit[]): Promise<SearchGroup[]> {
  const storyIds = [...new Set(hits.map((h) => h.storyId))];
  // A story's outlets come from the [storyId+outlet] index alone: its member articles hold their whole texts.
  const [stories, outletKeys] = await Promise.all([
    db.stories.bulkGet(storyIds),
    Promise.all(storyIds.map((id) => db.articles.where('[storyId+outlet]').between([id, Dexie.minKey], [id, Dexie.maxKey]).uniqueKeys())),
  ]);
  // The earliest member's title stands in only for a story record without one (or none at all).
  const titles = await Promise.all(storyIds.map(async (id, i) => stories[i]?.title || (await earliestTitle(db, id))));
  const groups = new Map<string, SearchGroup>();
  storyIds.forEach((id, i) => {
    const outlets = (outletKeys[i] ?? []).map((k) => String((k as unknown[])[1]));
    groups.set(id, {
      storyId: id,
      storyTitle: titles[i] ?? '',
      outlets: [...new Set(outlets)].sort((a, b) => a.localeCompare(b)),
      hits: [],
    });
  });
  for (const h of hits) groups.get(h.storyId)?.hits.push(h);
  // Groups keep the order of their best hit.
  return [...groups.values()].filter((g) => g.hits.length > 0);
}

/** The title of the story's first captured article, or '' when it has none. */
async function earliestTitle(db: ParallaxDb, storyId: string): Promise<string> {
  const members = await db.articles.where('storyId').equals(storyId).toArray();
  return [...members].sort((a, b) => a.capturedAt - b.capturedAt)[0]?.title || '';
}
