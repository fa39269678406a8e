import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnswerStatus, NewDecision } from '../../src/store/decisions.js';
import { openStore, type Store } from '../../src/store/store.js';

const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;
const START = Date.parse('2026-11-09T00:00:00Z');
const WEEKS = [0, 1, 2].map((index) => ({ start: START + index * WEEK, end: START + (index + 1) * WEEK }));

describe('decisions of a set of channels (App Home)', () => {
  let dir: string;
  let store: Store;
  let nextTs = 0;

  const add = (channelId: string, at: number, status: AnswerStatus | 'pending' = 'pending', teamId = 'T1') => {
    nextTs += 1;
    const fields: NewDecision = {
      teamId,
      channelId,
      messageTs: `1763900000.${String(nextTs).padStart(6, '0')}`,
      threadTs: null,
      authorId: 'U1',
      summary: `Decision ${nextTs}`,
      category: 'roadmap',
      oneWayDoor: false,
      confidence: 0.9,
      detectedEvidence: [],
      cited: false,
    };
    const recorded = store.decisions.record(fields, at);
    if (recorded === undefined) throw new Error('not recorded');
    if (status !== 'pending') store.decisions.answer(recorded.id, { status, answeredBy: 'U1' }, at);
    return recorded.id;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'empty-chair-in-channels-'));
    store = openStore(join(dir, 'empty-chair.db'));
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('listInChannels', () => {
    it('lists the team’s decisions of the channels given, created in [from, to), oldest first', () => {
      const second = add('C2', START + 2 * HOUR);
      const first = add('C1', START);
      add('C1', START + WEEK); // at `to`: the next range's
      add('C1', START - 1); // before `from`
      add('C3', START + HOUR); // a channel not given
      add('C1', START + HOUR, 'pending', 'T2'); // another workspace
      expect(store.decisions.listInChannels('T1', ['C1', 'C2'], START, START + WEEK).map((d) => d.id)).toEqual([
        first,
        second,
      ]);
    });

    it('lists nothing for no channels', () => {
      add('C1', START);
      expect(store.decisions.listInChannels('T1', [], START, START + WEEK)).toEqual([]);
    });

    it('takes channel ids as data, never as SQL', () => {
      add('C1', START);
      expect(store.decisions.listInChannels('T1', ["C1') OR 1=1 --", '%'], START, START + WEEK)).toEqual([]);
    });
  });

  describe('countByWeekInChannels', () => {
    it('counts each week: cited, pending or no insight yet, not customer-facing; dismissed left out', () => {
      add('C1', WEEKS[0]?.start ?? 0, 'cited');
      add('C1', START + HOUR, 'none');
      add('C2', START + 2 * HOUR);
      add('C2', START + 3 * HOUR, 'dismissed');
      add('C1', WEEKS[2]?.start ?? 0, 'not-customer-facing');
      add('C1', (WEEKS[2]?.end ?? 0) - 1, 'cited');
      expect(store.decisions.countByWeekInChannels('T1', ['C1', 'C2'], WEEKS)).toEqual([
        { ...WEEKS[0], cited: 1, uncited: 2, notCustomerFacing: 0 },
        { ...WEEKS[1], cited: 0, uncited: 0, notCustomerFacing: 0 },
        { ...WEEKS[2], cited: 1, uncited: 0, notCustomerFacing: 1 },
      ]);
    });

    it('leaves out other channels, other workspaces and decisions outside the weeks', () => {
      add('C3', START, 'cited');
      add('C1', START, 'cited', 'T2');
      add('C1', START - 1, 'cited');
      add('C1', WEEKS[2]?.end ?? 0, 'cited');
      expect(store.decisions.countByWeekInChannels('T1', ['C1'], WEEKS).map((week) => week.cited)).toEqual([0, 0, 0]);
    });

    it('follows weeks of uneven length, as across a DST change', () => {
      const short = [
        { start: START, end: START + WEEK - HOUR },
        { start: START + WEEK - HOUR, end: START + 2 * WEEK },
      ];
      add('C1', START + WEEK - HOUR);
      expect(store.decisions.countByWeekInChannels('T1', ['C1'], short).map((week) => week.uncited)).toEqual([0, 1]);
    });
  });
});
