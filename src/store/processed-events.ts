import type { Database } from 'better-sqlite3';

const KEEP_MS = 24 * 60 * 60 * 1000;

/** Slack retries an event up to three times within an hour; the first delivery claims its id. */
export class ProcessedEventRepository {
  private readonly insert;
  private readonly deleteBefore;

  constructor(db: Database) {
    this.insert = db.prepare<[string, number]>(
      'INSERT INTO processed_events (event_id, received_at) VALUES (?, ?) ON CONFLICT DO NOTHING',
    );
    this.deleteBefore = db.prepare<[number]>('DELETE FROM processed_events WHERE received_at < ?');
  }

  /** True the first time an event id is seen. */
  claim(eventId: string, now: number): boolean {
    return this.insert.run(eventId, now).changes === 1;
  }

  /** Forgets ids far older than Slack's retry window; returns how many. */
  prune(now: number): number {
    return this.deleteBefore.run(now - KEEP_MS).changes;
  }
}
