import type { EvidenceKind } from '../detect/types.js';
import {
  type ChannelShareCounts,
  citedShare,
  totals,
  type WeekCounts,
  type WeekRange,
} from '../stats/weekly-counts.js';
import type { DecisionRecord } from '../store/decisions.js';

export type DigestDecision = Pick<
  DecisionRecord,
  | 'id'
  | 'channelId'
  | 'summary'
  | 'permalink'
  | 'status'
  | 'evidenceKind'
  | 'customerWho'
  | 'benefit'
  | 'promptId'
  | 'createdAt'
>;

export interface DigestChannel {
  id: string;
  name: string;
}

/** A channel digest is posted in the channel; a person's digest goes by DM and covers every channel they are in. */
export type DigestAudience = { kind: 'channel'; channel: DigestChannel } | { kind: 'person'; userId: string };

export interface DigestInput {
  audience: DigestAudience;
  week: WeekRange;
  /** The ISO week in the reader's time zone, e.g. 2026-W47. */
  period: string;
  timeZone: string;
  /** The week's decisions in the audience's channels; others are ignored. */
  decisions: readonly DigestDecision[];
  /** Weekly counts for the audience's channels, oldest first, ending with `week` (normally 12 weeks). */
  trend: readonly WeekCounts[];
  /** Names of the channels this audience may see. A channel missing here never appears in the digest. */
  channels: readonly DigestChannel[];
  /** Candidates for "improved most", already limited to channels this audience may see. */
  channelCounts: readonly ChannelShareCounts[];
}

export interface EvidenceQuote {
  channelName: string;
  text: string;
  evidenceKind: EvidenceKind | null;
  customerWho: string | null;
  benefit: string | null;
}

export interface ImprovedChannel {
  channel: DigestChannel;
  share: number;
  previousShare: number;
}

export interface Digest {
  audience: DigestAudience;
  week: WeekRange;
  period: string;
  timeZone: string;
  total: number;
  cited: number;
  uncited: number;
  notCustomerFacing: number;
  /** Cited share of customer-facing decisions this week, and over the 4 weeks before; null when there were none. */
  share: number | null;
  previousShare: number | null;
  evidenceKinds: { kind: EvidenceKind; count: number }[];
  /** Oldest first, so the list reads as the week went. */
  uncitedDecisions: (DigestDecision & { channelName: string })[];
  quotes: EvidenceQuote[];
  mostAskedPromptId: string | null;
  improvedMost: ImprovedChannel | null;
  trend: WeekCounts[];
}

export const COMPARISON_WEEKS = 4;
export const TREND_WEEKS = 12;
const MAX_QUOTES = 2;
/** Long enough to carry the evidence, short enough to read as a quote. */
export const QUOTE_LENGTH = 160;
/** A share from one or two decisions swings wildly; "improved most" needs a few on each side. */
const MIN_DECISIONS_TO_COMPARE = 3;

function mostCommon<T>(values: readonly T[]): { value: T; count: number }[] {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count);
}

function shorten(text: string, length: number): string {
  const characters = Array.from(text);
  return characters.length <= length
    ? text
    : `${characters
        .slice(0, length - 1)
        .join('')
        .trimEnd()}…`;
}

function improvedMost(input: DigestInput, names: ReadonlyMap<string, string>): ImprovedChannel | null {
  let best: (ImprovedChannel & { change: number; facing: number }) | null = null;
  for (const counts of input.channelCounts) {
    const name = names.get(counts.channelId);
    const facing = counts.cited + counts.uncited;
    const facingBefore = counts.citedBefore + counts.uncitedBefore;
    if (name === undefined || facing < MIN_DECISIONS_TO_COMPARE || facingBefore < MIN_DECISIONS_TO_COMPARE) continue;
    const share = counts.cited / facing;
    const previousShare = counts.citedBefore / facingBefore;
    const change = share - previousShare;
    const better =
      best === null ||
      change > best.change ||
      (change === best.change && (facing > best.facing || (facing === best.facing && name < best.channel.name)));
    if (change > 0 && better) best = { channel: { id: counts.channelId, name }, share, previousShare, change, facing };
  }
  return best === null ? null : { channel: best.channel, share: best.share, previousShare: best.previousShare };
}

/**
 * A week of decisions for one reader. Pure: the same input gives the same digest. A quiet week (no decisions the
 * reader may see) has no digest at all.
 */
export function buildDigest(input: DigestInput): Digest | null {
  const names = new Map(input.channels.map((channel) => [channel.id, channel.name]));
  const decisions = input.decisions
    .filter(
      (decision) =>
        names.has(decision.channelId) && decision.createdAt >= input.week.start && decision.createdAt < input.week.end,
    )
    .sort((a, b) => a.createdAt - b.createdAt || a.id - b.id);
  if (decisions.length === 0) return null;

  const channelName = (decision: DigestDecision) => names.get(decision.channelId) ?? decision.channelId;
  const cited = decisions.filter((decision) => decision.status === 'cited');
  const uncited = decisions.filter((decision) => decision.status === 'pending' || decision.status === 'none');
  const kinds = cited.flatMap((decision) => (decision.evidenceKind === null ? [] : [decision.evidenceKind]));
  const prompts = decisions.flatMap((decision) => (decision.promptId === null ? [] : [decision.promptId]));
  const before = input.trend.filter((week) => week.end <= input.week.start).slice(-COMPARISON_WEEKS);
  // Answers given in the modal name the customer, so they make the better quote; the rest follow in time order.
  const quoted = [...cited].sort((a, b) => Number(b.customerWho !== null) - Number(a.customerWho !== null));

  return {
    audience: input.audience,
    week: input.week,
    period: input.period,
    timeZone: input.timeZone,
    total: decisions.length,
    cited: cited.length,
    uncited: uncited.length,
    notCustomerFacing: decisions.filter((decision) => decision.status === 'not-customer-facing').length,
    share: citedShare({ cited: cited.length, uncited: uncited.length }),
    previousShare: citedShare(totals(before)),
    evidenceKinds: mostCommon(kinds).map(({ value, count }) => ({ kind: value, count })),
    uncitedDecisions: uncited.map((decision) => ({ ...decision, channelName: channelName(decision) })),
    quotes: quoted.slice(0, MAX_QUOTES).map((decision) => ({
      channelName: channelName(decision),
      text: shorten(decision.summary, QUOTE_LENGTH),
      evidenceKind: decision.evidenceKind,
      customerWho: decision.customerWho,
      benefit: decision.benefit,
    })),
    mostAskedPromptId: mostCommon(prompts)[0]?.value ?? null,
    improvedMost: improvedMost(input, names),
    trend: [...input.trend],
  };
}
