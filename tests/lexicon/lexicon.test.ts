import { statSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { createVarintReader, encodeVarints, fromBase64, toBase64 } from '../../lib/lexicon/codec';
import { getLexicon } from '../../lib/lexicon/lexicon';

const lex = getLexicon();

describe('lexicon', () => {
  test.each([
    ['withdraw', 'pull out'],
    ['bought', 'purchased'],
    ['decision', 'decided'],
    ['big', 'large'],
    ['killed', 'killing'],
  ])('relates %s and %s', (a, b) => {
    expect(lex.relation(a, b)).toBeDefined();
  });

  test.each([
    ['withdraw', 'banana'],
    ['troops', 'prices'],
  ])('does not relate %s and %s', (a, b) => {
    expect(lex.relation(a, b)).toBeUndefined();
  });

  test('knows synonyms and dictionary forms', () => {
    expect(lex.synonymsOf('purchase')).toContain('buy');
    expect(lex.word(lex.lemma(lex.id('pulled')))).toBe('pull');
  });

  test('word vectors put related words closer than unrelated ones', () => {
    expect(lex.similarity('troops', 'soldiers')!).toBeGreaterThan(lex.similarity('troops', 'banana') ?? 0);
  });

  test('everything generated for shipping stays within 3 MB', () => {
    const dir = path.resolve(__dirname, '../../lib/lexicon/generated');
    const total = readdirSync(dir).reduce((s, f) => s + statSync(path.join(dir, f)).size, 0);
    expect(total).toBeLessThanOrEqual(3 * 1024 * 1024);
  });

  test.each([[[0, 1, 127, 128, 300, 16384, 2 ** 31]], [[]]])('varints and base64 round-trip %j', (values) => {
    const bytes = encodeVarints(values);
    const back = fromBase64(toBase64(bytes));
    const r = createVarintReader(back);
    expect(values.map(() => r.next())).toEqual(values);
    expect(r.done()).toBe(true);
  });
});

describe('background rarity', () => {
  test.each([
    ['said', 'pentagon'],
    ['troops', 'crane'],
    ['decision', 'verified'],
  ])('a common news word (%s) counts less than a rarer one (%s)', (common, rare) => {
    expect(lex.backgroundIdf(common)).toBeLessThan(lex.backgroundIdf(rare));
  });

  test.each(['tollundx', 'zzqxv'])('a word outside the vocabulary (%s) counts as the rarest', (w) => {
    expect(lex.backgroundIdf(w)).toBe(1);
  });

  test('rarity stays within 0 to 1', () => {
    for (const w of ['the', 'iraq', 'pull out']) {
      const r = lex.backgroundIdf(w);
      expect(r).toBeGreaterThanOrEqual(0);
      expect(r).toBeLessThanOrEqual(1);
    }
  });
});
