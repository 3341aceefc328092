import type { StorageProblem, StoreStats } from '../types';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { FeedsSection } from '../../components/options/FeedsSection';
import { ImportExportSection } from '../../components/options/ImportExportSection';
import { Options } from '../../components/options/Options';
import { PruneSection } from '../../components/options/PruneSection';
import { SUGGESTED_FEEDS, type SuggestedFeed } from '../feeds/suggested';
import { sendMessage } from '../messaging/client';
import type { FeedView } from '../messaging/protocol';
import { followOutlets, type FollowDeps, type FollowRequest } from './follow';
import { exportFileName, runImport } from './import-export';
import { extractWithDomParser } from './offscreen';

/** The sites' host permissions, asked for within the click; then the feeds. */
const FOLLOW_DEPS: FollowDeps = {
  requestOrigins: (origins) => browser.permissions.request({ origins }),
  followFeed: (request) => sendMessage('followFeed', request),
};

function download(lines: string[], name: string): void {
  const blob = new Blob(lines.length ? [lines.join('\n') + '\n'] : [], { type: 'application/x-ndjson' });
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}

export async function mountOptions(container: HTMLElement): Promise<void> {
  let stats: StoreStats = await sendMessage('stats', {});
  let feeds: FeedView[] = [];
  let problem: StorageProblem | null = null;
  try {
    [feeds, problem] = await Promise.all([sendMessage('listFeeds', {}), sendMessage('storageProblem', {})]);
  } catch {
    // Feeds unavailable in this browser: the rest of the page still works.
  }
  const refresh = async (): Promise<void> => {
    [stats, problem] = await Promise.all([sendMessage('stats', {}), sendMessage('storageProblem', {})]);
    draw();
  };
  const setFeeds = async (next: Promise<FeedView[]>): Promise<void> => {
    feeds = await next;
    await refresh();
  };
  const follow = async (requests: FollowRequest[]): Promise<void> => {
    feeds = await followOutlets(requests, FOLLOW_DEPS);
    await refresh();
    // The first poll right away, so the state shows without waiting for the alarm; the page stays usable meanwhile.
    void setFeeds(sendMessage('pollFeeds', {})).catch(() => undefined);
  };

  const draw = (): void => {
    render(
      <Options
        stats={stats}
        onDeleteOutlet={async (outlet: string) => {
          stats = await sendMessage('deleteOutlet', { outlet });
          draw();
        }}
        onDeleteAll={async () => {
          stats = await sendMessage('deleteAll', {});
          draw();
        }}
        onSetBudget={async (bytes: number) => {
          stats = await sendMessage('setBudget', { bytes });
          draw();
        }}
      >
        <FeedsSection
          feeds={feeds}
          suggestions={SUGGESTED_FEEDS}
          now={Date.now()}
          onFollow={(request) => follow([request])}
          onFollowSuggested={(list: SuggestedFeed[]) => follow(list.map((s) => ({ url: s.url, outlet: s.name, site: s.site })))}
          onUnfollow={(id) => setFeeds(sendMessage('unfollowFeed', { id }))}
          onPollNow={(id) => setFeeds(sendMessage('pollFeeds', id ? { id } : {}))}
        />
        <ImportExportSection
          outlets={stats.outlets}
          {...(stats.recentStories ? { stories: stats.recentStories } : {})}
          onExport={async (filter) => {
            const lines: string[] = [];
            let after: number | undefined;
            do {
              const page = await sendMessage('exportArticles', { ...filter, ...(after !== undefined ? { after } : {}) });
              lines.push(...page.lines);
              after = page.next;
            } while (after !== undefined);
            const story = stats.recentStories?.find((s) => s.id === filter.storyId);
            download(lines, exportFileName(filter.outlet ?? story?.title, new Date()));
          }}
          onImport={async (text, onProgress) => {
            const report = await runImport(text, (items, since) => sendMessage('importArticles', { items, since }), {
              extractHtml: (html, url) => extractWithDomParser(html, url),
              onProgress,
            });
            await refresh();
            return report;
          }}
        />
        <PruneSection
          problem={problem}
          onPrune={async (days) => {
            const { removed, stats: next } = await sendMessage('pruneOlderThan', { days });
            stats = next;
            draw();
            return removed;
          }}
        />
      </Options>,
      container,
    );
  };
  draw();
}
