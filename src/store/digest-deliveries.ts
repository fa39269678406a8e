import type { Database } from 'better-sqlite3';

/** Who reads a digest: a channel (posted in it) or a person (a DM across their channels). */
export type DigestTargetKind = 'channel' | 'person';

export interface DigestTarget {
  teamId: string;
  kind: DigestTargetKind;
  /** A channel id or a user id. */
  id: string;
}

/**
 * claimed: someone is posting it (or crashed while posting: see `leaseUntil`); sent: posted, `messageTs` says where;
 * quiet: the week had no decisions, so nothing was posted; failed: Slack refused the post for good (e.g. the bot was
 * removed from the channel), so the week is not retried.
 */
export type DeliveryStatus = 'claimed' | 'sent' | 'quiet' | 'failed';

export interface DigestDelivery {
  id: number;
  target: DigestTarget;
  /** The ISO week in the reader's time zone, e.g. 2026-W47. */
  period: string;
  status: DeliveryStatus;
  claimedBy: string | null;
  leaseUntil: number | null;
  /** The channel or DM the digest was posted to, known before the post so a crash can be reconciled. */
  destination: string | null;
  messageTs: string | null;
  error: string | null;
  createdAt: number;
  updatedAt: number;
}

interface DigestDeliveryRow {
  id: number;
  team_id: string;
  target_kind: DigestTargetKind;
  target_id: string;
  period: string;
  status: DeliveryStatus;
  claimed_by: string | null;
  lease_until: number | null;
  destination: string | null;
  message_ts: string | null;
  error: string | null;
  created_at: number;
  updated_at: number;
}

function toRecord(row: DigestDeliveryRow): DigestDelivery {
  return {
    id: row.id,
    target: { teamId: row.team_id, kind: row.target_kind, id: row.target_id },
    period: row.period,
    status: row.status,
    claimedBy: row.claimed_by,
    leaseUntil: row.lease_until,
    destination: row.destination,
    messageTs: row.message_ts,
    error: row.error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const targetParams = (target: DigestTarget, period: string) => ({
  teamId: target.teamId,
  kind: target.kind,
  targetId: target.id,
  period,
});

/**
 * The ledger that makes a digest go out once per (team, target, week), however many processes share the database:
 * a claim is a row under a UNIQUE key, taken in `BEGIN IMMEDIATE`; the claimant posts, then marks it sent. A claim whose
 * lease ran out belongs to a process that died mid-post, and is taken over by exactly one survivor.
 */
export class DigestDeliveryRepository {
  private readonly select;
  private readonly insertClaim;
  private readonly insertQuiet;
  private readonly updateDestination;
  private readonly updateSent;
  private readonly updateFailed;
  private readonly updateQuiet;
  private readonly updateTakeOver;
  private readonly deleteClaim;
  private readonly selectExpired;
  private readonly selectPeriods;

  constructor(private readonly db: Database) {
    this.select = db.prepare<[Record<string, unknown>], DigestDeliveryRow>(
      `SELECT * FROM digest_deliveries
       WHERE team_id = @teamId AND target_kind = @kind AND target_id = @targetId AND period = @period`,
    );
    this.insertClaim = db.prepare<[Record<string, unknown>], DigestDeliveryRow>(`
      INSERT INTO digest_deliveries (team_id, target_kind, target_id, period, status, claimed_by, lease_until,
        created_at, updated_at)
      VALUES (@teamId, @kind, @targetId, @period, 'claimed', @claimant, @leaseUntil, @now, @now)
      ON CONFLICT (team_id, target_kind, target_id, period) DO NOTHING
      RETURNING *`);
    this.insertQuiet = db.prepare<[Record<string, unknown>]>(`
      INSERT INTO digest_deliveries (team_id, target_kind, target_id, period, status, created_at, updated_at)
      VALUES (@teamId, @kind, @targetId, @period, 'quiet', @now, @now)
      ON CONFLICT (team_id, target_kind, target_id, period) DO NOTHING`);
    this.updateDestination = db.prepare<[string, number, number, string]>(
      `UPDATE digest_deliveries SET destination = ?, updated_at = ?
       WHERE id = ? AND status = 'claimed' AND claimed_by = ?`,
    );
    this.updateSent = db.prepare<[string, string, number, number, string]>(
      `UPDATE digest_deliveries SET status = 'sent', destination = ?, message_ts = ?, lease_until = NULL, updated_at = ?
       WHERE id = ? AND status = 'claimed' AND claimed_by = ?`,
    );
    this.updateFailed = db.prepare<[string, number, number, string]>(
      `UPDATE digest_deliveries SET status = 'failed', error = ?, lease_until = NULL, updated_at = ?
       WHERE id = ? AND status = 'claimed' AND claimed_by = ?`,
    );
    this.updateQuiet = db.prepare<[number, number, string]>(
      `UPDATE digest_deliveries SET status = 'quiet', lease_until = NULL, updated_at = ?
       WHERE id = ? AND status = 'claimed' AND claimed_by = ?`,
    );
    this.updateTakeOver = db.prepare<[string, number, number, number, number], DigestDeliveryRow>(
      `UPDATE digest_deliveries SET claimed_by = ?, lease_until = ?, updated_at = ?
       WHERE id = ? AND status = 'claimed' AND lease_until <= ?
       RETURNING *`,
    );
    this.deleteClaim = db.prepare<[number, string]>(
      `DELETE FROM digest_deliveries WHERE id = ? AND status = 'claimed' AND claimed_by = ?`,
    );
    this.selectExpired = db.prepare<[number], DigestDeliveryRow>(
      `SELECT * FROM digest_deliveries WHERE status = 'claimed' AND lease_until <= ? ORDER BY id`,
    );
    this.selectPeriods = db.prepare<[Record<string, unknown>], { period: string }>(
      `SELECT period FROM digest_deliveries
       WHERE team_id = @teamId AND target_kind = @kind AND target_id = @targetId
         AND period IN (SELECT value FROM json_each(@periods))`,
    );
  }

  get(target: DigestTarget, period: string): DigestDelivery | undefined {
    const row = this.select.get(targetParams(target, period));
    return row === undefined ? undefined : toRecord(row);
  }

  /** Of the weeks given, those the ledger already has a row for, whatever its status. */
  knownPeriods(target: DigestTarget, periods: readonly string[]): Set<string> {
    const rows = this.selectPeriods.all({ ...targetParams(target, ''), periods: JSON.stringify(periods) });
    return new Set(rows.map((row) => row.period));
  }

  /** Takes the week for `claimant`; undefined when another process (or an earlier run) already has it. */
  claim(
    target: DigestTarget,
    period: string,
    claimant: string,
    leaseMs: number,
    now: number,
  ): DigestDelivery | undefined {
    const row = this.db
      .transaction(() =>
        this.insertClaim.get({ ...targetParams(target, period), claimant, leaseUntil: now + leaseMs, now }),
      )
      .immediate();
    return row === undefined ? undefined : toRecord(row);
  }

  /** Records a quiet week, so catch-up does not build it again. */
  markQuiet(target: DigestTarget, period: string, now: number): void {
    this.insertQuiet.run({ ...targetParams(target, period), now });
  }

  /** Remembers where the post is about to go; false when the claim is no longer this claimant's. */
  setDestination(id: number, destination: string, claimant: string, now: number): boolean {
    return this.updateDestination.run(destination, now, id, claimant).changes === 1;
  }

  markSent(id: number, destination: string, messageTs: string, claimant: string, now: number): boolean {
    return this.updateSent.run(destination, messageTs, now, id, claimant).changes === 1;
  }

  markFailed(id: number, error: string, claimant: string, now: number): boolean {
    return this.updateFailed.run(error, now, id, claimant).changes === 1;
  }

  /** A claimed week that turned out to have nothing to say (its decisions were deleted meanwhile). */
  markClaimQuiet(id: number, claimant: string, now: number): boolean {
    return this.updateQuiet.run(now, id, claimant).changes === 1;
  }

  /** Gives a claim back when Slack certainly did not post (rate limited, say), so the next run tries again. */
  release(id: number, claimant: string): boolean {
    return this.deleteClaim.run(id, claimant).changes === 1;
  }

  /** Claims left behind by a process that stopped mid-post: their lease has run out. */
  expiredClaims(now: number): DigestDelivery[] {
    return this.selectExpired.all(now).map(toRecord);
  }

  /** Moves an expired claim to `claimant`; undefined when it is not expired any more or someone else took it first. */
  takeOver(id: number, claimant: string, leaseMs: number, now: number): DigestDelivery | undefined {
    const row = this.db.transaction(() => this.updateTakeOver.get(claimant, now + leaseMs, now, id, now)).immediate();
    return row === undefined ? undefined : toRecord(row);
  }
}
