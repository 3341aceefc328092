import { describe, expect, test } from 'vitest';
import { SHOWN_TYPES } from '../../lib/diff/config';
import { findAllDifferences, typeOfKind } from '../../lib/diff/differences';
import { analyseCached, maskModality, matchArticle, modalityDifferences, type ArticleSentences } from '../../lib/match/claims';
import { createTermStats } from '../../lib/match/term-stats';
import { contentTerms } from '../../lib/text/tokens';

// One invented story (a ferry running aground): the sentences share the topic
// words, so a link must come from what a sentence states, whatever its status.
const background = [
  'The Marwick ferry ran aground near the harbour entrance on Sunday evening.',
  'Passengers on the Marwick ferry were taken ashore by lifeboat crews.',
  'The harbour master closed the channel to all traffic until Monday.',
  'The ferry operator, Solent Isle Lines, runs four crossings a day.',
  'Coastguard teams stayed at the harbour overnight.',
];

const article = (id: string, outlet: string, texts: string[]): ArticleSentences => ({
  article: { id, outlet, url: `https://${outlet}.test/${id}`, title: id },
  sentences: texts.map((text, index) => ({ id: `${id}#${index}`, index, start: 0, end: text.length, text })),
});

const link = (x: string, y: string): ReturnType<typeof matchArticle>[number] | undefined => {
  const a = article('a', 'ledger', [x, ...background.slice(0, 3)]);
  const b = article('b', 'courier', [y, ...background.slice(2)]);
  const stats = createTermStats([a, b].flatMap((art) => art.sentences.map((s) => contentTerms(s.text))));
  return matchArticle(a, [b], stats).find((l) => l.a === 'a#0' && l.b === 'b#0');
};

describe('maskModality', () => {
  test.each([
    ['Reports that the ferry hit a sandbank could not be independently verified.', 'Reports that the ferry hit a sandbank.'],
    ['The captain has been confirmed to be safe.', 'The captain safe.'],
    ['A coastguard spokesman confirmed that the ferry hit a sandbank.', 'A coastguard spokesman the ferry hit a sandbank.'],
    ['The ferry reportedly hit a sandbank.', 'The ferry hit a sandbank.'],
    ['The operator denied that the ferry was overloaded.', 'The operator the ferry was overloaded.'],
    ["The ferry didn't carry cars.", 'The ferry carry cars.'],
    ['The ferry hit a sandbank.', 'The ferry hit a sandbank.'],
  ])('%s → %s', (text, masked) => {
    expect(maskModality(analyseCached(text))).toBe(masked);
  });

  test('removes only the respects asked for', () => {
    const an = analyseCached('The ferry reportedly did not hit a sandbank, which could not be verified.');
    expect(maskModality(an, ['hedge'])).toBe('The ferry did not hit a sandbank, which could not be verified.');
  });
});

describe('modalityDifferences', () => {
  test.each([
    ['The ferry hit a sandbank, police confirmed.', 'That the ferry hit a sandbank could not be verified.', ['verification']],
    ['The ferry hit a sandbank.', 'The ferry reportedly hit a sandbank.', ['hedge']],
    ['The ferry hit a sandbank.', 'The ferry did not hit a sandbank.', ['negation']],
    ['The ferry hit a sandbank, police confirmed.', 'Police confirmed the ferry hit a sandbank.', []],
  ])('%s | %s', (x, y, kinds) => {
    expect(modalityDifferences(analyseCached(x), analyseCached(y))).toEqual(kinds);
  });
});

describe('same claim reported with a different status', () => {
  test.each([
    [
      'confirmed vs unverified',
      'A coastguard spokesman confirmed that the ferry had struck an uncharted sandbank while turning into the channel.',
      'Reports that the ferry had struck an uncharted sandbank while turning into the channel could not be independently verified.',
    ],
    [
      'hedged vs stated',
      'The ferry’s starboard engine reportedly failed minutes before it drifted onto the rocks.',
      'The starboard engine of the ferry failed minutes before the vessel drifted onto the rocks.',
    ],
    [
      'a denial of the same claim',
      'A company spokeswoman denied that the ferry had been carrying more passengers than its licence allows.',
      'The ferry had been carrying more passengers than its licence allows, according to a crew member.',
    ],
  ])('links %s, and the difference finder names the difference', (_what, x, y) => {
    const l = link(x, y);
    expect(l).toBeDefined();
    // Status types are computed, but not shown to readers until they are precise enough (lib/diff/config.ts).
    expect(findAllDifferences(analyseCached(x), analyseCached(y)).length).toBeGreaterThan(0);
    expect(l!.differences.every((d) => SHOWN_TYPES.includes(typeOfKind(d.kind)))).toBe(true);
  });

  test.each([
    [
      'two confirmations of different facts',
      'A coastguard spokesman confirmed that the ferry had struck an uncharted sandbank while turning into the channel.',
      'The harbour master confirmed that the channel would reopen to fishing boats on Tuesday morning.',
    ],
    [
      'an unverified claim and a confirmed, different one',
      'Reports that the captain had been working a double shift could not be independently verified.',
      'Police confirmed that two passengers were treated in hospital for minor injuries.',
    ],
    [
      'a hedged claim and a stated, different one',
      'The repair of the hull may take several weeks, engineers said.',
      'Lifeboat crews from three stations took part in the rescue of the passengers.',
    ],
  ])('does not link %s', (_what, x, y) => {
    expect(link(x, y)).toBeUndefined();
  });
});
