import { describe, expect, test } from 'vitest';
import { PAIR_THRESHOLD } from '../../lib/match/config';
import { createScorer } from '../../lib/match/scorer';
import { createTermStats } from '../../lib/match/term-stats';
import { analyseSentence } from '../../lib/text/analyse';

// A small story of my own: the sentences give the IDF counts, as a story's
// sentences do in the extension.
const STORY = [
  'There has been no decision to leave Iraq, Esper said.',
  'Esper insisted there was no decision whatsoever to leave Iraq.',
  'A letter from a US general said American troops would move out of Iraq.',
  'The Pentagon said the letter was a draft that had been sent by mistake.',
  'Iraqi lawmakers voted on Sunday to expel American troops from the country.',
  'About 5,200 American troops are stationed in Iraq to fight the Islamic State group.',
  'Milley told reporters the letter was poorly worded and should not have been released.',
  'The general wrote that coalition forces would be repositioning over the coming days.',
  'Iran vowed revenge for the killing of its top general in a drone strike.',
  'Oil prices rose sharply as tensions grew in the Middle East.',
  'The prime minister asked the Americans to send a delegation to discuss the withdrawal.',
  'Trump threatened sanctions on Iraq if the troops were forced to leave.',
];

const stats = createTermStats(STORY.map((s) => analyseSentence(s).terms));
const scorer = createScorer();
const score = (a: string, b: string) => scorer.score(analyseSentence(a), analyseSentence(b), stats);

describe('pair scorer', () => {
  test.each([
    ['There has been no decision to leave Iraq, Esper said.', 'Esper insisted there was no decision whatsoever to leave Iraq.'],
    [
      'The Pentagon said the letter was a draft that had been sent by mistake.',
      'The letter was only a draft and was released by mistake, the Pentagon said.',
    ],
    [
      'Iraqi lawmakers voted on Sunday to expel American troops from the country.',
      'On Sunday, Iraq’s parliament voted to expel US troops from the country.',
    ],
    [
      'About 5,200 American troops are stationed in Iraq to fight the Islamic State group.',
      'Some 5,200 US troops are stationed in Iraq to fight the Islamic State group.',
    ],
    ['The United States will withdraw its forces from the region.', 'The United States will pull out its forces from the region.'],
  ])('same claim: %s | %s', (a, b) => {
    const s = score(a, b);
    expect(s.probability).toBeGreaterThan(PAIR_THRESHOLD);
    expect(s.same).toBe(true);
    expect(s.reasons.length).toBeGreaterThan(0);
  });

  test.each([
    ['There has been no decision to leave Iraq, Esper said.', 'Trump threatened sanctions on Iraq if the troops were forced to leave.'],
    [
      'A letter from a US general said American troops would move out of Iraq.',
      'Milley told reporters the letter was poorly worded and should not have been released.',
    ],
    [
      'Iraqi lawmakers voted on Sunday to expel American troops from the country.',
      'About 5,200 American troops are stationed in Iraq to fight the Islamic State group.',
    ],
    [
      'Iran vowed revenge for the killing of its top general in a drone strike.',
      'Oil prices rose sharply as tensions grew in the Middle East.',
    ],
  ])('different claims of the same story: %s | %s', (a, b) => {
    const s = score(a, b);
    expect(s.probability).toBeLessThan(PAIR_THRESHOLD);
    expect(s.same).toBe(false);
  });

  test('the score does not depend on argument order', () => {
    const [a, b] = [STORY[0]!, STORY[1]!];
    expect(score(a, b).probability).toBeCloseTo(score(b, a).probability, 10);
  });

  test('reasons name the shared rare words, the synonym pair, the numbers', () => {
    const s = score(
      'About 5,200 American troops are stationed in Iraq to fight the Islamic State group.',
      'Some 5,200 US troops are stationed in Iraq to fight the Islamic State group.',
    );
    const kinds = Object.fromEntries(s.reasons.map((r) => [r.kind, r.evidence]));
    expect(kinds['shared-terms']).toContain('stationed');
    expect(kinds['numbers']).toEqual(['5,200']);
    const w = score('The United States will withdraw its forces.', 'The United States will pull out its forces.');
    expect(w.reasons.find((r) => r.kind === 'synonyms')?.evidence).toContain('withdraw ~ pull out');
  });

  test('a repeated quotation is given as a reason', () => {
    const s = score(
      'The general wrote: "We respect your sovereign decision to order our departure."',
      'In the letter the general said "we respect your sovereign decision to order our departure".',
    );
    expect(s.reasons.find((r) => r.kind === 'quotation')?.evidence[0]).toMatch(/sovereign decision/i);
  });

  test('the threshold option decides `same`', () => {
    const a = analyseSentence(STORY[0]!);
    const b = analyseSentence(STORY[1]!);
    expect(createScorer({ threshold: 0.999 }).score(a, b, stats).same).toBe(false);
    expect(createScorer({ threshold: 0.001 }).score(a, b, stats).same).toBe(true);
  });
});
