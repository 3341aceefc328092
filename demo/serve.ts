/**
 * Serves the demo corpus (and, with --seeds, the seed articles as pages of
 * their own outlets) on 127.0.0.1 until interrupted.
 *   npx tsx demo/serve.ts [--port N] [--seeds DIR]
 * A browser reaches the `.test` hosts with
 *   --host-resolver-rules="MAP *.test 127.0.0.1"
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEMO_ARTICLES, DEMO_OUTLETS } from './corpus';
import { renderSeedSites } from './seed-pages';
import { startCorpusServer } from './server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '8080' }, seeds: { type: 'string' } },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`not a port: ${values.port}`);

  let seeds: ReturnType<typeof renderSeedSites> | undefined;
  if (values.seeds !== undefined) {
    if (!existsSync(values.seeds)) throw new Error(`missing: ${values.seeds} (the seed articles)`);
    seeds = renderSeedSites(values.seeds);
  }
  const server = await startCorpusServer({ port, extraSites: seeds?.sites });

  console.log(`Demo corpus on 127.0.0.1:${server.port}. Map the hosts with --host-resolver-rules="MAP *.test 127.0.0.1"`);
  for (const outlet of DEMO_OUTLETS) console.log(`  ${outlet.name.padEnd(24)} ${server.origin(outlet.host)}/`);
  console.log('Articles:');
  for (const a of DEMO_ARTICLES) console.log(`  [${a.story}] ${server.origin(a.host)}${a.path}`);
  if (seeds !== undefined) {
    console.log('Seed articles:');
    for (const host of seeds.hosts) {
      for (const p of Object.keys(seeds.sites[host] ?? {}).filter((p) => p !== '/')) {
        console.log(`  ${server.origin(host)}${p}`);
      }
    }
  }
  const stop = (): void => {
    server.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
