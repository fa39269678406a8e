import type { ImportedDecision } from '../store/decisions.js';
import type { Store } from '../store/store.js';
import type { ExportDecision } from './analysis.js';

/** Decisions written a transaction at a time: one per decision would make a large import crawl, one for all of it
 * would hold the database's write lock for the whole run while the bot may be using it. */
export const IMPORT_BATCH = 500;

export interface ImportCount {
  /** Recorded now. */
  added: number;
  /** Already in the database, by the bot or an earlier import: left as they were. */
  already: number;
}

/**
 * Feeds an export's decisions into the database as history of workspace `teamId`, in batches as they are found.
 * Keyed by workspace, channel and message ts, so importing the same export again adds nothing.
 */
export class HistoryImport {
  private readonly batch: ImportedDecision[] = [];
  private readonly count: ImportCount = { added: 0, already: 0 };

  constructor(
    private readonly store: Store,
    private readonly teamId: string,
    private readonly now: number,
  ) {}

  add(decision: ExportDecision): void {
    const channelId = decision.channel.id;
    // The CLI refuses to import an export without channel ids before reading it; this is the same rule, kept here.
    if (channelId === null) throw new Error(`#${decision.channel.name} has no channel id to import it under`);
    this.batch.push({
      teamId: this.teamId,
      channelId,
      messageTs: decision.ts,
      threadTs: decision.threadTs,
      authorId: decision.authorId,
      summary: decision.summary,
      category: decision.category,
      oneWayDoor: decision.oneWayDoor,
      confidence: decision.confidence,
      detectedEvidence: decision.evidence,
      cited: decision.cited,
      decidedAt: decision.decidedAt,
    });
    if (this.batch.length >= IMPORT_BATCH) this.flush();
  }

  /** Writes what is left and says how many were recorded. */
  finish(): ImportCount {
    this.flush();
    return { ...this.count };
  }

  private flush(): void {
    if (this.batch.length === 0) return;
    const added = this.store.decisions.importHistory(this.batch, this.now);
    this.count.added += added;
    this.count.already += this.batch.length - added;
    this.batch.length = 0;
  }
}
