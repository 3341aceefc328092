import { expect, test } from 'vitest';
import { badgeText, badgeTitle, createTabBadge, withBadge, type ActionApi } from '../../lib/extension/badge';
import type { Handlers } from '../../lib/messaging/router';
import type { PageAnnotation } from '../../lib/types';

function fakeAction() {
  const text = new Map<number, string>();
  const title = new Map<number, string>();
  const colors: string[] = [];
  const api: ActionApi = {
    setBadgeText: ({ tabId, text: t }) => void text.set(tabId, t),
    setTitle: ({ tabId, title: t }) => void title.set(tabId, t),
    setBadgeBackgroundColor: ({ color }) => void colors.push(color),
  };
  return { api, text, title, colors };
}

function annotation(marked: number): PageAnnotation {
  return {
    articleId: 'a',
    storyId: 's',
    outlet: 'The Daily Ledger',
    storyOutlets: ['Meridian Post'],
    sentenceCount: 20,
    marked: Array.from({ length: marked }, (_, i) => ({ text: `sentence ${i}` }) as unknown as PageAnnotation['marked'][number]),
  };
}

/** Handlers that answer capture and annotate with `marked` marked sentences. */
function stubHandlers(marked: () => number): Handlers {
  return {
    captureAllowed: async () => ({ allowed: true }),
    capture: async () => ({ status: 'stored', annotation: annotation(marked()) }),
    annotate: async () => annotation(marked()),
  } as unknown as Handlers;
}

const page = (tabId: number) => ({ id: 'ext', url: 'http://dailyledger.test/story', tabId });

test('the title says the count in words, singular and plural', () => {
  expect(badgeTitle(3)).toBe('Parallax: 3 sentences reported by other outlets');
  expect(badgeTitle(1)).toBe('Parallax: 1 sentence reported by other outlets');
  expect(badgeTitle(0)).toBe('Parallax');
  expect(badgeText(0)).toBe('');
  expect(badgeText(42)).toBe('42');
  expect(badgeText(12_345)).toBe('999+');
});

test("a tab's badge shows its page's marked sentences, and a new read of the page clears it", async () => {
  const action = fakeAction();
  let marked = 3;
  const handlers = withBadge(
    stubHandlers(() => marked),
    createTabBadge(action.api),
  );

  await handlers.captureAllowed({} as Record<string, never>, page(4));
  expect(action.text.get(4)).toBe('');
  await handlers.capture({ article: {} as never }, page(4));
  expect(action.text.get(4)).toBe('3');
  expect(action.title.get(4)).toBe('Parallax: 3 sentences reported by other outlets');
  expect(action.colors).toHaveLength(1);

  // Another tab has its own count.
  marked = 1;
  await handlers.annotate({ url: 'http://dailyledger.test/other' }, page(9));
  expect(action.text.get(9)).toBe('1');
  expect(action.text.get(4)).toBe('3');

  // The first tab moves to its next article: cleared at once, then that page's count.
  await handlers.captureAllowed({} as Record<string, never>, page(4));
  expect(action.text.get(4)).toBe('');
  expect(action.title.get(4)).toBe('Parallax');
  marked = 0;
  await handlers.capture({ article: {} as never }, page(4));
  expect(action.text.get(4)).toBe('');
});

test("the extension's own pages asking about an article leave every badge alone", async () => {
  const action = fakeAction();
  const handlers = withBadge(
    stubHandlers(() => 5),
    createTabBadge(action.api),
  );
  await handlers.annotate(
    { url: 'http://dailyledger.test/story' },
    { id: 'ext', url: 'chrome-extension://x/options.html', tabId: 2, extensionPage: true },
  );
  expect(action.text.size).toBe(0);
});

test('a tab that closed meanwhile does not make the reply fail', async () => {
  const api: ActionApi = {
    setBadgeText: () => Promise.reject(new Error('No tab with id: 4')),
    setTitle: () => Promise.reject(new Error('No tab with id: 4')),
    setBadgeBackgroundColor: () => undefined,
  };
  const handlers = withBadge(
    stubHandlers(() => 2),
    createTabBadge(api),
  );
  const reply = await handlers.capture({ article: {} as never }, page(4));
  expect(reply.status).toBe('stored');
});
