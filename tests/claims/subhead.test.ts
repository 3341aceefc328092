import { describe, expect, test } from 'vitest';
import { isDateline, isSubhead } from '../../lib/match/claims';
import { analyseSentence } from '../../lib/text/analyse';

describe('subheads are not claims', () => {
  test.each([
    ['Failed load test', true],
    ['Union reaction', true],
    ['What happens next', true],
    ['Crane failed a load test.', false],
    ['The crane had failed a load test in June', false],
    ['Port is closed', false],
    ['No decision on pulling US troops out of Iraq, says Pentagon', false],
  ])('%s → %s', (text, expected) => {
    expect(isSubhead(analyseSentence(text))).toBe(expected);
  });
});

describe('datelines are not claims', () => {
  test.each([
    ['June 4, 2019 | 7:15am', true],
    ['9:40 a.m. BST Tue 11 March 2014', true],
    ['Updated: Sunday 18:02 GMT', true],
    ['Ferries stopped running at 7:15am on June 4.', false],
    ['The vote is on Tuesday, March 11.', false],
  ])('%s → %s', (text, expected) => {
    expect(isDateline(analyseSentence(text))).toBe(expected);
  });
});
