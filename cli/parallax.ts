/**
 * parallax: the engine on the command line.
 *
 *   parallax align FILE.jsonl|DIR [--json]
 *   parallax cluster FILE.jsonl
 *   parallax pairs FILE.tsv [--eval]
 *   parallax diff FILE.jsonl
 *   parallax extract FILE.html --url URL | FILE.jsonl
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { findDifferences, typeOfKind } from '../lib/diff/differences';
import { parsePairLines } from '../lib/io/pairs';
import { analyseSentence } from '../lib/text/analyse';
import { alignArticles, type AlignResult } from '../lib/story/align';
import { scorePairsTsv } from '../lib/io/pairs-tsv';
import { extractFromHtml } from '../lib/extract/from-html';
import { loadInput, loadPages, type Loaded } from './load';

const HELP: Record<string, string> = {
  main: `parallax — how outlets reported the same claims

Usage:
  parallax align FILE.jsonl|DIR [--json]   stories and claim groups across outlets
  parallax cluster FILE.jsonl              the story of each article, one JSON line each
  parallax pairs FILE.tsv [--eval]         same-claim score for each sentence pair
  parallax diff FILE.jsonl                 the differences the card shows for each sentence pair
  parallax extract FILE.html --url URL     the article of saved pages, as the extension reads it
  parallax extract PAGES.jsonl
  parallax COMMAND --help                  help on one command

Input lines: {"id"?, "url", "outlet", "title", "publishedAt"?, "text" | "html"}`,
  align: `parallax align FILE.jsonl|DIR [--json]

Groups the articles into stories, then the sentences of different outlets
stating the same claim into claim groups, with the differences between the
wordings (numbers, quotes, attribution, hedging, verification, negation).
DIR: every *.jsonl file in it, and every *.txt file (first line the title,
the file name as outlet and id).
  --json   machine-readable output instead of the text report`,
  cluster: `parallax cluster FILE.jsonl|DIR

Prints one line per article: {"id": …, "story": …}, in input order.`,
  pairs: `parallax pairs FILE.tsv [--eval]

FILE.tsv: MRPC layout (header "Quality, #1 ID, #2 ID, #1 String, #2 String"),
or headerless "sentence<TAB>sentence" / "label<TAB>sentence<TAB>sentence".
Prints "label<TAB>score" per pair (label 1: same claim).
  --eval   also prints accuracy and F1 against the file's labels`,
  diff: `parallax diff FILE.jsonl

FILE.jsonl: one sentence pair a line, {"a": "…", "b": "…"}, two wordings of
one claim. Prints one line per pair, in input order:
  {"differences": [{"type": …, "a": …, "b": …, "label": …}]}
exactly the differences the card shows for that pair. "type" is one of
number, name_spelling, quote_wording, hedged_vs_stated, confirmed_vs_unverified
(shown); attribution and negation are computed but not yet shown (README).
"a" and "b" are the differing words of each sentence; "label" says it in
plain words ("here" is sentence a, "there" sentence b).
Bad lines are reported on stderr by number with the reason; the rest is read.`,
  extract: `parallax extract FILE.html --url URL
parallax extract PAGES.jsonl

Runs the extension's article extraction on saved pages: a .html file read
from URL, or JSON Lines of {"id"?, "url", "html"} (id defaults to the line
number). Prints one JSON line per page:
  {"id", "ok": true, "url", "title", "outlet", "byline", "publishedAt", "text"}
  {"id", "ok": false, "reason"}     (not an article, and why)
  --url URL   the address a saved .html page was read from`,
};

class UsageError extends Error {}

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

function load(file: string | undefined, io: Io): Loaded {
  if (!file) throw new UsageError('missing input: give a FILE.jsonl or a DIR');
  if (!existsSync(file)) throw new UsageError(`no such file or folder: ${file}`);
  const loaded = loadInput(file);
  for (const e of loaded.errors) io.err(`${e}\n`);
  if (loaded.articles.length === 0)
    throw new UsageError(`no articles in ${file}${loaded.errors.length ? ' (every line had an error)' : ' (empty input)'}`);
  return loaded;
}

function progress(io: Io, what = 'matching… %d/%t articles'): (done: number, total: number) => void {
  const started = Date.now();
  let last = 0;
  return (done, total) => {
    const now = Date.now();
    if (now - started > 2000 && now - last > 1000) {
      last = now;
      io.err(`${what.replace('%d', String(done)).replace('%t', String(total))}\n`);
    }
  };
}

function report(r: AlignResult): string {
  const lines: string[] = [];
  const byId = new Map(r.articles.map((a) => [a.id, a]));
  for (const story of r.stories) {
    lines.push(`Story ${story.id}: ${story.title}`);
    lines.push(`  ${story.articleIds.length} article(s) from ${story.outlets.join(', ')}`);
    for (const id of story.articleIds) {
      const a = byId.get(id);
      if (a?.reprintOf) lines.push(`  ${a.outlet} (${id}) reprints ${a.reprintOf}`);
    }
    if (story.claims.length === 0) lines.push('  no claim stated by more than one outlet');
    story.claims.forEach((g, i) => {
      lines.push('', `  Claim ${i + 1} — ${new Set(g.sentences.map((s) => s.outlet)).size} outlets`);
      for (const s of g.sentences) lines.push(`    [${s.outlet}] ${s.text}`);
      // The label names both wordings in plain words ("5,000 · 4,000", "spelled Seely here, Sili there").
      for (const d of g.differences) lines.push(`    ! ${d.label}`);
    });
    lines.push('');
  }
  return lines.join('\n') + '\n';
}

/** The pipeline over the loaded articles; articles it refuses are reported by position and reason. */
async function runPipeline(file: string | undefined, io: Io): Promise<AlignResult> {
  const { articles } = load(file, io);
  const r = await alignArticles(articles, { onProgress: progress(io) });
  for (const x of r.refused) io.err(`article ${x.index + 1} (${articles[x.index]?.url ?? '?'}): ${x.reason}\n`);
  if (r.articles.length === 0) throw new UsageError(`no article of ${file} could be processed`);
  return r;
}

async function align(args: string[], io: Io): Promise<number> {
  const file = args.find((a) => !a.startsWith('--'));
  const r = await runPipeline(file, io);
  if (args.includes('--json')) {
    const byId = new Map(r.articles.map((a) => [a.id, a]));
    const out = {
      stories: r.stories.map((s) => ({
        id: s.id,
        title: s.title,
        articles: s.articleIds.map((id) => {
          const a = byId.get(id)!;
          return { id, outlet: a.outlet, title: a.title, url: a.url, ...(a.reprintOf ? { reprintOf: a.reprintOf } : {}) };
        }),
        claims: s.claims.map((g) => ({
          id: g.id,
          outlets: [...new Set(g.sentences.map((x) => x.outlet))],
          sentences: g.sentences.map((x) => ({ articleId: x.articleId, outlet: x.outlet, sentenceId: x.sentenceId, text: x.text })),
          differences: g.differences,
        })),
      })),
    };
    io.out(`${JSON.stringify(out, null, 2)}\n`);
  } else io.out(report(r));
  return 0;
}

async function cluster(args: string[], io: Io): Promise<number> {
  const file = args.find((a) => !a.startsWith('--'));
  const r = await runPipeline(file, io);
  for (const a of r.articles) io.out(`${JSON.stringify({ id: a.id, story: a.storyId })}\n`);
  return 0;
}

function pairs(args: string[], io: Io): number {
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) throw new UsageError('missing input: give a FILE.tsv');
  if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`no such file: ${file}`);
  const r = scorePairsTsv(readFileSync(file, 'utf8'));
  for (const e of r.errors) io.err(`line ${e.line}: ${e.message}\n`);
  if (r.rows.length === 0) throw new UsageError(`no sentence pairs in ${file}`);
  for (const row of r.rows) io.out(`${row.label}\t${row.probability.toFixed(4)}\n`);
  if (args.includes('--eval')) {
    if (r.accuracy === undefined) io.err('--eval: some pairs have no label; nothing to compare with\n');
    else io.out(`accuracy ${(100 * r.accuracy).toFixed(1)} %  F1 ${(100 * (r.f1 ?? 0)).toFixed(1)}  (${r.rows.length} pairs)\n`);
  }
  return 0;
}

function diff(args: string[], io: Io): number {
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) throw new UsageError('missing input: give a FILE.jsonl of {"a", "b"} lines');
  if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`no such file: ${file}`);
  const { pairs: rows, errors } = parsePairLines(readFileSync(file, 'utf8'));
  for (const e of errors) io.err(`${e.message}\n`);
  if (rows.length === 0)
    throw new UsageError(`no sentence pairs in ${file}${errors.length ? ' (every line had an error)' : ' (empty input)'}`);
  for (const row of rows) {
    const differences = findDifferences(analyseSentence(row.a), analyseSentence(row.b)).map((d) => ({
      type: typeOfKind(d.kind),
      a: d.a,
      b: d.b,
      label: d.label,
    }));
    io.out(`${JSON.stringify({ differences })}\n`);
  }
  return 0;
}

function extract(args: string[], io: Io): number {
  const urlAt = args.indexOf('--url');
  const url = urlAt >= 0 ? args[urlAt + 1] : undefined;
  if (urlAt >= 0 && (url === undefined || url.startsWith('--'))) throw new UsageError('--url needs the page address');
  const file = args.find((a, i) => !a.startsWith('--') && (urlAt < 0 || i !== urlAt + 1));
  if (!file) throw new UsageError('missing input: give a FILE.html with --url URL, or a PAGES.jsonl');
  if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`no such file: ${file}`);
  let loaded: ReturnType<typeof loadPages>;
  try {
    loaded = loadPages(file, url);
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  for (const e of loaded.errors) io.err(`${e}\n`);
  if (loaded.pages.length === 0) throw new UsageError(`no pages in ${file}`);
  const tick = progress(io, 'extracting… %d/%t pages');
  loaded.pages.forEach((p, i) => {
    const r = extractFromHtml(p.html, p.url);
    const a = r.ok ? r.article : undefined;
    const line = a
      ? {
          id: p.id,
          ok: true,
          url: a.url,
          title: a.title,
          outlet: a.outlet,
          byline: a.byline ?? null,
          publishedAt: a.publishedAt ?? null,
          text: a.text,
        }
      : { id: p.id, ok: false, reason: r.ok ? '' : r.reason };
    io.out(`${JSON.stringify(line)}\n`);
    tick(i + 1, loaded.pages.length);
  });
  return 0;
}

const COMMANDS: Record<string, (args: string[], io: Io) => number | Promise<number>> = { align, cluster, pairs, diff, extract };

export async function run(argv: string[], io: Io): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.out(`${HELP.main}\n`);
    return command ? 0 : 2;
  }
  const fn = COMMANDS[command];
  if (!fn) {
    io.err(`parallax: unknown command "${command}"\n\n${HELP.main}\n`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.out(`${HELP[command]}\n`);
    return 0;
  }
  try {
    return await fn(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`parallax ${command}: ${e.message}\n`);
      return 2;
    }
    io.err(`parallax ${command}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

process.exitCode = await run(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
});
