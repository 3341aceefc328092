/// <reference types="chrome" />
/**
 * What the extension's store holds, table by table: records, the size of
 * their values, and each index's entries and the size of their keys. Run by
 * `npm run bench:browser` at every level, and on its own against a profile
 * that benchmark kept:
 *
 *   npx tsx scripts/bench/store-weight.ts --profile DIR
 *
 * Sizes are characters of JSON (values) and of JSON keys plus the primary key
 * (index entries): what the store is asked to keep before LevelDB's own
 * encoding, compression and logs, which the folder size on disk adds.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser';
import { options, progress } from '../lib/args';
import { isMainModule } from '../eval/shared-path';

export interface IndexWeight {
  name: string;
  entries: number;
  keyChars: number;
}

export interface TableWeight {
  table: string;
  records: number;
  valueChars: number;
  indexes: IndexWeight[];
}

/** Reads every record of every table of the `parallax` database, in pages, from an extension page. */
export async function weighStore(ext: ExtensionBrowser): Promise<TableWeight[]> {
  const page = await ext.context.newPage();
  try {
    // tsx keeps function names by wrapping them in `__name(...)`, which the page does not define.
    await page.addInitScript('globalThis.__name = (f) => f;');
    await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
    return await page.evaluate(async () => {
      const PAGE = 2000;
      const request = <T>(r: IDBRequest<T>): Promise<T> =>
        new Promise((resolve, reject) => {
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error ?? new Error('request failed'));
        });
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('parallax');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error ?? new Error('open failed'));
        open.onupgradeneeded = () => reject(new Error('the profile has no Parallax store'));
      });
      const at = (value: unknown, keyPath: string): unknown =>
        keyPath.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), value);
      const keyOf = (value: unknown, keyPath: string | string[]): unknown =>
        Array.isArray(keyPath) ? keyPath.map((k) => at(value, k)) : at(value, keyPath);
      const weights = [];
      for (const table of Array.from(db.objectStoreNames)) {
        const shape = db.transaction(table, 'readonly').objectStore(table);
        const indexes = Array.from(shape.indexNames).map((name) => {
          const index = shape.index(name);
          return { name, keyPath: index.keyPath, multiEntry: index.multiEntry, entries: 0, keyChars: 0 };
        });
        const primaryPath = shape.keyPath;
        let records = 0;
        let valueChars = 0;
        let after: IDBValidKey | undefined;
        for (;;) {
          const store = db.transaction(table, 'readonly').objectStore(table);
          const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
          const values = await request(store.getAll(range, PAGE));
          if (values.length === 0) break;
          for (const value of values) {
            records++;
            valueChars += JSON.stringify(value).length;
            const primaryChars = primaryPath === null ? 0 : JSON.stringify(keyOf(value, primaryPath)).length;
            for (const index of indexes) {
              const key = keyOf(value, index.keyPath);
              if (key === undefined) continue;
              const keys = index.multiEntry && Array.isArray(key) ? key : [key];
              for (const k of keys) {
                index.entries++;
                index.keyChars += JSON.stringify(k).length + primaryChars;
              }
            }
          }
          if (primaryPath === null || values.length < PAGE) break;
          after = keyOf(values.at(-1), primaryPath) as IDBValidKey;
        }
        weights.push({ table, records, valueChars, indexes: indexes.map(({ name, entries, keyChars }) => ({ name, entries, keyChars })) });
      }
      db.close();
      return weights;
    });
  } finally {
    await page.close();
  }
}

/** Bytes (or characters) in MB of 2^20, as the benchmarks print them. */
export const mb = (n: number): string => `${(n / 1048576).toFixed(1)} MB`;

/** One line a table, heaviest first, with its share of everything asked to be stored. */
export function showWeights(weights: TableWeight[]): string[] {
  const tableTotal = (t: TableWeight): number => t.valueChars + t.indexes.reduce((s, i) => s + i.keyChars, 0);
  const total = weights.reduce((s, t) => s + tableTotal(t), 0);
  return [...weights]
    .sort((x, y) => tableTotal(y) - tableTotal(x))
    .map((t) => {
      const indexes = t.indexes
        .filter((i) => i.entries > 0)
        .sort((x, y) => y.keyChars - x.keyChars)
        .map((i) => `${i.name} ${i.entries.toLocaleString('en')} entries ${mb(i.keyChars)}`)
        .join('; ');
      return (
        `  ${t.table}: ${t.records.toLocaleString('en')} records, values ${mb(t.valueChars)}` +
        (indexes ? `; indexes: ${indexes}` : '') +
        ` (${((100 * tableTotal(t)) / Math.max(1, total)).toFixed(0)} % of ${mb(total)})`
      );
    });
}

async function main(): Promise<void> {
  let profile: string | undefined;
  for (const { flag, value } of options(process.argv.slice(2))) {
    if (flag === '--profile') profile = path.resolve(value());
    else throw new Error(`unknown option ${flag}; usage: npx tsx scripts/bench/store-weight.ts --profile DIR`);
  }
  if (!profile)
    throw new Error(
      'usage: npx tsx scripts/bench/store-weight.ts --profile DIR (a profile kept by npm run bench:browser -- --profile DIR)',
    );
  const extensionDir = path.join(profile, 'parallax-extension');
  if (!existsSync(extensionDir))
    throw new Error(`${profile} was not kept by npm run bench:browser -- --profile (no parallax-extension folder)`);
  const ext = await launchWithExtension({ extensionDir, userDataDir: profile });
  try {
    progress('weighing the store…');
    for (const line of showWeights(await weighStore(ext))) console.log(line);
  } finally {
    await ext.close();
  }
}

if (isMainModule(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
