import type { StorageProblem } from '../../lib/types';
import { useState } from 'preact/hooks';
import { Section } from './Section';

export interface PruneSectionProps {
  /** The last failed write, if any. */
  problem: StorageProblem | null;
  /** Deletes articles captured more than `days` days ago; returns how many went. */
  onPrune(days: number): Promise<number>;
  defaultDays?: number;
}

/** Storage health: the last failed write, and room made by deleting old articles. */
export function PruneSection({ problem, onPrune, defaultDays = 90 }: PruneSectionProps) {
  const [days, setDays] = useState(String(defaultDays));
  const [result, setResult] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const valid = /^\d+$/.test(days.trim());

  return (
    <Section id="prune" title="Make room">
      {problem ? (
        <p class="px-error px-storage-problem" role="alert">
          {problem.message} ({new Date(problem.at).toLocaleString()})
        </p>
      ) : null}
      <form
        class="px-prune"
        onSubmit={(event) => {
          event.preventDefault();
          if (!valid) return;
          setBusy(true);
          setResult(null);
          onPrune(Number(days.trim()))
            .then((n) => setResult(n === 0 ? 'No article was that old.' : `Deleted ${n} ${n === 1 ? 'article' : 'articles'}.`))
            .catch((err: unknown) => setResult(`Could not delete: ${err instanceof Error ? err.message : String(err)}`))
            .finally(() => setBusy(false));
        }}
      >
        <label>
          Delete articles stored more than{' '}
          <input
            type="number"
            name="prune-days"
            min={0}
            step={1}
            value={days}
            onInput={(e) => setDays((e.target as HTMLInputElement).value)}
          />{' '}
          days ago
        </label>{' '}
        <button type="submit" class="px-danger" disabled={busy || !valid}>
          {busy ? 'Deleting…' : 'Delete old articles'}
        </button>
      </form>
      {result ? <p role="status">{result}</p> : null}
    </Section>
  );
}
