/** How an import's outcome reads on the options page. Pure. */
import type { ImportReport } from '../../lib/types';

/** One sentence for the end of an import: what was stored and what was not. */
export function summarizeImport(report: ImportReport): string {
  const stored = `${report.stored} ${report.stored === 1 ? 'article' : 'articles'} stored`;
  const updated = report.updated > 0 ? ` (${report.updated} already there, updated)` : '';
  const refused =
    report.errors.length > 0 ? `; ${report.errors.length} ${report.errors.length === 1 ? 'line was' : 'lines were'} not imported` : '';
  return `${stored}${updated}${refused}.`;
}
