/**
 * A seeded, bounded fuzz run: about 2,000 malformed inputs at the JSON Lines
 * reader and at the engine's text steps. Every one must be handled without a
 * throw, with every good line kept and every offset exact. The same cases run
 * longer with `npx tsx scripts/fuzz.ts`.
 */
import { describe, expect, test } from 'vitest';
import { checkFile, checkText, createRandom, hostileFile, hostileText } from './fuzz-cases';

const SEED = 20261201;

describe('fuzz', () => {
  test('1,000 hostile JSON Lines inputs (50 files of 20 lines): no throw, every good line kept', () => {
    const r = createRandom(SEED);
    const problems: string[] = [];
    let goodLines = 0;
    for (let i = 0; i < 50; i++) {
      const file = hostileFile(r);
      goodLines += file.good.length;
      problems.push(...checkFile(file).map((p) => `file ${i}: ${p}`));
    }
    expect(goodLines).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  }, 60_000);

  test('1,000 hostile texts through segmentation, tokens and analysis: no throw, exact offsets, bounded pieces', () => {
    const r = createRandom(SEED + 1);
    const problems: string[] = [];
    for (let i = 0; i < 1000; i++) problems.push(...checkText(hostileText(r)).map((p) => `text ${i}: ${p}`));
    expect(problems).toEqual([]);
  }, 60_000);
});
