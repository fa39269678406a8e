import type { Database } from 'better-sqlite3';
import { DECISION_CATEGORIES, EVIDENCE_KINDS } from '../src/detect/types.js';
import type { DecisionStatus } from '../src/store/decisions.js';
import { seededRandom } from '../test/support/seeded-random.js';

const DAY = 86_400_000;
const WEEK = 7 * DAY;
const BATCH = 20_000;
const USERS = 3_000;
const SUMMARY_POOL = 4_096;

export interface SeedChannel {
  id: string;
  name: string;
}

export interface SeedOptions {
  teamId: string;
  decisions: number;
  channels: number;
  weeks: number;
  now: number;
  seed: number;
  promptIds: readonly string[];
  /** Awaited after each transaction, so the caller can watch memory and handle signals while rows go in. */
  onBatch?: (inserted: number) => Promise<void>;
}

export interface Seeded {
  /** Busiest first. */
  channels: SeedChannel[];
  /** Rows per channel, in the order of `channels`. */
  rowsPerChannel: number[];
}

const WORDS = (
  'we decided to ship the new importer first and move the pricing page change to next quarter because support ' +
  'tickets show admins struggle with bulk edits while the billing migration still blocks annual plans for larger ' +
  'accounts so onboarding gets a guided checklist instead of the video tour and the legacy api sunsets in march ' +
  'after we email every affected workspace owner with a migration guide'
).split(' ');
const TEAMS = ['growth', 'billing', 'onboarding', 'platform', 'mobile', 'search', 'design', 'support', 'data', 'infra'];
const CUSTOMERS = ['Acme admins', 'trial users on mobile', 'enterprise buyers', 'Globex finance team', 'new signups'];
const BENEFITS = ['fewer steps to invite a team', 'a clear price before checkout', 'no surprise downtime'];

/** Busy channels are few, quiet ones many: weight 1 / (rank + 4), so the busiest has ~5% of all decisions. */
function channelWeights(count: number): Float64Array {
  const cumulative = new Float64Array(count);
  let sum = 0;
  for (let rank = 0; rank < count; rank += 1) {
    sum += 1 / (rank + 4);
    cumulative[rank] = sum;
  }
  return cumulative.map((value) => value / sum);
}

function pick(cumulative: Float64Array, value: number): number {
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((cumulative[middle] ?? 1) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

function summaries(random: () => number): string[] {
  return Array.from({ length: SUMMARY_POOL }, () => {
    const length = 100 + Math.floor(random() * 181);
    let text = 'Decision:';
    while (text.length < length) text += ` ${WORDS[Math.floor(random() * WORDS.length)]}`;
    return `${text.slice(0, length - 1)}.`;
  });
}

/** Creation times, oldest first as a live store inserts them, over `weeks` before `now`; weekends are quieter. */
function creationTimes(random: () => number, count: number, from: number, span: number): Float64Array {
  const times = new Float64Array(count);
  for (let index = 0; index < count; index += 1) {
    let at = from + random() * span;
    // Day 0 of the epoch was a Thursday; days 2 and 3 of each week are Saturday and Sunday.
    while ((Math.floor(at / DAY) + 4) % 7 >= 5 && random() < 0.8) at = from + random() * span;
    times[index] = Math.floor(at);
  }
  return times.sort();
}

const STATUSES: readonly [DecisionStatus, number][] = [
  ['cited', 0.28],
  ['pending', 0.3],
  ['none', 0.17],
  ['not-customer-facing', 0.15],
  ['dismissed', 0.1],
];

function status(value: number): DecisionStatus {
  let sum = 0;
  for (const [name, share] of STATUSES) {
    sum += share;
    if (value < sum) return name;
  }
  return 'pending';
}

/**
 * Fills `decisions` with a year of a large workspace, fast: one prepared INSERT, many rows per transaction, the real
 * schema and indexes. Deterministic for a seed.
 */
export async function seedDecisions(db: Database, options: SeedOptions): Promise<Seeded> {
  const random = seededRandom(options.seed);
  const channels = Array.from({ length: options.channels }, (_, rank) => ({
    id: `C0${(rank * 7_919 + 1_000_000).toString(36).toUpperCase().padStart(9, '0')}`,
    name: `${TEAMS[rank % TEAMS.length]}-${rank < TEAMS.length ? 'main' : `squad-${rank}`}`,
  }));
  const cumulative = channelWeights(channels.length);
  const pool = summaries(random);
  const times = creationTimes(random, options.decisions, options.now - options.weeks * WEEK, options.weeks * WEEK);
  const rowsPerChannel = channels.map(() => 0);

  const insert = db.prepare(`
    INSERT INTO decisions (team_id, channel_id, message_ts, thread_ts, author_id, permalink, summary, category,
      one_way_door, confidence, detected_evidence, prompt_id, card_ts, status, evidence_kind, evidence_link, customer_who,
      benefit, answered_by, answered_at, created_at, updated_at, source)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertBatch = db.transaction((from: number, to: number) => {
    for (let index = from; index < to; index += 1) {
      const createdAt = times[index] ?? options.now;
      const rank = pick(cumulative, random());
      rowsPerChannel[rank] = (rowsPerChannel[rank] ?? 0) + 1;
      const channel = channels[rank] ?? channels[0];
      const seconds = Math.floor(createdAt / 1000);
      // The index keeps message_ts unique within a channel even when two decisions share a second.
      const messageTs = `${seconds}.${String(index % 1_000_000).padStart(6, '0')}`;
      const decided = status(random());
      const cited = decided === 'cited';
      const answered = decided !== 'pending';
      const answeredAt = answered ? Math.min(options.now, createdAt + Math.floor(random() * 3 * DAY)) : null;
      const hasCard = random() < 0.85;
      insert.run(
        options.teamId,
        channel?.id,
        messageTs,
        random() < 0.3 ? `${seconds - 600}.000100` : null,
        `U0${Math.floor(random() * USERS)}`,
        `https://acme.slack.com/archives/${channel?.id}/p${messageTs.replace('.', '')}`,
        pool[index % pool.length],
        DECISION_CATEGORIES[Math.floor(random() * DECISION_CATEGORIES.length)],
        random() < 0.15 ? 1 : 0,
        0.55 + random() * 0.44,
        cited && random() < 0.4 ? '["support"]' : '[]',
        hasCard ? options.promptIds[Math.floor(random() * options.promptIds.length)] : null,
        hasCard ? `${seconds + 2}.000200` : null,
        decided,
        cited ? EVIDENCE_KINDS[Math.floor(random() * EVIDENCE_KINDS.length)] : null,
        cited && random() < 0.5 ? `https://docs.acme.example/research/${index}` : null,
        cited && random() < 0.6 ? CUSTOMERS[index % CUSTOMERS.length] : null,
        cited && random() < 0.5 ? BENEFITS[index % BENEFITS.length] : null,
        answered ? `U0${Math.floor(random() * USERS)}` : null,
        answeredAt,
        createdAt,
        answeredAt ?? createdAt,
        random() < 0.05 ? 'logged' : 'message',
      );
    }
  });
  for (let from = 0; from < options.decisions; from += BATCH) {
    const to = Math.min(options.decisions, from + BATCH);
    insertBatch(from, to);
    await options.onBatch?.(to);
  }
  return { channels, rowsPerChannel };
}
