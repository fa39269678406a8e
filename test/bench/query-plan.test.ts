import { describe, expect, it } from 'vitest';
import { readQueryPlan } from '../../bench/query-plan.js';

const rows = (...details: [id: number, parent: number, detail: string][]) =>
  details.map(([id, parent, detail]) => ({ id, parent, detail }));

describe('readQueryPlan', () => {
  it('accepts searches through an index, and indents as the sqlite3 shell does', () => {
    const plan = readQueryPlan(
      rows(
        [2, 0, 'SEARCH decisions USING COVERING INDEX by_channel (team_id=? AND channel_id=? AND created_at>?)'],
        [5, 0, 'LIST SUBQUERY 1'],
        [7, 5, 'SCAN json_each VIRTUAL TABLE INDEX 1:'],
      ),
    );
    expect(plan.verdict).toBe('uses an index');
    expect(plan.searches).toEqual(['by_channel (team_id=? AND channel_id=? AND created_at>?)']);
    expect(plan.lines).toEqual([
      'SEARCH decisions USING COVERING INDEX by_channel (team_id=? AND channel_id=? AND created_at>?)',
      'LIST SUBQUERY 1',
      '  SCAN json_each VIRTUAL TABLE INDEX 1:',
    ]);
  });

  it('calls reading the table, the whole of an index, or a whole workspace a full scan', () => {
    for (const detail of [
      'SCAN decisions',
      'SCAN decisions USING COVERING INDEX by_channel',
      'SEARCH decisions USING COVERING INDEX by_channel (team_id=?)',
    ]) {
      expect(readQueryPlan(rows([2, 0, detail])).verdict).toBe('full scan');
    }
  });

  it('takes a search by team alone as the first step of a recursive CTE for the one seek of a MIN()', () => {
    const plan = readQueryPlan(
      rows(
        [2, 0, 'MATERIALIZE channels'],
        [3, 2, 'SETUP'],
        [4, 3, 'SEARCH decisions USING COVERING INDEX by_channel (team_id=?)'],
      ),
    );
    expect(plan.fullScans).toEqual([]);
  });

  it('names each sort with the subquery it sorts in', () => {
    const plan = readQueryPlan(
      rows(
        [2, 0, 'MATERIALIZE weeks'],
        [3, 2, 'USE TEMP B-TREE FOR ORDER BY'],
        [9, 0, 'SEARCH decisions USING INDEX by_channel (team_id=? AND channel_id=?)'],
        [12, 0, 'USE TEMP B-TREE FOR GROUP BY'],
      ),
    );
    expect(plan.verdict).toBe('temp b-tree');
    expect(plan.tempBTrees).toEqual([
      'USE TEMP B-TREE FOR ORDER BY (in MATERIALIZE weeks)',
      'USE TEMP B-TREE FOR GROUP BY',
    ]);
  });
});
