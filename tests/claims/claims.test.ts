import { describe, expect, test } from 'vitest';
import { groupClaims, matchArticle, type ArticleSentences } from '../../lib/match/claims';
import { CLAIM_MATCH } from '../../lib/match/config';
import { createTermStats } from '../../lib/match/term-stats';
import { contentTerms } from '../../lib/text/tokens';
import type { SentenceLink } from '../../lib/types';

const article = (id: string, outlet: string, texts: string[], reprintOf?: string): ArticleSentences => ({
  article: { id, outlet, url: `https://${outlet}.test/${id}`, title: id, reprintOf },
  sentences: texts.map((text, index) => ({ id: `${id}#${index}`, index, start: 0, end: text.length, text })),
});

const a = article('a', 'ledger', [
  '“There has been no decision whatsoever to leave the valley,” the defence minister Karl Brandt said on Monday.',
  'The river flooded four villages overnight.',
]);
const b = article('b', 'courier', [
  'Brandt insisted: “There has been no decision whatsoever to leave the valley.”',
  'Farmers in the region sold fewer apples this autumn than last year.',
]);
const sameOutlet = article('c', 'ledger', ['“There has been no decision whatsoever to leave the valley,” Brandt said.']);
const reprint = article(
  'd',
  'gazette',
  ['“There has been no decision whatsoever to leave the valley,” the defence minister Karl Brandt said on Monday.'],
  'a',
);
const all = [a, b, sameOutlet, reprint];
const stats = createTermStats(all.flatMap((x) => x.sentences.map((s) => contentTerms(s.text))));

describe('claim links within a story', () => {
  test('links the same quoted claim across outlets, not unrelated sentences', () => {
    const links = matchArticle(a, [b], stats);
    expect(links.map((l) => [l.a, l.b])).toEqual([['a#0', 'b#0']]);
    expect(links[0]!.reasons.length).toBeGreaterThan(0);
  });

  test('skips the same outlet and reprints of the same source', () => {
    const links = matchArticle(a, [sameOutlet, reprint], stats);
    expect(links).toEqual([]);
  });

  test('a claim the other article states twice links to both statements, the best first by score', () => {
    const twice = article('e', 'courier', [b.sentences[0]!.text, 'The harbour reopened.', `${b.sentences[0]!.text} Officials agreed.`]);
    const links = matchArticle(a, [twice], stats);
    expect(
      links
        .filter((l) => l.a === 'a#0')
        .map((l) => l.b)
        .sort(),
    ).toEqual(['e#0', 'e#2']);
  });

  test('at most linksPerSentence links from one sentence into one other article', () => {
    const twice = article('e', 'courier', [b.sentences[0]!.text, `${b.sentences[0]!.text} Officials agreed.`]);
    const links = matchArticle(a, [twice], stats, undefined, { ...CLAIM_MATCH, linksPerSentence: 1 });
    expect(links.filter((l) => l.a === 'a#0')).toHaveLength(1);
  });
});

describe('claim groups', () => {
  const link = (x: string, y: string, score = 0.9): SentenceLink => ({
    a: x,
    b: y,
    articleA: x.split('#')[0]!,
    articleB: y.split('#')[0]!,
    storyId: 's',
    score,
    reasons: [],
    differences: x === 'p#0' && y === 'q#0' ? [{ kind: 'number', a: '5,000', b: '6,000', label: 'number differs' }] : [],
  });
  const texts: Record<string, string> = {
    'p#0': 'The crane collapsed at the container terminal early on Tuesday, injuring two workers.',
    'q#0': 'Two workers were injured when a crane collapsed at the container terminal on Tuesday.',
    'r#0': 'The harbour master said the union had asked for a full safety inspection of every berth.',
    's#0': 'A full safety inspection of every berth was requested by the union, the harbour master said.',
    'p#1': 'Ferries to the island will run on the winter timetable from next month.',
  };
  const info = new Map(
    Object.keys(texts).map((id) => [id, { articleId: id.split('#')[0]!, outlet: `outlet-${id.split('#')[0]}`, text: texts[id]! }]),
  );

  test('a claim linked by three outlets forms one group with its differences', () => {
    const groups = groupClaims([link('p#0', 'q#0'), link('q#0', 'r#0'), link('p#0', 'r#0')], info);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.sentences.map((s) => s.sentenceId)).toEqual(['p#0', 'q#0', 'r#0']);
    expect(groups[0]!.differences.map((d) => d.kind)).toEqual(['number']);
  });

  test('a chain of links is not one claim: each link keeps its own group, and the middle sentence belongs to both', () => {
    const groups = groupClaims([link('p#0', 'q#0'), link('q#0', 's#0', 0.55)], info);
    expect(groups.map((g) => g.sentences.map((s) => s.sentenceId))).toEqual([
      ['p#0', 'q#0'],
      ['q#0', 's#0'],
    ]);
    expect(new Set(groups.map((g) => g.id)).size).toBe(2);
  });

  test('two groups sharing their first sentence have distinct ids', () => {
    const groups = groupClaims([link('p#0', 'q#0'), link('p#0', 's#0', 0.55)], info);
    expect(groups.map((g) => g.sentences.map((s) => s.sentenceId))).toEqual([
      ['p#0', 'q#0'],
      ['p#0', 's#0'],
    ]);
    expect(new Set(groups.map((g) => g.id)).size).toBe(2);
  });

  test('a sentence joins a group when it is linked to two thirds of its sentences in other articles', () => {
    // r links to p and q (2 of 3); s links only to r (1 of 3), so s stays in a group of its own with r.
    const groups = groupClaims(
      [link('p#0', 'q#0', 0.9), link('p#0', 'r#0', 0.8), link('q#0', 'r#0', 0.8), link('s#0', 'r#0', 0.6), link('s#0', 'p#0', 0.55)],
      info,
    );
    expect(groups.map((g) => g.sentences.map((s) => s.sentenceId))).toEqual([['p#0', 'q#0', 'r#0', 's#0']]);
    const sparse = groupClaims([link('p#0', 'q#0', 0.9), link('p#0', 'r#0', 0.8), link('q#0', 'r#0', 0.8), link('s#0', 'r#0', 0.6)], info);
    expect(sparse.map((g) => g.sentences.map((s) => s.sentenceId))).toEqual([
      ['p#0', 'q#0', 'r#0'],
      ['r#0', 's#0'],
    ]);
  });

  test('single linkage (no density) joins a chain into one group', () => {
    const groups = groupClaims([link('p#0', 'q#0'), link('q#0', 's#0', 0.55)], info, { rule: { min: 0.5 } });
    expect(groups.map((g) => g.sentences.map((s) => s.sentenceId))).toEqual([['p#0', 'q#0', 's#0']]);
  });

  test.each([
    ['one sentence per article', { min: 0.5, perArticle: 1 }, [2, 3]],
    ['two sentences per article', { min: 0.5, perArticle: 2 }, [5]],
    ['links of at least 0.7', { min: 0.7 }, [2, 2]],
    ['no guard', { min: 0.5 }, [5]],
  ])('single linkage, %s', (_name, rule, sizes) => {
    // p#0 and p#1 are two claims of one article; q and r each link to one of them, and s bridges.
    const groups = groupClaims([link('p#0', 'q#0'), link('p#1', 'r#0'), link('q#0', 's#0', 0.6), link('r#0', 's#0', 0.6)], info, { rule });
    expect(groups.map((g) => g.sentences.length).sort()).toEqual(sizes);
  });

  test('links to unknown sentences are ignored', () => {
    expect(groupClaims([link('p#0', 'zz#0')], info)).toEqual([]);
  });
});
