import type { DecisionCategory, EvidenceKind } from '../detect/types.js';
import type { Analysis, DecisionCounts, Example, ExportDecision, SkippedFile } from './analysis.js';
import type { DayResult } from './day-file.js';
import type { ExportChannel } from './export-meta.js';

/** Examples kept of each kind, cited and not: enough to show what the numbers mean, never the whole export. */
export const EXAMPLES = 5;
/** Skipped files listed by name; past this they are only counted (each was already reported as it was skipped). */
export const LISTED_SKIPS = 50;

interface Counter {
  messages: number;
  decisions: number;
  cited: number;
}

const counter = (): Counter => ({ messages: 0, decisions: 0, cited: 0 });

function counts({ messages, decisions, cited }: Counter): DecisionCounts {
  return {
    messages,
    decisions,
    cited,
    uncited: decisions - cited,
    citedShare: decisions === 0 ? null : cited / decisions,
  };
}

const neverCited = (row: DecisionCounts) => row.decisions > 0 && row.cited === 0;

const utcMonth = (ms: number) => new Date(ms).toISOString().slice(0, 7);

/** The surest decisions make the best examples; among equals the earliest, so any read order picks the same ones. */
function ranksBefore(a: ExportDecision, b: ExportDecision): boolean {
  if (a.confidence !== b.confidence) return a.confidence > b.confidence;
  if (a.decidedAt !== b.decidedAt) return a.decidedAt < b.decidedAt;
  return a.channel.name < b.channel.name;
}

/** Keeps the best `EXAMPLES` in rank order, one insertion at a time. */
function keepExample(kept: ExportDecision[], decision: ExportDecision): void {
  const at = kept.findIndex((each) => ranksBefore(decision, each));
  if (at === -1) {
    if (kept.length < EXAMPLES) kept.push(decision);
    return;
  }
  kept.splice(at, 0, decision);
  if (kept.length > EXAMPLES) kept.pop();
}

const example = (decision: ExportDecision): Example => ({
  channel: decision.channel.name,
  decidedAt: new Date(decision.decidedAt).toISOString(),
  author: decision.authorName,
  summary: decision.summary,
  category: decision.category,
  evidence: decision.evidence,
});

function countsDescending<K extends string>(map: ReadonlyMap<K, number>): [K, number][] {
  return [...map.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

/**
 * The export's numbers, added up a day file and a decision at a time. Its size grows with the channels and months,
 * never with the messages: counters, a handful of examples and the first skipped files.
 */
export class ExportTally {
  private readonly channels = new Map<string, { channel: ExportChannel; counts: Counter }>();
  private readonly months = new Map<string, Counter>();
  private readonly evidence = new Map<EvidenceKind, number>();
  private readonly categories = new Map<DecisionCategory, number>();
  private readonly cited: ExportDecision[] = [];
  private readonly uncited: ExportDecision[] = [];
  private readonly skipped: SkippedFile[] = [];
  private skippedCount = 0;
  private oneWayDoors = 0;
  private ignored = 0;
  private files = 0;
  private first: string | null = null;
  private last: string | null = null;

  constructor(
    private readonly source: Analysis['export'],
    /** The channels to analyse by folder, so one whose every file is skipped still shows, with nothing in it. */
    channels: ReadonlyMap<string, ExportChannel>,
    private readonly notAnalysed: Analysis['notAnalysed'],
  ) {
    for (const [folder, channel] of channels) this.channels.set(folder, { channel, counts: counter() });
  }

  addDay(folder: string, day: string, result: DayResult): void {
    const channel = this.channel(folder);
    this.files += 1;
    if (this.first === null || day < this.first) this.first = day;
    if (this.last === null || day > this.last) this.last = day;
    this.ignored += result.ignored;
    channel.messages += result.messages;
    for (const [month, messages] of Object.entries(result.months)) this.month(month).messages += messages;
  }

  addDecision(folder: string, decision: ExportDecision): void {
    const channel = this.channel(folder);
    const month = this.month(utcMonth(decision.decidedAt));
    channel.decisions += 1;
    month.decisions += 1;
    if (decision.cited) {
      channel.cited += 1;
      month.cited += 1;
    }
    if (decision.oneWayDoor) this.oneWayDoors += 1;
    for (const kind of decision.evidence) this.evidence.set(kind, (this.evidence.get(kind) ?? 0) + 1);
    this.categories.set(decision.category, (this.categories.get(decision.category) ?? 0) + 1);
    keepExample(decision.cited ? this.cited : this.uncited, decision);
  }

  skip(file: SkippedFile): void {
    this.skippedCount += 1;
    if (this.skipped.length < LISTED_SKIPS) this.skipped.push(file);
  }

  result(): Analysis {
    const channels = [...this.channels.values()]
      .map(({ channel, counts: each }) => ({ id: channel.id, name: channel.name, ...counts(each) }))
      .sort((a, b) => b.decisions - a.decisions || b.messages - a.messages || (a.name < b.name ? -1 : 1));
    const months = [...this.months.entries()]
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(([month, each]) => ({ month, ...counts(each) }));
    const all = [...this.channels.values()].reduce((sum, { counts: each }) => {
      sum.messages += each.messages;
      sum.decisions += each.decisions;
      sum.cited += each.cited;
      return sum;
    }, counter());
    const { messages, ...decisions } = counts(all);
    return {
      export: this.source,
      days: { first: this.first, last: this.last, files: this.files },
      messages: { analysed: messages, ignored: this.ignored },
      decisions: { ...decisions, oneWayDoors: this.oneWayDoors },
      channels,
      months,
      evidence: countsDescending(this.evidence).map(([kind, count]) => ({ kind, decisions: count })),
      categories: countsDescending(this.categories).map(([category, count]) => ({ category, decisions: count })),
      neverCited: {
        channels: channels.filter(neverCited).map((row) => row.name),
        months: months.filter(neverCited).map((row) => row.month),
      },
      examples: { cited: this.cited.map(example), uncited: this.uncited.map(example) },
      notAnalysed: this.notAnalysed,
      skipped: { count: this.skippedCount, files: this.skipped },
    };
  }

  private channel(folder: string): Counter {
    const found = this.channels.get(folder);
    if (found === undefined) throw new Error(`the tally was not told about the folder ${folder}`);
    return found.counts;
  }

  private month(month: string): Counter {
    let found = this.months.get(month);
    if (found === undefined) {
      found = counter();
      this.months.set(month, found);
    }
    return found;
  }
}
