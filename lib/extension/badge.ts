/**
 * The toolbar icon's badge: how many sentences of the tab's article other
 * outlets also reported, with the same in words as the icon's title. Set when
 * the tab's content script gets its page's marks, cleared when the tab starts
 * loading another page or the page is read again (a single-page site moving
 * to its next article).
 */
import { browser } from 'wxt/browser';
import type { Handlers, SenderInfo } from '../messaging/router';
import type { PageAnnotation } from '../types';

/** The parts of `browser.action` (Chrome) / `browser.browserAction` (Firefox MV2) the badge uses. */
export interface ActionApi {
  setBadgeText(details: { tabId: number; text: string }): Promise<void> | void;
  setTitle(details: { tabId: number; title: string }): Promise<void> | void;
  setBadgeBackgroundColor(details: { color: string }): Promise<void> | void;
}

export const ACTION_TITLE = 'Parallax';

/** The icon tile's darker blue (public/icon.svg), so the count reads as part of the icon. */
export const BADGE_COLOR = '#173a96';

/** "1 sentence reported by other outlets", "12 sentences …"; the plain name when there is none. */
export function badgeTitle(count: number): string {
  if (count <= 0) return ACTION_TITLE;
  return `${ACTION_TITLE}: ${count} ${count === 1 ? 'sentence' : 'sentences'} reported by other outlets`;
}

/** What fits on the badge: up to three characters. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 999 ? '999+' : String(count);
}

export interface TabBadge {
  show(tabId: number, count: number): Promise<void>;
  clear(tabId: number): Promise<void>;
}

export function createTabBadge(action: ActionApi): TabBadge {
  let colored = false;
  // A closed tab, or a tab the browser refuses (a privileged page): nothing to show there.
  const quietly = async (task: () => Promise<void> | void): Promise<void> => {
    try {
      await task();
    } catch {
      // nothing to do
    }
  };
  return {
    async show(tabId, count) {
      if (!colored && count > 0) {
        colored = true;
        await quietly(() => action.setBadgeBackgroundColor({ color: BADGE_COLOR }));
      }
      await quietly(() => action.setBadgeText({ tabId, text: badgeText(count) }));
      await quietly(() => action.setTitle({ tabId, title: badgeTitle(count) }));
    },
    clear: (tabId) =>
      quietly(async () => {
        await action.setBadgeText({ tabId, text: '' });
        await action.setTitle({ tabId, title: ACTION_TITLE });
      }),
  };
}

/** The tab a web page's content script runs in; extension pages (options, popup) have no badge of their own. */
function pageTab(sender: SenderInfo): number | undefined {
  if (sender.extensionPage || sender.tabId === undefined) return undefined;
  return sender.url && /^https?:/.test(sender.url) ? sender.tabId : undefined;
}

const countOf = (annotation: PageAnnotation | null | undefined): number => annotation?.marked.length ?? 0;

/**
 * The same handlers, keeping the badge of the sender's tab in step with the
 * marks its content script is given: a read of the page begins with
 * `captureAllowed` (badge cleared), and `capture` or `annotate` brings the
 * marks (badge set).
 */
export function withBadge(handlers: Handlers, badge: TabBadge): Handlers {
  return {
    ...handlers,
    captureAllowed: async (payload, sender) => {
      const tabId = pageTab(sender);
      if (tabId !== undefined) await badge.clear(tabId);
      return handlers.captureAllowed(payload, sender);
    },
    capture: async (payload, sender) => {
      const reply = await handlers.capture(payload, sender);
      const tabId = pageTab(sender);
      if (tabId !== undefined && reply.status === 'stored') await badge.show(tabId, countOf(reply.annotation));
      return reply;
    },
    annotate: async (payload, sender) => {
      const reply = await handlers.annotate(payload, sender);
      const tabId = pageTab(sender);
      if (tabId !== undefined) await badge.show(tabId, countOf(reply));
      return reply;
    },
  };
}

/** The toolbar button: `action` in Manifest V3 (Chrome), `browserAction` in V2 (Firefox). */
export function toolbarAction(): ActionApi {
  const b = browser as unknown as { action?: ActionApi; browserAction?: ActionApi };
  return (b.action ?? b.browserAction)!;
}
