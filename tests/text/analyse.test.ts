import { describe, expect, test } from 'vitest';
import { analyseSentence } from '../../lib/text/analyse';

const names = (t: string): string[] => analyseSentence(t).names.map((n) => n.text);

describe('quotes', () => {
  test.each([
    ['curly double', '“We respect your decision,” the letter reads.', ['We respect your decision']],
    ['straight double', 'He called it "a mistake" and left.', ['a mistake']],
    ['British single', '‘There’s been no decision, period,’ Esper said.', ['There’s been no decision, period']],
    ['two quotations', 'It was ‘poorly worded’ and ‘implies withdrawal’.', ['poorly worded', 'implies withdrawal']],
    ['apostrophes only', 'It’s the Pentagon’s letter, not the minister’s.', []],
  ])('%s', (_l, text, expected) => {
    const a = analyseSentence(text);
    expect(a.quotes.map((q) => q.text)).toEqual(expected);
    for (const q of a.quotes) expect(text.slice(q.start, q.end)).toBe(q.text);
  });
});

describe('names', () => {
  test.each([
    ['title stripped', 'The letter was dismissed by Gen. Mark Milley.', ['Mark Milley']],
    ['rank and office stripped', 'US Army General Mark Milley spoke.', ['Mark Milley']],
    ['initial and suffix kept', 'It was signed by Brigadier General William H. Seely III on Monday.', ['William H. Seely III']],
    ['Mr without a dot', 'On Monday Mr Esper insisted.', ['Esper']],
    ['possessive', 'The strike killed Iran’s top general.', ['Iran']],
    ['sentence-initial common word', 'Tensions have risen in Baghdad.', ['Baghdad']],
    ['sentence-initial speaker', 'Esper said the letter was a draft.', ['Esper']],
  ])('%s', (_l, text, expected) => {
    expect(names(text)).toEqual(expected);
  });
});

describe('speaker', () => {
  test.each([
    ['X said', '“There’s no decision,” Mr Esper said.', 'Esper'],
    ['said X', '“Poorly worded,” said Gen. Milley.', 'Milley'],
    ['appositive between name and verb', '“It is a draft,” General Mark Milley, chairman of the Joint Chiefs, said.', 'Mark Milley'],
    ['according to', 'Troops will leave Iraq, according to the letter.', 'the letter'],
    ['told reporters', 'The letter was a draft, the top US military officer told reporters.', 'the top US military officer'],
    ['insisted', '“Period,” Esper insisted.', 'Esper'],
    ['reads the letter', '“We respect your decision,” reads the letter.', 'the letter'],
    ['office then name', 'There is no decision, says US Secretary of Defence, Mark Esper.', 'Mark Esper'],
    ['no attribution', 'The letter was sent on Monday.', undefined],
    ['passive is not speech', 'The letter is confirmed to be authentic.', undefined],
  ])('%s', (_l, text, expected) => {
    expect(analyseSentence(text).speaker).toBe(expected);
  });
});

describe('modality', () => {
  test.each([
    ['reportedly', 'The letter was reportedly sent to Baghdad.', { hedged: true }],
    ['appeared to', 'The letter appeared to suggest a withdrawal.', { hedged: true }],
    ['may', 'Troops may leave soon.', { hedged: true }],
    ['plain statement', 'Troops left Baghdad on Monday.', { hedged: false, negated: false, confirmed: false, unverified: false }],
    [
      'could not be verified',
      'The letter could not be immediately verified.',
      { unverified: true, confirmed: false, negated: false, hedged: false },
    ],
    ['not confirmed as authentic', 'The letter was not confirmed as authentic.', { unverified: true, confirmed: false }],
    ['unverified', 'An unverified letter circulated online.', { unverified: true }],
    ['confirmed', 'The letter has been confirmed by an Iraqi source.', { confirmed: true, unverified: false }],
    ['authentic', 'The letter is authentic.', { confirmed: true }],
    ['genuine', 'Milley said the letter was genuine.', { confirmed: true }],
    ['no decision', 'There has been no decision to leave Iraq.', { negated: true }],
    ['denied', 'Pentagon officials have denied that troops are leaving.', { negated: true }],
    ['did not', 'It did not give a timeline.', { negated: true }],
    ['nor', 'Nor did we issue any plans.', { negated: true }],
    ['no before a number is not negation', 'It was order No. 5.', { negated: false }],
  ])('%s', (_l, text, flags) => {
    expect(analyseSentence(text)).toMatchObject(flags);
  });
});

test('analyses a 100-sentence article quickly', () => {
  const sentence =
    '“Poorly worded, implies withdrawal. That’s not what’s happening,” US Army General Mark Milley said of the 5,000 troops.';
  analyseSentence(sentence);
  const t0 = performance.now();
  for (let i = 0; i < 100; i++) analyseSentence(`${sentence} ${i}`);
  // Generous bound: the machine running the tests may be shared.
  expect(performance.now() - t0).toBeLessThan(500);
});
