import { describe, expect, test } from 'vitest';
import { findReprintOf, shingleSignature, signatureContainment } from '../../lib/story/reprints';

const wire =
  'The central bank raised its main interest rate by a quarter of a percentage point on Thursday, the third increase this year, ' +
  'saying that inflation remained well above its target and that further increases could follow if prices kept rising in the spring. ' +
  'Markets had expected the move, and the currency barely changed after the announcement in the capital.';
const copy = `${wire} Reporting by the wire service.`;
const rewrite =
  'Borrowing costs went up again on Thursday as the central bank lifted rates for a third time in 2024, warning that prices were still climbing too fast.';

describe('wire copies', () => {
  test.each([
    ['a copy from another outlet published earlier', [{ id: 'w', outlet: 'Wire', text: wire, publishedAt: '2024-01-01T08:00:00Z' }], 'w'],
    ['a copy from the same outlet', [{ id: 'w', outlet: 'Paper', text: wire, publishedAt: '2024-01-01T08:00:00Z' }], null],
    ['a copy published later', [{ id: 'w', outlet: 'Wire', text: wire, publishedAt: '2024-01-02T08:00:00Z' }], null],
    ['a rewrite of the same news', [{ id: 'r', outlet: 'Wire', text: rewrite, publishedAt: '2024-01-01T08:00:00Z' }], null],
  ])('%s', (_label, candidates, expected) => {
    expect(findReprintOf(copy, candidates, { outlet: 'Paper', publishedAt: '2024-01-01T09:00:00Z' })).toBe(expected);
  });

  test('the earliest of several copies is the original', () => {
    const candidates = [
      { id: 'late', outlet: 'B', text: wire, publishedAt: '2024-01-01T07:00:00Z' },
      { id: 'early', outlet: 'A', text: wire, publishedAt: '2024-01-01T06:00:00Z' },
    ];
    expect(findReprintOf(copy, candidates, { outlet: 'C' })).toBe('early');
  });

  test('stored signatures estimate containment', () => {
    expect(signatureContainment(shingleSignature(copy), shingleSignature(wire))).toBeGreaterThan(0.8);
    expect(signatureContainment(shingleSignature(rewrite), shingleSignature(wire))).toBeLessThan(0.2);
  });
});
