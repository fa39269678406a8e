import type { Database } from 'better-sqlite3';

/** A meeting opened with `/customer-check meeting`: its card in the channel, whose thread holds the meeting's decisions. */
export interface MeetingRecord {
  id: number;
  teamId: string;
  channelId: string;
  /** The card's message ts, which is also the thread_ts of every reply in the meeting's thread. */
  cardTs: string;
  /** Plain text, mentions and broadcasts already neutralised. */
  topic: string;
  createdBy: string;
  createdAt: number;
}

interface MeetingRow {
  id: number;
  team_id: string;
  channel_id: string;
  card_ts: string;
  topic: string;
  created_by: string;
  created_at: number;
}

function toRecord(row: MeetingRow): MeetingRecord {
  return {
    id: row.id,
    teamId: row.team_id,
    channelId: row.channel_id,
    cardTs: row.card_ts,
    topic: row.topic,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

export class MeetingRepository {
  private readonly insert;
  private readonly selectById;
  private readonly selectByCard;

  constructor(db: Database) {
    this.insert = db.prepare<[string, string, string, string, string, number], MeetingRow>(
      `INSERT INTO meetings (team_id, channel_id, card_ts, topic, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)
       RETURNING *`,
    );
    this.selectById = db.prepare<[number], MeetingRow>('SELECT * FROM meetings WHERE id = ?');
    this.selectByCard = db.prepare<[string, string, string], MeetingRow>(
      'SELECT * FROM meetings WHERE team_id = ? AND channel_id = ? AND card_ts = ?',
    );
  }

  create(
    teamId: string,
    channelId: string,
    cardTs: string,
    topic: string,
    createdBy: string,
    now: number,
  ): MeetingRecord {
    const row = this.insert.get(teamId, channelId, cardTs, topic, createdBy, now);
    if (row === undefined) throw new Error('INSERT … RETURNING returned no meeting row');
    return toRecord(row);
  }

  /** The meeting whose card is the message at `ts`: a reply with that thread_ts was made in the meeting. */
  findByCard(teamId: string, channelId: string, ts: string): MeetingRecord | undefined {
    const row = this.selectByCard.get(teamId, channelId, ts);
    return row === undefined ? undefined : toRecord(row);
  }

  get(id: number): MeetingRecord | undefined {
    const row = this.selectById.get(id);
    return row === undefined ? undefined : toRecord(row);
  }
}
