import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewDecision } from '../../src/store/decisions.js';
import { openStore, type Store } from '../../src/store/store.js';

const NOW = Date.parse('2026-11-23T10:00:00Z');
const CARD_TS = '1763900000.000100';

const newDecision = (messageTs: string, meetingId: number | null): NewDecision => ({
  teamId: 'T1',
  channelId: 'C1',
  messageTs,
  threadTs: CARD_TS,
  authorId: 'U1',
  summary: `Decision ${messageTs}`,
  category: 'roadmap',
  oneWayDoor: false,
  confidence: 0.9,
  detectedEvidence: [],
  cited: false,
  meetingId,
});

describe('meetings', () => {
  let dir: string;
  let store: Store;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'empty-chair-meetings-'));
    store = openStore(join(dir, 'empty-chair.db'));
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates a meeting and finds it by id and by its card, only in its own workspace and channel', () => {
    const meeting = store.meetings.create('T1', 'C1', CARD_TS, 'Pricing review', 'U1', NOW);

    expect(meeting).toEqual({
      id: expect.any(Number),
      teamId: 'T1',
      channelId: 'C1',
      cardTs: CARD_TS,
      topic: 'Pricing review',
      createdBy: 'U1',
      createdAt: NOW,
    });
    expect(store.meetings.get(meeting.id)).toEqual(meeting);
    expect(store.meetings.findByCard('T1', 'C1', CARD_TS)).toEqual(meeting);
    expect(store.meetings.findByCard('T1', 'C2', CARD_TS)).toBeUndefined();
    expect(store.meetings.findByCard('T2', 'C1', CARD_TS)).toBeUndefined();
    expect(store.meetings.findByCard('T1', 'C1', '1763900000.000200')).toBeUndefined();
    expect(store.meetings.get(meeting.id + 1)).toBeUndefined();
  });

  it("lists a meeting's decisions oldest first, and no one else's", () => {
    const meeting = store.meetings.create('T1', 'C1', CARD_TS, 'Pricing review', 'U1', NOW);
    const other = store.meetings.create('T1', 'C1', '1763900001.000100', 'Hiring', 'U1', NOW);
    store.decisions.record(newDecision('1763900002.000100', meeting.id), NOW + 2);
    store.decisions.record(newDecision('1763900003.000100', other.id), NOW);
    store.decisions.record(newDecision('1763900004.000100', null), NOW);
    store.decisions.record(newDecision('1763900005.000100', meeting.id), NOW + 1);

    expect(store.decisions.listForMeeting(meeting.id).map((decision) => decision.messageTs)).toEqual([
      '1763900005.000100',
      '1763900002.000100',
    ]);
    expect(store.decisions.listForMeeting(other.id).map((decision) => decision.meetingId)).toEqual([other.id]);
  });
});
