/**
 * The longest main-thread task on large article pages, with the built
 * extension loaded and without it. Serves on loopback: generated long
 * articles (2,000 paragraphs by default) with another outlet's reworded
 * report of the same facts stored first, so that most of their sentences are
 * marked; the saved pages of tests/e2e/extraction-pages; the demo outlets'
 * articles (all read once first, so that the main story's pages get marks);
 * and the largest pages of the Dragnet set in ../shared/eval/dragnet/html
 * (read from there; it says so when they are missing). Each page is opened in
 * a new tab with a buffered `longtask` observer (scripts/bench/page-probe.ts)
 * until its marks have settled. Requests to anything but the loopback `.test`
 * hosts are refused. Not part of `npm test`.
 *
 *   npx tsx scripts/bench/longtask.ts                    build, then every page
 *   npx tsx scripts/bench/longtask.ts --no-build         reuse .output/chrome-mv3
 *   npx tsx scripts/bench/longtask.ts --extension DIR    measure another build (e.g. a copy of an earlier one; implies --no-build)
 *   npx tsx scripts/bench/longtask.ts --paragraphs 2000  size of the generated articles (comma-separated for several)
 *   npx tsx scripts/bench/longtask.ts --dragnet 5        how many of the largest Dragnet pages (0: none)
 *   npx tsx scripts/bench/longtask.ts --runs 3           opens of each page; the figure is the median run's longest task
 *   npx tsx scripts/bench/longtask.ts --only demo,fixtures,generated,dragnet
 *   npx tsx scripts/bench/longtask.ts --no-plain         skip the runs without the extension
 *   npx tsx scripts/bench/longtask.ts --trace            trace each page and take its tasks over 50 ms apart (stderr)
 *
 * Progress goes to stderr, the table to stdout.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { DEMO_ARTICLES } from '../../demo/corpus';
import { startCorpusServer } from '../../demo/server';
import { ensureChromium, launchWithExtension } from '../support/browser';
import { createDriver } from '../support/driver';
import { isMainModule, repoRoot, sharedDir } from '../eval/shared-path';
import { seeded } from '../lib/random';
import { openArticle, type PageRun } from './page-probe';
import { describeTask } from './task-trace';
import { options, progress } from '../lib/args';

/** The aim: no task on the page over this long. */
const LONG_TASK_MS = 50;
/** Without the extension nothing is marked: a page is watched this long after loading. */
const PLAIN_WATCH_MS = 3000;
/** With it, a page nothing gets marked on is watched this long. */
const UNMARKED_WATCH_MS = 8000;
/** A generated long article is marked once the background has matched its thousands of sentences: tens of seconds. */
const GENERATED_WATCH_MS = 240_000;
const GENERATED_HOST = 'longform.test';
const PARTNER_HOST = 'otherdesk.test';
const FIXTURE_HOST = 'saved-pages.test';
const DRAGNET_HOST = 'dragnet.test';
const FIXTURES = path.join(repoRoot, 'tests/e2e/extraction-pages');

type Kind = 'generated' | 'fixtures' | 'demo' | 'dragnet';

interface Args {
  build: boolean;
  plain: boolean;
  trace: boolean;
  extension: string | undefined;
  paragraphs: number[];
  dragnet: number;
  runs: number;
  only: Set<Kind>;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    build: true,
    plain: true,
    trace: false,
    extension: undefined,
    paragraphs: [2000],
    dragnet: 5,
    runs: 1,
    only: new Set(['generated', 'fixtures', 'demo', 'dragnet']),
  };
  for (const { flag: a, value } of options(argv)) {
    if (a === '--no-build') args.build = false;
    else if (a === '--no-plain') args.plain = false;
    else if (a === '--trace') args.trace = true;
    else if (a === '--extension') {
      args.extension = path.resolve(value());
      args.build = false;
    } else if (a === '--paragraphs') args.paragraphs = value().split(',').map(Number);
    else if (a === '--dragnet') args.dragnet = Number(value());
    else if (a === '--runs') args.runs = Math.max(1, Number(value()));
    else if (a === '--only') args.only = new Set(value().split(',') as Kind[]);
    else if (a === '--help' || a === '-h') {
      console.log(
        'usage: npx tsx scripts/bench/longtask.ts [--no-build | --extension DIR] [--paragraphs N,…] [--dragnet N] [--runs N] [--only KINDS] [--no-plain] [--trace]',
      );
      process.exit(0);
    } else throw new Error(`unknown option ${a} (try --help)`);
  }
  return args;
}

// ---------------------------------------------------------------- generated long articles

const FIRST = ['Mara', 'Tomas', 'Ines', 'Kofi', 'Leena', 'Arun', 'Greta', 'Pavel', 'Nadia', 'Owen', 'Sina', 'Bruno'];
const LAST = ['Okafor', 'Lindqvist', 'Moreau', 'Haddad', 'Varga', 'Castell', 'Nakamura', 'Brennan', 'Osei', 'Petrov', 'Quist'];
const PLACES = ['Kessock', 'Dunmore', 'Ellery', 'Brightwell', 'Harlow Bay', 'Marston', 'Corran', 'Tillby', 'Ashgrove', 'Wenlock'];
const BODIES = ['harbour board', 'water authority', 'county council', 'transport office', 'school trust', 'health board'];
const THINGS = ['bridges', 'pumps', 'classrooms', 'ferries', 'wards', 'bus shelters', 'street lights', 'culverts'];
const VERBS: [string, string][] = [
  ['repaired', 'fixed'],
  ['inspected', 'checked'],
  ['closed', 'shut'],
  ['replaced', 'swapped out'],
  ['rebuilt', 'reconstructed'],
];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October'];

/**
 * The same facts told twice: the article measured, and another outlet's
 * report of them in other words (not a reprint, so its sentences are marked).
 */
export function generatedPair(paragraphs: number): { article: string; partner: string } {
  const rand = seeded(paragraphs);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const ours: string[] = [];
  const theirs: string[] = [];
  for (let p = 0; p < paragraphs; p++) {
    const a: string[] = [];
    const b: string[] = [];
    for (let s = 0; s < 2; s++) {
      const person = `${pick(FIRST)} ${pick(LAST)}`;
      const place = pick(PLACES);
      const body = pick(BODIES);
      const n = 2 + Math.floor(rand() * 9000);
      const things = pick(THINGS);
      const [verb, other] = pick(VERBS);
      const month = pick(MONTHS);
      a.push(`${person} of the ${place} ${body} said that ${n.toLocaleString('en')} ${things} had been ${verb} since ${month}.`);
      b.push(
        `Since ${month}, ${n.toLocaleString('en')} ${things} have been ${other}, according to ${person}, who speaks for the ${place} ${body}.`,
      );
    }
    ours.push(a.join(' '));
    theirs.push(b.join(' '));
  }
  const page = (outlet: string, title: string, body: string[]): string =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<meta property="og:type" content="article"><meta property="og:site_name" content="${outlet}">
<meta property="article:published_time" content="2026-11-30T08:00:00Z"></head>
<body><header><nav><a href="/">${outlet}</a> · <a href="/local">Local</a> · <a href="/about">About</a></nav></header>
<main><article><h1>${title}</h1>
${body.map((t) => `<p>${t}</p>`).join('\n')}
</article></main><footer><p>© ${outlet}</p></footer></body></html>`;
  return {
    article: page('The Longform Times', 'Kessock and Dunmore repair record: every bridge, pump and ferry since January', ours),
    partner: page('Otherdesk News', 'Repairs across Kessock, Dunmore and Ellery since January, item by item', theirs),
  };
}

// ---------------------------------------------------------------- the pages

interface Target {
  kind: Kind;
  label: string;
  url: string;
  bytes: number;
}

function largestDragnetPages(count: number): { dir: string; names: string[] } | string {
  const dir = path.join(sharedDir(), 'eval/dragnet/html');
  if (count <= 0) return 'Dragnet pages: none asked for';
  if (!existsSync(dir)) return `Dragnet pages: missing (${dir}); measured without them`;
  const names = readdirSync(dir)
    .filter((n) => n.endsWith('.html'))
    .map((n) => ({ n, size: statSync(path.join(dir, n)).size }))
    .sort((a, b) => b.size - a.size)
    .slice(0, count)
    .map((e) => e.n);
  return { dir, names };
}

/** Only the loopback `.test` hosts are reachable: a saved page's images, scripts and fonts elsewhere are refused. */
async function loopbackOnly(context: BrowserContext): Promise<void> {
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if ((url.protocol === 'http:' && url.hostname.endsWith('.test')) || url.protocol === 'data:') return route.continue();
    return route.abort();
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)] ?? NaN;
}

/** A traced run's long tasks, taken apart, on stderr. */
function tell(label: string, how: string, run: PageRun): void {
  if (run.traced === undefined) return;
  progress(`  ${label}, ${how}: ${run.traced.length} traced task(s) over ${LONG_TASK_MS} ms`);
  for (const t of run.traced) process.stderr.write(`    ${describeTask(t)}\n`);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.build) {
    progress('building the extension (wxt build)…');
    execFileSync('npx', ['wxt', 'build'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const pages = new Map<string, string>();
  const targets: Target[] = [];
  const partners: string[] = [];
  const notes: string[] = [];
  const server = await startCorpusServer({
    handler: ({ host, path: p }, _req, res) => {
      const html = pages.get(`${host}${p}`);
      if (html === undefined) return false;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
      return true;
    },
  });
  const serve = (host: string, p: string, html: string): string => {
    pages.set(`${host}${p}`, html);
    return `${server.origin(host)}${p}`;
  };

  if (args.only.has('generated')) {
    for (const n of args.paragraphs) {
      const { article, partner } = generatedPair(n);
      partners.push(serve(PARTNER_HOST, `/record/${n}`, partner));
      targets.push({
        kind: 'generated',
        label: `generated, ${n} paragraphs`,
        url: serve(GENERATED_HOST, `/record/${n}`, article),
        bytes: article.length,
      });
    }
  }
  if (args.only.has('fixtures')) {
    for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(path.join(FIXTURES, file), 'utf8');
      const name = file.replace(/\.html$/, '');
      targets.push({
        kind: 'fixtures',
        label: `extraction-pages/${name}`,
        url: serve(FIXTURE_HOST, `/news/${name}`, html),
        bytes: html.length,
      });
    }
  }
  if (args.only.has('demo')) {
    for (const a of DEMO_ARTICLES) {
      const url = `${server.origin(a.host)}${a.path}`;
      partners.push(url);
      const bytes = statSync(path.join(repoRoot, 'demo/sites', a.host, `${a.path.slice(1)}.html`)).size;
      targets.push({ kind: 'demo', label: `demo ${a.host}${a.path}`, url, bytes });
    }
  }
  if (args.only.has('dragnet')) {
    const found = largestDragnetPages(args.dragnet);
    if (typeof found === 'string') notes.push(found);
    else {
      notes.push(`Dragnet pages: the ${found.names.length} largest of ${found.dir}`);
      for (const name of found.names) {
        const html = readFileSync(path.join(found.dir, name), 'latin1');
        targets.push({
          kind: 'dragnet',
          label: `dragnet ${name}`,
          url: serve(DRAGNET_HOST, `/page/${name.replace(/\.html$/, '')}`, html),
          bytes: html.length,
        });
      }
    }
  }
  for (const note of notes) progress(note);

  const plain: Map<string, PageRun[]> = new Map();
  const withExtension: Map<string, PageRun[]> = new Map();
  let version: string | undefined;
  try {
    if (args.plain) {
      progress('without the extension…');
      const browser = await chromium.launch({
        executablePath: ensureChromium(),
        args: ['--host-resolver-rules=MAP *.test 127.0.0.1', '--no-sandbox', '--disable-gpu', '--disable-quic'],
      });
      try {
        version = browser.version();
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        await loopbackOnly(context);
        for (const t of targets) {
          for (let r = 0; r < args.runs; r++) {
            const run = await openArticle(context, t.url, { giveUpMs: PLAIN_WATCH_MS, trace: args.trace });
            tell(t.label, 'without the extension', run);
            plain.set(t.url, [...(plain.get(t.url) ?? []), run]);
          }
          progress(`  ${t.label}: ${median(plain.get(t.url)!.map((r) => r.longestTaskMs)).toFixed(0)} ms`);
        }
      } finally {
        await browser.close();
      }
    }
    progress('with the extension…');
    const ext = await launchWithExtension(args.extension === undefined ? {} : { extensionDir: args.extension });
    try {
      version ??= ext.context.browser()?.version();
      await loopbackOnly(ext.context);
      for (const p of ext.context.pages()) if (p.url().startsWith('chrome-extension://')) await p.close();
      const driver = createDriver(ext);
      // Other outlets' reports first, so that the pages measured have sentences to mark.
      for (const url of partners) {
        progress(`  storing ${url}…`);
        await driver.read(url, { timeoutMs: 300_000 });
      }
      for (const t of targets) {
        for (let r = 0; r < args.runs; r++) {
          const giveUpMs = t.kind === 'generated' ? GENERATED_WATCH_MS : UNMARKED_WATCH_MS;
          const run = await openArticle(ext.context, t.url, { giveUpMs, deadlineMs: giveUpMs + 60_000, trace: args.trace });
          tell(t.label, 'with the extension', run);
          withExtension.set(t.url, [...(withExtension.get(t.url) ?? []), run]);
        }
        const runs = withExtension.get(t.url)!;
        progress(`  ${t.label}: ${median(runs.map((r) => r.longestTaskMs)).toFixed(0)} ms, ${runs.at(-1)!.marked} marked`);
      }
    } finally {
      await ext.close();
    }
  } finally {
    await server.close();
  }

  const cpu = cpus();
  console.log(
    `machine: ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores; Chromium ${version ?? 'unknown'}; ${args.runs} run(s) a page, median run shown`,
  );
  for (const note of notes) console.log(note);
  console.log('');
  console.log('| page | HTML | sentences marked | longest task without the extension | with it | tasks over 50 ms with it (all runs) |');
  console.log('|---|---|---|---|---|---|');
  let worstWith = 0;
  let pagesOver = 0;
  for (const t of targets) {
    const p = plain.get(t.url) ?? [];
    const w = withExtension.get(t.url) ?? [];
    const longestWith = median(w.map((r) => r.longestTaskMs));
    worstWith = Math.max(worstWith, ...w.map((r) => r.longestTaskMs));
    if (longestWith > LONG_TASK_MS) pagesOver++;
    const over = w.flatMap((r) => r.longTasks.filter((x) => x.duration > LONG_TASK_MS).map((x) => x.duration.toFixed(0)));
    console.log(
      `| ${t.label} | ${(t.bytes / 1024).toFixed(0)} kB | ${w.at(-1)?.marked ?? 0} | ${p.length === 0 ? '—' : `${median(p.map((r) => r.longestTaskMs)).toFixed(0)} ms`} | ${longestWith.toFixed(0)} ms | ${over.length === 0 ? 'none' : over.join(', ') + ' ms'} |`,
    );
  }
  console.log('');
  console.log(
    `with the extension: the longest task of any run ${worstWith.toFixed(0)} ms; pages whose median run has a task over ${LONG_TASK_MS} ms: ${pagesOver} of ${targets.length}`,
  );
}

if (isMainModule(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
}
