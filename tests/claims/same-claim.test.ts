import { describe, expect, test } from 'vitest';
import { matchArticle, type ArticleSentences } from '../../lib/match/claims';
import { createTermStats } from '../../lib/match/term-stats';
import { contentTerms } from '../../lib/text/tokens';

// One invented story (a dam inspection): every sentence shares its topic words,
// so only what a sentence actually states should decide a link.
const background = [
  'The Harlow dam on the Vessel river was inspected by engineers after the storm.',
  'Residents near the Harlow dam were told to stay alert while engineers inspect the dam.',
  'The dam holds back the Vessel reservoir, which supplies water to the valley.',
  'Engineers from the regional water board arrived at the dam on Friday morning.',
  'The storm brought the heaviest rain the valley has seen in a decade.',
];

const article = (id: string, outlet: string, texts: string[]): ArticleSentences => ({
  article: { id, outlet, url: `https://${outlet}.test/${id}`, title: id },
  sentences: texts.map((text, index) => ({ id: `${id}#${index}`, index, start: 0, end: text.length, text })),
});

const linked = (x: string, y: string): boolean => {
  const a = article('a', 'ledger', [x, ...background.slice(0, 3)]);
  const b = article('b', 'courier', [y, ...background.slice(2)]);
  const stats = createTermStats([a, b].flatMap((art) => art.sentences.map((s) => contentTerms(s.text))));
  return matchArticle(a, [b], stats).some((l) => l.a === 'a#0' && l.b === 'b#0');
};

describe('same claim within a story', () => {
  test.each([
    [
      'a quotation repeated inside a longer sentence',
      '“There is no crack in the wall of the dam,” Ms Okafor said.',
      'Speaking to reporters outside the control building on Friday, chief engineer Lena Okafor insisted: “There is no crack in the wall of the dam,” and promised a full report.',
    ],
    [
      'a partial quotation of the same words',
      '“Structurally sound, nothing to fear,” said engineer Okafor.',
      'Engineer Okafor described the dam as “structurally sound” and said residents had “nothing to fear” from the storm.',
    ],
    [
      'the same claim with another figure (the difference a reader is shown)',
      'About 1,200 residents were evacuated from homes below the dam on Thursday night.',
      'Officials said about 1,500 residents had been evacuated from their homes below the dam on Thursday night.',
    ],
  ])('links %s', (_what, x, y) => {
    expect(linked(x, y)).toBe(true);
  });

  test.each([
    [
      'two different claims about the same dam',
      'Engineers found that the spillway gates of the dam had been left closed during the storm.',
      'The mayor of Harlow, Peter Grannis, asked the national government for money to rebuild the river bank.',
    ],
    [
      'a claim and a statement sharing only the topic words',
      'The dam was built in 1961 by the Corran Construction Company.',
      'The dam engineers on Friday said the water level of the Vessel reservoir was falling.',
    ],
    ['a byline-like fragment', 'Harlow dam', 'Engineers said the Harlow dam had held during the storm.'],
  ])('does not link %s', (_what, x, y) => {
    expect(linked(x, y)).toBe(false);
  });
});
