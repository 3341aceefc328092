/**
 * `npx tsx scripts/fuzz.ts [--files 2000] [--texts 20000] [--seed N]`
 *
 * The longer run of tests/io/fuzz.test.ts: hostile JSON Lines files and
 * texts, seeded, through the reader and the text steps. Prints each problem
 * with the seed and index that reproduce it, and the slowest input's time;
 * exits 1 if any property failed.
 */
import { checkFile, checkText, createRandom, hostileFile, hostileText } from '../tests/io/fuzz-cases';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) ? v : fallback;
}

const seed = arg('seed', Date.now() % 1e9);
const files = arg('files', 2000);
const texts = arg('texts', 20_000);
let failures = 0;
let slowest = { ms: 0, what: '' };

function timed(what: string, fn: () => string[]): void {
  const start = performance.now();
  let problems: string[];
  try {
    problems = fn();
  } catch (error) {
    problems = [`threw ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`];
  }
  const ms = performance.now() - start;
  if (ms > slowest.ms) slowest = { ms, what };
  for (const p of problems) {
    failures++;
    process.stdout.write(`seed ${seed} ${what}: ${p}\n`);
  }
}

const rf = createRandom(seed);
for (let i = 0; i < files; i++) {
  const file = hostileFile(rf);
  timed(`file ${i}`, () => checkFile(file));
}
const rt = createRandom(seed + 1);
for (let i = 0; i < texts; i++) {
  const text = hostileText(rt);
  timed(`text ${i}`, () => checkText(text));
}
process.stdout.write(
  `seed ${seed}: ${files} files (${files * 20} lines) and ${texts} texts, ${failures} problems; slowest input ${slowest.ms.toFixed(1)} ms (${slowest.what})\n`,
);
process.exitCode = failures > 0 ? 1 : 0;
