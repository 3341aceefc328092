/**
 * The capture pipeline over a set of articles (command line, evaluations,
 * benchmark): each article is planned and applied in turn, in the order
 * given (the order a reader's captures or an export have), against the
 * in-memory corpus — the same plans the extension's store applies. Returns
 * the stories, wire copies, sentence links and claim groups as stored.
 */
import type { ClaimGroup, ClaimGroupRule } from '../match/claims';
import type { ClaimMatchSettings } from '../match/config';
import type { PairScorer } from '../match/scorer';
import { createMemoryCorpus, type MemoryCorpus } from '../pipeline/memory';
import { inputOf, planCapture } from '../pipeline/plan';
import type { ArticleInput, ArticleRecord, Difference, SentenceLink, SentenceSpan } from '../types';

export interface AlignedArticle extends ArticleInput {
  id: string;
  storyId: string;
  reprintOf?: string;
  sentences: (SentenceSpan & { id: string })[];
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
  /** Inputs the pipeline refused, by position in `inputs`, with the reason. */
  refused: { index: number; reason: string }[];
}

/** A stable id for an article without one: its URL. */
export const articleId = (a: ArticleInput, i: number): string => a.id ?? (a.url || `article-${i + 1}`);

export interface AlignOptions {
  scorer?: PairScorer;
  onProgress?: (done: number, total: number) => void;
  settings?: ClaimMatchSettings;
  rule?: ClaimGroupRule;
  /** Capture clock: article i is captured at `start + i` ms. */
  start?: number;
}

export async function alignArticles(inputs: ArticleInput[], options: AlignOptions = {}): Promise<AlignResult> {
  const corpus = createMemoryCorpus();
  const refused: AlignResult['refused'] = [];
  const ids: (string | undefined)[] = [];
  const start = options.start ?? Date.parse('2020-01-01T00:00:00Z');
  for (let i = 0; i < inputs.length; i++) {
    const input = { ...inputs[i]!, id: articleId(inputs[i]!, i) };
    try {
      const plan = await planCapture(input, 'import', corpus, start + i, {
        ...(options.scorer ? { scorer: options.scorer } : {}),
        ...(options.settings ? { settings: options.settings } : {}),
        ...(options.rule ? { rule: options.rule } : {}),
      });
      corpus.apply(plan);
      ids.push(plan.articleId);
    } catch (e) {
      refused.push({ index: i, reason: e instanceof Error ? e.message : String(e) });
      ids.push(undefined);
    }
    options.onProgress?.(i + 1, inputs.length);
  }
  return collect(corpus, [...new Set(ids.filter((x): x is string => x !== undefined))], refused);
}

/** The corpus's stories and claim groups, articles in the order they were first given. */
export async function collect(corpus: MemoryCorpus, order: string[], refused: AlignResult['refused'] = []): Promise<AlignResult> {
  const records = new Map(corpus.allArticles().map((a) => [a.id, a]));
  const articles: AlignedArticle[] = [];
  for (const id of order) {
    const a = records.get(id);
    if (!a) continue;
    const sentences = (await corpus.sentencesOf([id])).sort((x, y) => x.index - y.index);
    articles.push({
      ...inputOf(a),
      id,
      storyId: a.storyId,
      ...(a.reprintOf ? { reprintOf: a.reprintOf } : {}),
      sentences: sentences.map(({ id: sid, index, start, end, text }) => ({ id: sid, index, start, end, text })),
    });
  }
  const storyOrder = [...new Set(articles.map((a) => a.storyId))];
  const stories: AlignedStory[] = [];
  for (const storyId of storyOrder) {
    const members = articles.filter((a) => a.storyId === storyId);
    const links = (await corpus.storyLinks(storyId)).sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
    // Each link is stored both ways; the report lists each pair once, from the later article.
    const position = new Map(order.map((id, i) => [id, i]));
    const forward = links.filter((l) => (position.get(l.articleA) ?? 0) > (position.get(l.articleB) ?? 0));
    stories.push({
      id: storyId,
      title: (await corpus.stories([storyId]))[0]?.title ?? members[0]?.title ?? '',
      articleIds: members.map((a) => a.id),
      outlets: [...new Set(members.map((a) => a.outlet))],
      links: forward,
      claims: claimGroupsOf(corpus, storyId, links, records, articles),
    });
  }
  return { articles, stories, refused };
}

/** The stored claim groups of a story, with the sentences' texts and the differences of the links inside each. */
function claimGroupsOf(
  corpus: MemoryCorpus,
  storyId: string,
  links: readonly SentenceLink[],
  records: ReadonlyMap<string, ArticleRecord>,
  articles: readonly AlignedArticle[],
): ClaimGroup[] {
  const text = new Map<string, string>();
  for (const a of articles) for (const s of a.sentences) text.set(s.id, s.text);
  const byPair = new Map(links.map((l) => [`${l.a}\u0000${l.b}`, l]));
  const groups = corpus.claimsOf(storyId)?.groups ?? [];
  return groups.map((g) => {
    const differences: Difference[] = [];
    const seen = new Set<string>();
    const ids = [...g.sentenceIds].sort();
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++)
        for (const d of byPair.get(`${ids[i]}\u0000${ids[j]}`)?.differences ?? []) {
          const k = `${d.kind}\u0000${d.a}\u0000${d.b}`;
          if (seen.has(k)) continue;
          seen.add(k);
          differences.push(d);
        }
    return {
      id: g.id,
      sentences: ids.map((sid) => {
        const articleId = sid.slice(0, sid.lastIndexOf('#'));
        return { sentenceId: sid, articleId, outlet: records.get(articleId)?.outlet ?? '', text: text.get(sid) ?? '' };
      }),
      differences,
    };
  });
}
