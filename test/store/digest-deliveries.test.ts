import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DigestTarget } from '../../src/store/digest-deliveries.js';
import { openStore, type Store } from '../../src/store/store.js';

const NOW = Date.parse('2026-11-23T08:00:00Z');
const LEASE = 5 * 60_000;
const PRODUCT: DigestTarget = { teamId: 'T1', kind: 'channel', id: 'C1' };

describe('digest deliveries', () => {
  let dir: string;
  let first: Store;
  let second: Store;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'empty-chair-deliveries-'));
    // Two connections to one file, as two bot processes sharing a database have.
    first = openStore(join(dir, 'empty-chair.db'));
    second = openStore(join(dir, 'empty-chair.db'));
  });
  afterEach(() => {
    first.close();
    second.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lets exactly one process claim a week, whoever asks second', () => {
    const claim = first.deliveries.claim(PRODUCT, '2026-W47', 'a', LEASE, NOW);
    expect(claim).toMatchObject({ status: 'claimed', claimedBy: 'a', leaseUntil: NOW + LEASE, period: '2026-W47' });
    expect(second.deliveries.claim(PRODUCT, '2026-W47', 'b', LEASE, NOW)).toBeUndefined();
    expect(first.deliveries.claim(PRODUCT, '2026-W47', 'a', LEASE, NOW)).toBeUndefined();
    // Another week, or another target in the same week, is a claim of its own.
    expect(second.deliveries.claim(PRODUCT, '2026-W46', 'b', LEASE, NOW)).toBeDefined();
    expect(
      second.deliveries.claim({ ...PRODUCT, kind: 'person', id: 'U1' }, '2026-W47', 'b', LEASE, NOW),
    ).toBeDefined();
  });

  it('marks sent only for the claimant, and a sent week can never be claimed again', () => {
    const claim = first.deliveries.claim(PRODUCT, '2026-W47', 'a', LEASE, NOW);
    if (claim === undefined) throw new Error('no claim');
    expect(second.deliveries.markSent(claim.id, 'C1', '1.000001', 'b', NOW)).toBe(false);
    expect(first.deliveries.setDestination(claim.id, 'C1', 'a', NOW)).toBe(true);
    expect(first.deliveries.markSent(claim.id, 'C1', '1.000001', 'a', NOW)).toBe(true);
    expect(second.deliveries.get(PRODUCT, '2026-W47')).toMatchObject({
      status: 'sent',
      destination: 'C1',
      messageTs: '1.000001',
      leaseUntil: null,
    });
    expect(second.deliveries.expiredClaims(NOW + 10 * LEASE)).toEqual([]);
    expect(second.deliveries.claim(PRODUCT, '2026-W47', 'b', LEASE, NOW + 10 * LEASE)).toBeUndefined();
  });

  it('hands an expired claim to exactly one survivor, and not before its lease ran out', () => {
    const claim = first.deliveries.claim(PRODUCT, '2026-W47', 'crashed', LEASE, NOW);
    if (claim === undefined) throw new Error('no claim');
    expect(second.deliveries.expiredClaims(NOW + LEASE - 1)).toEqual([]);
    expect(second.deliveries.takeOver(claim.id, 'b', LEASE, NOW + LEASE - 1)).toBeUndefined();

    const later = NOW + LEASE;
    expect(second.deliveries.expiredClaims(later).map((each) => each.id)).toEqual([claim.id]);
    expect(second.deliveries.takeOver(claim.id, 'b', LEASE, later)).toMatchObject({ claimedBy: 'b' });
    expect(first.deliveries.takeOver(claim.id, 'c', LEASE, later)).toBeUndefined();
    // The process that crashed cannot mark it any more, even if it comes back.
    expect(first.deliveries.markSent(claim.id, 'C1', '1.1', 'crashed', later)).toBe(false);
    expect(second.deliveries.markSent(claim.id, 'C1', '1.1', 'b', later)).toBe(true);
  });

  it('records quiet and failed weeks so they are not tried again, and releases a claim Slack certainly refused', () => {
    first.deliveries.markQuiet(PRODUCT, '2026-W45', NOW);
    first.deliveries.markQuiet(PRODUCT, '2026-W45', NOW + 1);
    expect(first.deliveries.get(PRODUCT, '2026-W45')).toMatchObject({ status: 'quiet', createdAt: NOW });

    const failed = first.deliveries.claim(PRODUCT, '2026-W46', 'a', LEASE, NOW);
    first.deliveries.markFailed(failed?.id ?? 0, 'not_in_channel', 'a', NOW);
    expect(first.deliveries.get(PRODUCT, '2026-W46')).toMatchObject({ status: 'failed', error: 'not_in_channel' });

    const released = first.deliveries.claim(PRODUCT, '2026-W47', 'a', LEASE, NOW);
    expect(second.deliveries.release(released?.id ?? 0, 'b')).toBe(false);
    expect(first.deliveries.release(released?.id ?? 0, 'a')).toBe(true);
    expect(first.deliveries.get(PRODUCT, '2026-W47')).toBeUndefined();

    expect([...first.deliveries.knownPeriods(PRODUCT, ['2026-W44', '2026-W45', '2026-W46', '2026-W47'])]).toEqual([
      '2026-W45',
      '2026-W46',
    ]);
  });

  it('keeps the first scheduler epoch ever recorded', () => {
    expect(first.scheduler.firstValue('digest_epoch', NOW)).toBe(NOW);
    expect(second.scheduler.firstValue('digest_epoch', NOW + 1)).toBe(NOW);
  });
});
