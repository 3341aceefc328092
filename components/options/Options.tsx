import type { StoreStats } from '../../lib/types';
import type { ComponentChildren } from 'preact';
import { DeleteAllSection } from './DeleteAllSection';
import { OPTIONS_CSS } from './options-style';
import { OutletsSection } from './OutletsSection';
import { StorageSection } from './StorageSection';

export interface OptionsProps {
  stats: StoreStats;
  onDeleteOutlet(outlet: string): void | Promise<void>;
  onDeleteAll(): void | Promise<void>;
  /** Sets the store's size budget, in bytes. */
  onSetBudget?(bytes: number): Promise<void>;
  /** Further sections (feeds, import/export), placed before the delete-everything one. */
  children?: ComponentChildren;
}

/** The options page: what is stored, and ways to remove it. */
export function Options({ stats, onDeleteOutlet, onDeleteAll, onSetBudget, children }: OptionsProps) {
  return (
    <main class="px-options">
      <style>{OPTIONS_CSS}</style>
      <h1>Parallax</h1>
      <StorageSection stats={stats} {...(onSetBudget ? { onSetBudget } : {})} />
      <OutletsSection outlets={stats.outlets} onDeleteOutlet={onDeleteOutlet} />
      {children}
      <DeleteAllSection articles={stats.articles} onDeleteAll={onDeleteAll} />
    </main>
  );
}
