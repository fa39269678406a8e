import type { Database } from 'better-sqlite3';
import type { DecisionCategory, EvidenceKind } from '../detect/types.js';
import type { ChannelShareCounts, WeekCounts, WeekRange } from '../stats/weekly-counts.js';

export const ANSWER_STATUSES = ['cited', 'none', 'not-customer-facing', 'dismissed'] as const;
export type AnswerStatus = (typeof ANSWER_STATUSES)[number];
export type DecisionStatus = 'pending' | AnswerStatus;

export type DecisionSource = 'message' | 'logged';

export interface DecisionRecord {
  id: number;
  /** 'message' when the detector saw it announced; 'logged' when someone logged it with /customer-check. */
  source: DecisionSource;
  meetingId: number | null;
  teamId: string;
  channelId: string;
  messageTs: string;
  threadTs: string | null;
  authorId: string;
  permalink: string | null;
  summary: string;
  category: DecisionCategory;
  oneWayDoor: boolean;
  confidence: number;
  detectedEvidence: EvidenceKind[];
  promptId: string | null;
  cardTs: string | null;
  status: DecisionStatus;
  evidenceKind: EvidenceKind | null;
  evidenceLink: string | null;
  customerWho: string | null;
  benefit: string | null;
  answeredBy: string | null;
  answeredAt: number | null;
  createdAt: number;
  updatedAt: number;
  /** When it was imported from a Slack export as history (no card, never acted on in Slack); null when the bot saw it. */
  importedAt: number | null;
}

export interface NewDecision {
  teamId: string;
  channelId: string;
  messageTs: string;
  threadTs: string | null;
  authorId: string;
  summary: string;
  category: DecisionCategory;
  oneWayDoor: boolean;
  confidence: number;
  detectedEvidence: EvidenceKind[];
  /** The message already cites customer insight: recorded as cited, with the first evidence kind seen. */
  cited: boolean;
  source?: DecisionSource;
  meetingId?: number | null;
}

/** A decision found in a Slack export, recorded as history at the time it was made. */
export interface ImportedDecision extends Omit<NewDecision, 'source' | 'meetingId'> {
  /** When the message was posted, ms: the digest and stats count it in that week. */
  decidedAt: number;
}

/** What the detector concluded about the message as it now reads, after an edit. */
export type DecisionRevision = Pick<
  NewDecision,
  'summary' | 'category' | 'oneWayDoor' | 'confidence' | 'detectedEvidence'
>;

export interface Answer {
  status: AnswerStatus;
  evidenceKind?: EvidenceKind | undefined;
  evidenceLink?: string | undefined;
  customerWho?: string | undefined;
  benefit?: string | undefined;
  answeredBy: string;
}

export interface AnswerRecord
  extends Required<Omit<Answer, 'evidenceKind' | 'evidenceLink' | 'customerWho' | 'benefit'>> {
  evidenceKind: EvidenceKind | null;
  evidenceLink: string | null;
  customerWho: string | null;
  benefit: string | null;
  answeredAt: number;
}

interface DecisionRow {
  id: number;
  source: DecisionSource;
  meeting_id: number | null;
  team_id: string;
  channel_id: string;
  message_ts: string;
  thread_ts: string | null;
  author_id: string;
  permalink: string | null;
  summary: string;
  category: DecisionCategory;
  one_way_door: number;
  confidence: number;
  detected_evidence: string;
  prompt_id: string | null;
  card_ts: string | null;
  status: DecisionStatus;
  evidence_kind: EvidenceKind | null;
  evidence_link: string | null;
  customer_who: string | null;
  benefit: string | null;
  answered_by: string | null;
  answered_at: number | null;
  created_at: number;
  updated_at: number;
  imported_at: number | null;
}

interface AnswerRow {
  status: AnswerStatus;
  evidence_kind: EvidenceKind | null;
  evidence_link: string | null;
  customer_who: string | null;
  benefit: string | null;
  answered_by: string;
  answered_at: number;
}

/** The answer columns, named alike on `decisions` (the current answer) and `answers` (every answer). */
function answerFields<Row extends AnswerRow | DecisionRow>(row: Row) {
  return {
    status: row.status as Row['status'],
    evidenceKind: row.evidence_kind,
    evidenceLink: row.evidence_link,
    customerWho: row.customer_who,
    benefit: row.benefit,
    answeredBy: row.answered_by as Row['answered_by'],
    answeredAt: row.answered_at as Row['answered_at'],
  };
}

function toRecord(row: DecisionRow): DecisionRecord {
  return {
    id: row.id,
    source: row.source,
    meetingId: row.meeting_id,
    teamId: row.team_id,
    channelId: row.channel_id,
    messageTs: row.message_ts,
    threadTs: row.thread_ts,
    authorId: row.author_id,
    permalink: row.permalink,
    summary: row.summary,
    category: row.category,
    oneWayDoor: row.one_way_door === 1,
    confidence: row.confidence,
    detectedEvidence: JSON.parse(row.detected_evidence) as EvidenceKind[],
    promptId: row.prompt_id,
    cardTs: row.card_ts,
    ...answerFields(row),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    importedAt: row.imported_at,
  };
}

// Every channel of the workspace that has a decision, one index seek per channel: without ANALYZE SQLite has no skip
// scan, and a DISTINCT over the index would read every decision the workspace ever had.
const WORKSPACE_CHANNELS = `
  workspace_channels (channel_id) AS (
    SELECT MIN(channel_id) FROM decisions WHERE team_id = @teamId
    UNION ALL
    SELECT (SELECT MIN(channel_id) FROM decisions WHERE team_id = @teamId AND channel_id > workspace_channels.channel_id)
    FROM workspace_channels WHERE channel_id IS NOT NULL
  )`;

/**
 * What the weekly digest asks the store, by the method that asks it; exported so their query plans can be checked
 * (test/store/digest-query-plans.test.ts, `npm run bench:digest`). Named parameters only, so one set binds them all.
 * Each reads decisions_by_channel_time_status one channel and one time range at a time.
 */
export const DIGEST_SQL = {
  listInChannel: `
    SELECT * FROM decisions WHERE team_id = @teamId AND channel_id = @channelId AND created_at >= @from AND created_at < @to
    ORDER BY created_at, id`,
  // Channel ids and weeks arrive as JSON arrays, so one prepared statement serves any number of them.
  listInChannels: `
    SELECT * FROM decisions
    WHERE team_id = @teamId AND created_at >= @from AND created_at < @to
      AND channel_id IN (SELECT value FROM json_each(@channelIds))
    ORDER BY created_at, id`,
  // Weeks drive the join, in order: a range per week and channel instead of every decision of the channels, and the
  // groups come out already in week order, so only the dozen weeks are sorted, never the decisions.
  countByWeekInChannels: `
    WITH weeks (week_start, week_end) AS MATERIALIZED (
      SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(@weeks) ORDER BY 1
    )
    SELECT week_start AS start,
      COUNT(*) FILTER (WHERE status = 'cited') AS cited,
      COUNT(*) FILTER (WHERE status IN ('pending', 'none')) AS uncited,
      COUNT(*) FILTER (WHERE status = 'not-customer-facing') AS notCustomerFacing
    FROM weeks CROSS JOIN decisions
      ON team_id = @teamId AND created_at >= week_start AND created_at < week_end
        AND channel_id IN (SELECT value FROM json_each(@channelIds))
    GROUP BY week_start`,
  // Channel by channel through the index, so rows arrive grouped and the weeks of the whole workspace need no sort.
  countSharesByChannelInWeek: `
    WITH RECURSIVE ${WORKSPACE_CHANNELS.trim()}
    SELECT channel_id AS channelId,
      COUNT(*) FILTER (WHERE created_at >= @weekStart AND status = 'cited') AS cited,
      COUNT(*) FILTER (WHERE created_at >= @weekStart AND status IN ('pending', 'none')) AS uncited,
      COUNT(*) FILTER (WHERE created_at < @weekStart AND status = 'cited') AS citedBefore,
      COUNT(*) FILTER (WHERE created_at < @weekStart AND status IN ('pending', 'none')) AS uncitedBefore
    FROM decisions
    WHERE team_id = @teamId AND created_at >= @from AND created_at < @weekEnd
      AND channel_id IN (SELECT channel_id FROM workspace_channels)
    GROUP BY channel_id`,
  channelsWithDecisions: `
    WITH RECURSIVE ${WORKSPACE_CHANNELS.trim()}
    SELECT channel_id AS channelId FROM workspace_channels
    WHERE EXISTS (
      SELECT 1 FROM decisions
      WHERE team_id = @teamId AND channel_id = workspace_channels.channel_id AND created_at >= @from AND created_at < @to
    )
    ORDER BY channel_id`,
} as const;

/** Decisions and the answers given to them; a decision's current answer lives on its row, every answer in `answers`. */
export class DecisionRepository {
  private readonly insert;
  private readonly insertImported;
  private readonly selectById;
  private readonly selectByMessage;
  private readonly updateCard;
  private readonly updatePermalink;
  private readonly updateAnswer;
  private readonly insertAnswer;
  private readonly selectAnswers;
  private readonly updateRevision;
  private readonly deleteById;
  private readonly countAll;
  private readonly selectInChannel;
  private readonly selectForMeeting;
  private readonly selectAllInChannel;
  private readonly selectInChannels;
  private readonly countWeeksInChannels;
  private readonly countSharesByChannel;
  private readonly selectChannelsInWeek;
  private readonly selectTeams;

  constructor(private readonly db: Database) {
    this.insert = db.prepare<[Record<string, unknown>], DecisionRow>(`
      INSERT INTO decisions (team_id, channel_id, message_ts, thread_ts, author_id, summary, category, one_way_door,
        confidence, detected_evidence, status, evidence_kind, source, meeting_id, created_at, updated_at)
      VALUES (@teamId, @channelId, @messageTs, @threadTs, @authorId, @summary, @category, @oneWayDoor,
        @confidence, @detectedEvidence, @status, @evidenceKind, @source, @meetingId, @now, @now)
      ON CONFLICT (team_id, channel_id, message_ts) DO NOTHING
      RETURNING *`);
    this.insertImported = db.prepare<[Record<string, unknown>]>(`
      INSERT INTO decisions (team_id, channel_id, message_ts, thread_ts, author_id, summary, category, one_way_door,
        confidence, detected_evidence, status, evidence_kind, source, created_at, updated_at, imported_at)
      VALUES (@teamId, @channelId, @messageTs, @threadTs, @authorId, @summary, @category, @oneWayDoor,
        @confidence, @detectedEvidence, @status, @evidenceKind, 'message', @decidedAt, @now, @now)
      ON CONFLICT (team_id, channel_id, message_ts) DO NOTHING`);
    this.selectById = db.prepare<[number], DecisionRow>('SELECT * FROM decisions WHERE id = ?');
    this.selectByMessage = db.prepare<[string, string, string], DecisionRow>(
      'SELECT * FROM decisions WHERE team_id = ? AND channel_id = ? AND message_ts = ?',
    );
    this.updateCard = db.prepare<[string, string, number, number]>(
      'UPDATE decisions SET card_ts = ?, prompt_id = ?, updated_at = ? WHERE id = ?',
    );
    this.updatePermalink = db.prepare<[string, number]>('UPDATE decisions SET permalink = ? WHERE id = ?');
    this.updateAnswer = db.prepare<[Record<string, unknown>]>(`
      UPDATE decisions SET status = @status, evidence_kind = @evidenceKind, evidence_link = @evidenceLink,
        customer_who = @customerWho, benefit = @benefit, answered_by = @answeredBy, answered_at = @now, updated_at = @now
      WHERE id = @id`);
    this.insertAnswer = db.prepare<[Record<string, unknown>]>(`
      INSERT INTO answers (decision_id, status, evidence_kind, evidence_link, customer_who, benefit, answered_by, answered_at)
      VALUES (@id, @status, @evidenceKind, @evidenceLink, @customerWho, @benefit, @answeredBy, @now)`);
    this.selectAnswers = db.prepare<[number], AnswerRow>(
      'SELECT * FROM answers WHERE decision_id = ? ORDER BY answered_at, id',
    );
    this.updateRevision = db.prepare<[Record<string, unknown>]>(`
      UPDATE decisions SET summary = @summary, category = @category, one_way_door = @oneWayDoor,
        confidence = @confidence, detected_evidence = @detectedEvidence, updated_at = @now
      WHERE id = @id`);
    this.deleteById = db.prepare<[number]>('DELETE FROM decisions WHERE id = ?');
    this.selectInChannel = db.prepare<[Record<string, unknown>], DecisionRow>(DIGEST_SQL.listInChannel);
    this.countAll = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM decisions');
    this.selectForMeeting = db.prepare<[number], DecisionRow>(
      'SELECT * FROM decisions WHERE meeting_id = ? ORDER BY created_at, id',
    );
    // Served by decisions_by_channel_time_status (created_at, then id), so even a large channel needs no sort.
    this.selectAllInChannel = db.prepare<[string, string], DecisionRow>(
      'SELECT * FROM decisions WHERE team_id = ? AND channel_id = ? ORDER BY created_at, id',
    );
    this.selectInChannels = db.prepare<[Record<string, unknown>], DecisionRow>(DIGEST_SQL.listInChannels);
    this.countWeeksInChannels = db.prepare<[Record<string, unknown>], Omit<WeekCounts, 'end'>>(
      DIGEST_SQL.countByWeekInChannels,
    );
    this.countSharesByChannel = db.prepare<[Record<string, unknown>], ChannelShareCounts>(
      DIGEST_SQL.countSharesByChannelInWeek,
    );
    this.selectTeams = db.prepare<[], { teamId: string }>(
      'SELECT DISTINCT team_id AS teamId FROM decisions ORDER BY team_id',
    );
    this.selectChannelsInWeek = db.prepare<[Record<string, unknown>], { channelId: string }>(
      DIGEST_SQL.channelsWithDecisions,
    );
  }

  /** Records a decision once per message: `undefined` when that message is already recorded. */
  record({ cited, ...decision }: NewDecision, now: number): DecisionRecord | undefined {
    const row = this.insert.get({
      ...decision,
      oneWayDoor: decision.oneWayDoor ? 1 : 0,
      detectedEvidence: JSON.stringify(decision.detectedEvidence),
      source: decision.source ?? 'message',
      meetingId: decision.meetingId ?? null,
      status: cited ? 'cited' : 'pending',
      evidenceKind: cited ? (decision.detectedEvidence[0] ?? 'other') : null,
      now,
    });
    return row === undefined ? undefined : toRecord(row);
  }

  /**
   * Records decisions from a Slack export as history, in one transaction: created when they were decided, cited or
   * pending as the message reads, without a card. A message already recorded (by the bot, or an earlier import) is
   * left as it is, so importing again adds nothing. Returns how many were new.
   */
  importHistory(decisions: readonly ImportedDecision[], now: number): number {
    return this.db.transaction(() => {
      let added = 0;
      for (const { cited, ...decision } of decisions) {
        added += this.insertImported.run({
          ...decision,
          oneWayDoor: decision.oneWayDoor ? 1 : 0,
          detectedEvidence: JSON.stringify(decision.detectedEvidence),
          status: cited ? 'cited' : 'pending',
          evidenceKind: cited ? (decision.detectedEvidence[0] ?? 'other') : null,
          now,
        }).changes;
      }
      return added;
    })();
  }

  get(id: number): DecisionRecord | undefined {
    const row = this.selectById.get(id);
    return row === undefined ? undefined : toRecord(row);
  }

  findByMessage(teamId: string, channelId: string, messageTs: string): DecisionRecord | undefined {
    const row = this.selectByMessage.get(teamId, channelId, messageTs);
    return row === undefined ? undefined : toRecord(row);
  }

  attachCard(id: number, cardTs: string, promptId: string, now: number): void {
    this.updateCard.run(cardTs, promptId, now, id);
  }

  setPermalink(id: number, permalink: string): void {
    this.updatePermalink.run(permalink, id);
  }

  /** Replaces the current answer and keeps the earlier ones in the history; `undefined` when the decision is gone. */
  answer(id: number, answer: Answer, now: number): DecisionRecord | undefined {
    return this.db.transaction(() => {
      if (this.selectById.get(id) === undefined) return undefined;
      const params = {
        id,
        status: answer.status,
        evidenceKind: answer.evidenceKind ?? null,
        evidenceLink: answer.evidenceLink ?? null,
        customerWho: answer.customerWho ?? null,
        benefit: answer.benefit ?? null,
        answeredBy: answer.answeredBy,
        now,
      };
      this.insertAnswer.run(params);
      this.updateAnswer.run(params);
      return this.get(id);
    })();
  }

  answers(id: number): AnswerRecord[] {
    return this.selectAnswers.all(id).map(answerFields);
  }

  revise(id: number, revision: DecisionRevision, now: number): DecisionRecord | undefined {
    this.updateRevision.run({
      id,
      ...revision,
      oneWayDoor: revision.oneWayDoor ? 1 : 0,
      detectedEvidence: JSON.stringify(revision.detectedEvidence),
      now,
    });
    return this.get(id);
  }

  /** Removes the decision and, by cascade, its answers. */
  delete(id: number): void {
    this.deleteById.run(id);
  }

  /** A channel's decisions created in [from, to), oldest first. */
  listInChannel(teamId: string, channelId: string, from: number, to: number): DecisionRecord[] {
    return this.selectInChannel.all({ teamId, channelId, from, to }).map(toRecord);
  }

  count(): number {
    return this.countAll.get()?.n ?? 0;
  }

  /** The decisions announced in a meeting's thread, oldest first, as its card lists them. */
  listForMeeting(meetingId: number): DecisionRecord[] {
    return this.selectForMeeting.all(meetingId).map(toRecord);
  }

  /** Every decision recorded in a channel, oldest first, as the CSV export lists them. */
  listAllInChannel(teamId: string, channelId: string): DecisionRecord[] {
    return this.selectAllInChannel.all(teamId, channelId).map(toRecord);
  }

  /** A workspace's decisions created in [from, to) in any of the channels given, oldest first. */
  listInChannels(teamId: string, channelIds: readonly string[], from: number, to: number): DecisionRecord[] {
    return this.selectInChannels.all({ teamId, channelIds: JSON.stringify(channelIds), from, to }).map(toRecord);
  }

  /**
   * Decisions in the channels given, counted into each week (cited; pending or no insight yet; not customer-facing),
   * in the order of `weeks`. Dismissed ones are left out.
   */
  countByWeekInChannels(teamId: string, channelIds: readonly string[], weeks: readonly WeekRange[]): WeekCounts[] {
    const counted = this.countWeeksInChannels.all({
      teamId,
      channelIds: JSON.stringify(channelIds),
      weeks: JSON.stringify(weeks.map((week) => [week.start, week.end])),
    });
    const byStart = new Map(counted.map((week) => [week.start, week]));
    return weeks.map((week) => {
      const found = byStart.get(week.start);
      return {
        ...week,
        cited: found?.cited ?? 0,
        uncited: found?.uncited ?? 0,
        notCustomerFacing: found?.notCustomerFacing ?? 0,
      };
    });
  }

  /**
   * Every channel of a workspace with customer-facing counts for `week` and for [from, week.start), the weeks it is
   * compared with; the candidates for the digest's "improved most" line.
   */
  countSharesByChannelInWeek(teamId: string, week: WeekRange, from: number): ChannelShareCounts[] {
    return this.countSharesByChannel.all({ teamId, weekStart: week.start, weekEnd: week.end, from });
  }

  /** The channels of a workspace with at least one decision in the week: the ones with something to digest. */
  channelsWithDecisions(teamId: string, week: WeekRange): string[] {
    return this.selectChannelsInWeek.all({ teamId, from: week.start, to: week.end }).map((row) => row.channelId);
  }

  /** The workspaces with decisions in this database; the bot knows its own from its token, the CLI asks here. */
  teams(): string[] {
    return this.selectTeams.all().map((row) => row.teamId);
  }
}
