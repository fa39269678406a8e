import { describe, expect, it } from 'vitest';
import { citedShare, countByWeek, totals } from '../../src/stats/weekly-counts.js';
import { sparkline } from '../../src/text/sparkline.js';

const WEEK = 7 * 86_400_000;
const weeks = [0, 1, 2].map((index) => ({ start: index * WEEK, end: (index + 1) * WEEK }));

describe('countByWeek', () => {
  it('puts each decision in its week by status, and leaves out dismissed ones and those outside', () => {
    const counts = countByWeek(weeks, [
      { createdAt: 0, status: 'cited' },
      { createdAt: WEEK - 1, status: 'pending' },
      { createdAt: WEEK, status: 'none' },
      { createdAt: WEEK + 5, status: 'not-customer-facing' },
      { createdAt: 2 * WEEK, status: 'dismissed' },
      { createdAt: 3 * WEEK, status: 'cited' },
      { createdAt: -1, status: 'cited' },
    ]);
    expect(counts.map(({ cited, uncited, notCustomerFacing }) => [cited, uncited, notCustomerFacing])).toEqual([
      [1, 1, 0],
      [0, 1, 1],
      [0, 0, 0],
    ]);
    expect(totals(counts)).toEqual({ cited: 1, uncited: 2, notCustomerFacing: 1 });
  });

  it('has no share for a week without customer-facing decisions', () => {
    expect(citedShare({ cited: 0, uncited: 0 })).toBeNull();
    expect(citedShare({ cited: 1, uncited: 3 })).toBe(0.25);
  });
});

describe('sparkline', () => {
  it('scales from 0 to 1 and marks empty weeks with a dot', () => {
    expect(sparkline([0, 0.5, 1, null])).toBe('▁▅█·');
    expect(sparkline([])).toBe('');
    expect(sparkline([2, -1])).toBe('█▁');
  });
});
