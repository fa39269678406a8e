import type { Database } from 'better-sqlite3';

/** Scheduler facts that outlive a process: when digests started, so catch-up never reaches back before install. */
export class SchedulerStateRepository {
  private readonly insert;
  private readonly select;

  constructor(db: Database) {
    this.insert = db.prepare<[string, number]>(
      'INSERT INTO scheduler_state (name, value) VALUES (?, ?) ON CONFLICT DO NOTHING',
    );
    this.select = db.prepare<[string], { value: number }>('SELECT value FROM scheduler_state WHERE name = ?');
  }

  /** The first value ever recorded under `name`; later calls keep it. */
  firstValue(name: string, value: number): number {
    this.insert.run(name, value);
    return this.select.get(name)?.value ?? value;
  }
}
