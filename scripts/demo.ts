/**
 * `npm run demo`: builds the extension, serves the demo outlets on loopback
 * (one host name each), starts Chromium with the extension, reads the other
 * outlets' articles like a reader would, opens one more, hovers a mark, and
 * leaves screenshots (the welcome page, the marked page, the card, the
 * toolbar badge, the popup's search) and a summary of what was marked.
 *
 *   npm run demo                      the bundled demo corpus, headless
 *   npm run demo -- --headed          keep a visible browser open for a person
 *   npm run demo -- --seeds [DIR]     the five seed articles (../shared/seeds) as five outlets
 *   npm run demo -- --no-build        reuse .output/chrome-mv3
 *   npm run demo -- --out DIR         where the screenshots go (default demo-output/)
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { DEMO_ARTICLES } from '../demo/corpus';
import { renderSeedSites } from '../demo/seed-pages';
import { startCorpusServer } from '../demo/server';
import { launchWithExtension } from './support/browser';
import { createDriver } from './support/driver';
import type { PageAnnotation } from '../lib/types';

const ROOT = path.resolve(import.meta.dirname, '..');

interface Plan {
  label: string;
  /** Articles read first, as full URLs. */
  read: string[];
  /** The article opened last, whose marks are shown. */
  target: string;
  /** What to type in the popup's search box (typos on purpose). */
  query: string;
}

function parseArgs(argv: string[]) {
  const args = { headed: false, build: true, seeds: undefined as string | undefined, out: path.join(ROOT, 'demo-output') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--headed') args.headed = true;
    else if (a === '--no-build') args.build = false;
    else if (a === '--seeds') {
      const next = argv[i + 1];
      args.seeds = next && !next.startsWith('--') ? (i++, next) : path.resolve(ROOT, process.env.PARALLAX_SHARED ?? '../shared', 'seeds');
    } else if (a === '--out') {
      const next = argv[++i];
      if (!next) throw new Error('--out needs a folder');
      args.out = path.resolve(next);
    } else if (a === '--help' || a === '-h') {
      console.log('usage: npm run demo -- [--headed] [--seeds [DIR]] [--no-build] [--out DIR]');
      process.exit(0);
    } else throw new Error(`unknown option ${a} (try --help)`);
  }
  return args;
}

function describe(annotation: PageAnnotation): string[] {
  const lines = [
    `${annotation.outlet}: ${annotation.marked.length} of ${annotation.sentenceCount} sentences marked; ` +
      `the story is also covered by ${annotation.storyOutlets.join(', ') || 'no other outlet'}`,
  ];
  for (const s of annotation.marked) {
    lines.push(`  • ${s.text}`);
    for (const r of s.reports) {
      const diffs = r.differences.map((d) => d.label).join('; ');
      const reprints = r.reprintedBy?.length ? ` (also carried by ${r.reprintedBy.join(', ')})` : '';
      lines.push(`      ${r.outlet}${reprints}: ${r.sentence}${diffs ? `\n        ↳ ${diffs}` : ''}`);
    }
  }
  return lines;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.build || !existsSync(path.join(ROOT, '.output/chrome-mv3/manifest.json'))) {
    console.log('Building the extension…');
    execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }

  let extraSites: Record<string, Record<string, string>> | undefined;
  let plan: (origin: (host: string) => string) => Plan;
  if (args.seeds) {
    if (!existsSync(args.seeds)) {
      throw new Error(`The seed articles are not at ${args.seeds} (set PARALLAX_SHARED or pass --seeds DIR).`);
    }
    const seeds = renderSeedSites(args.seeds);
    extraSites = seeds.sites;
    plan = (origin) => {
      // Each seed outlet has a home page at "/" and the article at its slug.
      const urls = seeds.hosts.map((h) => origin(h) + Object.keys(seeds.sites[h] ?? {}).find((p) => p !== '/'));
      // The first seed is the one whose claims the others confirm, reword or contradict most.
      const [target, ...read] = urls as [string, ...string[]];
      return { label: 'seed articles', read, target, query: 'Milly poorly wordd' };
    };
  } else {
    plan = (origin) => {
      const storyA = DEMO_ARTICLES.filter((a) => a.story === 'A').sort((a, b) => a.publishedAt.localeCompare(b.publishedAt));
      const target = storyA.at(-1)!;
      const read = DEMO_ARTICLES.filter((a) => a !== target).map((a) => origin(a.host) + a.path);
      return { label: 'demo corpus', read, target: origin(target.host) + target.path, query: 'crane colapse weld inspectoin' };
    };
  }

  const server = await startCorpusServer(extraSites ? { extraSites } : {});
  const ext = await launchWithExtension({ headed: args.headed });
  const driver = createDriver(ext);
  await mkdir(args.out, { recursive: true });
  const shots: string[] = [];
  try {
    // The welcome page the extension opens on install.
    const welcomeUrl = `chrome-extension://${ext.extensionId}/welcome.html`;
    const welcome =
      ext.context.pages().find((pg) => pg.url() === welcomeUrl) ??
      (await ext.context.waitForEvent('page', { predicate: (pg) => pg.url() === welcomeUrl, timeout: 15_000 }));
    await welcome.locator('h1').waitFor();
    const welcomeShot = path.join(args.out, '0-welcome.png');
    await welcome.screenshot({ path: welcomeShot, fullPage: true });
    shots.push(welcomeShot);
    await welcome.close();

    const p = plan(server.origin);
    console.log(`Reading ${p.read.length} articles of the ${p.label}…`);
    for (const url of p.read) await driver.read(url);

    console.log(`Opening ${p.target}`);
    const page = await ext.context.newPage();
    await page.goto(p.target);
    const marks = page.locator('mark[data-parallax-index][tabindex="0"]');
    await marks.first().waitFor({ timeout: 15_000 });
    const pageShot = path.join(args.out, '1-page-with-marks.png');
    await page.screenshot({ path: pageShot, fullPage: true });
    shots.push(pageShot);

    // Hover the sentence whose other wordings differ most: the card has most to show there.
    const annotation = await driver.send('annotate', { url: p.target });
    const showcase = [...(annotation?.marked ?? [])].sort(
      (x, y) => y.reports.reduce((n, r) => n + r.differences.length, 0) - x.reports.reduce((n, r) => n + r.differences.length, 0),
    )[0];
    const mark = showcase ? page.locator(`mark[data-parallax-index="${showcase.index}"][tabindex="0"]`) : marks.first();
    await mark.scrollIntoViewIfNeeded();
    await mark.hover();
    // The card lives in a closed shadow root: wait for its host, the one element we add outside <body>.
    await page.waitForFunction(
      () => Array.from(document.documentElement.children).some((e) => e !== document.head && e !== document.body),
      null,
      {
        timeout: 5_000,
      },
    );
    await page.waitForTimeout(400);
    const cardShot = path.join(args.out, '2-card.png');
    await page.screenshot({ path: cardShot });
    shots.push(cardShot);

    // The toolbar button of the article's tab, drawn from the badge's actual text, colour and title:
    // a headless browser draws no toolbar of its own.
    await page.bringToFront();
    const worker = await ext.serviceWorker();
    const badge = await worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      const tabId = tab?.id ?? -1;
      return {
        text: await chrome.action.getBadgeText({ tabId }),
        title: await chrome.action.getTitle({ tabId }),
        color: await chrome.action.getBadgeBackgroundColor({ tabId }),
      };
    });
    const badgeShot = path.join(args.out, '3-badge.png');
    await screenshotBadge(ext, badge, badgeShot);
    shots.push(badgeShot);

    const popup = await ext.context.newPage();
    await popup.setViewportSize({ width: 420, height: 640 });
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?for=${encodeURIComponent(p.target)}`);
    const box = popup.locator('input[type="search"]');
    await box.fill(p.query);
    await popup.waitForTimeout(800);
    const popupShot = path.join(args.out, '4-popup-search.png');
    await popup.screenshot({ path: popupShot });
    shots.push(popupShot);

    console.log('');
    if (annotation) for (const line of describe(annotation)) console.log(line);
    else console.log('The opened article was not stored.');
    console.log('');
    console.log(`Screenshots in ${args.out}:`);
    for (const s of shots) console.log(`  ${path.relative(process.cwd(), s)}`);

    if (args.headed) {
      console.log('\nThe browser stays open; press Ctrl+C to end.');
      await new Promise(() => undefined);
    }
  } finally {
    if (!args.headed) {
      await ext.close();
      await server.close();
    }
  }
}

/** The extension's toolbar icon with its badge and tooltip, on a light and a dark toolbar. */
async function screenshotBadge(
  ext: Awaited<ReturnType<typeof launchWithExtension>>,
  badge: { text: string; title: string; color: number[] },
  file: string,
): Promise<void> {
  const page = await ext.context.newPage();
  const icon = `data:image/png;base64,${(await readFile(path.join(ROOT, 'public/icon/32.png'))).toString('base64')}`;
  const [r, g, b] = badge.color;
  const escape = (text: string): string => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const button = (bg: string, fg: string): string => `
    <div style="background:${bg};color:${fg};padding:14px 18px;display:flex;align-items:center;gap:14px">
      <span style="position:relative;width:32px;height:32px;display:inline-block">
        <img src="${icon}" width="32" height="32" alt="">
        ${badge.text ? `<span style="position:absolute;right:-8px;bottom:-6px;min-width:18px;padding:1px 4px;border-radius:9px;background:rgb(${r},${g},${b});color:#fff;font:600 12px system-ui,sans-serif;text-align:center;box-shadow:0 0 0 2px ${bg}">${escape(badge.text)}</span>` : ''}
      </span>
      <span style="font:13px system-ui,sans-serif;border:1px solid ${fg}33;border-radius:4px;padding:3px 8px">${escape(badge.title)}</span>
    </div>`;
  await page.setViewportSize({ width: 460, height: 130 });
  await page.setContent(`<body style="margin:0">${button('#f9f9fb', '#15141a')}${button('#2b2a33', '#fbfbfe')}</body>`);
  await page
    .locator('img')
    .first()
    .evaluate((img: HTMLImageElement) => img.decode());
  await page.locator('body').screenshot({ path: file });
  await page.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
