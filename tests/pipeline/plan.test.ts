/**
 * One pipeline, two views: the same history of captures planned against the
 * IndexedDB store (fake-indexeddb, inside the write's transaction) and
 * against the in-memory corpus gives the same plans, step by step.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, test } from 'vitest';
import { applyPlan, batchView } from '../../lib/corpus/batch';
import { dexieView } from '../../lib/corpus/view';
import { createDb } from '../../lib/db/db';
import { createMemoryCorpus } from '../../lib/pipeline/memory';
import { planCapture, type CapturePlan } from '../../lib/pipeline/plan';
import type { ArticleInput } from '../../lib/types';
import { BRIDGE, FESTIVAL, HISTORY, MILLEY } from '../corpus/fixtures';
import { snapshot } from '../corpus/helpers';

const [WIRE, LEDGER, COURIER, GAZETTE] = BRIDGE as [ArticleInput, ArticleInput, ArticleInput, ArticleInput];
const revised = (a: ArticleInput): ArticleInput => ({
  ...a,
  text: `${a.text}\n\nThe ferry service will run every twenty minutes while the bridge is closed, the council said.`,
});

const HISTORIES: [string, ArticleInput[]][] = [
  ['one story read outlet by outlet', [LEDGER, COURIER, GAZETTE]],
  ['a wire story, then its reprints and an independent report', [WIRE, LEDGER, COURIER, GAZETTE]],
  ['reprints stored before their original, from a host read before', [...HISTORY, GAZETTE, LEDGER, WIRE, COURIER]],
  ['reprints stored before an earlier copy from a host never read', [GAZETTE, LEDGER, WIRE, COURIER]],
  ['two stories interleaved', [LEDGER, FESTIVAL, COURIER, MILLEY, GAZETTE]],
  ['an article read again unchanged, then revised', [LEDGER, COURIER, LEDGER, revised(LEDGER), GAZETTE]],
  ['a longer history', [...HISTORY, ...BRIDGE]],
  [
    "a page on another host under a stored outlet's name",
    [LEDGER, { ...COURIER, url: 'https://evil.test/bridge', outlet: LEDGER.outlet }, FESTIVAL],
  ],
];

type Stored = Awaited<ReturnType<typeof snapshot>>;

async function plansThroughStore(history: ArticleInput[], after?: (tables: Stored) => void): Promise<CapturePlan[]> {
  const db = createDb('plans', { indexedDB: new IDBFactory(), IDBKeyRange });
  const tables = [db.articles, db.sentences, db.stories, db.links, db.terms, db.settings, db.claims, db.feeds];
  const plans: CapturePlan[] = [];
  let t = Date.parse('2024-03-01T12:00:00Z');
  for (const input of history) {
    t += 60_000;
    plans.push(
      await db.transaction('rw', tables, async () => {
        const plan = await planCapture(input, 'page', dexieView(db), t);
        await applyPlan(db, plan);
        return plan;
      }),
    );
  }
  after?.(await snapshot(db));
  db.close();
  return plans;
}

/** The whole history planned in one transaction against the batch view, and written once at the end. */
async function plansInOneBatch(history: ArticleInput[], after: (tables: Stored) => void): Promise<CapturePlan[]> {
  const db = createDb('batch', { indexedDB: new IDBFactory(), IDBKeyRange });
  const tables = [db.articles, db.sentences, db.stories, db.links, db.terms, db.settings, db.claims, db.feeds];
  let t = Date.parse('2024-03-01T12:00:00Z');
  const plans = await db.transaction('rw', tables, async () => {
    const view = batchView(db);
    const out: CapturePlan[] = [];
    for (const input of history) {
      t += 60_000;
      const plan = await planCapture(input, 'page', view, t);
      view.apply(plan);
      out.push(plan);
    }
    await view.write();
    return out;
  });
  after(await snapshot(db));
  db.close();
  return plans;
}

async function plansInMemory(history: ArticleInput[]): Promise<CapturePlan[]> {
  const corpus = createMemoryCorpus();
  const plans: CapturePlan[] = [];
  let t = Date.parse('2024-03-01T12:00:00Z');
  for (const input of history) {
    t += 60_000;
    const plan = await planCapture(input, 'page', corpus, t);
    corpus.apply(plan);
    plans.push(plan);
  }
  return plans;
}

/** Plans compared with the order of unordered parts (links, removals) fixed. */
function canonical(plan: CapturePlan) {
  const byKey = <T>(xs: T[], key: (x: T) => string) => [...xs].sort((x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0));
  return {
    ...plan,
    removeSentences: [...plan.removeSentences].sort(),
    removeLinks: byKey(plan.removeLinks, (k) => k.join('|')),
    links: byKey(plan.links, (l) => `${l.a}|${l.b}`),
    articleUpdates: byKey(plan.articleUpdates, (a) => a.id),
  };
}

describe('the capture plan is the same against the store and in memory', () => {
  test.each(HISTORIES)('%s', async (_label, history) => {
    const [store, memory] = await Promise.all([plansThroughStore(history), plansInMemory(history)]);
    expect(store).toHaveLength(history.length);
    expect(store.map(canonical)).toEqual(memory.map(canonical));
  });

  test.each(HISTORIES)('%s, planned in one batch and written once', async (_label, history) => {
    let single: Stored | undefined;
    let batched: Stored | undefined;
    const [store, batch] = await Promise.all([
      plansThroughStore(history, (s) => (single = s)),
      plansInOneBatch(history, (s) => (batched = s)),
    ]);
    expect(batch).toEqual(store);
    expect(batched).toEqual(single);
    expect(single?.articles.length).toBeGreaterThan(0);
  });

  test('the histories exercise what a plan can hold', async () => {
    const plans = [
      ...(await plansInMemory([...HISTORY, GAZETTE, LEDGER, WIRE, COURIER])),
      ...(await plansInMemory([LEDGER, COURIER, LEDGER, revised(LEDGER)])),
    ];
    expect(plans.some((p) => p.links.length > 0)).toBe(true);
    expect(plans.some((p) => p.articleUpdates.length > 0)).toBe(true);
    expect(plans.some((p) => p.unchanged)).toBe(true);
    expect(plans.some((p) => p.removeSentences.length > 0 && p.removeLinks.length > 0)).toBe(true);
    expect(plans.some((p) => (p.claims?.groups.length ?? 0) > 0)).toBe(true);
  });
});

describe('a plan writes nothing', () => {
  test('planning against the in-memory corpus leaves it as it was', async () => {
    const corpus = createMemoryCorpus();
    for (const [i, a] of [LEDGER, COURIER].entries()) corpus.apply(await planCapture(a, 'page', corpus, 1000 + i));
    const before = JSON.stringify([corpus.allArticles(), corpus.allStories(), await corpus.storyLinks(corpus.allArticles()[0]!.storyId)]);
    await planCapture(GAZETTE, 'page', corpus, 5000);
    await planCapture(revised(LEDGER), 'page', corpus, 6000);
    expect(JSON.stringify([corpus.allArticles(), corpus.allStories(), await corpus.storyLinks(corpus.allArticles()[0]!.storyId)])).toBe(
      before,
    );
  });

  test.each([
    ['not an object', 'text', /not an object/],
    ['an article without sentences', { ...LEDGER, text: '   ' }, /no text/],
  ])('a bad article (%s) is refused with a plain message', async (_label, input, message) => {
    await expect(planCapture(input, 'page', createMemoryCorpus(), 0)).rejects.toThrow(message);
  });
});
