import { EVIDENCE_LABELS } from '../blocks/labels.js';
import { percent } from '../text/percent.js';
import type { Analysis, DecisionCounts, Example } from './analysis.js';

export const count = (value: number): string => value.toLocaleString('en-US');
export const share = (counts: Pick<DecisionCounts, 'citedShare'>): string =>
  counts.citedShare === null ? '–' : percent(counts.citedShare);
export const plural = (value: number, one: string, many = `${one}s`): string =>
  `${count(value)} ${value === 1 ? one : many}`;

/** `a, b and c`; `none` for nothing. */
export function list(items: readonly string[]): string {
  if (items.length === 0) return 'none';
  if (items.length === 1) return items[0] as string;
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function table(title: string, rows: readonly (DecisionCounts & { label: string })[]): string[] {
  const labels = [title, ...rows.map((row) => `  ${row.label}`)];
  const width = Math.max(...labels.map((label) => label.length)) + 2;
  const cells = (label: string, values: readonly string[]) =>
    `${label.padEnd(width)}${values.map((value, index) => value.padStart([10, 11, 7, 7][index] ?? 8)).join('')}`;
  return [
    cells(title, ['messages', 'decisions', 'cited', 'share']),
    ...rows.map((row) =>
      cells(`  ${row.label}`, [count(row.messages), count(row.decisions), count(row.cited), share(row)]),
    ),
  ];
}

function exampleLine(example: Example): string {
  const evidence = example.evidence.map((kind) => EVIDENCE_LABELS[kind]).join(', ');
  return `  ${example.decidedAt.slice(0, 10)} #${example.channel}, ${example.author}: ${example.summary}${evidence === '' ? '' : ` (${evidence})`}`;
}

/** The report as the terminal shows it: plain text, columns aligned, no colour. */
export function textReport(analysis: Analysis): string {
  const { days, messages, decisions } = analysis;
  const lines = [
    `Slack export ${analysis.export.name}: ${plural(analysis.channels.length, 'channel')}, ${plural(days.files, 'day file')}` +
      (days.first === null ? '' : `, ${days.first} to ${days.last}`),
    `${plural(messages.analysed, 'message')} by people analysed; ${count(messages.ignored)} left out (joins, bots and other system messages).`,
    '',
  ];
  if (decisions.decisions === 0) {
    lines.push('No decisions found.');
  } else {
    lines.push(
      `${plural(decisions.decisions, 'decision')}: ${count(decisions.cited)} cited customer insight (${share(decisions)}), ${count(decisions.uncited)} without; ${plural(decisions.oneWayDoors, 'one-way door')}.`,
      '',
      ...table(
        'By channel',
        analysis.channels.map((row) => ({ ...row, label: `#${row.name}` })),
      ),
      '',
      ...table(
        'By month (UTC)',
        analysis.months.map((row) => ({ ...row, label: row.month })),
      ),
      '',
      `Evidence cited: ${list(analysis.evidence.map(({ kind, decisions: used }) => `${EVIDENCE_LABELS[kind]} ${count(used)}`))}`,
      `Channels that never cite customers: ${list(analysis.neverCited.channels.map((name) => `#${name}`))}`,
      `Months that never cite customers: ${list(analysis.neverCited.months)}`,
    );
    for (const [heading, examples] of [
      ['Decisions that cited customer insight, for example:', analysis.examples.cited],
      ['Decisions without customer insight, for example:', analysis.examples.uncited],
    ] as const) {
      if (examples.length > 0) lines.push('', heading, ...examples.map(exampleLine));
    }
  }
  if (analysis.notAnalysed.length > 0) {
    lines.push('', `Not analysed: ${plural(analysis.notAnalysed.length, 'folder')}`);
    lines.push(...analysis.notAnalysed.map(({ folder, reason }) => `  ${folder}: ${reason}`));
  }
  const { skipped } = analysis;
  if (skipped.count > 0) {
    lines.push('', `Skipped ${plural(skipped.count, 'file')} that could not be analysed:`);
    lines.push(...skipped.files.map(({ file, reason }) => `  ${file}: ${reason}`));
    if (skipped.count > skipped.files.length) lines.push(`  and ${count(skipped.count - skipped.files.length)} more`);
  }
  return `${lines.join('\n')}\n`;
}
