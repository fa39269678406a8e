import type { DecisionStatus } from '../store/decisions.js';

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

export interface DatedStatus {
  createdAt: number;
  status: DecisionStatus;
}

/** Decisions counted into the weeks given (ascending, adjacent); dismissed ones and those outside the weeks are left out. */
export function countByWeek(weeks: readonly WeekRange[], decisions: readonly DatedStatus[]): WeekCounts[] {
  const counts = weeks.map((week) => ({ ...week, cited: 0, uncited: 0, notCustomerFacing: 0 }));
  for (const decision of decisions) {
    const week = counts.find(
      (candidate) => decision.createdAt >= candidate.start && decision.createdAt < candidate.end,
    );
    if (week === undefined) continue;
    if (decision.status === 'cited') week.cited += 1;
    else if (decision.status === 'pending' || decision.status === 'none') week.uncited += 1;
    else if (decision.status === 'not-customer-facing') week.notCustomerFacing += 1;
  }
  return counts;
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
