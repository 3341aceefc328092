import { render } from 'preact';
import { browser } from 'wxt/browser';
import { FollowFeed } from '../../components/popup/FollowFeed';
import { Popup } from '../../components/popup/Popup';
import { sendMessage } from '../messaging/client';
import type { DiscoveredFeed, PageSummary, PauseState } from '../messaging/protocol';
import { originsToRequest } from './feeds-permissions';

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
  let advertised: DiscoveredFeed[] = [];
  let followed: string[] = [];
  if (url && host) {
    try {
      // Reads the page through the background; without access to the site it finds nothing.
      [advertised, followed] = await Promise.all([
        sendMessage('discoverFeeds', { url }),
        sendMessage('listFeeds', {}).then((feeds) => feeds.map((f) => f.url)),
      ]);
    } catch {
      // No offer to follow, the rest of the popup stands.
    }
  }
  const follow = async (feed: DiscoveredFeed): Promise<void> => {
    // Asked first, inside the click: the feed's site and the page's.
    const granted = await browser.permissions.request({ origins: originsToRequest(feed.url, url) });
    if (!granted) throw new Error('Parallax needs your permission to read this site to follow it.');
    const feeds = await sendMessage('followFeed', {
      url: feed.url,
      ...(summary?.outlet ? { outlet: summary.outlet } : {}),
    });
    followed = feeds.map((f) => f.url);
    const added = feeds.find((f) => f.url === feed.url);
    void sendMessage('pollFeeds', added ? { id: added.id } : {}).catch(() => undefined);
  };
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
      >
        <FollowFeed feeds={advertised} followed={followed} onFollow={follow} />
      </Popup>,
      container,
    );
  };
  draw();
}
