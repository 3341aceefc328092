/**
 * End-to-end support for the feed, import and storage tests: the built
 * extension with the `.test` sites already allowed (the reader's "Allow" in
 * the permission prompt, which a headless browser cannot click), and a
 * loopback server with the feed fixtures and a few hostile pages.
 */
import type { ServerResponse } from 'node:http';
import { test as base } from '@playwright/test';
import { DEMO_FEEDS } from '../../demo/feeds/index';
import { startCorpusServer, type CorpusServer, type ExtraPage } from '../../demo/server';
import { EXTENSION_DIR, launchWithExtension, type ExtensionBrowser } from '../../scripts/support/browser';
import { createDriver, type Driver } from '../../scripts/support/driver';
import { grantedExtensionCopy as grantedCopy } from '../../scripts/support/extension-copy';

export const HUGE_BYTES = 50 * 1024 * 1024;

const FRENCH_PARAGRAPHS = [
  'Le port d’Ellery a fermé son terminal principal après l’effondrement d’une grue pendant la nuit, selon les autorités portuaires qui ont ouvert une enquête.',
  'Les dockers ont été renvoyés chez eux et les navires attendent au large, tandis que les inspecteurs examinent une soudure qui aurait cédé sous la charge.',
  'Le maire de la ville a déclaré que la sécurité des travailleurs passait avant tout et que le terminal ne rouvrirait pas avant la fin des vérifications.',
  'Les syndicats demandent depuis des années un contrôle plus strict des équipements, et ils estiment que cet accident aurait pu être évité avec un entretien régulier.',
  'Les entreprises qui dépendent du port craignent des retards importants dans les livraisons pendant plusieurs semaines, surtout avant la période des fêtes.',
];

function articlePage(title: string, lang: string, outlet: string, paragraphs: string[]): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title>
<meta property="og:type" content="article"><meta property="og:site_name" content="${outlet}">
<meta property="article:published_time" content="2025-10-14T08:00:00Z"></head>
<body><article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
}

function rss(title: string, links: string[]): ExtraPage {
  const items = links.map((l, i) => `<item><title>Item ${i + 1}</title><link>${l}</link><guid>${l}</guid></item>`).join('');
  return {
    body: `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${title}</title><link>/</link>${items}</channel></rss>`,
    contentType: 'application/rss+xml; charset=utf-8',
  };
}

/** A page that sends 50 MB, in chunks, and stops when the client hangs up. */
function sendHuge(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': String(HUGE_BYTES) });
  const chunk = Buffer.alloc(1024 * 1024, 'a');
  let sent = 0;
  let closed = false;
  res.on('close', () => (closed = true));
  const pump = (): void => {
    while (!closed && sent < HUGE_BYTES) {
      sent += chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!closed) res.end();
  };
  pump();
}

const PRIVATE_PROBE_PATH = '/private-probe';

/** Every request that reached the server's loopback-only page, as host and path: none may come from the extension. */
export const privateProbes: string[] = [];

/** The demo sites, the feed fixtures beside them, and the hostile cases. */
export function startFeedServer(): Promise<CorpusServer> {
  const extraSites: Record<string, Record<string, ExtraPage>> = {};
  for (const [host, paths] of Object.entries(DEMO_FEEDS)) extraSites[host] = { ...paths };
  // The wire service and one of its reprinters publish feeds too.
  extraSites['capitalwire.test'] = { '/rss': rss('Capital Wire', ['/ellery-port-halts-terminal']) };
  extraSites['eastbrookobserver.test'] = { '/feed': rss('The Eastbrook Observer', ['/ellery-crane-collapse-wire']) };
  // A home page that advertises its feed, for the popup.
  extraSites['dailyledger.test']!['/'] =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The Daily Ledger</title>' +
    '<link rel="alternate" type="application/rss+xml" title="The Daily Ledger" href="/feed.xml"></head>' +
    '<body><h1>The Daily Ledger</h1><p><a href="/ellery-crane-collapse">Crane collapse</a></p></body></html>';
  extraSites['oddities.test'] = {
    '/feed.xml': rss('Oddities', ['/en-francais', '/', '/huge', '/loop']),
    '/en-francais': articlePage('Effondrement d’une grue au port d’Ellery', 'fr', 'Le Quotidien', FRENCH_PARAGRAPHS),
    '/': '<!doctype html><html lang="en"><head><title>Oddities</title></head><body><nav><a href="/">Home</a></nav><p>Section front</p></body></html>',
    // An item on a followed site that redirects into the reader's own machine.
    '/hops.xml': rss('Hops', ['/to-loopback']),
  };
  return startCorpusServer({
    extraSites,
    handler: ({ host, path: p }, req, res) => {
      if (p === PRIVATE_PROBE_PATH) {
        privateProbes.push(`${host}${p}`);
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(articlePage('Secrets of the local network', 'en', 'Router', FRENCH_PARAGRAPHS));
        return true;
      }
      if (host !== 'oddities.test') return false;
      if (p === '/to-loopback') {
        res.writeHead(302, { location: `http://127.0.0.1:${req.socket.localPort}${PRIVATE_PROBE_PATH}`, 'content-length': '0' });
        res.end();
        return true;
      }
      if (p === '/huge') {
        sendHuge(res);
        return true;
      }
      if (p === '/loop' || p === '/loop-back') {
        res.writeHead(302, { location: p === '/loop' ? '/loop-back' : '/loop', 'content-length': '0' });
        res.end();
        return true;
      }
      return false;
    },
  });
}

/**
 * The worker fixtures both browsers' specs share: the feed server, and a copy
 * of the build in `sourceDir` with the `.test` sites allowed.
 */
export function feedWorker(sourceDir: string) {
  return base.extend<object, { server: CorpusServer; extensionDir: string }>({
    server: [
      async ({}, use) => {
        const server = await startFeedServer();
        await use(server);
        await server.close();
      },
      { scope: 'worker' },
    ],
    extensionDir: [
      async ({}, use) => {
        const copy = grantedCopy(sourceDir);
        await use(copy.dir);
        copy.remove();
      },
      { scope: 'worker' },
    ],
  });
}

/** Playwright fixtures: a feed server per worker, a fresh profile with the `.test` sites allowed per test. */
export const test = feedWorker(EXTENSION_DIR).extend<{ ext: ExtensionBrowser; driver: Driver; openExtension(): Promise<ExtensionBrowser> }>(
  {
    // Further fresh profiles (an import target), closed at the end of the test.
    openExtension: async ({ extensionDir }, use) => {
      const opened: ExtensionBrowser[] = [];
      await use(async () => {
        const ext = await launchWithExtension({ extensionDir });
        opened.push(ext);
        return ext;
      });
      for (const ext of opened) await ext.close();
    },
    ext: async ({ extensionDir }, use) => {
      const ext = await launchWithExtension({ extensionDir });
      await use(ext);
      await ext.close();
    },
    driver: async ({ ext }, use) => {
      await use(createDriver(ext));
    },
  },
);

export { expect } from '@playwright/test';
