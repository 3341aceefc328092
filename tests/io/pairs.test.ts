import { describe, expect, test } from 'vitest';
import { parsePairLines } from '../../lib/io/pairs';

describe('parsePairLines', () => {
  test('reads good lines, skips blank ones and names each bad line with its reason', () => {
    const text = [
      JSON.stringify({ a: 'One wording.', b: 'Another wording.' }),
      '',
      '[1, 2]',
      JSON.stringify({ a: 'Only a.' }),
      JSON.stringify({ a: '  ', b: 'Empty a.' }),
      JSON.stringify({ a: 'Fine.', b: 'Also fine.', note: 'extra fields are ignored' }),
    ].join('\r\n');
    const { pairs, errors } = parsePairLines(text);
    expect(pairs).toEqual([
      { line: 1, a: 'One wording.', b: 'Another wording.' },
      { line: 6, a: 'Fine.', b: 'Also fine.' },
    ]);
    expect(errors.map((e) => e.message)).toEqual(['line 3: not a JSON object', 'line 4: missing "b"', 'line 5: "a" is empty']);
  });
});
