import { describe, expect, test } from 'vitest';
import { boundedCache } from '../../lib/text/bounded-cache';

describe('boundedCache', () => {
  test('computes a value once, then serves it', () => {
    const cache = boundedCache<string, number>(10);
    let calls = 0;
    const len = (s: string): number => (calls++, s.length);
    expect([cache.getOr('troops', len), cache.getOr('troops', len), cache.getOr('Iraq', len)]).toEqual([6, 6, 4]);
    expect(calls).toBe(2);
  });

  test('never holds more than its limit, and still answers after emptying itself', () => {
    const cache = boundedCache<number, number>(100);
    for (let i = 0; i < 1_000; i++) {
      cache.getOr(i, (k) => k * 2);
      expect(cache.size).toBeLessThanOrEqual(100);
    }
    expect(cache.getOr(3, (k) => k * 2)).toBe(6);
  });
});
