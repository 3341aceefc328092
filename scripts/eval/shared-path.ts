import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The shared data folder: PARALLAX_SHARED, or ../shared next to the repo. */
export function sharedDir(): string {
  return process.env.PARALLAX_SHARED ?? path.resolve(repoRoot, '../shared');
}

/** True when `metaUrl` is the module run directly with tsx. */
export function isMainModule(metaUrl: string): boolean {
  return process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(metaUrl);
}

/** Runs one evaluation on its own (`npx tsx scripts/eval/NAME.ts`): prints its lines, or its error and exit status 1. */
export function printEvaluation(evaluate: (shared: string) => Promise<string[]> | string[]): void {
  Promise.resolve()
    .then(() => evaluate(sharedDir()))
    .then(
      (lines) => lines.forEach((l) => console.log(l)),
      (err: unknown) => {
        console.error(err instanceof Error ? err.message : String(err));
        process.exitCode = 1;
      },
    );
}
