/**
 * Extraction against the Readability project's real-page test set
 * (<shared>/eval/readability-pages): token-level bag F1 of the extracted text
 * against expected.html, and exact agreement of title, byline and site name
 * with expected-metadata.json. Run: npx tsx scripts/eval/extraction.ts
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseHTML } from 'linkedom';
import { extractFromHtml } from '../../lib/extract/from-html';

interface ExpectedMetadata {
  title?: string | null;
  byline?: string | null;
  siteName?: string | null;
}

export async function evaluate(shared: string): Promise<string[]> {
  const dir = path.join(shared, 'eval', 'readability-pages');
  if (!existsSync(dir)) throw new Error(`missing: ${dir} (the Readability test pages)`);
  const names = (await readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();

  let f1Sum = 0;
  let f1Ok = 0;
  let okCount = 0;
  let pages = 0;
  const fields = { title: [0, 0], byline: [0, 0], siteName: [0, 0] } as Record<keyof ExpectedMetadata, [number, number]>;
  const rejected: string[] = [];

  for (const name of names) {
    const pageDir = path.join(dir, name);
    const sourceFile = path.join(pageDir, 'source.html');
    const expectedFile = path.join(pageDir, 'expected.html');
    if (!existsSync(sourceFile) || !existsSync(expectedFile)) continue;
    pages++;
    const [source, expectedHtml, metaJson] = await Promise.all([
      readFile(sourceFile, 'utf8'),
      readFile(expectedFile, 'utf8'),
      readFile(path.join(pageDir, 'expected-metadata.json'), 'utf8').catch(() => '{}'),
    ]);
    const expectedMeta = JSON.parse(metaJson) as ExpectedMetadata;
    const result = extractFromHtml(source, `http://fakehost/test/${name}/`);
    const expectedText = parseHTML(`<!doctype html><html><body>${expectedHtml}</body></html>`).document.body
      .textContent;
    const f1 = result.ok ? tokenF1(result.article.text, expectedText ?? '') : 0;
    f1Sum += f1;
    if (result.ok) {
      okCount++;
      f1Ok += f1;
    } else {
      rejected.push(name);
    }
    const got = result.ok
      ? { title: result.article.title, byline: result.article.byline, siteName: result.article.outlet }
      : {};
    for (const key of ['title', 'byline', 'siteName'] as const) {
      const want = expectedMeta[key];
      if (want === null || want === undefined || want.trim() === '') continue;
      const cell = fields[key];
      cell[1]++;
      if (same(got[key], want)) cell[0]++;
    }
  }

  const pct = (a: number, b: number): string => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)} %`);
  return [
    `extraction on ${pages} Readability test pages (${dir})`,
    `  extracted: ${okCount}/${pages}; rejected as non-article: ${rejected.length}${rejected.length > 0 ? ` (${rejected.join(', ')})` : ''}`,
    `  text token F1: ${(f1Sum / Math.max(1, pages)).toFixed(3)} over all pages (rejections count 0), ${(f1Ok / Math.max(1, okCount)).toFixed(3)} over extracted pages`,
    ...(['title', 'byline', 'siteName'] as const).map(
      (k) => `  ${k}: ${fields[k][0]}/${fields[k][1]} = ${pct(fields[k][0], fields[k][1])} exact (whitespace and case folded)`,
    ),
  ];
}

function tokens(text: string): Map<string, number> {
  const bag = new Map<string, number>();
  for (const m of text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) bag.set(m[0], (bag.get(m[0]) ?? 0) + 1);
  return bag;
}

/** F1 of the multiset overlap of word tokens. */
export function tokenF1(got: string, want: string): number {
  const a = tokens(got);
  const b = tokens(want);
  let overlap = 0;
  let na = 0;
  let nb = 0;
  for (const n of a.values()) na += n;
  for (const n of b.values()) nb += n;
  for (const [t, n] of a) overlap += Math.min(n, b.get(t) ?? 0);
  if (na === 0 || nb === 0) return na === nb ? 1 : 0;
  const p = overlap / na;
  const r = overlap / nb;
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

function same(a: string | undefined, b: string): boolean {
  const norm = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();
  return a !== undefined && norm(a) === norm(b);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const repoRoot = path.resolve(import.meta.dirname, '../..');
  const shared = process.env.PARALLAX_SHARED ?? path.resolve(repoRoot, '../shared');
  evaluate(shared).then(
    (lines) => lines.forEach((l) => console.log(l)),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 1;
    },
  );
}
