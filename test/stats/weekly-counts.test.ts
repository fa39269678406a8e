import { describe, expect, it } from 'vitest';
import { citedShare, totals } from '../../src/stats/weekly-counts.js';
import { sparkline } from '../../src/text/sparkline.js';

const WEEK = 7 * 86_400_000;

describe('citedShare and totals', () => {
  it('adds the weeks up', () => {
    const week = (cited: number, uncited: number, notCustomerFacing: number) => ({
      start: 0,
      end: WEEK,
      cited,
      uncited,
      notCustomerFacing,
    });
    expect(totals([week(1, 1, 0), week(0, 1, 1)])).toEqual({ cited: 1, uncited: 2, notCustomerFacing: 1 });
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
