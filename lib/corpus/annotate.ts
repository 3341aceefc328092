/** Turns stored links into what the page's cards show. */
import type { ArticleRecord, ParallaxDb } from '../db/db';
import { rowsAnyOf } from '../db/query';
import { findDifferences, forReaders } from '../diff/differences';
import { textFragmentUrl } from '../text/fragment-url';
import { analyseCached } from '../match/claims';
import { consistentReasons } from '../match/reasons';
import { independentOutlets, reprintRoot } from '../pipeline/families';
import type { MarkedSentence, OutletReport, PageAnnotation, SentenceLink, StoredSentence } from '../types';

export async function buildAnnotation(db: ParallaxDb, article: ArticleRecord): Promise<PageAnnotation> {
  const [storyArticles, direct, own, claims] = await Promise.all([
    db.articles.where('storyId').equals(article.storyId).toArray(),
    db.links.where('articleA').equals(article.id).toArray(),
    db.sentences.where('articleId').equals(article.id).toArray(),
    db.claims.get(article.storyId),
  ]);
  const links = [...direct, ...(await groupLinks(db, own, direct, claims?.groups ?? []))];
  const byId = new Map(storyArticles.map((a) => [a.id, a]));
  byId.set(article.id, article);
  const selfRoot = reprintRoot(article.id, byId);

  // Copies of the same wire story as this page repeat its own words: they are not other reports.
  const usable = links.filter((l) => {
    const other = byId.get(l.articleB);
    return other !== undefined && other.outlet !== article.outlet && reprintRoot(other.id, byId) !== selfRoot;
  });
  const otherSentences = new Map<string, StoredSentence>();
  const fetched = await db.sentences.bulkGet([...new Set(usable.map((l) => l.b))]);
  for (const s of fetched) if (s) otherSentences.set(s.id, s);

  // Each original with the outlets that reprinted it.
  const families = new Map<string, string[]>();
  for (const a of storyArticles) {
    const root = reprintRoot(a.id, byId);
    if (root === a.id) continue;
    families.set(root, [...(families.get(root) ?? []), a.outlet]);
  }

  const linksBySentence = new Map<string, SentenceLink[]>();
  for (const l of usable) {
    const list = linksBySentence.get(l.a) ?? [];
    list.push(l);
    linksBySentence.set(l.a, list);
  }

  const marked: MarkedSentence[] = [];
  for (const s of own.sort((x, y) => x.index - y.index)) {
    const sentenceLinks = linksBySentence.get(s.id);
    if (!sentenceLinks) continue;
    const reports = reportsFor(sentenceLinks, byId, otherSentences, families);
    if (reports.length === 0) continue;
    marked.push({ index: s.index, start: s.start, end: s.end, text: s.text, reports });
  }

  return {
    articleId: article.id,
    storyId: article.storyId,
    outlet: article.outlet,
    storyOutlets: independentOutlets(article, storyArticles),
    sentenceCount: article.sentenceCount,
    marked,
  };
}

function reportsFor(
  links: readonly SentenceLink[],
  byId: ReadonlyMap<string, ArticleRecord>,
  sentences: ReadonlyMap<string, StoredSentence>,
  families: ReadonlyMap<string, string[]>,
): OutletReport[] {
  // Group by original: a wire story and its reprints are one source.
  const groups = new Map<string, OutletReport[]>();
  for (const l of links) {
    const other = byId.get(l.articleB);
    const sentence = sentences.get(l.b);
    if (!other || !sentence) continue;
    const root = reprintRoot(other.id, byId);
    // Links stored by an earlier version may hold types no longer shown, or older labels.
    const shown = forReaders(l.differences);
    const list = groups.get(root) ?? [];
    list.push({
      outlet: other.outlet,
      articleId: other.id,
      url: other.url,
      title: other.title,
      ...(other.publishedAt ? { publishedAt: other.publishedAt } : {}),
      sentence: sentence.text,
      fragmentUrl: textFragmentUrl(other.url, sentence.text),
      score: l.score,
      reasons: consistentReasons(l.reasons, shown),
      differences: shown,
    });
    groups.set(root, list);
  }

  const bestPerOutlet = new Map<string, OutletReport>();
  for (const [root, list] of groups) {
    list.sort((x, y) => y.score - x.score);
    const lead = list.find((r) => r.articleId === root) ?? list[0]!;
    const copies = [...new Set([...list.map((r) => r.outlet), ...(families.get(root) ?? [])])]
      .filter((o) => o !== lead.outlet)
      .sort((x, y) => x.localeCompare(y));
    const report = copies.length ? { ...lead, reprintedBy: copies } : lead;
    const prev = bestPerOutlet.get(report.outlet);
    if (!prev || prev.score < report.score) bestPerOutlet.set(report.outlet, report);
  }
  return [...bestPerOutlet.values()].sort((x, y) => y.score - x.score || x.outlet.localeCompare(y.outlet));
}

/**
 * The card lists every other outlet of the marked sentence's claim group,
 * not only the sentences linked to it directly: for each group member of
 * another article without a direct link, a link is derived, scored as the
 * weakest link that joined the group and with the differences between the
 * two wordings.
 */
async function groupLinks(
  db: ParallaxDb,
  own: readonly StoredSentence[],
  direct: readonly SentenceLink[],
  groups: readonly { id: string; sentenceIds: string[] }[],
): Promise<SentenceLink[]> {
  if (groups.length === 0) return [];
  const ownIds = new Map(own.map((s) => [s.id, s]));
  const linked = new Set(direct.map((l) => `${l.a}\u0000${l.b}`));
  // Claims may overlap: a pair two groups share is derived once, each group it is in kept for its score.
  const byPair = new Map<string, { a: StoredSentence; b: string; groups: string[][] }>();
  for (const g of groups) {
    const mine = g.sentenceIds.filter((id) => ownIds.has(id));
    for (const a of mine)
      for (const b of g.sentenceIds) {
        const key = `${a}\u0000${b}`;
        if (ownIds.has(b) || linked.has(key)) continue;
        const seen = byPair.get(key);
        if (seen) seen.groups.push(g.sentenceIds);
        else byPair.set(key, { a: ownIds.get(a)!, b, groups: [g.sentenceIds] });
      }
  }
  const wanted = [...byPair.values()];
  if (wanted.length === 0) return [];
  const others = new Map<string, StoredSentence>();
  for (const s of await db.sentences.bulkGet([...new Set(wanted.map((w) => w.b))])) if (s) others.set(s.id, s);
  const groupScore = new Map<string[], number>();
  const scoreOf = async (group: string[]): Promise<number> => {
    let score = groupScore.get(group);
    if (score === undefined) {
      const inside = new Set(group);
      const ls = (await rowsAnyOf(db.links, 'a', group)).filter((l) => inside.has(l.b));
      score = ls.length ? Math.min(...ls.map((l) => l.score)) : 0;
      groupScore.set(group, score);
    }
    return score;
  };
  const out: SentenceLink[] = [];
  for (const w of wanted) {
    const b = others.get(w.b);
    if (!b) continue;
    out.push({
      a: w.a.id,
      b: b.id,
      articleA: w.a.articleId,
      articleB: b.articleId,
      storyId: w.a.storyId,
      score: Math.max(...(await Promise.all(w.groups.map(scoreOf)))),
      reasons: [],
      differences: findDifferences(analyseCached(w.a.text), analyseCached(b.text)),
    });
  }
  return out;
}
