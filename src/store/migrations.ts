import type { Database } from 'better-sqlite3';

interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Append only: a released migration is never edited, the next number fixes it. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'decisions, answers, channel settings, processed events',
    sql: `
      CREATE TABLE decisions (
        id INTEGER PRIMARY KEY,
        team_id TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        message_ts TEXT NOT NULL,
        thread_ts TEXT,
        author_id TEXT NOT NULL,
        permalink TEXT,
        summary TEXT NOT NULL,
        category TEXT NOT NULL,
        one_way_door INTEGER NOT NULL CHECK (one_way_door IN (0, 1)),
        confidence REAL NOT NULL,
        detected_evidence TEXT NOT NULL DEFAULT '[]',
        prompt_id TEXT,
        card_ts TEXT,
        status TEXT NOT NULL CHECK (status IN ('pending', 'cited', 'none', 'not-customer-facing', 'dismissed')),
        evidence_kind TEXT,
        evidence_link TEXT,
        customer_who TEXT,
        benefit TEXT,
        answered_by TEXT,
        answered_at INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        UNIQUE (team_id, channel_id, message_ts)
      );
      CREATE INDEX decisions_by_channel_time ON decisions (team_id, channel_id, created_at);

      CREATE TABLE answers (
        id INTEGER PRIMARY KEY,
        decision_id INTEGER NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
        status TEXT NOT NULL,
        evidence_kind TEXT,
        evidence_link TEXT,
        customer_who TEXT,
        benefit TEXT,
        answered_by TEXT NOT NULL,
        answered_at INTEGER NOT NULL
      );
      CREATE INDEX answers_by_decision ON answers (decision_id, answered_at);

      CREATE TABLE channel_settings (
        team_id TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        muted INTEGER NOT NULL DEFAULT 0 CHECK (muted IN (0, 1)),
        muted_by TEXT,
        muted_at INTEGER,
        cooldown_minutes INTEGER CHECK (cooldown_minutes IS NULL OR cooldown_minutes >= 0),
        last_prompt_id TEXT,
        last_prompted_at INTEGER,
        welcomed_at INTEGER,
        PRIMARY KEY (team_id, channel_id)
      );

      CREATE TABLE processed_events (
        event_id TEXT PRIMARY KEY,
        received_at INTEGER NOT NULL
      );
      CREATE INDEX processed_events_by_time ON processed_events (received_at);
    `,
  },
  {
    version: 2,
    name: 'channel settings, hand-logged decisions, meetings, huddle threads, digest subscriptions',
    sql: `
      ALTER TABLE channel_settings ADD COLUMN muted_until INTEGER;
      ALTER TABLE channel_settings ADD COLUMN digest_enabled INTEGER NOT NULL DEFAULT 1 CHECK (digest_enabled IN (0, 1));
      ALTER TABLE channel_settings ADD COLUMN huddle_cards_enabled INTEGER NOT NULL DEFAULT 1
        CHECK (huddle_cards_enabled IN (0, 1));

      CREATE TABLE meetings (
        id INTEGER PRIMARY KEY,
        team_id TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        card_ts TEXT NOT NULL,
        topic TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        UNIQUE (team_id, channel_id, card_ts)
      );

      ALTER TABLE decisions ADD COLUMN source TEXT NOT NULL DEFAULT 'message' CHECK (source IN ('message', 'logged'));
      ALTER TABLE decisions ADD COLUMN meeting_id INTEGER REFERENCES meetings (id) ON DELETE SET NULL;
      CREATE INDEX decisions_by_meeting ON decisions (meeting_id) WHERE meeting_id IS NOT NULL;
      CREATE INDEX decisions_by_team_time ON decisions (team_id, created_at);

      CREATE TABLE huddle_threads (
        team_id TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        thread_ts TEXT NOT NULL,
        PRIMARY KEY (team_id, channel_id, thread_ts)
      );

      CREATE TABLE digest_subscriptions (
        team_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
        weekday INTEGER NOT NULL DEFAULT 1 CHECK (weekday BETWEEN 0 AND 6),
        hour INTEGER NOT NULL DEFAULT 9 CHECK (hour BETWEEN 0 AND 23),
        time_zone TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (team_id, user_id)
      );
    `,
  },
  {
    version: 3,
    name: 'digest deliveries (exactly once per team, target and week), scheduler state',
    sql: `
      CREATE TABLE digest_deliveries (
        id INTEGER PRIMARY KEY,
        team_id TEXT NOT NULL,
        target_kind TEXT NOT NULL CHECK (target_kind IN ('channel', 'person')),
        target_id TEXT NOT NULL,
        period TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('claimed', 'sent', 'quiet', 'failed')),
        claimed_by TEXT,
        lease_until INTEGER,
        destination TEXT,
        message_ts TEXT,
        error TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        UNIQUE (team_id, target_kind, target_id, period)
      );
      CREATE INDEX digest_deliveries_claimed ON digest_deliveries (lease_until) WHERE status = 'claimed';

      CREATE TABLE scheduler_state (
        name TEXT PRIMARY KEY,
        value INTEGER NOT NULL
      );
    `,
  },
  // The digest counts a year of decisions by channel and week. With status in the index those counts never read the
  // table, and id after created_at keeps every `ORDER BY created_at, id` free of a sort, so this one index takes over
  // from both earlier ones. Without ANALYZE the planner cannot tell near-identical indexes apart: with the others
  // kept, it read a week of the whole workspace for one channel, or the table instead of the covering index.
  {
    version: 4,
    name: 'one covering index on decisions by channel and time, for the digest',
    sql: `
      CREATE INDEX decisions_by_channel_time_status ON decisions (team_id, channel_id, created_at, id, status);
      DROP INDEX decisions_by_channel_time;
      DROP INDEX decisions_by_team_time;
    `,
  },
  // Decisions read off a Slack export (`empty-chair analyze --import`) are history: the bot never saw them, asked
  // nothing and has no card for them. The mark keeps it from acting on them in Slack later, e.g. on an edit.
  {
    version: 5,
    name: 'decisions imported from a Slack export',
    sql: `
      ALTER TABLE decisions ADD COLUMN imported_at INTEGER;
    `,
  },
];

/** Runs every pending migration in one transaction, so a failure leaves the schema as it was. */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new Error(
      `The database is at schema version ${current}, newer than this empty-chair (${latest}). Upgrade empty-chair or point DATABASE_PATH at another file.`,
    );
  }
  const pending = migrations.filter((migration) => migration.version > current);
  db.transaction(() => {
    for (const migration of pending) {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }
  }).immediate();
  return pending.length;
}
