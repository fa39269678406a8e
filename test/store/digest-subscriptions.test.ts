import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/store.js';

const NOW = Date.parse('2026-11-23T10:00:00Z');
const BERLIN_MONDAYS = { enabled: true, weekday: 1, hour: 9, timeZone: 'Europe/Berlin' };

describe('digest subscriptions', () => {
  let dir: string;
  let store: Store;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'empty-chair-subscriptions-'));
    store = openStore(join(dir, 'empty-chair.db'));
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has none for someone who never subscribed', () => {
    expect(store.subscriptions.get('T1', 'U1')).toBeUndefined();
  });

  it('creates a subscription, then replaces it in place', () => {
    expect(store.subscriptions.upsert('T1', 'U1', BERLIN_MONDAYS, NOW)).toEqual({
      teamId: 'T1',
      userId: 'U1',
      ...BERLIN_MONDAYS,
      updatedAt: NOW,
    });
    const friday = { enabled: false, weekday: 5, hour: 17, timeZone: 'Asia/Tokyo' };
    store.subscriptions.upsert('T1', 'U1', friday, NOW + 1000);
    expect(store.subscriptions.get('T1', 'U1')).toEqual({
      teamId: 'T1',
      userId: 'U1',
      ...friday,
      updatedAt: NOW + 1000,
    });
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM digest_subscriptions').get()).toEqual({ n: 1 });
  });

  it('keeps each person in each workspace apart', () => {
    store.subscriptions.upsert('T1', 'U1', BERLIN_MONDAYS, NOW);
    expect(store.subscriptions.get('T1', 'U2')).toBeUndefined();
    expect(store.subscriptions.get('T2', 'U1')).toBeUndefined();
  });

  it.each([
    ['a weekday past Saturday', { weekday: 7 }],
    ['a negative weekday', { weekday: -1 }],
    ['an hour past 23', { hour: 24 }],
  ])('the table refuses %s and keeps the stored one', (_name, bad) => {
    store.subscriptions.upsert('T1', 'U1', BERLIN_MONDAYS, NOW);
    expect(() => store.subscriptions.upsert('T1', 'U1', { ...BERLIN_MONDAYS, ...bad }, NOW + 1000)).toThrow(/CHECK/);
    expect(store.subscriptions.get('T1', 'U1')).toMatchObject({ ...BERLIN_MONDAYS, updatedAt: NOW });
  });
});
