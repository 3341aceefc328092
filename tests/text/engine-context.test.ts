import { describe, expect, test } from 'vitest';
import { analyseCached } from '../../lib/match/claims';
import { clearEngineCaches, createEngineContext, engineCacheReport } from '../../lib/text/bounded-cache';
import { quotationWords } from '../../lib/text/tokens';

const SENTENCES = [
  'The ministry said on Tuesday that 40 soldiers had been killed near the border.',
  'Officials confirmed the attack, saying "we will not be intimidated" by the rebels.',
  'Rescue teams were still searching the rubble late on Wednesday.',
];

describe('engine context', () => {
  test('owns the caches the engine fills, and empties them all at once', () => {
    clearEngineCaches();
    const before = SENTENCES.map((s) => analyseCached(s));
    const words = quotationWords('we will not be intimidated');
    const filled = engineCacheReport();
    for (const name of ['stems', 'sentence analyses', 'quotation words']) expect(filled[name]?.size).toBeGreaterThan(0);
    expect(filled['sentence analyses']?.size).toBe(SENTENCES.length);

    clearEngineCaches();
    for (const [name, { size }] of Object.entries(engineCacheReport())) expect([name, size]).toEqual([name, 0]);

    // Emptying changes what is computed again, not what is returned.
    expect(SENTENCES.map((s) => analyseCached(s))).toEqual(before);
    expect(quotationWords('we will not be intimidated')).toEqual(words);
  });

  test('every engine cache stays within its limit', () => {
    for (let i = 0; i < 50; i++) analyseCached(`Sentence number ${i} reports ${i * 3} arrests in the capital.`);
    for (const [name, { size, limit }] of Object.entries(engineCacheReport())) {
      expect(limit, name).toBeGreaterThan(0);
      expect(size, name).toBeLessThanOrEqual(limit);
    }
  });

  test('a context holds each cache to its limit, reports it by name and refuses a second cache of one name', () => {
    const ctx = createEngineContext();
    const small = ctx.cache<number, number>('squares', 5);
    for (let i = 0; i < 23; i++) {
      expect(small.getOr(i, (k) => k * k)).toBe(i * i);
      expect(small.size).toBeLessThanOrEqual(5);
    }
    expect(ctx.report()).toEqual({ squares: { size: small.size, limit: 5 } });
    expect(() => ctx.cache('squares', 5)).toThrow(/twice/);
    ctx.clear();
    expect(ctx.report().squares?.size).toBe(0);
  });
});
