import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { explainQueryPlan } from '../../bench/query-plan.js';
import { DIGEST_SQL } from '../../src/store/decisions.js';
import { openStore, type Store } from '../../src/store/store.js';

const INDEX = 'decisions_by_channel_time_status';
const CHANNEL_AND_TIME = `${INDEX} (team_id=? AND channel_id=? AND created_at>? AND created_at<?)`;
// The first step and each further step of the walk over a workspace's channels: one index seek each.
const CHANNEL_SEEKS = [
  'sqlite_autoindex_decisions_1 (team_id=?)',
  'sqlite_autoindex_decisions_1 (team_id=? AND channel_id>?)',
];
const PARAMS = {
  teamId: 'T1',
  channelId: 'C1',
  channelIds: JSON.stringify(['C1', 'C2']),
  from: 0,
  to: 1,
  weekStart: 0,
  weekEnd: 1,
  weeks: JSON.stringify([[0, 1]]),
};

// The app never runs ANALYZE, and without its statistics SQLite plans from the schema alone: an empty store gets the
// plans a store of a million decisions gets (`npm run bench:digest` prints those, and times them).
describe('query plans of the digest', () => {
  let dir: string;
  let store: Store;
  const plan = (name: keyof typeof DIGEST_SQL) => explainQueryPlan(store.db, DIGEST_SQL[name], PARAMS);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'empty-chair-plans-'));
    store = openStore(join(dir, 'empty-chair.db'));
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(Object.keys(DIGEST_SQL) as (keyof typeof DIGEST_SQL)[])(
    '%s reads decisions one channel and time range at a time, never all of them',
    (name) => {
      const { fullScans, searches } = plan(name);
      expect(fullScans).toEqual([]);
      expect(searches).toContain(CHANNEL_AND_TIME);
      expect(searches.filter((search) => search !== CHANNEL_AND_TIME && !CHANNEL_SEEKS.includes(search))).toEqual([]);
    },
  );

  it('lists a channel in index order, with no sort', () => {
    expect(plan('listInChannel').tempBTrees).toEqual([]);
  });

  it('counts from the index alone, without sorting decisions', () => {
    for (const name of ['countByWeekInChannels', 'countSharesByChannelInWeek'] as const) {
      const counted = plan(name);
      const searches = counted.lines.filter((line) => line.includes(INDEX));
      expect(searches.length).toBeGreaterThan(0);
      expect(searches.filter((line) => !line.includes(`USING COVERING INDEX ${INDEX}`))).toEqual([]);
      // Only the dozen weeks themselves are put in order.
      expect(counted.tempBTrees.filter((sort) => !sort.endsWith('(in MATERIALIZE weeks)'))).toEqual([]);
    }
  });
});
