import { describe, expect, test } from 'vitest';
import { findDifferences, wordDiff } from '../../lib/diff/differences';
import { analyseSentence } from '../../lib/text/analyse';
import type { DifferenceKind } from '../../lib/types';

const diff = (a: string, b: string) => findDifferences(analyseSentence(a), analyseSentence(b));
const kinds = (a: string, b: string): DifferenceKind[] => diff(a, b).map((d) => d.kind);

describe('findDifferences flags', () => {
  test.each<[string, string, string, DifferenceKind, string, string]>([
    ['number', 'The US has about 5000 troops in Iraq.', 'The US has some 5,200 troops in Iraq.', 'number', '5000 troops', '5,200 troops'],
    ['number in words', 'Germany withdrew thirty-two soldiers.', 'Germany withdrew 23 soldiers.', 'number', 'thirty-two soldiers', '23 soldiers'],
    ['name spelling by skeleton', 'The letter was signed by William H. Seely.', 'The letter was signed by William H. Sili.', 'name-spelling', 'William H. Seely', 'William H. Sili'],
    ['name spelling by edit distance', 'The strike killed Qassem Soleimani.', 'The strike killed Qassem Suleimani.', 'name-spelling', 'Qassem Soleimani', 'Qassem Suleimani'],
    ['name spelling with Q and K', 'The strike killed General Qassem Soleimani.', 'The strike killed General Kasem Soleimani.', 'name-spelling', 'Qassem Soleimani', 'Kasem Soleimani'],
    [
      'quotation wording',
      '“We respect your sovereign decision ordering our departure,” the letter said.',
      'The letter said: “We respect your sovereignty decision to order our departure.”',
      'quote-wording',
      'sovereign decision ordering our departure',
      'sovereignty decision to order our departure',
    ],
    ['attribution', '“It was a draft,” Gen. Milley said.', '“It was a draft,” Mr Esper said.', 'attribution', 'Milley', 'Esper'],
    ['hedging', 'The letter was reportedly sent to Baghdad.', 'The letter was sent to Baghdad.', 'hedging', 'reportedly', 'stated'],
    ['verification', 'The letter could not be verified.', 'The letter has been confirmed.', 'verification', 'could not be verified', 'confirmed'],
    ['negation', 'Officials denied that troops are leaving Iraq.', 'Officials said that troops are leaving Iraq.', 'negation', 'denied', 'not negated'],
    ['negation within a clause of a longer sentence', 'On Monday, officials said troops are not leaving Iraq.', 'On Monday, officials said troops are leaving Iraq.', 'negation', 'not', 'not negated'],
    ['a contraction against another verb', 'Esper said: “What’s happening is a repositioning of forces.”', 'Esper said: “What was happening is a repositioning of forces.”', 'quote-wording', 'What’s happening is a', 'What was happening is a'],
    ['hedging within a clause', 'The letter, sent on Monday, reportedly ordered troops out.', 'The letter ordered troops out, officials said.', 'hedging', 'reportedly', 'stated'],
  ])('%s', (_l, a, b, kind, da, db) => {
    const found = diff(a, b).find((d) => d.kind === kind);
    expect(found).toMatchObject({ a: da, b: db });
    expect(found?.label.length).toBeGreaterThan(0);
  });
});

describe('findDifferences stays quiet', () => {
  test.each<[string, string, string, DifferenceKind]>([
    ['same number written three ways', 'The US has 5,000 troops in Iraq.', 'The US has five thousand troops in Iraq.', 'number'],
    ['digits with and without separator', 'The US has 5,000 troops.', 'The US has about 5000 troops.', 'number'],
    ['numbers that count different things', 'Germany withdrew 32 soldiers.', 'The US has 5,000 troops and 3 bases.', 'number'],
    ['dates against counts', 'On January 6, 2020 the letter arrived.', 'The letter mentioned 5,000 troops.', 'number'],
    ['two different people', 'Mark Esper spoke on Monday.', 'Mark Milley spoke on Monday.', 'name-spelling'],
    ['same names', 'Qassem Soleimani was killed in Baghdad.', 'Soleimani was killed near Baghdad.', 'name-spelling'],
    ['a place and its adjective', 'Troops left Iraq on Monday.', 'Iraqi troops left on Monday.', 'name-spelling'],
    ['a handle built on the name', '@EsperDoD says “there is no decision.”', '“There is no decision,” Esper said.', 'attribution'],
    ['Iraq and Iran both present', 'Iraq and Iran traded accusations.', 'Iran and Iraq traded accusations.', 'name-spelling'],
    ['identical quotation up to case and punctuation', '“There’s been no decision whatsoever to leave Iraq,” Mr Esper said.', '‘there’s been no decision whatsoever to leave Iraq.’', 'quote-wording'],
    ['a shorter excerpt of the same quotation', '“Poorly worded, implies withdrawal. That’s not what’s happening,” Milley said.', 'Milley said it “implies withdrawal”.', 'quote-wording'],
    ['unrelated quotations', '“We will follow the laws of armed conflict,” Esper said.', '“There are no plans to leave,” Esper said.', 'quote-wording'],
    ['the same speaker named three ways', '“It is a draft,” Esper said.', '“It is a draft,” said Defence Secretary Mark Esper.', 'attribution'],
    ['Mr and no title', '“It is a draft,” Mr Esper said.', '“It is a draft,” Esper insisted.', 'attribution'],
    ['only one side names a speaker', '“It is a draft,” Esper said.', 'The letter is a draft.', 'attribution'],
    ['both hedged', 'The letter was reportedly a draft.', 'The letter appeared to be a draft.', 'hedging'],
    ['both negated', 'There has been no decision to leave Iraq.', 'No decision has been made to leave Iraq.', 'negation'],
    ['confirmed on one side only', 'The letter has been confirmed.', 'The letter was sent on Monday.', 'verification'],
    ['two quotations sharing only little words', '“There are no plans to leave,” Esper said.', '“There’s been no decision whatsoever to leave Iraq, period,” Esper said.', 'quote-wording'],
    ['contractions written out', '“Poorly worded. That’s not what’s happening,” Milley said.', '“Poorly worded. That is not what is happening,” Milley said.', 'quote-wording'],
    ['a negated clause the other does not state', '“Poorly worded, implies withdrawal. That’s not what’s happening,” Milley said.', '“Poorly worded, implies withdrawal,” said Gen. Milley.', 'negation'],
    ['a negated remark added after the shared claim', 'Milley said the letter was a mere draft and “should not have been sent”.', 'Milley said the letter was only a draft.', 'negation'],
    ['a hedge in a side clause', 'Esper denied that troops are withdrawing from Iraq, after a letter from a general suggested such.', 'Esper said there are no plans to withdraw troops from Iraq.', 'hedging'],
    ['a source named in a side clause', 'Esper denied that troops are withdrawing from Iraq, after a letter from General Seely suggested such.', '“There are no plans to withdraw,” Esper said.', 'attribution'],
    ['one document worded two ways', '“We respect your decision,” the letter said.', '“We respect your decision,” the document said.', 'attribution'],
  ])('%s', (_l, a, b, kind) => {
    expect(kinds(a, b)).not.toContain(kind);
  });

  test('identical sentences have no differences', () => {
    const s = '“We respect your decision,” reads the letter signed by General William H. Seely III, reportedly sent on Monday.';
    expect(diff(s, s)).toEqual([]);
  });
});

describe('wordDiff', () => {
  test.each([
    [
      'substitutions',
      'We respect your sovereign decision ordering our departure,',
      'We respect your sovereignty decision to order our departure.',
      [
        { op: 'same', text: 'We respect your' },
        { op: 'del', text: 'sovereign' },
        { op: 'ins', text: 'sovereignty' },
        { op: 'same', text: 'decision' },
        { op: 'del', text: 'ordering' },
        { op: 'ins', text: 'to order' },
        { op: 'same', text: 'our departure,' },
      ],
    ],
    ['identical ignoring case', 'No decision', 'no decision', [{ op: 'same', text: 'No decision' }]],
    ['insertion only', 'no decision', 'no decision whatsoever', [{ op: 'same', text: 'no decision' }, { op: 'ins', text: 'whatsoever' }]],
    ['empty side', '', 'period', [{ op: 'ins', text: 'period' }]],
  ])('%s', (_l, a, b, expected) => {
    expect(wordDiff(a, b)).toEqual(expected);
  });
});
