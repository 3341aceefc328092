import type { StoreStats } from '../../lib/types';
import { useState } from 'preact/hooks';
import { STORE_BUDGET } from '../../lib/extension/capture-limits';
import { formatBytes } from '../format';
import { Section } from './Section';

export interface StorageSectionProps {
  stats: StoreStats;
  /** Sets the store's size budget, in bytes. */
  onSetBudget?(bytes: number): Promise<void>;
}

const MB = 1024 * 1024;
const MIN_MB = Math.ceil(STORE_BUDGET.minBytes / MB);

/** What is stored on this machine, how much room it takes, and how much it may take. */
export function StorageSection({ stats, onSetBudget }: StorageSectionProps) {
  const [budgetMb, setBudgetMb] = useState(stats.budget !== undefined ? String(Math.round(stats.budget / MB)) : '');
  const [budgetNote, setBudgetNote] = useState<string | null>(null);
  const validBudget = /^\d+$/.test(budgetMb.trim()) && Number(budgetMb) >= MIN_MB;
  const over = stats.budget !== undefined && stats.usage !== undefined && stats.usage >= stats.budget;
  const rows: [string, string][] = [
    ['Articles', stats.articles.toLocaleString()],
    ['Sentences', stats.sentences.toLocaleString()],
    ['Stories', stats.stories.toLocaleString()],
    ['Outlets', stats.outlets.length.toLocaleString()],
  ];
  return (
    <Section id="storage" title="Stored on this computer">
      <dl class="px-stats">
        {rows.map(([name, value]) => (
          <div key={name} class="px-stat">
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {stats.usage !== undefined ? (
        <p class="px-usage">
          Space used: {formatBytes(stats.usage)}
          {stats.budget !== undefined
            ? ` of the ${formatBytes(stats.budget)} you allow${stats.quota !== undefined ? ` (the browser allows ${formatBytes(stats.quota)})` : ''}`
            : stats.quota !== undefined
              ? ` of ${formatBytes(stats.quota)} available`
              : ''}
        </p>
      ) : stats.budget !== undefined ? (
        <p class="px-usage">This browser does not say how much space Parallax uses, so the limit below cannot be checked.</p>
      ) : null}
      {over ? (
        <p class="px-error px-over-budget" role="alert">
          The store has reached its limit: new articles are not stored until you delete older ones or raise the limit. Nothing is deleted
          for you.
        </p>
      ) : null}
      {stats.budget !== undefined && onSetBudget ? (
        <form
          class="px-budget"
          onSubmit={(event) => {
            event.preventDefault();
            if (!validBudget) return;
            setBudgetNote(null);
            onSetBudget(Number(budgetMb.trim()) * MB)
              .then(() => setBudgetNote('Limit saved.'))
              .catch((err: unknown) => setBudgetNote(`Could not save: ${err instanceof Error ? err.message : String(err)}`));
          }}
        >
          <label>
            Store at most{' '}
            <input
              type="number"
              name="budget-mb"
              min={MIN_MB}
              step={1}
              value={budgetMb}
              onInput={(e) => setBudgetMb((e.target as HTMLInputElement).value)}
            />{' '}
            MB (at least {MIN_MB} MB)
          </label>{' '}
          <button type="submit" disabled={!validBudget}>
            Save limit
          </button>
          {budgetNote ? <span role="status"> {budgetNote}</span> : null}
        </form>
      ) : null}
      <p class="px-muted">Nothing leaves your computer: articles are kept in this browser only.</p>
    </Section>
  );
}
