import type { OutletStats } from '../../lib/types';
import { plural } from '../format';
import { ConfirmAction } from './ConfirmAction';
import { Section } from './Section';

export interface OutletsSectionProps {
  outlets: OutletStats[];
  onDeleteOutlet(outlet: string): void | Promise<void>;
}

/** Stored articles per outlet, each outlet deletable on its own. */
export function OutletsSection({ outlets, onDeleteOutlet }: OutletsSectionProps) {
  const sorted = [...outlets].sort((a, b) => b.articles - a.articles || a.outlet.localeCompare(b.outlet));
  return (
    <Section id="outlets" title="Outlets">
      {sorted.length === 0 ? (
        <p class="px-muted">No articles stored yet.</p>
      ) : (
        <table class="px-outlets">
          <thead>
            <tr>
              <th scope="col">Outlet</th>
              <th scope="col">Articles</th>
              <th scope="col">
                <span class="px-visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((o) => (
              <tr key={o.outlet}>
                <th scope="row">{o.outlet}</th>
                <td>{o.articles.toLocaleString()}</td>
                <td>
                  <ConfirmAction
                    label="Delete"
                    accessibleLabel={`Delete ${o.outlet}`}
                    question={`Delete ${plural(o.articles, 'article')} from ${o.outlet}? This cannot be undone.`}
                    confirmLabel={`Delete ${o.outlet}`}
                    onConfirm={() => onDeleteOutlet(o.outlet)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}
