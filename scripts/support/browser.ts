import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

/** The built Chrome extension, from `wxt build`. */
export const EXTENSION_DIR = path.resolve(import.meta.dirname, '../../.output/chrome-mv3');

// Debian's /usr/bin/chromium is a wrapper script that adds flags of its own;
// the real binary sits beside it.
const CHROMIUM_CANDIDATES = [
  process.env.PARALLAX_CHROMIUM,
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
].filter((p): p is string => Boolean(p));

export function findChromium(): string | undefined {
  return CHROMIUM_CANDIDATES.find((p) => existsSync(p));
}

/**
 * The Chromium to drive. On a fresh Debian machine where we may install
 * packages (root, apt-get present), installs Debian's `chromium` once, so that
 * the demo and the end-to-end tests run from a clean clone; elsewhere says
 * plainly what to install.
 */
export function ensureChromium(): string {
  const found = findChromium();
  if (found) return found;
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    throw new Error('No Chromium found. Install it (Debian: apt-get install -y chromium) or set PARALLAX_CHROMIUM to its path.');
  }
  console.error("Chromium is not installed; installing Debian's chromium package (once)…");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  const installed = findChromium();
  if (!installed) throw new Error('Installing chromium did not provide a browser at /usr/lib/chromium/chromium.');
  return installed;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** The extension's service worker; it may be stopped when idle, so ask again in long runs. */
  serviceWorker(): Promise<Worker>;
  close(): Promise<void>;
}

/**
 * Starts Chromium with the extension loaded, every `*.test` host name
 * resolved to loopback (the demo outlets), and nothing else reachable.
 * Without `userDataDir` the profile is fresh and removed on close; with it,
 * the profile (and the extension's store) is reused and kept.
 */
export async function launchWithExtension(
  options: { headed?: boolean; extensionDir?: string; userDataDir?: string } = {},
): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`The extension is not built (${extensionDir} has no manifest.json): run \`npm run build\`.`);
  }
  const userDataDir = options.userDataDir ?? (await mkdtemp(path.join(tmpdir(), 'parallax-profile-')));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: ensureChromium(),
    headless: !options.headed,
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--host-resolver-rules=MAP *.test 127.0.0.1',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const serviceWorker = async (): Promise<Worker> =>
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const worker = await serviceWorker();
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    async close() {
      await context.close();
      if (!options.userDataDir) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
