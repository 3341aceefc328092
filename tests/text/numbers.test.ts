import { expect, test } from 'vitest';
import { extractNumbers } from '../../lib/text/numbers';

test.each([
  ['about 5,000 troops', 5000, 'count', 'troop'],
  ['about 5000 troops', 5000, 'count', 'troop'],
  ['five thousand troops', 5000, 'count', 'troop'],
  ['a 5k crowd', 5000, 'count', 'crowd'],
  ['32 of its soldiers', 32, 'count', 'soldier'],
  ['thirty-two soldiers', 32, 'count', 'soldier'],
  ['2.5 million people', 2_500_000, 'count', 'peopl'],
  ['one hundred and five sailors', 105, 'count', 'sailor'],
  ['a rise of 12%', 12, 'percent', '%'],
  ['a rise of 40 per cent', 40, 'percent', '%'],
  ['a $3bn deal', 3e9, 'money', 'deal'],
  ['in 2019 the vote', 2019, 'year', undefined],
  ['on January 6, 2020', 6, 'day', undefined],
])('%s → %d', (text, value, kind, unit) => {
  const [n] = extractNumbers(text);
  expect(n).toMatchObject({ value, kind });
  expect(n?.unit).toBe(unit);
  expect(text.slice(n?.start, n?.end)).toBe(n?.text);
});

test.each([
  ['2000 troops are a count, not a year', '2000 troops', 'count'],
  ['the year in a date', 'January 6, 2020', 'year'],
])('%s', (_l, text, kind) => {
  expect(extractNumbers(text).at(-1)?.kind).toBe(kind);
});

test.each([
  ['a lone "one" is a pronoun', 'one of them said so'],
  ['identifiers', 'see pic.twitter.com/52DDhSIIQ2 now'],
  ['no numbers', 'The letter was a draft.'],
])('nothing in %s', (_l, text) => {
  expect(extractNumbers(text)).toEqual([]);
});

test.each([
  ['the low end of a money range takes its scale', 'an offer between $140 and $150 million', [140e6, 150e6]],
  ['and of a count range', 'between 20 and 30 thousand people', [20_000, 30_000]],
  ['a range without a scale word stays as written', 'between 30 and 40 years old', [30, 40]],
  ['two figures that are no range keep their values', 'paid $3 and then $5 million more', [3, 5e6]],
])('%s', (_l, text, values) => {
  expect(extractNumbers(text).map((n) => n.value)).toEqual(values);
});

test('what a number counts stops at a dash', () => {
  expect(extractNumbers('there were more than 50,000 -- easily the biggest protest')[0]?.unit).toBeUndefined();
});
