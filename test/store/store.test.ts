import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewDecision } from '../../src/store/decisions.js';
import { MIGRATIONS, migrate } from '../../src/store/migrations.js';
import { openStore, type Store } from '../../src/store/store.js';

const NOW = Date.parse('2026-11-23T10:00:00Z');

const newDecision = (fields: Partial<NewDecision> = {}): NewDecision => ({
  teamId: 'T1',
  channelId: 'C1',
  messageTs: '1763900000.000100',
  threadTs: null,
  authorId: 'U1',
  summary: 'Decision: we ship the importer first.',
  category: 'roadmap',
  oneWayDoor: false,
  confidence: 0.9,
  detectedEvidence: [],
  cited: false,
  ...fields,
});

describe('store', () => {
  let dir: string;
  let path: string;
  let store: Store;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'empty-chair-store-'));
    path = join(dir, 'nested', 'empty-chair.db');
    store = openStore(path);
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('schema', () => {
    it('creates the folder, runs every migration, records user_version and uses WAL', () => {
      expect(store.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)?.version);
      expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    });

    it('reopening runs nothing again and keeps the data', () => {
      store.decisions.record(newDecision(), NOW);
      store.close();
      store = openStore(path);
      expect(migrate(store.db)).toBe(0);
      expect(store.decisions.count()).toBe(1);
    });

    it('refuses a database from a newer version with a message saying what to do', () => {
      store.db.pragma('user_version = 99');
      store.close();
      expect(() => openStore(path)).toThrow(/schema version 99.*Upgrade empty-chair or point DATABASE_PATH/);
      store = openStore(join(dir, 'other.db'));
    });

    it('a failing migration leaves the schema and user_version as they were', () => {
      const db = new Database(join(dir, 'fresh.db'));
      const broken = [...MIGRATIONS, { version: 99, name: 'broken', sql: 'CREATE TABLE ok (id INTEGER); NOT SQL;' }];
      migrate(db);
      expect(() => migrate(db, broken)).toThrow();
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)?.version);
      expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'ok'").all()).toEqual([]);
      db.close();
    });
  });

  describe('decisions', () => {
    it('records a message once', () => {
      expect(store.decisions.record(newDecision(), NOW)?.status).toBe('pending');
      expect(store.decisions.record(newDecision(), NOW)).toBeUndefined();
      expect(store.decisions.count()).toBe(1);
    });

    it('records a decision that cites insight as cited with its first evidence kind', () => {
      const decision = store.decisions.record(
        newDecision({ detectedEvidence: ['survey', 'support'], cited: true }),
        NOW,
      );
      expect(decision).toMatchObject({
        status: 'cited',
        evidenceKind: 'survey',
        detectedEvidence: ['survey', 'support'],
      });
    });

    it('keeps the answer history and the latest answer on the decision', () => {
      const { id } = store.decisions.record(newDecision(), NOW) ?? { id: 0 };
      store.decisions.answer(id, { status: 'none', answeredBy: 'U2' }, NOW + 1);
      const latest = store.decisions.answer(
        id,
        { status: 'cited', evidenceKind: 'interview', customerWho: 'Admins', answeredBy: 'U3' },
        NOW + 2,
      );
      expect(latest).toMatchObject({ status: 'cited', answeredBy: 'U3', answeredAt: NOW + 2, customerWho: 'Admins' });
      expect(store.decisions.answers(id).map((answer) => answer.answeredBy)).toEqual(['U2', 'U3']);
    });

    it('answering a deleted decision stores nothing', () => {
      expect(store.decisions.answer(404, { status: 'none', answeredBy: 'U2' }, NOW)).toBeUndefined();
      expect(store.db.prepare('SELECT COUNT(*) AS n FROM answers').get()).toEqual({ n: 0 });
    });

    it('deleting a decision deletes its answers', () => {
      const { id } = store.decisions.record(newDecision(), NOW) ?? { id: 0 };
      store.decisions.answer(id, { status: 'none', answeredBy: 'U2' }, NOW);
      store.decisions.delete(id);
      expect(store.decisions.get(id)).toBeUndefined();
      expect(store.db.prepare('SELECT COUNT(*) AS n FROM answers').get()).toEqual({ n: 0 });
    });

    it('rejects a status outside the known answers', () => {
      const { id } = store.decisions.record(newDecision(), NOW) ?? { id: 0 };
      expect(() => store.db.prepare("UPDATE decisions SET status = 'maybe' WHERE id = ?").run(id)).toThrow(/CHECK/);
    });
  });

  describe('channel settings', () => {
    it('a mute with an end reads as unmuted once it has passed', () => {
      store.channels.setMuted('T1', 'C1', { muted: true, by: 'U1', until: NOW + 60_000 }, NOW);
      expect(store.channels.get('T1', 'C1', NOW + 59_999)).toMatchObject({ muted: true, mutedUntil: NOW + 60_000 });
      expect(store.channels.get('T1', 'C1', NOW + 60_000)).toMatchObject({ muted: false, mutedUntil: null });
    });

    it('defaults to unmuted, mutes and unmutes', () => {
      expect(store.channels.get('T1', 'C1', NOW)).toMatchObject({ muted: false, lastPromptId: null });
      store.channels.setMuted('T1', 'C1', { muted: true, by: 'U1', until: null }, NOW);
      expect(store.channels.get('T1', 'C1', NOW)).toMatchObject({ muted: true, mutedBy: 'U1' });
      store.channels.setMuted('T1', 'C1', { muted: false }, NOW);
      expect(store.channels.get('T1', 'C1', NOW)).toMatchObject({ muted: false, mutedBy: null });
    });

    it('grants the welcome once until released', () => {
      expect(store.channels.claimWelcome('T1', 'C1', NOW)).toBe(true);
      expect(store.channels.claimWelcome('T1', 'C1', NOW)).toBe(false);
      store.channels.releaseWelcome('T1', 'C1');
      expect(store.channels.claimWelcome('T1', 'C1', NOW)).toBe(true);
    });
  });

  describe('processed events', () => {
    it('claims an event id once and forgets ids older than a day', () => {
      expect(store.events.claim('Ev1', NOW)).toBe(true);
      expect(store.events.claim('Ev1', NOW + 1000)).toBe(false);
      expect(store.events.prune(NOW + 25 * 60 * 60 * 1000)).toBe(1);
      expect(store.events.claim('Ev1', NOW + 25 * 60 * 60 * 1000)).toBe(true);
    });
  });

  it('two connections on one file see each other and do not fail with SQLITE_BUSY', () => {
    const other = openStore(path);
    other.decisions.record(newDecision(), NOW);
    expect(store.decisions.count()).toBe(1);
    other.close();
  });
});
