/**
 * Who may become the original of a wire family outlets already carry: only
 * a page published earlier whose host the reader knows (a followed feed, or
 * articles stored before the story). Any other page copying the story, with
 * whatever date it claims, is one more copy.
 */
import { describe, expect, test } from 'vitest';
import { createFeedState } from '../../lib/feeds/poller';
import { articleIdFor, canonicalUrl } from '../../lib/pipeline/ids';
import { createMemoryCorpus } from '../../lib/pipeline/memory';
import { planCapture } from '../../lib/pipeline/plan';
import type { ArticleInput } from '../../lib/types';
import { BRIDGE } from '../corpus/fixtures';
import { freshCorpus } from '../corpus/helpers';

const [WIRE, LEDGER, COURIER, GAZETTE] = BRIDGE as [ArticleInput, ArticleInput, ArticleInput, ArticleInput];
/** A third outlet carrying the wire story. */
const TRIBUNE: ArticleInput = {
  ...GAZETTE,
  url: 'https://tribune.example/wire/bridge',
  outlet: 'Harbor Tribune',
  publishedAt: '2024-03-01T10:30:00Z',
};
/** The wire story copied word for word, claiming to be earlier than the wire. */
const POSER: ArticleInput = {
  ...WIRE,
  url: 'https://indie-wire.test/stories/bridge',
  outlet: 'Independent Wire Service',
  publishedAt: '2024-03-01T06:00:00Z',
};
const T0 = Date.parse('2024-03-01T12:00:00Z');

async function storedWireStory() {
  const { corpus, db } = freshCorpus();
  const ids: Record<string, string> = {};
  for (const a of [WIRE, GAZETTE, TRIBUNE, LEDGER, COURIER]) ids[a.outlet] = (await corpus.ingest(a, 'page')).article.id;
  return { corpus, db, ids };
}

describe('a page copying a wire story stored from three outlets', () => {
  test('from a host the reader never read is one more copy of the stored original, whatever date it claims', async () => {
    const { corpus, db, ids } = await storedWireStory();
    const before = await db.articles.toArray();
    const { article } = await corpus.ingest(POSER, 'page', POSER.url);
    expect(article.reprintOf).toBe(ids['Coastal Wire']);
    for (const a of before) expect((await db.articles.get(a.id))?.reprintOf).toBe(a.reprintOf);
    const onLedger = await corpus.annotate(LEDGER.url);
    expect(onLedger?.storyOutlets).toEqual(['Coastal Wire', 'Evening Courier']);
    const reports = onLedger?.marked.flatMap((m) => m.reports) ?? [];
    expect(reports.some((r) => r.outlet === 'Coastal Wire')).toBe(true);
    expect(reports.some((r) => r.outlet === 'Independent Wire Service')).toBe(false);
  });

  test('from the host of a followed feed becomes the original, and the copies point at it', async () => {
    const { corpus, db, ids } = await storedWireStory();
    await db.feeds.put(createFeedState('https://feeds.indie-wire.test/rss.xml', { now: T0 }));
    const { article } = await corpus.ingest(POSER, 'feed', POSER.url);
    expect(article.reprintOf).toBeUndefined();
    for (const outlet of ['Coastal Wire', 'Valley Gazette', 'Harbor Tribune']) {
      expect((await db.articles.get(ids[outlet]!))?.reprintOf).toBe(article.id);
    }
  });

  test('from a host read before the story becomes the original; read only since, it does not', async () => {
    const earlier: ArticleInput = {
      url: 'https://indie-wire.test/stories/regatta',
      outlet: 'Independent Wire Service',
      title: 'Rowing regatta moves upriver',
      publishedAt: '2024-02-10T10:00:00Z',
      text: 'The spring rowing regatta will move upriver this year because of work on the harbor walls, organizers said. Crews from twelve clubs are expected.',
    };
    const plan = async (history: ArticleInput[]) => {
      const memory = createMemoryCorpus();
      let t = T0;
      for (const a of history) memory.apply(await planCapture(a, 'page', memory, (t += 60_000)));
      return planCapture(POSER, 'page', memory, t + 60_000);
    };
    const known = await plan([earlier, WIRE, GAZETTE, TRIBUNE]);
    expect(known.article.reprintOf).toBeUndefined();
    expect(known.articleUpdates.map((a) => a.outlet).sort()).toEqual(['Coastal Wire', 'Harbor Tribune', 'Valley Gazette']);
    const since = await plan([WIRE, GAZETTE, TRIBUNE, earlier]);
    expect(since.articleUpdates).toEqual([]);
    expect(since.article.reprintOf).toBe(articleIdFor(canonicalUrl(WIRE.url)));
  });

  test('stored first, from a host the reader never read, it gives its place as the original to the wire from a followed host', async () => {
    const { corpus, db } = freshCorpus();
    await db.feeds.put(createFeedState('https://wire.example/rss.xml', { now: T0 }));
    const poser = (await corpus.ingest(POSER, 'page', POSER.url)).article;
    const gazette = (await corpus.ingest(GAZETTE, 'page')).article;
    expect(gazette.reprintOf).toBe(poser.id);
    const wire = (await corpus.ingest(WIRE, 'feed')).article;
    expect(wire.reprintOf).toBeUndefined();
    expect((await db.articles.get(poser.id))?.reprintOf).toBe(wire.id);
    expect((await db.articles.get(gazette.id))?.reprintOf).toBe(wire.id);
    // Not followed and never read before: the wire stays one more copy of the page stored first.
    const other = freshCorpus();
    const first = (await other.corpus.ingest(POSER, 'page', POSER.url)).article;
    expect((await other.corpus.ingest(WIRE, 'page')).article.reprintOf).toBe(first.id);
  });
});
