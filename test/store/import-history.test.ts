import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportedDecision } from '../../src/store/decisions.js';
import { openStore, type Store } from '../../src/store/store.js';

const NOW = Date.parse('2026-11-23T10:00:00Z');
const DECIDED = Date.parse('2026-10-09T10:30:00Z');

const imported = (fields: Partial<ImportedDecision> = {}): ImportedDecision => ({
  teamId: 'T1',
  channelId: 'C1',
  messageTs: '1791455400.000100',
  threadTs: null,
  authorId: 'U1',
  summary: 'Decision: SSO for contractors goes on the Q4 roadmap. 9 of 12 interviews asked for it.',
  category: 'roadmap',
  oneWayDoor: false,
  confidence: 0.95,
  detectedEvidence: ['interview'],
  cited: true,
  decidedAt: DECIDED,
  ...fields,
});

describe('decisions imported from a Slack export', () => {
  let dir: string;
  let store: Store;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'empty-chair-import-'));
    store = openStore(join(dir, 'empty-chair.db'));
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('are recorded at the time they were decided, cited or pending, without a card, and marked imported', () => {
    const added = store.decisions.importHistory(
      [imported(), imported({ messageTs: '1791455500.000100', cited: false, detectedEvidence: [], threadTs: '1.2' })],
      NOW,
    );
    expect(added).toBe(2);
    const [cited, pending] = store.decisions.listAllInChannel('T1', 'C1');
    expect(cited).toMatchObject({
      source: 'message',
      status: 'cited',
      evidenceKind: 'interview',
      cardTs: null,
      promptId: null,
      answeredBy: null,
      createdAt: DECIDED,
      updatedAt: NOW,
      importedAt: NOW,
    });
    expect(pending).toMatchObject({ status: 'pending', evidenceKind: null, threadTs: '1.2', importedAt: NOW });
  });

  it('are recorded once per message: importing again, or a message the bot recorded live, adds nothing', () => {
    const live = store.decisions.record({ ...imported({ messageTs: '1791455600.000100' }), cited: false }, NOW);
    expect(live?.importedAt).toBeNull();
    const batch = [imported(), imported({ messageTs: '1791455600.000100' })];
    expect(store.decisions.importHistory(batch, NOW)).toBe(1);
    expect(store.decisions.importHistory(batch, NOW + 1)).toBe(0);
    expect(store.decisions.count()).toBe(2);
    expect(store.decisions.findByMessage('T1', 'C1', '1791455600.000100')).toMatchObject({
      status: 'pending',
      importedAt: null,
    });
  });

  it('count in the weeks they were decided, as stats and the digest read them', () => {
    store.decisions.importHistory(
      [imported(), imported({ messageTs: '1791455500.000100', cited: false, detectedEvidence: [] })],
      NOW,
    );
    const week = { start: Date.parse('2026-10-05T00:00:00Z'), end: Date.parse('2026-10-12T00:00:00Z') };
    expect(store.decisions.countByWeekInChannels('T1', ['C1'], [week])).toEqual([
      { ...week, cited: 1, uncited: 1, notCustomerFacing: 0 },
    ]);
  });
});
