import { describe, expect, test } from 'vitest';
import { findDifferences } from '../../lib/diff/differences';
import { consistentReasons } from '../../lib/match/reasons';
import { createScorer } from '../../lib/match/scorer';
import { createTermStats } from '../../lib/match/term-stats';
import { analyseSentence } from '../../lib/text/analyse';
import type { MatchReason } from '../../lib/types';

const scorer = createScorer();
const reasons = (a: string, b: string): MatchReason[] => {
  const x = analyseSentence(a);
  const y = analyseSentence(b);
  return scorer.score(x, y, createTermStats([x.terms, y.terms])).reasons;
};
const evidence = (rs: MatchReason[], kind: MatchReason['kind']): string[] => rs.find((r) => r.kind === kind)?.evidence ?? [];

describe('why it matched: only evidence', () => {
  test.each([
    [
      'two days',
      'Dock workers walked out at the Port Authority on Wednesday.',
      'Dock workers walked out at the Port Authority on Tuesday.',
      /Wednesday|Tuesday/,
    ],
    [
      'two months',
      'The cranes were inspected in March, the union said.',
      'The cranes were inspected in April, the union said.',
      /March|April/,
    ],
    [
      'a place and an army',
      'Officials in the USA said the port was closed.',
      'Officials of the Army said the port was closed.',
      /USA|Army/,
    ],
    ['two countries', 'About 5,200 troops are stationed in Iraq.', 'About 5,200 troops are stationed in Iran.', /Iraq|Iran/],
  ])('%s are never the same meaning', (_l, a, b, pattern) => {
    expect(evidence(reasons(a, b), 'synonyms').filter((e) => pattern.test(e))).toEqual([]);
  });

  test('a name is given whole, not as its ordinary words', () => {
    const rs = reasons('Dock workers struck at the Port Authority on Monday.', 'The Port Authority said dock workers struck on Monday.');
    expect(evidence(rs, 'names')).toEqual(['Port Authority']);
  });

  test('words of two different names are no shared name', () => {
    const rs = reasons('Cranes at the Port of Newark stopped, Mark Esper said.', 'Cranes stopped, the Port Authority told Esper.');
    expect(evidence(rs, 'names')).toEqual(['Esper']);
  });

  test('the synonym pairs of ordinary words stay', () => {
    expect(
      evidence(reasons('The United States will withdraw its forces.', 'The United States will pull out its forces.'), 'synonyms'),
    ).toContain('withdraw ~ pull out');
  });
});

describe('consistentReasons', () => {
  test('no "same quotation" beside "quoted differently"', () => {
    const a = analyseSentence('“We respect your sovereign decision ordering our departure,” the letter said.');
    const b = analyseSentence('The letter said: “We respect your sovereignty decision to order our departure.”');
    const ds = findDifferences(a, b);
    expect(ds.map((d) => d.kind)).toContain('quote-wording');
    const given: MatchReason[] = [
      { kind: 'quotation', evidence: ['We respect your sovereign decision ordering our departure'] },
      { kind: 'shared-terms', evidence: ['respect', 'departure'] },
    ];
    expect(consistentReasons(given, ds)).toEqual([{ kind: 'shared-terms', evidence: ['respect', 'departure'] }]);
  });

  test('no figure or name given as shared when the card shows it differs', () => {
    const a = analyseSentence('Katrin Aldous said 5,000 dock workers walked out.');
    const b = analyseSentence('Katrine Aldous said 4,000 dock workers walked out.');
    const ds = findDifferences(a, b);
    const given: MatchReason[] = [
      { kind: 'numbers', evidence: ['5,000'] },
      { kind: 'names', evidence: ['Katrin', 'Aldous'] },
    ];
    expect(consistentReasons(given, ds)).toEqual([{ kind: 'names', evidence: ['Aldous'] }]);
  });

  test('reasons without a contradicting difference are kept as they are', () => {
    const given: MatchReason[] = [{ kind: 'names', evidence: ['Aldous'] }];
    expect(consistentReasons(given, [])).toEqual(given);
  });
});
