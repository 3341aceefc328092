import { expect, test } from 'vitest';
import { createBackgroundHandlers, createTabArticles } from '../../lib/extension/background-handlers';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { extractFromHtml } from '../../lib/extract/from-html';
import { freshCorpus } from '../corpus/helpers';
import { ARTICLE_LIMITS } from '../../lib/pipeline/config';
import { READ_LIMITS, createRateLimit } from '../../lib/extension/capture-limits';

function memorySession() {
  const items = new Map<string, unknown>();
  return {
    get: async (key: string) => (items.has(key) ? { [key]: items.get(key) } : {}),
    set: async (values: Record<string, unknown>) => void Object.entries(values).forEach(([k, v]) => items.set(k, v)),
  };
}

test('the popup finds the article a tab captured even when the tab shows another address of it', async () => {
  const { db, corpus } = freshCorpus();
  const handlers = createBackgroundHandlers({ db, corpus, tabArticles: createTabArticles(memorySession()) });
  // The page is shown with a query string; its canonical URL (on the same site) has none.
  const shownAt = 'http://dailyledger.test/ellery-crane-collapse?ref=home-page';
  const html = readFileSync(path.resolve(import.meta.dirname, '../../demo/sites/dailyledger.test/ellery-crane-collapse.html'), 'utf8');
  const extracted = extractFromHtml(html, shownAt);
  if (!extracted.ok) throw new Error(extracted.reason);
  expect(extracted.article.url).not.toBe(shownAt);
  const reply = await handlers.capture({ article: extracted.article }, { id: 'ext', url: shownAt, tabId: 7 });
  expect(reply.status).toBe('stored');

  expect((await handlers.pageSummary({ url: shownAt }, { id: 'ext' })).known).toBe(false);
  const summary = await handlers.pageSummary({ url: shownAt, tabId: 7 }, { id: 'ext' });
  expect(summary).toMatchObject({ known: true, outlet: 'The Daily Ledger' });
});

test('a page learns whether its own site is paused, and nothing about other sites', async () => {
  const { db, corpus } = freshCorpus();
  const handlers = createBackgroundHandlers({ db, corpus });
  await corpus.setPause({ scope: 'site', host: 'paused.example', paused: true });
  const ask = (url: string) => handlers.captureAllowed({} as Record<string, never>, { id: 'ext', url, tabId: 1 });
  expect(await ask('https://paused.example/story')).toEqual({ allowed: false });
  expect(await ask('https://open.example/story')).toEqual({ allowed: true });
});

test("a page's HTML is read in the background: the extractor is asked with the reader's 'anyway', and what is not a page is refused", async () => {
  const { db, corpus } = freshCorpus();
  const asked: { url: string; anyway: boolean }[] = [];
  const handlers = createBackgroundHandlers({
    db,
    corpus,
    extract: async (html, url, options) => {
      asked.push({ url, anyway: options?.anyway === true });
      return extractFromHtml(html, url, options);
    },
  });
  const sender = { id: 'ext', url: 'http://dailyledger.test/ellery-crane-collapse', tabId: 3 };
  const html = readFileSync(path.resolve(import.meta.dirname, '../../demo/sites/dailyledger.test/ellery-crane-collapse.html'), 'utf8');
  const read = await handlers.extractPage({ html, url: sender.url }, sender);
  expect(read).toEqual(extractFromHtml(html, sender.url));
  expect(read.ok).toBe(true);
  await handlers.extractPage({ html, url: sender.url, anyway: true }, sender);
  expect(asked).toEqual([
    { url: sender.url, anyway: false },
    { url: sender.url, anyway: true },
  ]);

  const refused = async (payload: { html: unknown; url: unknown }) =>
    handlers.extractPage(payload as { html: string; url: string }, sender).then((r) => (r.ok ? 'read' : r.reason));
  expect(await refused({ html, url: 'file:///etc/passwd' })).toMatch(/not sent as an http or https page/);
  expect(await refused({ html: 42, url: sender.url })).toMatch(/not sent as an http or https page/);
  expect(await refused({ html: 'x'.repeat(ARTICLE_LIMITS.maxPageHtmlChars + 1), url: sender.url })).toMatch(
    /^This page is too large to read/,
  );
  expect(asked).toHaveLength(2);

  const without = createBackgroundHandlers({ db, corpus });
  expect(await without.extractPage({ html, url: sender.url }, sender)).toEqual({
    ok: false,
    reason: 'this browser cannot read pages in the background',
  });
});

test('a page sending itself to be read again and again is cut off before the background parses it; the reader\'s "anyway" is not', async () => {
  const { db, corpus } = freshCorpus();
  let parsed = 0;
  const handlers = createBackgroundHandlers({
    db,
    corpus,
    readLimit: createRateLimit(() => 0, { ...READ_LIMITS, perTab: 2 }, 'reads'),
    extract: async () => {
      parsed++;
      return { ok: false, reason: 'not an article: too little text' };
    },
  });
  const sender = { id: 'ext', url: 'https://spa.example/a', tabId: 9 };
  const page = { html: '<p>hello</p>', url: sender.url };
  expect((await handlers.extractPage(page, sender)).ok).toBe(false);
  expect((await handlers.extractPage(page, sender)).ok).toBe(false);
  const third = await handlers.extractPage(page, sender);
  expect(third).toEqual({
    ok: false,
    reason:
      'This tab opened more than 2 pages in a minute; Parallax stopped reading them for a moment. Reload the page in a minute to store it.',
  });
  expect(parsed).toBe(2);
  await handlers.extractPage({ ...page, anyway: true }, sender);
  expect(parsed).toBe(3);
});
