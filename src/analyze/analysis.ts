import type { DecisionCategory, EvidenceKind } from '../detect/types.js';
import type { ExportChannel } from './export-meta.js';

/** A decision found in the export, ready for the CSV, the report and the database. */
export interface ExportDecision {
  channel: ExportChannel;
  /** The message's Slack timestamp, which with the channel identifies it. */
  ts: string;
  /** The thread it was posted in; null for a message in the channel itself. */
  threadTs: string | null;
  /** When it was posted, ms. */
  decidedAt: number;
  authorId: string;
  /** As users.json names them; the id when it does not. */
  authorName: string;
  /** The first 280 characters as plain text, mentions made harmless: the only text of it that is kept. */
  summary: string;
  category: DecisionCategory;
  oneWayDoor: boolean;
  /** The message cites customer insight. */
  cited: boolean;
  evidence: EvidenceKind[];
  confidence: number;
}

/** Decisions and how many of them cited customer insight; the share is of all decisions, null when there are none. */
export interface DecisionCounts {
  messages: number;
  decisions: number;
  cited: number;
  uncited: number;
  citedShare: number | null;
}

export interface ChannelRow extends DecisionCounts {
  id: string | null;
  name: string;
}

export interface MonthRow extends DecisionCounts {
  /** `2026-10`, in UTC. */
  month: string;
}

export interface Example {
  channel: string;
  /** ISO 8601, UTC. */
  decidedAt: string;
  author: string;
  summary: string;
  category: DecisionCategory;
  evidence: EvidenceKind[];
}

export interface SkippedFile {
  /** The file as it sits in the export (`general/2026-10-03.json`), or the export itself. */
  file: string;
  reason: string;
}

/** Everything the reports say; summary.json is this, as JSON. */
export interface Analysis {
  export: { name: string; kind: 'folder' | 'zip' };
  /** The first and last day of the day files analysed, `YYYY-MM-DD`; null when none could be read. */
  days: { first: string | null; last: string | null; files: number };
  messages: { analysed: number; ignored: number };
  decisions: Omit<DecisionCounts, 'messages'> & { oneWayDoors: number };
  /** Every channel analysed, most decisions first. */
  channels: ChannelRow[];
  /** Every month with messages, oldest first. */
  months: MonthRow[];
  /** Most cited first. */
  evidence: { kind: EvidenceKind; decisions: number }[];
  categories: { category: DecisionCategory; decisions: number }[];
  /** Channels and months with decisions, none of which cited customer insight. */
  neverCited: { channels: string[]; months: string[] };
  examples: { cited: Example[]; uncited: Example[] };
  /** Folders left out: private conversations, or folders channels.json does not list. */
  notAnalysed: { folder: string; reason: string }[];
  /** Files that could not be analysed; `count` counts them all, `files` lists the first ones. */
  skipped: { count: number; files: SkippedFile[] };
}
