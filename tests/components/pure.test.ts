import { describe, expect, test } from 'vitest';
import { formatBytes, formatPublished, listNames } from '../../components/format';
import { splitHighlights } from '../../components/popup/split-highlights';

describe('splitHighlights', () => {
  test.each([
    ['troops leave', [[0, 6]] as [number, number][], ['[troops]', ' leave']],
    [
      'troops leave',
      [
        [7, 12],
        [0, 3],
      ] as [number, number][],
      ['[tro]', 'ops ', '[leave]'],
    ],
    [
      'troops leave',
      [
        [0, 4],
        [2, 8],
      ] as [number, number][],
      ['[troops l]', 'eave'],
    ],
    [
      'abc',
      [
        [-2, 1],
        [2, 99],
      ] as [number, number][],
      ['[a]', 'b', '[c]'],
    ],
    ['abc', [] as [number, number][], ['abc']],
  ])('%j with %j', (text, ranges, expected) => {
    expect(splitHighlights(text, ranges).map((p) => (p.hit ? `[${p.text}]` : p.text))).toEqual(expected);
  });
});

describe('formatters', () => {
  test.each([
    [0, '0 bytes'],
    [1536, '1.5 KB'],
    [5 * 1024 * 1024, '5.0 MB'],
    [300 * 1024 * 1024 * 1024, '300 GB'],
  ])('formatBytes(%d) = %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  test.each([
    [[], ''],
    [['A'], 'A'],
    [['A', 'B'], 'A and B'],
    [['A', 'B', 'C'], 'A, B and C'],
  ])('listNames(%j) = %j', (names, text) => {
    expect(listNames(names)).toBe(text);
  });

  test.each([
    ['2020-01-07T10:00:00Z', 'Jan 7, 2020, 10:00 AM'],
    ['2020-01-07', 'Jan 7, 2020'],
    ['not a date', null],
    [undefined, null],
  ])('formatPublished(%j)', (iso, text) => {
    expect(formatPublished(iso, 'en-US', 'UTC')).toBe(text);
  });
});
