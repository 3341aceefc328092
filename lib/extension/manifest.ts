/**
 * The manifest of each browser's build, beside what WXT derives from the
 * entrypoints. Chrome gets Manifest V3 (a service worker, an offscreen
 * document to read fetched pages); Firefox gets Manifest V2 (a background
 * page with its own DOM), so the two differ in a few keys only.
 */

/** The add-on's id in Firefox: fixed, so that its storage survives updates and reinstalls. */
export const GECKO_ID = 'parallax@parallax-extension';

/**
 * The oldest Firefox the build runs on: 140 ESR, the first to read
 * `data_collection_permissions`; the newest APIs used beside it are
 * `Intl.Segmenter` (125) and `storage.session` (115).
 */
export const GECKO_MIN_VERSION = '140.0';

/** Outlets' sites are asked for one by one, when the reader follows their feeds; none up front. */
export const OPTIONAL_HOSTS = ['http://*/*', 'https://*/*'];

/** Firefox for Android: the first release to read `data_collection_permissions`. */
export const GECKO_ANDROID_MIN_VERSION = '142.0';

/**
 * Every permission either build asks for, and why; nothing else is asked
 * for (tests/extension/manifest.test.ts holds the builds to this list, and
 * the README's "Security and privacy" lists the same).
 */
export const PERMISSION_REASONS = {
  storage:
    'browser.storage.local keeps the store budget and the last storage problem (writable when IndexedDB is full); browser.storage.session which article each tab captured',
  activeTab:
    "the popup reads the address of the tab whose toolbar button was clicked (tabs.query gives a tab's address only with a host permission, activeTab, or the broader tabs permission, which would show every tab's address)",
  alarms: 'polls followed feeds on schedule, also after the background was stopped',
  unlimitedStorage:
    'keeps the browser from evicting the stored articles when the disk runs low (that would delete them silently); the store keeps to the budget the reader sets instead',
  offscreen:
    "Chrome only: reads the article of a page (the open tab's, sent as HTML by the content script, or one fetched from a feed) in an offscreen document, since the service worker has no DOM parser",
  declarativeNetRequest:
    "blocks the extension's own requests, each redirect hop included, to this computer, the local network and sites the reader has not allowed: a script cannot see where a redirect goes before the browser follows it (rules apply only to requests the extension starts, never to pages')",
} as const;

export type Permission = keyof typeof PERMISSION_REASONS;

const ICON_SIZES = [16, 32, 48, 128] as const;

/** public/icon/<size>.png, rendered from public/icon.svg by scripts/build-icons.ts (npm run build:icons). */
export const ICONS: Record<string, string> = Object.fromEntries(ICON_SIZES.map((size) => [String(size), `icon/${size}.png`]));

export type TargetBrowser = string;

export function extensionManifest(browser: TargetBrowser) {
  const common = {
    name: 'Parallax',
    description: 'See, sentence by sentence, how other outlets reported the same claim.',
    icons: ICONS,
    // The toolbar icon (default_icon) is set beside the popup, in entrypoints/popup/index.html.
    action: { default_title: 'Parallax' },
  };
  if (browser === 'firefox') {
    return {
      ...common,
      permissions: ['storage', 'activeTab', 'alarms', 'unlimitedStorage', 'declarativeNetRequest'] satisfies Permission[],
      // Manifest V2 has no optional_host_permissions: host patterns are optional permissions.
      optional_permissions: OPTIONAL_HOSTS,
      browser_specific_settings: {
        gecko: {
          id: GECKO_ID,
          strict_min_version: GECKO_MIN_VERSION,
          // Nothing leaves the reader's machine.
          data_collection_permissions: { required: ['none'] },
        },
        // Firefox for Android reads data_collection_permissions from 142 on.
        gecko_android: { strict_min_version: GECKO_ANDROID_MIN_VERSION },
      },
    };
  }
  return {
    ...common,
    permissions: ['storage', 'activeTab', 'alarms', 'unlimitedStorage', 'offscreen', 'declarativeNetRequest'] satisfies Permission[],
    optional_host_permissions: OPTIONAL_HOSTS,
  };
}
