// @vitest-environment happy-dom
import type { SearchGroup } from '../../lib/types';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { Popup, type PopupProps } from '../../components/popup/Popup';
import { buttonByText, click, settle, toggle, type } from './helpers';

const GROUPS: SearchGroup[] = [
  {
    storyId: 's1',
    storyTitle: 'Iraq parliament votes to expel U.S. troops',
    outlets: ['The Daily Ledger', 'Wire Service'],
    hits: [
      {
        sentenceId: 'a#2',
        articleId: 'a',
        storyId: 's1',
        outlet: 'The Daily Ledger',
        title: 'Iraq vote',
        url: 'https://ledger.test/iraq',
        fragmentUrl: 'https://ledger.test/iraq#:~:text=troops%20would%20leave',
        text: 'The troops would leave within months.',
        field: 'sentence',
        highlights: [[4, 10]],
        score: 0.9,
      },
    ],
  },
  {
    storyId: 's2',
    storyTitle: 'Troop levels in the Gulf',
    outlets: ['Wire Service'],
    hits: [
      {
        sentenceId: 'b#0',
        articleId: 'b',
        storyId: 's2',
        outlet: 'Wire Service',
        title: 'Troop levels in the Gulf',
        url: 'https://wire.test/b',
        fragmentUrl: 'https://wire.test/b',
        text: 'Troop levels in the Gulf',
        field: 'title',
        highlights: [[0, 5]],
        score: 0.5,
      },
    ],
  },
];

let container: HTMLElement;
let calls: { search: string[]; pause: [string, boolean][]; options: number; opened: string[] };

function renderPopup(over: Partial<PopupProps> = {}): void {
  const props: PopupProps = {
    summary: {
      known: true,
      articleId: 'x',
      title: 'Iraq asks troops to leave',
      outlet: 'Here News',
      markedCount: 4,
      sentenceCount: 21,
      storyOutlets: ['The Daily Ledger', 'Wire Service'],
    },
    pause: { everywhere: false, hosts: [] },
    host: 'news.test',
    onSearch: async (q) => {
      calls.search.push(q);
      return GROUPS;
    },
    onPause: (scope, paused) => calls.pause.push([scope, paused]),
    onOpenOptions: () => calls.options++,
    onOpenResult: (url) => calls.opened.push(url),
    searchDelayMs: 20,
    ...over,
  };
  render(<Popup {...props} />, container);
}

const input = (): HTMLInputElement => container.querySelector('input[type="search"]') as HTMLInputElement;

beforeEach(() => {
  calls = { search: [], pause: [], options: 0, opened: [] };
  container = document.createElement('div');
  document.body.appendChild(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

describe('Popup search', () => {
  test('searches once typing pauses and shows results grouped by story with outlets and highlights', async () => {
    renderPopup();
    type(input(), 'tr');
    type(input(), 'troops');
    await settle(60);
    expect(calls.search).toEqual(['troops']);
    const groups = container.querySelectorAll('.px-group');
    expect(groups).toHaveLength(2);
    expect(groups[0]?.querySelector('.px-group-title')?.textContent).toBe('Iraq parliament votes to expel U.S. troops');
    expect(groups[0]?.querySelector('.px-group-outlets')?.textContent).toBe('The Daily Ledger · Wire Service');
    expect(groups[0]?.querySelector('.px-result-outlet')?.textContent).toBe('The Daily Ledger');
    expect(groups[0]?.querySelector('mark')?.textContent).toBe('troops');
    expect(container.querySelector('[role="status"]')?.textContent).toBe('2 stories found.');
  });

  test('opening a result hands its sentence URL to the caller', async () => {
    renderPopup();
    type(input(), 'troops');
    await settle(60);
    click(container.querySelector('.px-result a'));
    expect(calls.opened).toEqual([GROUPS[0]?.hits[0]?.fragmentUrl]);
  });

  test('says so when nothing matches, and when the search fails', async () => {
    renderPopup({ onSearch: async () => [] });
    type(input(), 'zebra');
    await settle(60);
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Nothing stored matches “zebra”.');
    renderPopup({
      onSearch: async () => {
        throw new Error('store closed');
      },
    });
    type(input(), 'zebras');
    await settle(60);
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Search failed: store closed');
  });

  test('a slow earlier reply does not replace a later one', async () => {
    const replies: Record<string, SearchGroup[]> = { iraq: [GROUPS[0]!], gulf: [GROUPS[1]!] };
    renderPopup({
      onSearch: (q) => new Promise((resolve) => setTimeout(() => resolve(replies[q] ?? []), q === 'iraq' ? 80 : 5)),
    });
    type(input(), 'iraq');
    await settle(30);
    type(input(), 'gulf');
    await settle(150);
    expect(Array.from(container.querySelectorAll('.px-group-title')).map((e) => e.textContent)).toEqual(['Troop levels in the Gulf']);
  });
});

describe('Popup page summary, switches and options', () => {
  test('summarises the current page', () => {
    renderPopup();
    const text = container.querySelector('.px-summary')?.textContent ?? '';
    expect(text).toContain('4 of 21 sentences marked');
    expect(text).toContain('Also covering this story: The Daily Ledger and Wire Service');
  });

  test('says when the page is not stored, and what to do next', () => {
    renderPopup({ summary: null });
    const summary = container.querySelector('.px-summary')!;
    expect(summary.textContent).toContain('has not stored this page');
    expect(summary.querySelector('.px-next')?.textContent).toMatch(/Open a news article/);
  });

  test('a story no other outlet covers yet says to read it elsewhere or follow outlets, which opens the options', () => {
    renderPopup({
      summary: { known: true, articleId: 'x', title: 'Alone', outlet: 'Here News', markedCount: 0, sentenceCount: 12, storyOutlets: [] },
    });
    const next = container.querySelector('.px-summary .px-next')!;
    expect(next.textContent).toContain('Read this story on another outlet, or follow outlets to have their articles ready.');
    click(Array.from(next.querySelectorAll('button')).find((b) => b.textContent === 'follow outlets'));
    expect(calls.options).toBe(1);
  });

  test('on a page not taken as an article: says which test failed and stores it anyway on request', async () => {
    let asked = 0;
    renderPopup({
      summary: { known: false, markedCount: 0, sentenceCount: 0, storyOutlets: [] },
      status: { state: 'not-article', reason: 'not an article: the text has only 2 sentences of prose (at least 4)', canStoreAnyway: true },
      onStoreAnyway: async () => {
        asked++;
        return { stored: true };
      },
    });
    const summary = container.querySelector('.px-summary')!;
    expect(summary.querySelector('.px-why')?.textContent).toBe('Not an article: the text has only 2 sentences of prose (at least 4).');
    click(buttonByText(summary, 'Store this page anyway'));
    await settle();
    expect(asked).toBe(1);
    expect(summary.querySelector('[role="alert"]')).toBeNull();
  });

  test('says where capture is paused, and another language in the words the background gave', () => {
    renderPopup({ summary: null, status: { state: 'paused', canStoreAnyway: true }, pause: { everywhere: false, hosts: ['news.test'] } });
    expect(container.querySelector('.px-why')?.textContent).toBe('Capture is paused for news.test.');
    renderPopup({ summary: null, status: { state: 'paused', canStoreAnyway: true }, pause: { everywhere: true, hosts: [] } });
    expect(container.querySelector('.px-why')?.textContent).toBe('Capture is paused everywhere.');
    renderPopup({
      summary: null,
      status: { state: 'rejected', reason: 'the article is in French; Parallax compares English articles', canStoreAnyway: true },
      onStoreAnyway: async () => ({ stored: true }),
    });
    expect(container.querySelector('.px-why')?.textContent).toBe('The article is in French; Parallax compares English articles.');
    expect(buttonByText(container, 'Store this page anyway')).toBeDefined();
  });

  test('a refusal that storing anyway cannot pass offers no button; one met on the way is shown with its reason', async () => {
    renderPopup({
      summary: null,
      status: { state: 'rejected', reason: 'the page gives an address on another site (other.test) as its own', canStoreAnyway: false },
    });
    expect(container.querySelector('.px-why')?.textContent).toMatch(/^The page gives an address on another site/);
    expect(buttonByText(container, 'Store this page anyway')).toBeUndefined();

    renderPopup({
      summary: null,
      status: {
        state: 'not-article',
        reason: 'not an article: too little text (40 words; an article has at least 500 characters)',
        canStoreAnyway: true,
      },
      onStoreAnyway: async () => ({
        stored: false,
        reason: 'the article https://news.test/x is too long to store (2000001 characters; at most 2000000)',
      }),
    });
    click(buttonByText(container, 'Store this page anyway'));
    await settle();
    expect(container.querySelector('[role="alert"]')?.textContent).toMatch(/^Not stored: the article .* is too long to store/);
    expect(buttonByText(container, 'Store this page anyway')).toBeUndefined();
  });

  test('pause switches report their scope and new state', () => {
    renderPopup({ pause: { everywhere: false, hosts: ['news.test'] } });
    const switches = Array.from(container.querySelectorAll<HTMLInputElement>('input[role="switch"]'));
    expect(switches.map((s) => s.checked)).toEqual([true, false]);
    expect(container.textContent).toContain('Pause on news.test');
    toggle(switches[0]!);
    toggle(switches[1]!);
    expect(calls.pause).toEqual([
      ['site', false],
      ['everywhere', true],
    ]);
  });

  test('without a host only the everywhere switch shows', () => {
    renderPopup({ host: undefined });
    expect(container.querySelectorAll('input[role="switch"]')).toHaveLength(1);
  });

  test('the options link calls onOpenOptions', () => {
    renderPopup();
    click(Array.from(container.querySelectorAll('button')).find((b) => b.textContent === 'Options'));
    expect(calls.options).toBe(1);
  });
});

describe('Popup: a page whose new capture was refused', () => {
  test('too large: says so plainly, with no offer to store it anyway', () => {
    const reason = 'This page’s text is too large to store: 2,500,000 characters.';
    renderPopup({
      summary: { known: false, markedCount: 0, sentenceCount: 0, storyOutlets: [] },
      status: { state: 'too-large', reason, canStoreAnyway: false },
    });
    expect(container.querySelector('.px-why')?.textContent).toBe(reason);
    expect(container.querySelector('.px-store-anyway')).toBeNull();
    expect(container.textContent).not.toContain('has not stored this page as a news article');
  });

  test('refused by the store (over its limit, or too many captures): gives the reason above what was stored before', () => {
    renderPopup({ status: { state: 'rejected', reason: 'Parallax’s store is full.', canStoreAnyway: true } });
    const note = container.querySelector('.px-refused');
    expect(note?.getAttribute('data-status')).toBe('rejected');
    expect(note?.textContent).toBe('Not stored. Parallax’s store is full.');
    expect(container.querySelector('.px-summary-title')?.textContent).toBe('Iraq asks troops to leave');
  });

  test('stored, paused or not an article: no refusal is shown above a stored page', () => {
    for (const state of ['stored', 'paused', 'not-article'] as const) {
      renderPopup({ status: { state, canStoreAnyway: false } });
      expect(container.querySelector('.px-refused')).toBeNull();
    }
  });
});
