import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '../../components/popup/Popup';
import { sendMessage } from '../messaging/client';
import type { PageSummary, PauseState } from '../messaging/protocol';

/**
 * The page the popup describes: the active tab, or, when the popup is opened
 * as a page of its own (`popup.html?for=URL`), the URL it was given.
 */
async function currentPageUrl(): Promise<string | undefined> {
  const given = new URLSearchParams(location.search).get('for');
  if (given) return given;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.url;
}

export async function mountPopup(container: HTMLElement): Promise<void> {
  const url = await currentPageUrl();
  const host = url && /^https?:/.test(url) ? new URL(url).hostname : undefined;
  let summary: PageSummary | null = null;
  let pause: PauseState = { everywhere: false, hosts: [] };
  try {
    [summary, pause] = await Promise.all([
      url ? sendMessage('pageSummary', { url }) : Promise.resolve(null),
      sendMessage('getPause', host ? { host } : {}),
    ]);
  } catch {
    // The popup still offers search when the summary cannot be read.
  }
  const draw = (): void => {
    render(
      <Popup
        summary={summary}
        pause={pause}
        {...(host ? { host } : {})}
        onSearch={(query: string) => sendMessage('search', { query })}
        onPause={async (scope: 'site' | 'everywhere', paused: boolean) => {
          pause = await sendMessage(
            'setPause',
            scope === 'site' && host ? { scope, host, paused } : { scope: 'everywhere', paused },
          );
          draw();
        }}
        onOpenOptions={() => void browser.runtime.openOptionsPage()}
        onOpenResult={(target: string) => void browser.tabs.create({ url: target })}
      />,
      container,
    );
  };
  draw();
}
