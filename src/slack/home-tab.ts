import type { webApi } from '@slack/bolt';
import { type HomeDashboard, homeView } from '../blocks/home-view.js';
import type { AppDeps } from '../deps.js';
import { weekRanges } from '../stats/week-ranges.js';
import type { Store } from '../store/store.js';
import { slackErrorCode } from './errors.js';
import { userTimeZone } from './user-time-zone.js';
import { viewerChannelIds } from './viewer-channels.js';

const TREND_WEEKS = 12;

export interface HomeViewer {
  teamId: string;
  userId: string;
}

/** The viewer's dashboard from the store: only decisions of `channelIds`, weeks in `timeZone`. */
function loadHomeDashboard(
  store: Store,
  viewer: HomeViewer,
  channelIds: readonly string[],
  timeZone: string,
  now: number,
): HomeDashboard {
  const weeks = weekRanges(now, timeZone, TREND_WEEKS);
  const trend = store.decisions.countByWeekInChannels(viewer.teamId, channelIds, weeks);
  const thisWeek = trend.at(-1) ?? { start: now, end: now, cited: 0, uncited: 0, notCustomerFacing: 0 };
  const waiting = store.decisions
    .listInChannels(viewer.teamId, channelIds, thisWeek.start, thisWeek.end)
    .filter((decision) => decision.status === 'pending')
    .map(({ id, channelId, summary, permalink }) => ({ id, channelId, summary, permalink }));
  return {
    timeZone,
    thisWeek: { cited: thisWeek.cited, uncited: thisWeek.uncited, notCustomerFacing: thisWeek.notCustomerFacing },
    waiting,
    trend: trend.map((week) => ({ weekStart: week.start, cited: week.cited, uncited: week.uncited })),
    subscription: store.subscriptions.get(viewer.teamId, viewer.userId) ?? null,
  };
}

/**
 * Builds the viewer's App Home from the store as it is now and publishes it. Called when the Home is opened and after
 * anything done from it. A failure is only logged: the Home keeps its previous view until the next publish.
 */
export async function publishHome(
  client: webApi.WebClient,
  { store, clock, logger }: Pick<AppDeps, 'store' | 'clock' | 'logger'>,
  viewer: HomeViewer,
): Promise<void> {
  const log = logger.child({ user: viewer.userId });
  try {
    const [timeZone, channelIds] = await Promise.all([
      userTimeZone(client, viewer.userId, log),
      viewerChannelIds(client, viewer.userId),
    ]);
    const dashboard = loadHomeDashboard(store, viewer, [...channelIds], timeZone, clock.now());
    await client.views.publish({ user_id: viewer.userId, view: homeView(dashboard) });
    log.info({ waiting: dashboard.waiting.length }, 'App Home published');
  } catch (error) {
    log.warn({ error: slackErrorCode(error) }, 'could not publish the App Home');
  }
}
