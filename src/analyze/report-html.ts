import { EVIDENCE_LABELS } from '../blocks/labels.js';
import { escapeXml } from '../text/svg.js';
import type { Analysis, Example } from './analysis.js';
import { plainRowsSvg, stackedColumnsSvg, stackedRowsSvg } from './report-charts.js';
import { count, list, plural, share } from './report-text.js';

/** Channels drawn in the chart; the table below it lists them all. */
const CHARTED_CHANNELS = 20;

const MONTH_LABEL = new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const monthLabel = (month: string) => MONTH_LABEL.format(Date.parse(`${month}-01T00:00:00Z`));

// Everything inline: the file is mailed around and opened from disk, with no network and no scripts.
const STYLE = `
  :root { color-scheme: light; --cited: #1b5e20; --uncited: #c0782c; --text: #1f2328; --muted: #57606a; --line: #d0d7de; }
  * { box-sizing: border-box; }
  body { margin: 0; background: #f6f8fa; color: var(--text);
    font: 15px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif; }
  main { max-width: 840px; margin: 0 auto; padding: 32px 24px 48px; }
  header p, footer, .muted { color: var(--muted); }
  h1 { font-size: 26px; margin: 0 0 4px; }
  h2 { font-size: 19px; margin: 0 0 12px; }
  section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 20px 24px; margin: 20px 0; }
  .figures { display: grid; grid-template-columns: repeat(4, 1fr); gap: 12px; background: none; border: 0; padding: 0; }
  .figure { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px; }
  .figure b { display: block; font-size: 28px; line-height: 1.2; }
  .figure.cited b { color: var(--cited); }
  .figure.uncited b { color: var(--uncited); }
  svg { display: block; max-width: 100%; height: auto; margin: 8px 0 4px; }
  table { width: 100%; border-collapse: collapse; margin-top: 12px; font-variant-numeric: tabular-nums; }
  th, td { padding: 6px 8px; border-bottom: 1px solid var(--line); text-align: right; }
  th:first-child, td:first-child { text-align: left; }
  th { font-weight: 600; color: var(--muted); }
  blockquote { margin: 12px 0; padding: 8px 14px; border-left: 4px solid var(--line); }
  blockquote.cited { border-color: var(--cited); }
  blockquote.uncited { border-color: var(--uncited); }
  blockquote p { margin: 0; }
  blockquote footer { font-size: 13px; }
  ul { padding-left: 20px; }
  @media (max-width: 640px) { .figures { grid-template-columns: repeat(2, 1fr); } }
`;

function figure(kind: string, value: string, label: string): string {
  return `<div class="figure ${kind}"><b>${escapeXml(value)}</b>${escapeXml(label)}</div>`;
}

function countsTable(first: string, rows: readonly { label: string; cells: readonly string[] }[]): string {
  const head = [first, 'Messages', 'Decisions', 'Cited', 'Share cited'].map((cell) => `<th>${escapeXml(cell)}</th>`);
  const body = rows.map(
    (row) =>
      `<tr><td>${escapeXml(row.label)}</td>${row.cells.map((cell) => `<td>${escapeXml(cell)}</td>`).join('')}</tr>`,
  );
  return `<table><thead><tr>${head.join('')}</tr></thead><tbody>${body.join('')}</tbody></table>`;
}

function quote(example: Example, kind: 'cited' | 'uncited'): string {
  const evidence = example.evidence.map((each) => EVIDENCE_LABELS[each]).join(', ');
  const where = `${example.author} in #${example.channel}, ${example.decidedAt.slice(0, 10)}${evidence === '' ? '' : ` · ${evidence}`}`;
  return `<blockquote class="${kind}"><p>${escapeXml(example.summary)}</p><footer>${escapeXml(where)}</footer></blockquote>`;
}

function decisionSections(analysis: Analysis): string[] {
  const { decisions } = analysis;
  const channels = analysis.channels.slice(0, CHARTED_CHANNELS);
  const more = analysis.channels.length - channels.length;
  const stacked = (label: string, row: { cited: number; uncited: number }) => ({ label, ...row });
  const sections = [
    `<section class="figures">${[
      figure('', count(decisions.decisions), 'decisions'),
      figure('cited', share(decisions), `cited customer insight (${count(decisions.cited)})`),
      figure('uncited', count(decisions.uncited), 'made without it'),
      figure('', count(decisions.oneWayDoors), decisions.oneWayDoors === 1 ? 'one-way door' : 'one-way doors'),
    ].join('')}</section>`,
    `<section><h2>Decisions by month</h2>${stackedColumnsSvg(
      'chart-months',
      `Decisions by month, cited customer insight against without: ${analysis.months.map((row) => `${monthLabel(row.month)} ${row.cited} of ${row.decisions}`).join('; ')}`,
      analysis.months.map((row) => stacked(monthLabel(row.month), row)),
    )}${countsTable(
      'Month (UTC)',
      analysis.months.map((row) => ({
        label: row.month,
        cells: [count(row.messages), count(row.decisions), count(row.cited), share(row)],
      })),
    )}</section>`,
    `<section><h2>Decisions by channel</h2>${stackedRowsSvg(
      'chart-channels',
      `Decisions by channel, cited customer insight against without: ${channels.map((row) => `#${row.name} ${row.cited} of ${row.decisions}`).join('; ')}`,
      channels.map((row) => stacked(`#${row.name}`, row)),
    )}${more > 0 ? `<p class="muted">The ${CHARTED_CHANNELS} channels with most decisions; the table lists all ${count(analysis.channels.length)}.</p>` : ''}${countsTable(
      'Channel',
      analysis.channels.map((row) => ({
        label: `#${row.name}`,
        cells: [count(row.messages), count(row.decisions), count(row.cited), share(row)],
      })),
    )}</section>`,
  ];
  if (analysis.evidence.length > 0) {
    const bars = analysis.evidence.map(({ kind, decisions: used }) => ({ label: EVIDENCE_LABELS[kind], value: used }));
    sections.push(
      `<section><h2>Evidence cited</h2><p class="muted">Decisions citing each kind of customer insight; one decision may cite several.</p>${plainRowsSvg(
        'chart-evidence',
        `Evidence cited: ${bars.map((bar) => `${bar.label} ${bar.value}`).join('; ')}`,
        bars,
      )}</section>`,
    );
  }
  const never = analysis.neverCited;
  sections.push(
    `<section><h2>Never citing customers</h2><p>Channels with decisions, none of them citing customer insight: <b>${escapeXml(list(never.channels.map((name) => `#${name}`)))}</b>.</p><p>Months: <b>${escapeXml(list(never.months.map(monthLabel)))}</b>.</p></section>`,
  );
  if (analysis.examples.cited.length > 0) {
    sections.push(
      `<section><h2>Decisions that cited customer insight</h2>${analysis.examples.cited.map((example) => quote(example, 'cited')).join('')}</section>`,
    );
  }
  if (analysis.examples.uncited.length > 0) {
    sections.push(
      `<section><h2>Decisions made without it</h2>${analysis.examples.uncited.map((example) => quote(example, 'uncited')).join('')}</section>`,
    );
  }
  return sections;
}

function leftOut(analysis: Analysis): string[] {
  const items = [
    ...analysis.notAnalysed.map(
      ({ folder, reason }) => `<li>${escapeXml(folder)}: not analysed, ${escapeXml(reason)}</li>`,
    ),
    ...analysis.skipped.files.map(({ file, reason }) => `<li>${escapeXml(file)}: skipped, ${escapeXml(reason)}</li>`),
  ];
  const unlisted = analysis.skipped.count - analysis.skipped.files.length;
  if (unlisted > 0) items.push(`<li>and ${count(unlisted)} more skipped files</li>`);
  return items.length === 0 ? [] : [`<section><h2>Left out</h2><ul>${items.join('')}</ul></section>`];
}

/** The report as one self-contained HTML page: inline CSS and SVG charts, no scripts, nothing fetched. */
export function htmlReport(analysis: Analysis): string {
  const { days, messages } = analysis;
  const period = days.first === null ? '' : ` · ${days.first} to ${days.last}`;
  const facts = `${plural(analysis.channels.length, 'channel')}${period} · ${plural(messages.analysed, 'message')} by people`;
  const body =
    analysis.decisions.decisions === 0
      ? ['<section><p>No decisions found in this export.</p></section>']
      : decisionSections(analysis);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Decisions in ${escapeXml(analysis.export.name)}: empty-chair</title>
<link rel="icon" href="data:,">
<style>${STYLE}</style>
</head>
<body>
<main>
<header><h1>Decisions in ${escapeXml(analysis.export.name)}</h1><p>${escapeXml(facts)}</p></header>
${[...body, ...leftOut(analysis)].join('\n')}
<footer><p>Made by <code>empty-chair analyze</code>. A decision is what the detector reads as one; each is shown by the first 280 characters of its message, mentions made harmless. Months are in UTC.</p></footer>
</main>
</body>
</html>
`;
}
