import type { EvidenceKind } from '../detect/types.js';
import { citedShare, type WeekCounts, type WeekRange } from '../stats/weekly-counts.js';
import type { DecisionRecord } from '../store/decisions.js';

export type DigestDecision = Pick<
  DecisionRecord,
  'id' | 'summary' | 'permalink' | 'status' | 'evidenceKind' | 'customerWho' | 'benefit' | 'promptId' | 'createdAt'
>;

export interface EvidenceQuote {
  summary: string;
  evidenceKind: EvidenceKind | null;
  customerWho: string;
  benefit: string | null;
}

export interface ChannelDigest {
  channelName: string;
  week: WeekRange;
  total: number;
  cited: number;
  uncited: number;
  notCustomerFacing: number;
  /** Cited share of customer-facing decisions this week, and over the four weeks before; null when none. */
  share: number | null;
  previousShare: number | null;
  evidenceKinds: { kind: EvidenceKind; count: number }[];
  /** Oldest first, so the list reads as the week went. */
  uncitedDecisions: DigestDecision[];
  quotes: EvidenceQuote[];
  mostAskedPromptId: string | null;
}

const MAX_QUOTES = 2;

function mostCommon<T>(values: readonly T[]): { value: T; count: number }[] {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count);
}

/**
 * One channel's week, from its decisions and the four weeks before. Pure: the same input gives the same digest.
 * A quiet week (no decisions) has no digest at all.
 */
export function buildChannelDigest(input: {
  channelName: string;
  week: WeekRange;
  decisions: readonly DigestDecision[];
  previousWeeks: readonly WeekCounts[];
}): ChannelDigest | null {
  const decisions = input.decisions
    .filter((decision) => decision.createdAt >= input.week.start && decision.createdAt < input.week.end)
    .sort((a, b) => a.createdAt - b.createdAt || a.id - b.id);
  if (decisions.length === 0) return null;

  const cited = decisions.filter((decision) => decision.status === 'cited');
  const uncited = decisions.filter((decision) => decision.status === 'pending' || decision.status === 'none');
  const notCustomerFacing = decisions.filter((decision) => decision.status === 'not-customer-facing').length;
  const previous = input.previousWeeks.reduce(
    (sum, week) => ({ cited: sum.cited + week.cited, uncited: sum.uncited + week.uncited }),
    { cited: 0, uncited: 0 },
  );
  const kinds = cited.flatMap((decision) => (decision.evidenceKind === null ? [] : [decision.evidenceKind]));
  const prompts = decisions.flatMap((decision) => (decision.promptId === null ? [] : [decision.promptId]));

  return {
    channelName: input.channelName,
    week: input.week,
    total: decisions.length,
    cited: cited.length,
    uncited: uncited.length,
    notCustomerFacing,
    share: citedShare({ cited: cited.length, uncited: uncited.length }),
    previousShare: citedShare(previous),
    evidenceKinds: mostCommon(kinds).map(({ value, count }) => ({ kind: value, count })),
    uncitedDecisions: uncited,
    quotes: cited
      .filter((decision) => decision.customerWho !== null)
      .slice(0, MAX_QUOTES)
      .map((decision) => ({
        summary: decision.summary,
        evidenceKind: decision.evidenceKind,
        customerWho: decision.customerWho ?? '',
        benefit: decision.benefit,
      })),
    mostAskedPromptId: mostCommon(prompts)[0]?.value ?? null,
  };
}
