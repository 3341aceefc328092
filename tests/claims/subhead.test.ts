import { describe, expect, test } from 'vitest';
import { isSubhead } from '../../lib/match/claims';
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
