import type { StoreStats } from '../../lib/types';
import { formatBytes } from '../format';
import { Section } from './Section';

export interface StorageSectionProps {
  stats: StoreStats;
}

/** What is stored on this machine, and how much room it takes. */
export function StorageSection({ stats }: StorageSectionProps) {
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
          {stats.quota !== undefined ? ` of ${formatBytes(stats.quota)} available` : ''}
        </p>
      ) : null}
      <p class="px-muted">Nothing leaves your computer: articles are kept in this browser only.</p>
    </Section>
  );
}
