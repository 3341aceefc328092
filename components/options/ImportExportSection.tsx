import { useState } from 'preact/hooks';
import type { OutletStats } from '../../lib/messaging/protocol';
import type { ImportProgress, ImportReport } from '../../lib/extension/import-export';
import { summarizeImport } from '../../lib/extension/import-export';
import { Section } from './Section';

export interface ImportExportSectionProps {
  outlets: OutletStats[];
  /** Saves a JSON Lines file of everything, or of one outlet. */
  onExport(filter: { outlet?: string }): Promise<void>;
  onImport(text: string, onProgress: (progress: ImportProgress) => void): Promise<ImportReport>;
}

/** JSON Lines out and in: a backup, a move to another browser, or articles gathered elsewhere. */
export function ImportExportSection({ outlets, onExport, onImport }: ImportExportSectionProps) {
  const [outlet, setOutlet] = useState('');
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const exportNow = async (): Promise<void> => {
    setError(null);
    try {
      await onExport(outlet ? { outlet } : {});
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
          <select name="export-outlet" value={outlet} onChange={(e) => setOutlet((e.target as HTMLSelectElement).value)}>
            <option value="">all articles</option>
            {outlets.map((o) => (
              <option key={o.outlet} value={o.outlet}>
                {o.outlet} ({o.articles})
              </option>
            ))}
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
            <progress class="px-import-progress" max={Math.max(progress.total, 1)} value={progress.done} />{' '}
            {progress.done} of {progress.total} lines
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
