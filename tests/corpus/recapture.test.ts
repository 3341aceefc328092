import { expect, test } from 'vitest';
import type { ArticleInput } from '../../lib/types';
import { BRIDGE, HISTORY } from './fixtures';
import { expectConsistent, freshCorpus } from './helpers';

test('reading an unchanged article again keeps what other outlets were linked to it', async () => {
  const { corpus, db } = freshCorpus();
  for (const a of HISTORY) await corpus.ingest(a, 'page');
  const articles = BRIDGE as ArticleInput[];
  for (const a of articles) await corpus.ingest(a, 'page');
  const first = articles[0]!;
  const before = await corpus.annotate(first.url);
  const links = await db.links.count();
  expect(before?.marked.length).toBeGreaterThan(0);

  const again = await corpus.ingest({ ...first, byline: 'Wire staff' }, 'page');
  expect(again.article.byline).toBe('Wire staff');
  expect(again.annotation.marked).toEqual(before?.marked);
  expect(await db.links.count()).toBe(links);
  expect(await db.articles.count()).toBe(HISTORY.length + articles.length);
  await expectConsistent(db);
});
