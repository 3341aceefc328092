import type { OutletStats, StoryStats } from '../../lib/types';
import { useState } from 'preact/hooks';
import type { ImportProgress, ImportReport } from '../../lib/types';
import { summarizeImport } from './import-summary';
import { Section } from './Section';

export interface ImportExportSectionProps {
  outlets: OutletStats[];
  stories?: StoryStats[];
  /** Saves a JSON Lines file of everything, of one outlet, or of one story. */
  onExport(filter: { outlet?: string; storyId?: string }): Promise<void>;
  onImport(text: string, onProgress: (progress: ImportProgress) => void): Promise<ImportReport>;
}

/** JSON Lines out and in: a backup, a move to another browser, or articles gathered elsewhere. */
// The export choice as one select value: "", "outlet:<name>" or "story:<id>".
function exportFilter(choice: string): { outlet?: string; storyId?: string } {
  if (choice.startsWith('outlet:')) return { outlet: choice.slice(7) };
  if (choice.startsWith('story:')) return { storyId: choice.slice(6) };
  return {};
}

export function ImportExportSection({ outlets, stories = [], onExport, onImport }: ImportExportSectionProps) {
  const [choice, setChoice] = useState('');
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const exportNow = async (): Promise<void> => {
    setError(null);
    try {
      await onExport(exportFilter(choice));
    } catch (err) {
      setError(`Could not export: ${err instanceof Error ? err.message : String(err)}`);
    }
  };

  const importFile = async (file: File): Promise<void> => {
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      const text = await file.text();
      setReport(await onImport(text, setProgress));
    } catch (err) {
      setError(`Could not import: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section id="import-export" title="Import and export">
      <p class="px-muted">One article per line (JSON Lines), the format the Parallax command line reads too.</p>
      <div class="px-export">
        <label>
          Export{' '}
          <select name="export-outlet" value={choice} onChange={(e) => setChoice((e.target as HTMLSelectElement).value)}>
            <option value="">all articles</option>
            <optgroup label="One outlet">
              {outlets.map((o) => (
                <option key={o.outlet} value={`outlet:${o.outlet}`}>
                  {o.outlet} ({o.articles})
                </option>
              ))}
            </optgroup>
            {stories.length > 0 && (
              <optgroup label="One story">
                {stories.map((s) => (
                  <option key={s.id} value={`story:${s.id}`}>
                    {s.title} ({s.articles})
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </label>{' '}
        <button type="button" class="px-export-button" onClick={() => void exportNow()}>
          Export as JSON Lines
        </button>
      </div>
      <div class="px-import">
        <label>
          Import a JSON Lines file{' '}
          <input
            type="file"
            name="import-file"
            accept=".jsonl,.ndjson,.json,.txt,application/x-ndjson,application/jsonl"
            disabled={busy}
            onChange={(e) => {
              const input = e.target as HTMLInputElement;
              const file = input.files?.[0];
              if (file) void importFile(file).finally(() => (input.value = ''));
            }}
          />
        </label>
        {busy && progress ? (
          <p>
            <progress class="px-import-progress" max={Math.max(progress.total, 1)} value={progress.done} /> {progress.done} of{' '}
            {progress.total} lines
          </p>
        ) : null}
        {report ? (
          <div class="px-import-report" role="status">
            <p>{summarizeImport(report)}</p>
            {report.errors.length > 0 ? (
              <ul class="px-import-errors">
                {report.errors.slice(0, 200).map((e) => (
                  <li key={`${e.line}-${e.message}`}>{e.message}</li>
                ))}
                {report.errors.length > 200 ? <li>…and {report.errors.length - 200} more</li> : null}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
      {error ? (
        <p class="px-error" role="alert">
          {error}
        </p>
      ) : null}
    </Section>
  );
}
