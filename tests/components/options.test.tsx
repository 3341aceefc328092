// @vitest-environment happy-dom
import type { StoreStats } from '../../lib/types';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { Options } from '../../components/options/Options';
import { Section } from '../../components/options/Section';
import { buttonByText, click, settle, type } from './helpers';

const STATS: StoreStats = {
  articles: 42,
  sentences: 1234,
  stories: 9,
  outlets: [
    { outlet: 'Wire Service', articles: 30 },
    { outlet: 'The Daily Ledger', articles: 12 },
  ],
  usage: 5 * 1024 * 1024,
  quota: 2 * 1024 * 1024 * 1024,
};

let container: HTMLElement;
let deleted: string[];
let deletedAll: number;

function renderOptions(stats: StoreStats = STATS): void {
  render(
    <Options
      stats={stats}
      onDeleteOutlet={async (o) => {
        deleted.push(o);
      }}
      onDeleteAll={() => {
        deletedAll++;
      }}
    />,
    container,
  );
}

beforeEach(() => {
  deleted = [];
  deletedAll = 0;
  container = document.createElement('div');
  document.body.appendChild(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

describe('Options', () => {
  test('shows what is stored and the space it takes, in readable units', () => {
    renderOptions();
    const stats = Array.from(container.querySelectorAll('.px-stat')).map((s) => s.textContent);
    expect(stats).toEqual(['Articles42', 'Sentences1,234', 'Stories9', 'Outlets2']);
    expect(container.querySelector('.px-usage')?.textContent).toBe('Space used: 5.0 MB of 2.0 GB available');
  });

  test('deleting an outlet asks first; Cancel keeps it', () => {
    renderOptions();
    click(container.querySelector('button[aria-label="Delete The Daily Ledger"]'));
    expect(container.textContent).toContain('Delete 12 articles from The Daily Ledger? This cannot be undone.');
    expect(document.activeElement?.textContent).toBe('Cancel');
    click(buttonByText(container, 'Cancel'));
    expect(deleted).toEqual([]);
    expect(container.querySelector('.px-confirm-box')).toBeNull();
  });

  test('confirming deletes that outlet only', async () => {
    renderOptions();
    click(container.querySelector('button[aria-label="Delete The Daily Ledger"]'));
    click(buttonByText(container, 'Delete The Daily Ledger'));
    await settle();
    expect(deleted).toEqual(['The Daily Ledger']);
  });

  test('deleting everything asks first, then calls onDeleteAll once', async () => {
    renderOptions();
    click(buttonByText(container, 'Delete everything…'));
    expect(container.textContent).toContain('Delete all 42 articles');
    expect(deletedAll).toBe(0);
    click(buttonByText(container, 'Delete everything'));
    await settle();
    expect(deletedAll).toBe(1);
  });

  test('an empty store offers nothing to delete', () => {
    renderOptions({ articles: 0, sentences: 0, stories: 0, outlets: [] });
    expect(container.textContent).toContain('No articles stored yet.');
    expect(container.textContent).toContain('There is nothing to delete.');
    expect(container.querySelector('.px-usage')).toBeNull();
  });

  test('further sections slot in as siblings', () => {
    render(
      <Options stats={STATS} onDeleteOutlet={() => undefined} onDeleteAll={() => undefined}>
        <Section id="feeds" title="Feeds">
          <p>feeds here</p>
        </Section>
      </Options>,
      container,
    );
    const titles = Array.from(container.querySelectorAll('section > h2')).map((h) => h.textContent);
    expect(titles).toEqual(['Stored on this computer', 'Outlets', 'Feeds', 'Delete everything']);
  });
});

describe('Options: the store budget', () => {
  const MB = 1024 * 1024;
  function renderWithBudget(stats: StoreStats, set: number[]): void {
    render(
      <Options
        stats={stats}
        onDeleteOutlet={() => undefined}
        onDeleteAll={() => undefined}
        onSetBudget={async (bytes) => {
          set.push(bytes);
        }}
      />,
      container,
    );
  }

  test('shows the use against the limit, and sets a new limit in megabytes', async () => {
    const set: number[] = [];
    renderWithBudget({ ...STATS, budget: 500 * MB }, set);
    expect(container.querySelector('.px-usage')?.textContent).toBe(
      'Space used: 5.0 MB of the 500 MB you allow (the browser allows 2.0 GB)',
    );
    expect(container.querySelector('.px-over-budget')).toBeNull();
    const input = container.querySelector('input[name="budget-mb"]') as HTMLInputElement;
    expect(input.value).toBe('500');
    type(input, '20');
    expect(buttonByText(container, 'Save limit')?.disabled).toBe(true);
    type(input, '750');
    click(buttonByText(container, 'Save limit'));
    await settle();
    expect(set).toEqual([750 * MB]);
    expect(container.querySelector('.px-budget [role="status"]')?.textContent).toBe(' Limit saved.');
  });

  test('over the limit: says that new articles are refused and that nothing is deleted for the reader', () => {
    renderWithBudget({ ...STATS, usage: 600 * MB, budget: 500 * MB }, []);
    expect(container.querySelector('.px-over-budget')?.textContent).toMatch(/new articles are not stored .* Nothing is deleted for you\./);
  });
});
