/** The welcome page: opened once, on a first install. Kept apart from its UI so the background bundles no Preact. */

export const WELCOME_PATH = '/welcome.html';

/** Opens the welcome page once, when the extension is first installed (not on updates or browser restarts). */
export function openWelcomeOnInstall(
  details: { reason: string },
  openTab: (url: string) => Promise<unknown>,
  pageUrl: (path: string) => string,
): Promise<void> {
  if (details.reason !== 'install') return Promise.resolve();
  return openTab(pageUrl(WELCOME_PATH)).then(
    () => undefined,
    () => undefined,
  );
}
