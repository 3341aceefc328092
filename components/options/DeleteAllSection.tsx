import { plural } from '../format';
import { ConfirmAction } from './ConfirmAction';
import { Section } from './Section';

export interface DeleteAllSectionProps {
  articles: number;
  onDeleteAll(): void | Promise<void>;
}

export function DeleteAllSection({ articles, onDeleteAll }: DeleteAllSectionProps) {
  return (
    <Section id="delete-all" title="Delete everything">
      <p>Removes every stored article, sentence and story. Pages you read afterwards are stored again unless capture is paused.</p>
      {articles > 0 ? (
        <ConfirmAction
          label="Delete everything…"
          question={`Delete all ${plural(articles, 'article')} and everything learnt from them? This cannot be undone.`}
          confirmLabel="Delete everything"
          onConfirm={onDeleteAll}
        />
      ) : (
        <p class="px-muted">There is nothing to delete.</p>
      )}
    </Section>
  );
}
