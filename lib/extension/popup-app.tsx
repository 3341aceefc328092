import type { DiscoveredFeed, PageStatus, PageSummary, PauseState, StoreAnywayReply } from '../types';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { FollowFeed } from '../../components/popup/FollowFeed';
import { Popup } from '../../components/popup/Popup';
import { sendMessage } from '../messaging/client';
import { followOutlets } from './follow';
import { PAGE_FEEDS_REQUEST, PAGE_STATUS_REQUEST, STORE_ANYWAY_REQUEST } from '../messaging/protocol';

/**
 * The page the popup describes: the active tab, or, when the popup is opened
 * as a page of its own (`popup.html?for=URL`, and `&tab=ID` for the tab
 * showing it), the URL it was given.
 */
async function currentPage(): Promise<{ url?: string; tabId?: number }> {
  const params = new URLSearchParams(location.search);
  const given = params.get('for');
  const givenTab = Number(params.get('tab') ?? Number.NaN);
  if (given) return { url: given, ...(Number.isInteger(givenTab) ? { tabId: givenTab } : {}) };
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

/** What became of the page, from the tab's content script; null when the tab has none. */
async function pageStatus(tabId: number | undefined): Promise<PageStatus | null> {
  if (tabId === undefined) return null;
  try {
    const reply = (await browser.tabs.sendMessage(tabId, PAGE_STATUS_REQUEST)) as PageStatus | undefined;
    return reply && typeof reply.state === 'string' ? reply : null;
  } catch {
    return null;
  }
}

export async function mountPopup(container: HTMLElement): Promise<void> {
  const { url, tabId } = await currentPage();
  const host = url && /^https?:/.test(url) ? new URL(url).hostname : undefined;
  let summary: PageSummary | null = null;
  let pause: PauseState = { everywhere: false, hosts: [] };
  try {
    [summary, pause] = await Promise.all([
      url ? sendMessage('pageSummary', { url, ...(tabId !== undefined ? { tabId } : {}) }) : Promise.resolve(null),
      sendMessage('getPause', host ? { host } : {}),
    ]);
  } catch {
    // The popup still offers search when the summary cannot be read.
  }
  // Asked even for a page stored before: a refused new capture of it says why.
  const status = await pageStatus(tabId);
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
  // The content script stores the page through the usual capture; the summary is read again once it is stored.
  const storeAnyway = async (): Promise<StoreAnywayReply> => {
    if (tabId === undefined || !url) return { stored: false, reason: 'the page is not open in a tab' };
    const reply = (await browser.tabs.sendMessage(tabId, STORE_ANYWAY_REQUEST)) as StoreAnywayReply | undefined;
    if (!reply) return { stored: false, reason: 'the page did not answer; reload it and try again' };
    if (reply.stored) {
      summary = await sendMessage('pageSummary', { url, tabId });
      draw();
    }
    return reply;
  };
  const draw = (): void => {
    render(
      <Popup
        summary={summary}
        status={status}
        onStoreAnyway={storeAnyway}
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
