import { describe, expect, test } from 'vitest';
import type { ArticleRecord } from '../../lib/db/db';
import { matchPartners } from '../../lib/pipeline/families';

const T0 = Date.parse('2024-03-01T12:00:00Z');

/** A stored article of one story: only what partner selection reads matters. */
function art(id: string, outlet: string, minutes: number, reprintOf?: string): ArticleRecord {
  return {
    id,
    url: `https://${outlet.toLowerCase().replace(/\W+/g, '')}.test/${id}`,
    outlet,
    title: id,
    text: '',
    host: 'x.test',
    storyId: 's',
    source: 'page',
    capturedAt: T0 + minutes * 60_000,
    updatedAt: T0 + minutes * 60_000,
    sentenceCount: 1,
    titleTerms: [],
    ...(reprintOf ? { reprintOf } : {}),
  } as ArticleRecord;
}

const self = { id: 'new', outlet: 'Herald' };

describe('matchPartners: whom a new article is compared with', () => {
  test.each([
    {
      name: 'the same outlet is left out',
      members: [art('a', 'Herald', 1), art('b', 'Courier', 2)],
      expected: ['b'],
    },
    {
      name: 'one article per outlet, its most recent',
      members: [art('a', 'Courier', 1), art('b', 'Courier', 5), art('c', 'Post', 3)],
      expected: ['b', 'c'],
    },
    {
      name: 'wire copies count once, as their stored original',
      members: [art('wire', 'Wire', 1), art('copy1', 'Gazette', 4, 'wire'), art('copy2', 'Times', 6, 'wire')],
      expected: ['wire'],
    },
    {
      name: 'a copy stands for an original no longer stored',
      members: [art('copy1', 'Gazette', 4, 'gone'), art('copy2', 'Times', 6, 'gone')],
      expected: ['copy2', 'copy1'],
    },
    {
      name: 'most recent first, an article is never its own partner',
      members: [art('new', 'Herald', 9), art('old', 'Post', 1), art('mid', 'Times', 3), art('late', 'Wire', 8)],
      expected: ['late', 'mid', 'old'],
    },
  ])('$name', ({ members, expected }) => {
    expect(matchPartners(self, members).map((a) => a.id)).toEqual(expected);
  });

  test('a reprint is not compared with its own original nor its other copies', () => {
    const members = [art('wire', 'Wire', 1), art('copy', 'Gazette', 2, 'wire'), art('own', 'Post', 3)];
    expect(matchPartners({ id: 'new', outlet: 'Herald', reprintOf: 'wire' }, members).map((a) => a.id)).toEqual(['own']);
  });

  test('a long-running story is matched against its latest outlets only', () => {
    const members = Array.from({ length: 30 }, (_, k) => art(`a${k}`, `Outlet ${k}`, k));
    const picked = matchPartners(self, members, 5).map((a) => a.id);
    expect(picked).toEqual(['a29', 'a28', 'a27', 'a26', 'a25']);
  });
});
