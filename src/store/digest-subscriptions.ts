import type { Database } from 'better-sqlite3';

/** When and where a person wants the weekly digest by DM; set from the App Home. */
export interface DigestSchedule {
  enabled: boolean;
  /** 0 = Sunday … 6 = Saturday, as `Date.prototype.getDay` counts. */
  weekday: number;
  /** 0-23, on the wall clock of `timeZone`. */
  hour: number;
  /** An IANA time zone name, e.g. Europe/Berlin. */
  timeZone: string;
}

export interface DigestSubscription extends DigestSchedule {
  teamId: string;
  userId: string;
  updatedAt: number;
}

interface DigestSubscriptionRow {
  team_id: string;
  user_id: string;
  enabled: number;
  weekday: number;
  hour: number;
  time_zone: string;
  updated_at: number;
}

function toRecord(row: DigestSubscriptionRow): DigestSubscription {
  return {
    teamId: row.team_id,
    userId: row.user_id,
    enabled: row.enabled === 1,
    weekday: row.weekday,
    hour: row.hour,
    timeZone: row.time_zone,
    updatedAt: row.updated_at,
  };
}

/** One subscription per person and workspace; the table's CHECKs refuse a weekday or hour out of range. */
export class DigestSubscriptionRepository {
  private readonly select;
  private readonly upsertRow;
  private readonly selectEnabled;

  constructor(db: Database) {
    this.select = db.prepare<[string, string], DigestSubscriptionRow>(
      'SELECT * FROM digest_subscriptions WHERE team_id = ? AND user_id = ?',
    );
    this.upsertRow = db.prepare<[Record<string, unknown>], DigestSubscriptionRow>(`
      INSERT INTO digest_subscriptions (team_id, user_id, enabled, weekday, hour, time_zone, updated_at)
      VALUES (@teamId, @userId, @enabled, @weekday, @hour, @timeZone, @now)
      ON CONFLICT (team_id, user_id) DO UPDATE SET enabled = excluded.enabled, weekday = excluded.weekday,
        hour = excluded.hour, time_zone = excluded.time_zone, updated_at = excluded.updated_at
      RETURNING *`);
    this.selectEnabled = db.prepare<[string], DigestSubscriptionRow>(
      'SELECT * FROM digest_subscriptions WHERE team_id = ? AND enabled = 1 ORDER BY user_id',
    );
  }

  /** Everyone in a workspace who wants the digest by DM. */
  listEnabled(teamId: string): DigestSubscription[] {
    return this.selectEnabled.all(teamId).map(toRecord);
  }

  /** The person's subscription; undefined when they never set one. */
  get(teamId: string, userId: string): DigestSubscription | undefined {
    const row = this.select.get(teamId, userId);
    return row === undefined ? undefined : toRecord(row);
  }

  upsert(teamId: string, userId: string, schedule: DigestSchedule, now: number): DigestSubscription {
    const row = this.upsertRow.get({ teamId, userId, ...schedule, enabled: schedule.enabled ? 1 : 0, now });
    if (row === undefined) throw new Error('INSERT … RETURNING returned no subscription row');
    return toRecord(row);
  }
}
