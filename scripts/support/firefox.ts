/**
 * Firefox with the extension, driven headless through WebDriver BiDi
 * (puppeteer-core): the Firefox end-to-end tests' browser. Debian's
 * `firefox-esr` is used; no driver binary is needed, Firefox speaks BiDi
 * itself. The demo outlets' `.test` host names resolve to loopback through
 * the `network.dns.localDomains` preference.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { GECKO_ID } from '../../lib/extension/manifest';
import type { MessageType, Payload, Reply, Result } from '../../lib/messaging/protocol';

/** The built Firefox extension, from `wxt build -b firefox`. */
export const FIREFOX_EXTENSION_DIR = path.resolve(import.meta.dirname, '../../.output/firefox-mv2');

/**
 * The extension's internal address is random per profile unless set: pinned,
 * so its pages have a known origin.
 */
export const FIREFOX_EXTENSION_UUID = '3f0b6c2e-5a4d-4e1b-9c77-0d2a8e51b7a4';
export const FIREFOX_EXTENSION_ORIGIN = `moz-extension://${FIREFOX_EXTENSION_UUID}`;

const FIREFOX_CANDIDATES = [process.env.PARALLAX_FIREFOX, '/usr/bin/firefox-esr', '/usr/bin/firefox'].filter((p): p is string =>
  Boolean(p),
);

export function findFirefox(): string | undefined {
  return FIREFOX_CANDIDATES.find((p) => existsSync(p));
}

/**
 * The Firefox to drive. On a fresh Debian machine where we may install
 * packages (root, apt-get present), installs Debian's `firefox-esr` once;
 * elsewhere says plainly what to install.
 */
export function ensureFirefox(): string {
  const found = findFirefox();
  if (found) return found;
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    throw new Error('No Firefox found. Install it (Debian: apt-get install -y firefox-esr) or set PARALLAX_FIREFOX to its path.');
  }
  console.error("Firefox is not installed; installing Debian's firefox-esr package (once)…");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'firefox-esr'], { stdio: 'inherit', env });
  const installed = findFirefox();
  if (!installed) throw new Error('Installing firefox-esr did not provide /usr/bin/firefox-esr.');
  return installed;
}

/** How long to wait for a page or a state, at most; the machine may be busy. */
const WAIT_MS = 20_000;
const POLL_MS = 150;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it returns something other than undefined, or throws after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}${last instanceof Error ? ` (last error: ${last.message})` : ''}`);
    }
    await sleep(POLL_MS);
  }
}

/** The `browser` namespace of an extension page, as seen by code evaluated there. */
export interface WebExtensionGlobal {
  browser: {
    tabs: {
      create(details: { url: string }): Promise<unknown>;
      query(filter: { url?: string }): Promise<{ id?: number; url?: string }[]>;
    };
    runtime: { sendMessage(message: unknown): Promise<unknown> };
    browserAction: {
      getBadgeText(details: { tabId: number }): Promise<string>;
      getTitle(details: { tabId: number }): Promise<string>;
    };
  };
}

/** The page's own address. BiDi does not report navigations inside moz-extension pages, so `page.url()` can lag. */
export function addressOf(page: Page): Promise<string> {
  return page.evaluate(() => location.href);
}

export interface FirefoxExtension {
  browser: Browser;
  /**
   * A tab showing one of the extension's pages ("options.html",
   * "popup.html?for=…"). BiDi may not navigate to extension pages, so the
   * extension opens the tab itself.
   */
  extensionPage(pagePath: string): Promise<Page>;
  /** The background's answer to a protocol message, sent from an extension page. */
  send<T extends MessageType>(type: T, payload: Payload<T>): Promise<Reply<T>>;
  /** Opens an article like a reader and waits until the background has stored it. */
  read(url: string, options?: { keepOpen?: boolean }): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Starts Firefox with the extension installed as a temporary add-on, the
 * given host names resolved to loopback, and waits for the welcome page the
 * extension opens on install.
 */
export async function launchFirefoxWithExtension(options: {
  extensionDir?: string;
  hosts: string[];
  headed?: boolean;
}): Promise<FirefoxExtension> {
  const extensionDir = options.extensionDir ?? FIREFOX_EXTENSION_DIR;
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`The Firefox extension is not built (${extensionDir} has no manifest.json): run \`npm run build\`.`);
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: ensureFirefox(),
    headless: !options.headed,
    timeout: 90_000,
    protocolTimeout: 60_000,
    defaultViewport: { width: 1280, height: 900 },
    extraPrefsFirefox: {
      'network.dns.localDomains': options.hosts.join(','),
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
      // Nothing but loopback: no captive-portal, connectivity or update checks.
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'app.update.auto': false,
    },
  });
  try {
    await browser.installExtension(extensionDir);
    const isExtensionPage = async (page: Page, wanted: (href: string) => boolean): Promise<boolean> => {
      try {
        const href = await addressOf(page);
        return href.startsWith(FIREFOX_EXTENSION_ORIGIN) && wanted(href) && (await page.evaluate(() => document.readyState)) === 'complete';
      } catch {
        return false;
      }
    };
    const findPage = (what: string, wanted: (href: string) => boolean, among?: (page: Page) => boolean): Promise<Page> =>
      waitFor(what, async () => {
        for (const page of await browser.pages()) {
          if ((!among || among(page)) && (await isExtensionPage(page, wanted))) return page;
        }
        return undefined;
      });
    // The extension opens its welcome page on install; it is the first extension page there is.
    let anchor = await findPage('the welcome page', (href) => href.endsWith('/welcome.html'));

    const extensionPage = async (pagePath: string): Promise<Page> => {
      const url = `${FIREFOX_EXTENSION_ORIGIN}/${pagePath.replace(/^\//, '')}`;
      const before = new Set(await browser.pages());
      if (anchor.isClosed()) anchor = await findPage('an extension page', () => true);
      await anchor.evaluate((target) => void (globalThis as unknown as WebExtensionGlobal).browser.tabs.create({ url: target }), url);
      return findPage(
        url,
        (href) => href === url,
        (page) => !before.has(page),
      );
    };

    let messenger: Page | null = null;
    const send = async <T extends MessageType>(type: T, payload: Payload<T>): Promise<Reply<T>> => {
      if (!messenger || messenger.isClosed()) messenger = await extensionPage('options.html');
      const result = (await messenger.evaluate(
        (envelope) => (globalThis as unknown as WebExtensionGlobal).browser.runtime.sendMessage(envelope),
        { parallax: 1 as const, type, payload },
      )) as Result<Reply<T>>;
      if (!result.ok) throw new Error(`${type}: ${result.error}`);
      return result.value;
    };

    const read = async (url: string, readOptions: { keepOpen?: boolean } = {}): Promise<Page> => {
      const tab = await browser.newPage();
      await tab.goto(url);
      await waitFor(`${url} to be stored`, async () => ((await send('pageSummary', { url })).known ? true : undefined));
      if (!readOptions.keepOpen) await tab.close();
      return tab;
    };

    return { browser, extensionPage, send, read, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
