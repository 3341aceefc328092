import { describe, expect, test } from 'vitest';
import { bigramsOf, cleanTweet, createRetrievalIndex, splitCompound } from '../../scripts/eval/retrieval';

describe('splitCompound', () => {
  test.each([
    ['DefundTheCBC', 'Defund The CBC'],
    ['realDonaldTrump', 'real Donald Trump'],
    ['AustralianFires', 'Australian Fires'],
    ['covid19', 'covid 19'],
    ['black_lives', 'black lives'],
  ])('%s → %s', (input, expected) => {
    expect(splitCompound(input)).toBe(expected);
  });
});

describe('cleanTweet', () => {
  test.each([
    ['drops links', 'Look at this https://t.co/abc123 now', 'Look at this now'],
    ['drops picture links', 'Wow pic.twitter.com/5pEByiGkkN', 'Wow'],
    ['splits a hashtag glued to a link', 'Shame #DefundTheCBChttps://t.co/CsHG8R9cHp', 'Shame Defund The CBC'],
    ['drops the retweet marker', 'RT @nytimes Big news', 'nytimes Big news'],
    ['splits handles into words', 'says @RepMattGaetz today', 'says Rep Matt Gaetz today'],
  ])('%s', (_, input, expected) => {
    expect(cleanTweet(input)).toBe(expected);
  });

  test('can drop the embedded-tweet signature', () => {
    const t = 'Minecraft is shutting down — Makena Kelly (@kellymakena) January 2, 2020';
    expect(cleanTweet(t, { dropSignature: true })).toBe('Minecraft is shutting down');
  });
});

test('bigramsOf pairs neighbours', () => {
  expect(bigramsOf(['tide', 'pod', 'box'])).toEqual(['tide pod', 'pod box']);
});

describe('createRetrievalIndex', () => {
  const docs = [
    { id: 'a', fields: { text: 'Joe Biden owns the largest mansion in his state.', title: 'Does Biden Own the Largest Mansion?' } },
    { id: 'b', fields: { text: 'Tide pods are now sold in plastic boxes.', title: 'Tide Pod Packaging' } },
    { id: 'c', fields: { text: 'Minecraft is being shut down in 2020.', title: 'Is Minecraft Shutting Down?' } },
    { id: 'd', fields: { text: 'A mansion in Delaware was sold.', title: 'Delaware House Sale' } },
  ];
  const index = createRetrievalIndex(docs);

  test.each([
    ['Biden has the biggest mansion in Delaware, the largest in his state', 'a'],
    ['they put tide pods in plastic boxes smh', 'b'],
    ['google says minecraft shut down next year', 'c'],
  ])('"%s" finds %s first', (query, id) => {
    expect(index.search(query)[0]?.id).toBe(id);
  });

  test('a query with no known word finds nothing', () => {
    expect(index.search('zzzz qqqq')).toEqual([]);
  });

  test('the title field counts only with weight', () => {
    const withTitle = index.search('packaging', 5);
    const withoutTitle = index.search('packaging', 5, { fieldWeights: { text: 1, title: 0 } });
    expect(withTitle[0]?.id).toBe('b');
    expect(withoutTitle).toEqual([]);
  });

  test('a shared word pair ranks the phrase match higher when bigrams weigh', () => {
    const pair = createRetrievalIndex([
      { id: 'phrase', fields: { text: 'plastic boxes for tide pods' } },
      { id: 'scattered', fields: { text: 'boxes of tide made of plastic pods' } },
    ]);
    const hits = pair.search('plastic boxes', 2, { bigramWeight: 1 });
    expect(hits[0]?.id).toBe('phrase');
    expect(hits[0]!.bigram).toBeGreaterThan(0);
    expect(hits[1]!.bigram).toBe(0);
  });

  test('results respect the limit and come best first', () => {
    const hits = index.search('mansion sold plastic', 2);
    expect(hits).toHaveLength(2);
    expect(hits[0]!.score).toBeGreaterThanOrEqual(hits[1]!.score);
  });
});
