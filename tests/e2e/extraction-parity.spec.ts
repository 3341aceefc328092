/**
 * The browser reads a page as `parallax extract` does: saved pages with the
 * furniture the extractor has rules for (a "read-more" body class, teaser
 * boxes, a dateline and credits, hidden elements) are served on loopback and
 * read in Chromium; the articles exported from the store carry the same
 * title, outlet and text as `parallax extract` gives for the same HTML.
 * A paragraph the page's own script adds after loading is in the live DOM
 * only: the browser's text equals the command line's on the page as the
 * browser holds it, not on the HTML served.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, exportedLines, extensionTest } from './fixtures';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PAGES = path.join(import.meta.dirname, 'extraction-pages');
const HOST = 'saved-pages.test';
const NAMES = ['read-more', 'teasers', 'dateline', 'hidden', 'lazy'] as const;
const html = (name: string): string => readFileSync(path.join(PAGES, `${name}.html`), 'utf8');

const test = extensionTest({ extraSites: { [HOST]: Object.fromEntries(NAMES.map((n) => [`/news/${n}`, html(n)])) } });

interface Extracted {
  id: string;
  ok: boolean;
  title?: string;
  outlet?: string;
  byline?: string | null;
  publishedAt?: string | null;
  text?: string;
  reason?: string;
}

/** `parallax extract PAGES.jsonl`, run as a reader would run it. */
function parallaxExtract(pages: { id: string; url: string; html: string }[]): Map<string, Extracted> {
  const dir = mkdtempSync(path.join(tmpdir(), 'parallax-extract-'));
  const file = path.join(dir, 'pages.jsonl');
  writeFileSync(file, pages.map((p) => JSON.stringify(p)).join('\n') + '\n');
  const cli = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'parallax.mjs'), 'extract', file], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  rmSync(dir, { recursive: true, force: true });
  expect(cli.status, cli.stderr).toBe(0);
  const out = cli.stdout
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Extracted);
  return new Map(out.map((e) => [e.id, e]));
}

test('the text the extension stores is the text parallax extract gives for the same page', async ({ driver, server }) => {
  test.setTimeout(120_000);
  const url = (name: string): string => `${server.origin(HOST)}/news/${name}`;
  const live = new Map<string, string>();
  for (const name of NAMES) {
    const tab = await driver.read(url(name), { keepOpen: true });
    live.set(name, await tab.content());
    await tab.close();
  }
  const lines = await exportedLines(driver);
  const stored = new Map(
    lines.map((l) => {
      const a = JSON.parse(l) as { url: string; title: string; outlet: string; byline?: string; publishedAt?: string; text: string };
      return [a.url, a];
    }),
  );
  expect(stored.size).toBe(NAMES.length);

  const served = parallaxExtract(NAMES.map((n) => ({ id: n, url: url(n), html: html(n) })));
  const asLive = parallaxExtract(NAMES.map((n) => ({ id: n, url: url(n), html: live.get(n)! })));
  for (const name of NAMES) {
    const browser = stored.get(url(name));
    expect(browser, `${name} was stored`).toBeDefined();
    const node = asLive.get(name)!;
    expect(node.ok, `${name}: ${node.reason}`).toBe(true);
    expect({ name, title: browser!.title, outlet: browser!.outlet, byline: browser!.byline ?? null, text: browser!.text }).toEqual({
      name,
      title: node.title,
      outlet: node.outlet,
      byline: node.byline ?? null,
      text: node.text,
    });
    const time = (iso: string | null | undefined): number | null => (iso ? Date.parse(iso) : null);
    expect(time(browser!.publishedAt)).toBe(time(node.publishedAt));
    // The served HTML gives the same article, except where the page's script changed it after loading.
    if (name !== 'lazy') expect(served.get(name)).toEqual(node);
  }

  // What the rules removed stays out in both; what the page's style sheet hides is not known to either.
  const text = (name: string): string => stored.get(url(name))!.text;
  expect(text('read-more')).toContain('Work is due to start in September');
  expect(text('read-more')).not.toContain('Read more');
  expect(text('teasers')).not.toContain('Bakery wins');
  expect(text('teasers')).toContain('Parents were told');
  expect(text('dateline')).not.toContain('Reporting by');
  expect(text('hidden')).not.toContain('hidden attribute');
  expect(text('hidden')).not.toContain('inline style');
  expect(text('hidden')).toContain("hidden by the page's style sheet");
  // The paragraph added by the page's script is read in the browser, not from the served HTML.
  expect(text('lazy')).toContain('open a shop at the old station');
  expect(served.get('lazy')!.text ?? '').not.toContain('open a shop at the old station');
  expect(served.get('lazy')!.text ?? '').not.toEqual(text('lazy'));
});
