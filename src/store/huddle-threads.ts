import type { Database } from 'better-sqlite3';

/** Threads that Slack opened for a huddle, so decisions in them can follow the channel's huddle setting. */
export class HuddleThreadRepository {
  private readonly insert;
  private readonly select;

  constructor(db: Database) {
    this.insert = db.prepare<[string, string, string]>(
      'INSERT INTO huddle_threads (team_id, channel_id, thread_ts) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
    );
    this.select = db.prepare<[string, string, string], { found: number }>(
      'SELECT 1 AS found FROM huddle_threads WHERE team_id = ? AND channel_id = ? AND thread_ts = ?',
    );
  }

  record(teamId: string, channelId: string, threadTs: string): void {
    this.insert.run(teamId, channelId, threadTs);
  }

  isHuddleThread(teamId: string, channelId: string, threadTs: string): boolean {
    return this.select.get(teamId, channelId, threadTs) !== undefined;
  }
}
