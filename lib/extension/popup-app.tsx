import type { DiscoveredFeed, PageSummary, PauseState } from '../types';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { FollowFeed } from '../../components/popup/FollowFeed';
import { Popup } from '../../components/popup/Popup';
import { sendMessage } from '../messaging/client';
import { followOutlets } from './follow';
import { PAGE_FEEDS_REQUEST, PAGE_STATE_REQUEST, type PageCaptureState } from '../messaging/protocol';

/**
 * The page the popup describes: the active tab, or, when the popup is opened
 * as a page of its own (`popup.html?for=URL`), the URL it was given (no tab).
 */
async function currentPage(): Promise<{ url?: string; tabId?: number }> {
  const given = new URLSearchParams(location.search).get('for');
  if (given) return { url: given };
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return { ...(tab?.url ? { url: tab.url } : {}), ...(tab?.id !== undefined ? { tabId: tab.id } : {}) };
}

/**
 * The feeds the page advertises, read from the open page by its content
 * script; only a page with no tab to ask (or no content script) is read
 * through the background.
 */
async function advertisedFeeds(url: string, tabId: number | undefined): Promise<DiscoveredFeed[]> {
  if (tabId !== undefined) {
    try {
      const reply: unknown = await browser.tabs.sendMessage(tabId, PAGE_FEEDS_REQUEST);
      if (Array.isArray(reply)) return reply as DiscoveredFeed[];
    } catch {
      // No content script in that tab (a page opened before the extension was installed).
    }
  }
  return sendMessage('discoverFeeds', { url });
}

/** What became of the tab's last capture, as its content script saw it (null without one). */
async function captureState(tabId: number | undefined): Promise<PageCaptureState | null> {
  if (tabId === undefined) return null;
  try {
    const reply: unknown = await browser.tabs.sendMessage(tabId, PAGE_STATE_REQUEST);
    return typeof reply === 'object' && reply !== null && typeof (reply as PageCaptureState).status === 'string'
      ? (reply as PageCaptureState)
      : null;
  } catch {
    return null;
  }
}

export async function mountPopup(container: HTMLElement): Promise<void> {
  const { url, tabId } = await currentPage();
  const host = url && /^https?:/.test(url) ? new URL(url).hostname : undefined;
  let summary: PageSummary | null = null;
  let pause: PauseState = { everywhere: false, hosts: [] };
  const capture = await captureState(tabId);
  try {
    [summary, pause] = await Promise.all([
      url ? sendMessage('pageSummary', { url, ...(tabId !== undefined ? { tabId } : {}) }) : Promise.resolve(null),
      sendMessage('getPause', host ? { host } : {}),
    ]);
  } catch {
    // The popup still offers search when the summary cannot be read.
  }
  let advertised: DiscoveredFeed[] = [];
  let followed: string[] = [];
  if (url && host) {
    try {
      [advertised, followed] = await Promise.all([
        advertisedFeeds(url, tabId),
        sendMessage('listFeeds', {}).then((feeds) => feeds.map((f) => f.url)),
      ]);
    } catch {
      // No offer to follow, the rest of the popup stands.
    }
  }
  const follow = async (feed: DiscoveredFeed): Promise<void> => {
    // Asked first, inside the click: the feed's site and the page's.
    const feeds = await followOutlets(
      [{ url: feed.url, ...(summary?.outlet ? { outlet: summary.outlet } : {}), ...(url ? { site: url } : {}) }],
      {
        requestOrigins: (origins) => browser.permissions.request({ origins }),
        followFeed: (request) => sendMessage('followFeed', request),
      },
    );
    followed = feeds.map((f) => f.url);
    const added = feeds.find((f) => f.url === feed.url);
    void sendMessage('pollFeeds', added ? { id: added.id } : {}).catch(() => undefined);
  };
  const draw = (): void => {
    render(
      <Popup
        summary={summary}
        capture={capture}
        pause={pause}
        {...(host ? { host } : {})}
        onSearch={(query: string) => sendMessage('search', { query })}
        onPause={async (scope: 'site' | 'everywhere', paused: boolean) => {
          pause = await sendMessage('setPause', scope === 'site' && host ? { scope, host, paused } : { scope: 'everywhere', paused });
          draw();
        }}
        onOpenOptions={() => void browser.runtime.openOptionsPage()}
        onOpenResult={(target: string) => void browser.tabs.create({ url: target })}
      >
        <FollowFeed feeds={advertised} followed={followed} onFollow={follow} />
      </Popup>,
      container,
    );
  };
  draw();
}
