/** Turns stored links into what the page's cards show. */
import type { ArticleRecord, ParallaxDb } from '../db/db';
import { forReaders } from '../diff/differences';
import { textFragmentUrl } from '../dom/fragment';
import { consistentReasons } from '../match/reasons';
import type { MarkedSentence, OutletReport, PageAnnotation, SentenceLink, StoredSentence } from '../types';

/**
 * The original an article copies, following `reprintOf` while the original
 * is still stored; an article that copies nothing is its own root.
 */
export function reprintRoot(id: string, byId: ReadonlyMap<string, Pick<ArticleRecord, 'reprintOf'>>): string {
  let cur = id;
  for (let hops = 0; hops < 8; hops++) {
    const next = byId.get(cur)?.reprintOf;
    if (!next || !byId.has(next) || next === id) break;
    cur = next;
  }
  return cur;
}

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

export async function buildAnnotation(db: ParallaxDb, article: ArticleRecord): Promise<PageAnnotation> {
  const [storyArticles, links, own] = await Promise.all([
    db.articles.where('storyId').equals(article.storyId).toArray(),
    db.links.where('articleA').equals(article.id).toArray(),
    db.sentences.where('articleId').equals(article.id).toArray(),
  ]);
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
