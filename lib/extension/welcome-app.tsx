import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Welcome } from '../../components/welcome/Welcome';
import { SUGGESTED_FEEDS, type SuggestedFeed } from '../feeds/suggested';
import { sendMessage } from '../messaging/client';
import { followOutlets } from './follow';

export async function mountWelcome(container: HTMLElement): Promise<void> {
  let followed: string[] = [];
  try {
    followed = (await sendMessage('listFeeds', {})).map((f) => f.url);
  } catch {
    // Feeds unavailable: the page still explains, and following reports its own error.
  }
  const follow = (list: SuggestedFeed[]): Promise<void> =>
    followOutlets(
      list.map((s) => ({ url: s.url, outlet: s.name, site: s.site })),
      {
        requestOrigins: (origins) => browser.permissions.request({ origins }),
        followFeed: (request) => sendMessage('followFeed', request),
      },
    ).then((feeds) => {
      followed = feeds.map((f) => f.url);
      // The first check right away; the page does not wait for it.
      void sendMessage('pollFeeds', {}).catch(() => undefined);
    });
  render(
    <Welcome
      suggestions={SUGGESTED_FEEDS}
      followed={followed}
      iconUrl={browser.runtime.getURL('/icon/128.png')}
      onFollow={follow}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
    />,
    container,
  );
}
