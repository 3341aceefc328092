/**
 * `npm run eval`: runs every scripts/eval/*.ts module that exports
 * `evaluate(shared)`, prints its figures (each with its baseline beside it)
 * and lists the data sets that are missing.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot, sharedDir } from './eval/shared-path';

type Evaluate = (shared: string) => Promise<string[]> | string[];

async function main(): Promise<void> {
  const shared = sharedDir();
  const dir = path.join(repoRoot, 'scripts', 'eval');
  const only = process.argv.slice(2);
  const missing: string[] = [];
  const failed: string[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .sort()) {
    const name = path.basename(file, '.ts');
    if (only.length && !only.includes(name)) continue;
    const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { evaluate?: Evaluate };
    if (typeof mod.evaluate !== 'function') continue;
    const t0 = performance.now();
    try {
      const lines = await mod.evaluate(shared);
      for (const l of lines) console.log(l);
      console.log(`  (${name}: ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      if (msg.startsWith('missing:')) missing.push(`${name}: ${msg.slice(8).trim()}`);
      else failed.push(`${name}: ${msg}`);
    }
  }
  if (missing.length) console.log(`\nMissing data sets (${shared}):\n${missing.map((m) => `  ${m}`).join('\n')}`);
  if (failed.length) {
    console.error(`\nFailed:\n${failed.map((m) => `  ${m}`).join('\n')}`);
    process.exitCode = 1;
  }
}

void main();
