/**
 * `npm run eval seeds-parity`: the five seed articles read in the built
 * extension in Chromium, every card compared with `parallax align`
 * (scripts/eval/browser/seeds-parity.spec.ts). Builds the extension first.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { isMainModule, printEvaluation, repoRoot } from './shared-path';

export function evaluate(shared: string): string[] {
  const seeds = path.join(shared, 'seeds');
  if (!existsSync(seeds)) throw new Error(`missing: the seed articles (${seeds})`);
  const run = (args: string[]) =>
    spawnSync('npx', args, { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, PARALLAX_SHARED: shared }, timeout: 600_000 });
  const build = run(['wxt', 'build']);
  if (build.status !== 0) throw new Error(`the extension did not build:\n${build.stderr}`);
  const test = run(['playwright', 'test', '-c', 'playwright.seeds.config.ts']);
  const output = `${test.stdout}${test.stderr}`.trim();
  if (test.status !== 0) throw new Error(`the seed articles' cards differ from parallax align:\n${output}`);
  const passed = /(\d+) passed/.exec(output)?.[0] ?? 'passed';
  return [`seeds parity (cards against parallax align, in Chromium): ${passed}`];
}

if (isMainModule(import.meta.url)) printEvaluation(evaluate);
