/** One alarm for all feeds, set to the earliest next poll. */
import type { Handlers, SenderInfo } from '../messaging/router';
import type { FeedService } from './feeds';
import { FEED_ALARM_BACKSTOP_MINUTES } from './config';

export const FEED_ALARM = 'parallax-feeds';

/** The parts of `browser.alarms` used here. */
export interface AlarmsApi {
  create(name: string, info: { when: number; periodInMinutes?: number }): Promise<void> | void;
  clear(name: string): Promise<boolean> | void;
}

/**
 * When the alarm should fire for a feed due at `nextPollAt`: never in the
 * past, and, for a feed due now, a little later so a stream of wake-ups
 * cannot form (browsers round short alarms up anyway).
 */
export function alarmTime(nextPollAt: number, now: number): number {
  return Math.max(nextPollAt, now + 30_000);
}

export async function scheduleFeedAlarm(alarms: AlarmsApi, feeds: Pick<FeedService, 'nextPollAt'>, now = Date.now()): Promise<void> {
  const next = await feeds.nextPollAt();
  if (next === undefined) {
    await alarms.clear(FEED_ALARM);
    return;
  }
  await alarms.create(FEED_ALARM, { when: alarmTime(next, now), periodInMinutes: FEED_ALARM_BACKSTOP_MINUTES });
}

/** The messages that change the subscriptions: each moves the alarm to the next feed due once it is answered. */
const SUBSCRIPTION_MESSAGES = ['followFeed', 'unfollowFeed', 'pollFeeds'] as const;

/** `handlers` with the alarm rescheduled after every answer that changed the subscriptions. */
export function withReschedule(handlers: Handlers, reschedule: () => Promise<void>): Handlers {
  const out: Handlers = { ...handlers };
  for (const type of SUBSCRIPTION_MESSAGES) {
    const answer = handlers[type] as (payload: unknown, sender: SenderInfo) => Promise<unknown>;
    (out as Record<string, unknown>)[type] = async (payload: unknown, sender: SenderInfo) => {
      const reply = await answer(payload, sender);
      await reschedule();
      return reply;
    };
  }
  return out;
}
