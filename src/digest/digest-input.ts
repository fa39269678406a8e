import { weekRanges } from '../stats/week-ranges.js';
import type { ChannelShareCounts, WeekRange } from '../stats/weekly-counts.js';
import type { Store } from '../store/store.js';
import {
  COMPARISON_WEEKS,
  type DigestAudience,
  type DigestChannel,
  type DigestInput,
  TREND_WEEKS,
} from './build-digest.js';

export interface DigestRequest {
  teamId: string;
  audience: DigestAudience;
  week: WeekRange;
  period: string;
  timeZone: string;
  /**
   * The channels this reader may see, with names: for a channel digest the channel itself and the workspace's public
   * channels (private ones stay in their own digest); for a person the channels they are in.
   */
  visibleChannels: readonly DigestChannel[];
}

/**
 * Reads what a digest needs from the store. Every reader of the same week shares one per-channel count, so a run over
 * 500 channels asks the store for it once, and the trend's weeks, worked out once per time zone.
 */
export class DigestInputs {
  private readonly sharesByWeek = new Map<string, ChannelShareCounts[]>();
  // Twelve weeks in a time zone take about a millisecond to work out: more than the store takes for a channel's counts.
  private readonly trendWeeksByWeek = new Map<string, WeekRange[]>();

  constructor(private readonly store: Store) {}

  read(request: DigestRequest): DigestInput {
    const { teamId, audience, week, timeZone } = request;
    const ownChannels = audience.kind === 'channel' ? [audience.channel] : request.visibleChannels;
    const ownIds = ownChannels.map((channel) => channel.id);
    const channels = new Map([...request.visibleChannels, ...ownChannels].map((channel) => [channel.id, channel]));
    const trendWeeks = this.trendWeeks(week, timeZone);
    return {
      audience,
      week,
      period: request.period,
      timeZone,
      decisions:
        audience.kind === 'channel'
          ? this.store.decisions.listInChannel(teamId, audience.channel.id, week.start, week.end)
          : this.store.decisions.listInChannels(teamId, ownIds, week.start, week.end),
      trend: this.store.decisions.countByWeekInChannels(teamId, ownIds, trendWeeks),
      channels: [...channels.values()],
      channelCounts: this.shares(teamId, week, trendWeeks).filter((counts) => channels.has(counts.channelId)),
    };
  }

  private trendWeeks(week: WeekRange, timeZone: string): WeekRange[] {
    const key = `${timeZone}:${week.start}`;
    let weeks = this.trendWeeksByWeek.get(key);
    if (weeks === undefined) {
      weeks = weekRanges(week.start, timeZone, TREND_WEEKS);
      this.trendWeeksByWeek.set(key, weeks);
    }
    return weeks;
  }

  private shares(teamId: string, week: WeekRange, trendWeeks: readonly WeekRange[]): ChannelShareCounts[] {
    const key = `${teamId}:${week.start}`;
    let shares = this.sharesByWeek.get(key);
    if (shares === undefined) {
      const from = trendWeeks.at(-1 - COMPARISON_WEEKS)?.start ?? week.start;
      shares = this.store.decisions.countSharesByChannelInWeek(teamId, week, from);
      this.sharesByWeek.set(key, shares);
    }
    return shares;
  }
}
