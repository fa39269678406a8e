import type { Database } from 'better-sqlite3';

interface PlanRow {
  id: number;
  parent: number;
  detail: string;
}

export interface QueryPlan {
  /** EXPLAIN QUERY PLAN's lines, indented two spaces per level as the sqlite3 shell shows them. */
  lines: string[];
  /** How `decisions` is searched: index and constraints, e.g. `decisions_by_x (team_id=? AND created_at>?)`. */
  searches: string[];
  /** Steps that read all of `decisions`, or all of a workspace's, which is the same thing for one team. */
  fullScans: string[];
  /** Sorts built at query time, with the subquery they sort in, if any: cheap on a dozen rows, costly on a week's. */
  tempBTrees: string[];
  verdict: 'uses an index' | 'full scan' | 'temp b-tree';
}

const SEARCH = /^SEARCH decisions (?:EXISTS )?USING (?:COVERING )?INDEX (\w+ \(.*\))$/;
const TEAM_ONLY = /\(team_id=\?\)$/;

/**
 * Reads a plan as the digest cares about it: is `decisions` only ever searched through an index, and what gets sorted.
 * A search bounded by the team alone reads the whole workspace, except as the first step of a recursive CTE, where
 * the digest's queries only ever take MIN(channel_id): one seek.
 */
export function readQueryPlan(rows: readonly PlanRow[]): QueryPlan {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const depth = new Map<number, number>();
  const lines: string[] = [];
  const searches: string[] = [];
  const fullScans: string[] = [];
  const tempBTrees: string[] = [];
  for (const row of rows) {
    const level = (depth.get(row.parent) ?? -1) + 1;
    depth.set(row.id, level);
    lines.push(`${'  '.repeat(level)}${row.detail}`);
    const parent = byId.get(row.parent)?.detail;
    const search = SEARCH.exec(row.detail)?.[1];
    if (search !== undefined) searches.push(search);
    if (
      /^SCAN decisions\b/.test(row.detail) ||
      (search !== undefined && TEAM_ONLY.test(search) && parent !== 'SETUP')
    ) {
      fullScans.push(row.detail);
    }
    if (row.detail.includes('TEMP B-TREE')) {
      tempBTrees.push(parent === undefined ? row.detail : `${row.detail} (in ${parent})`);
    }
  }
  const verdict = fullScans.length > 0 ? 'full scan' : tempBTrees.length > 0 ? 'temp b-tree' : 'uses an index';
  return { lines, searches: [...new Set(searches)], fullScans, tempBTrees, verdict };
}

export function explainQueryPlan(db: Database, sql: string, params: Record<string, unknown>): QueryPlan {
  return readQueryPlan(db.prepare<[Record<string, unknown>], PlanRow>(`EXPLAIN QUERY PLAN ${sql}`).all(params));
}
