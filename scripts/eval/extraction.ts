/**
 * Extraction quality on real pages, with Mozilla Readability's own output on
 * the same pages and the same parser (linkedom) beside it.
 *
 * - Dragnet (<shared>/eval/dragnet): hand-cut main text of news and blog
 *   pages; the gold is cut at its comments marker. The held-out `test.txt`
 *   split is reported; `training.txt` is the split the extractor's rules were
 *   looked at and tuned on (`--split training --worst N` lists its worst pages).
 * - Readability's test pages (<shared>/eval/readability-pages): the expected
 *   text is Readability's own, so there it measures agreement, not quality.
 *
 * Text score: 4-word shingles (lower-cased word tokens, as a multiset);
 * precision and recall per page, averaged over pages, F1 of the two means.
 * A rejected page scores 0 for both. Run: npx tsx scripts/eval/extraction.ts
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { extractFromHtml } from '../../lib/extract/from-html';
import { decodeBody } from '../../lib/feeds/fetch-limited';
import { isMainModule, sharedDir } from './shared-path';

const SHINGLE = 4;
/** A hand-cut text this long is an article's (about 80 words, the pipeline's floor); the figures on such pages are reported apart. */
const ARTICLE_GOLD_CHARS = 500;
/**
 * The line that parts the hand-cut text from the page's comments: `!@#$%^&*()  COMMENTS`, typed by hand, so
 * a few files have it with a symbol missing, doubled or spaced (`!@#$%$%^&*()  COMMENTS`, `!@ $%^&*()  COMMENTS`:
 * 14 files of the training split, 6 of the test split). Any line of symbols ending in COMMENTS is the mark.
 */
const COMMENTS_MARK = /^[^\p{L}\p{N}\n]*COMMENTS[ \t]*$/mu;

export interface PageScore {
  id: string;
  /** Characters of the gold text. */
  goldChars: number;
  precision: number;
  recall: number;
  rejected?: string;
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function shingles(text: string): Map<string, number> {
  const w = words(text);
  const bag = new Map<string, number>();
  // A text shorter than one shingle is one shingle of what it has.
  const n = Math.min(SHINGLE, w.length);
  for (let i = 0; n > 0 && i + n <= w.length; i++) {
    const key = w.slice(i, i + n).join(' ');
    bag.set(key, (bag.get(key) ?? 0) + 1);
  }
  return bag;
}

/** Precision and recall of the shingles of `got` against those of `want`. */
export function shinglePR(got: string, want: string): { precision: number; recall: number } {
  const a = shingles(got);
  const b = shingles(want);
  let overlap = 0;
  let na = 0;
  let nb = 0;
  for (const n of a.values()) na += n;
  for (const n of b.values()) nb += n;
  for (const [k, n] of a) overlap += Math.min(n, b.get(k) ?? 0);
  return { precision: na === 0 ? (nb === 0 ? 1 : 0) : overlap / na, recall: nb === 0 ? 1 : overlap / nb };
}

/** Mean precision, mean recall and their F1. */
export function summarise(scores: PageScore[]): { precision: number; recall: number; f1: number } {
  const n = Math.max(1, scores.length);
  const precision = scores.reduce((s, x) => s + x.precision, 0) / n;
  const recall = scores.reduce((s, x) => s + x.recall, 0) / n;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

/** Text of an element with a space at every node boundary, so blocks never glue words together. */
function textOf(node: Node): string {
  const parts: string[] = [];
  const walk = (n: Node): void => {
    if (n.nodeType === 3) parts.push(n.textContent ?? '');
    else if (n.nodeType === 1 && /^(script|style|noscript|template)$/i.test((n as Element).tagName)) return;
    else for (const c of Array.from(n.childNodes)) walk(c);
  };
  walk(node);
  return parts.join(' ');
}

/** Mozilla Readability alone, on a linkedom document: the baseline. */
function readabilityText(html: string): string | undefined {
  const { document } = parseHTML(html);
  try {
    const parsed = new Readability<Element>(document as unknown as Document, { serializer: (el) => el as Element }).parse();
    return parsed?.content ? textOf(parsed.content) : undefined;
  } catch {
    return undefined;
  }
}

interface Page {
  id: string;
  url: string;
  html: string;
  gold: string;
}

export function scorePages(pages: Page[], baseline = true): { ours: PageScore[]; theirs: PageScore[] } {
  const ours: PageScore[] = [];
  const theirs: PageScore[] = [];
  for (const p of pages) {
    const r = extractFromHtml(p.html, p.url);
    const goldChars = p.gold.replace(/\s+/g, ' ').trim().length;
    ours.push(
      r.ok
        ? { id: p.id, goldChars, ...shinglePR(r.article.text, p.gold) }
        : { id: p.id, goldChars, precision: 0, recall: 0, rejected: r.reason },
    );
    const t = baseline ? readabilityText(p.html) : undefined;
    theirs.push(
      t !== undefined
        ? { id: p.id, goldChars, ...shinglePR(t, p.gold) }
        : { id: p.id, goldChars, precision: 0, recall: 0, rejected: 'no result' },
    );
  }
  return { ours, theirs };
}

export async function dragnetPages(shared: string, split: 'training' | 'test'): Promise<Page[]> {
  const dir = path.join(shared, 'eval', 'dragnet');
  if (!existsSync(dir)) throw new Error(`missing: ${dir} (the Dragnet pages)`);
  const ids = (await readFile(path.join(dir, `${split}.txt`), 'utf8')).split(/\s+/).filter((x) => x.length > 0);
  const pages: Page[] = [];
  for (const id of ids) {
    const htmlFile = path.join(dir, 'html', `${id}.html`);
    const goldFile = path.join(dir, 'gold', `${id}.txt`);
    if (!existsSync(htmlFile) || !existsSync(goldFile)) continue;
    const gold = decodeBody(await readFile(goldFile));
    const cut = gold.search(COMMENTS_MARK);
    pages.push({
      id,
      // The pages' own addresses were not kept; a path that is not a home page.
      url: `http://dragnet.test/page/${id}`,
      html: decodeBody(await readFile(htmlFile)),
      gold: cut >= 0 ? gold.slice(0, cut) : gold,
    });
  }
  return pages;
}

async function readabilityPages(shared: string): Promise<Array<Page & { meta: ExpectedMetadata }>> {
  const dir = path.join(shared, 'eval', 'readability-pages');
  if (!existsSync(dir)) throw new Error(`missing: ${dir} (the Readability test pages)`);
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const pages: Array<Page & { meta: ExpectedMetadata }> = [];
  for (const name of names) {
    const pageDir = path.join(dir, name);
    if (!existsSync(path.join(pageDir, 'source.html')) || !existsSync(path.join(pageDir, 'expected.html'))) continue;
    const [html, expected, metaJson] = await Promise.all([
      readFile(path.join(pageDir, 'source.html'), 'utf8'),
      readFile(path.join(pageDir, 'expected.html'), 'utf8'),
      readFile(path.join(pageDir, 'expected-metadata.json'), 'utf8').catch(() => '{}'),
    ]);
    const gold = textOf(parseHTML(`<!doctype html><html><body>${expected}</body></html>`).document.body as unknown as Node);
    pages.push({ id: name, url: `http://fakehost/test/${name}/`, html, gold, meta: JSON.parse(metaJson) as ExpectedMetadata });
  }
  return pages;
}

interface ExpectedMetadata {
  title?: string | null;
  byline?: string | null;
  siteName?: string | null;
}

const f3 = (x: number): string => x.toFixed(3);
/** The two systems' F1 are close enough that the fourth decimal tells them apart. */
const f4 = (x: number): string => x.toFixed(4);

function lines(label: string, pages: number, ours: PageScore[], theirs: PageScore[]): string[] {
  const a = summarise(ours);
  const b = summarise(theirs);
  const rejected = ours.filter((s) => s.rejected !== undefined);
  const extracted = ours.filter((s) => s.rejected === undefined);
  const e = summarise(extracted);
  const out = [
    `${label}: ${pages} pages, 4-word shingle P/R averaged per page`,
    `  Parallax     F1 ${f4(a.f1)} (P ${f3(a.precision)}, R ${f3(a.recall)}); on the ${extracted.length} extracted: F1 ${f3(e.f1)}`,
    `  Readability  F1 ${f4(b.f1)} (P ${f3(b.precision)}, R ${f3(b.recall)}); no result on ${theirs.filter((s) => s.rejected).length}`,
  ];
  // Pages whose hand-cut text is itself long enough to be an article (the extractor's own length floor).
  const isArticle = (x: PageScore): boolean => x.goldChars >= ARTICLE_GOLD_CHARS;
  const oa = summarise(ours.filter(isArticle));
  const ta = summarise(theirs.filter(isArticle));
  out.push(
    `  on the ${ours.filter(isArticle).length} pages whose gold text has ${ARTICLE_GOLD_CHARS}+ characters: Parallax F1 ${f3(oa.f1)} (P ${f3(oa.precision)}, R ${f3(oa.recall)}), Readability F1 ${f3(ta.f1)} (P ${f3(ta.precision)}, R ${f3(ta.recall)}); rejected there: ${rejected.filter(isArticle).length}`,
    `  refused: ${rejected.length}`,
  );
  // The reasons by kind (the figures in them aside).
  const kinds = new Map<string, number>();
  for (const r of rejected) {
    const kind = (r.rejected ?? '').replace(/\(.*$/, '').replace(/\d+/g, 'N').trim();
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  for (const [kind, n] of [...kinds].sort((a, b) => b[1] - a[1])) out.push(`    ${n} × ${kind}`);
  for (const r of rejected) out.push(`    ${r.id}: ${r.rejected}`);
  return out;
}

export async function evaluate(shared: string): Promise<string[]> {
  const out: string[] = [];
  const test = await dragnetPages(shared, 'test');
  const dt = scorePages(test);
  out.push(...lines('extraction, Dragnet held-out test split', test.length, dt.ours, dt.theirs));

  const rp = await readabilityPages(shared);
  const rs = scorePages(rp);
  out.push(...lines('extraction, Readability test pages (gold = Readability’s own output)', rp.length, rs.ours, rs.theirs));
  const fields = { title: [0, 0], byline: [0, 0], siteName: [0, 0] } as Record<keyof ExpectedMetadata, [number, number]>;
  for (const p of rp) {
    const r = extractFromHtml(p.html, p.url);
    const got = r.ok ? { title: r.article.title, byline: r.article.byline, siteName: r.article.outlet } : {};
    for (const key of ['title', 'byline', 'siteName'] as const) {
      const want = p.meta[key];
      if (want === null || want === undefined || want.trim() === '') continue;
      fields[key][1]++;
      if (same(got[key], want)) fields[key][0]++;
    }
  }
  for (const k of ['title', 'byline', 'siteName'] as const) {
    const [hit, all] = fields[k];
    out.push(`  ${k}: ${hit}/${all} equal to Readability's expected value (whitespace and case folded)`);
  }
  return out;
}

function same(a: string | undefined, b: string): boolean {
  const norm = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();
  return a !== undefined && norm(a) === norm(b);
}

/** `--split training [--limit N] [--no-baseline] [--worst N]`: the tuning split's figures and its worst pages. */
async function main(argv: string[]): Promise<void> {
  const split = argv[argv.indexOf('--split') + 1];
  if (!argv.includes('--split') || (split !== 'training' && split !== 'test')) {
    for (const l of await evaluate(sharedDir())) console.log(l);
    return;
  }
  const worst = argv.includes('--worst') ? Number(argv[argv.indexOf('--worst') + 1]) : 0;
  const limit = argv.includes('--limit') ? Number(argv[argv.indexOf('--limit') + 1]) : Infinity;
  const pages = (await dragnetPages(sharedDir(), split)).slice(0, limit);
  const s = scorePages(pages, !argv.includes('--no-baseline'));
  for (const l of lines(`extraction, Dragnet ${split} split`, pages.length, s.ours, s.theirs)) console.log(l);
  if (worst > 0) {
    const f = (x: PageScore): number => (x.precision + x.recall === 0 ? 0 : (2 * x.precision * x.recall) / (x.precision + x.recall));
    const rows = s.ours.map((o, i) => ({ o, t: s.theirs[i]! })).filter((r) => r.o.rejected === undefined);
    rows.sort((x, y) => f(x.o) - f(y.o) - (f(x.t) - f(y.t)));
    for (const { o, t } of rows.slice(0, worst)) {
      console.log(`  ${o.id}: ours P ${f3(o.precision)} R ${f3(o.recall)} | Readability P ${f3(t.precision)} R ${f3(t.recall)}`);
    }
  }
}

if (isMainModule(import.meta.url)) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exitCode = 1;
  });
}
