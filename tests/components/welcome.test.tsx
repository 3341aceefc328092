// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { Welcome } from '../../components/welcome/Welcome';
import type { SuggestedFeed } from '../../lib/feeds/suggested';
import { click, settle, toggle } from './helpers';

const OUTLETS: SuggestedFeed[] = [
  { name: 'Harbour Times', url: 'https://harbour.test/feed.xml', site: 'https://harbour.test/' },
  { name: 'Meridian Post', url: 'https://meridian.test/rss', site: 'https://meridian.test/' },
  { name: 'The Daily Ledger', url: 'https://ledger.test/atom', site: 'https://ledger.test/' },
];

let container: HTMLElement;
let followed: SuggestedFeed[][];
let optionsOpened: number;

function renderWelcome(over: { followed?: string[]; fail?: string } = {}): void {
  render(
    <Welcome
      suggestions={OUTLETS}
      followed={over.followed ?? []}
      onFollow={async (list) => {
        followed.push(list);
        if (over.fail) throw new Error(over.fail);
      }}
      onOpenOptions={() => optionsOpened++}
    />,
    container,
  );
}

const followButton = (): HTMLButtonElement => container.querySelector('button.px-primary') as HTMLButtonElement;
const boxes = (): HTMLInputElement[] => Array.from(container.querySelectorAll<HTMLInputElement>('input[name="outlet"]'));

beforeEach(() => {
  followed = [];
  optionsOpened = 0;
  container = document.createElement('div');
  document.body.appendChild(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

test('explains Parallax in three steps with a picture, and that everything stays on this computer', () => {
  renderWelcome();
  expect(container.querySelectorAll('.px-steps > li')).toHaveLength(3);
  expect(container.querySelector('svg[role="img"] title')?.textContent).toMatch(/underlined/);
  expect(container.textContent).toContain('Everything stays on this computer');
});

test('nothing is followed until the reader chooses outlets and clicks', async () => {
  renderWelcome();
  expect(boxes().every((b) => !b.checked)).toBe(true);
  expect(followButton().disabled).toBe(true);
  expect(followed).toEqual([]);

  toggle(boxes()[1]!);
  await settle();
  expect(followButton().textContent).toBe('Follow 1 outlet');
  click(followButton());
  await settle();
  expect(followed).toEqual([[OUTLETS[1]]]);
  expect(container.querySelector('[role="status"]')?.textContent).toContain('Following Meridian Post');
  // Followed outlets are no longer offered.
  expect(boxes().every((b) => !b.checked)).toBe(true);
});

test('"Choose all" offers every outlet not yet followed', async () => {
  renderWelcome({ followed: [OUTLETS[0]!.url] });
  expect(boxes().map((b) => b.value)).toEqual([OUTLETS[1]!.url, OUTLETS[2]!.url]);
  click(Array.from(container.querySelectorAll('button')).find((b) => b.textContent === 'Choose all'));
  await settle();
  expect(followButton().textContent).toBe('Follow 2 outlets');
  click(followButton());
  await settle();
  expect(followed[0]!.map((s) => s.name)).toEqual(['Meridian Post', 'The Daily Ledger']);
});

test('a refused permission is said in words and nothing is marked as followed', async () => {
  renderWelcome({ fail: 'Parallax needs your permission to read the outlet’s site to follow its feed.' });
  toggle(boxes()[0]!);
  await settle();
  click(followButton());
  await settle();
  expect(container.querySelector('[role="alert"]')?.textContent).toMatch(/needs your permission/);
  expect(container.querySelector('[role="status"]')).toBeNull();
});

test('the options page is one click away', () => {
  renderWelcome();
  click(Array.from(container.querySelectorAll('button')).find((b) => b.textContent === 'Parallax’s options'));
  expect(optionsOpened).toBe(1);
});
