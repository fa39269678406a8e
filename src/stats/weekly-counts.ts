export interface WeekRange {
  /** Inclusive, ms. */
  start: number;
  /** Exclusive, ms. */
  end: number;
}

export interface WeekCounts extends WeekRange {
  cited: number;
  /** Pending or answered "no insight yet": decided without the customer in the room. */
  uncited: number;
  notCustomerFacing: number;
}

/** One channel's customer-facing decisions in a week and over the weeks before it, for "improved most". */
export interface ChannelShareCounts {
  channelId: string;
  cited: number;
  uncited: number;
  citedBefore: number;
  uncitedBefore: number;
}

/** Cited share of the decisions that face customers; null when there were none. */
export function citedShare(counts: Pick<WeekCounts, 'cited' | 'uncited'>): number | null {
  const facing = counts.cited + counts.uncited;
  return facing === 0 ? null : counts.cited / facing;
}

export function totals(weeks: readonly WeekCounts[]): Pick<WeekCounts, 'cited' | 'uncited' | 'notCustomerFacing'> {
  return weeks.reduce(
    (sum, week) => ({
      cited: sum.cited + week.cited,
      uncited: sum.uncited + week.uncited,
      notCustomerFacing: sum.notCustomerFacing + week.notCustomerFacing,
    }),
    { cited: 0, uncited: 0, notCustomerFacing: 0 },
  );
}
