import { describe, expect, test, vi } from 'vitest';
import { BRIDGE, FESTIVAL, MILLEY } from './fixtures';
import { expectConsistent, freshCorpus, snapshot } from './helpers';

/** The texts segmented into sentences, in order. */
const segmented = vi.hoisted(() => [] as string[]);

vi.mock('../../lib/text/segment', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../lib/text/segment')>();
  return {
    ...actual,
    segmentSentences: (text: string) => {
      segmented.push(text);
      return actual.segmentSentences(text);
    },
  };
});

describe('a batch prepares each article once', () => {
  test('the read-ahead and the plans share one segmentation of each article, and store what one by one stores', async () => {
    const one = freshCorpus();
    const together = freshCorpus();
    const [first, ...rest] = BRIDGE;
    for (const { corpus } of [one, together]) await corpus.ingest(first!, 'page');
    const inputs = [...rest, FESTIVAL, MILLEY];
    for (const input of inputs) await one.corpus.ingest(input, 'import');
    segmented.length = 0;
    const outcomes = await together.corpus.storeMany(
      inputs.map((input) => ({ input })),
      'import',
    );
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(segmented.sort()).toEqual(inputs.map((a) => a.text).sort());
    expect(await snapshot(together.db)).toEqual(await snapshot(one.db));
    await expectConsistent(together.db);
  });
});
