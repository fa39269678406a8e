import { percent } from '../text/percent.js';
import { CHART_COLOURS, escapeXml, niceStep, svgNumber } from '../text/svg.js';

/** A bar split into decisions that cited customer insight and decisions that did not. */
export interface StackedBar {
  label: string;
  cited: number;
  uncited: number;
}

export interface PlainBar {
  label: string;
  value: number;
}

// The digest chart's colours, so the report and the weekly digest read alike, and one for bars of a single kind.
const COLOURS = { ...CHART_COLOURS, bar: '#35627f' } as const;
const FONT = "font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif\"";
const WIDTH = 760;
/** Average glyph width at 13px, for sizing the label column without measuring text. */
const CHAR_WIDTH = 7.2;
const MAX_TICKS = 5;

function text(x: number, y: number, content: string, attributes: string): string {
  return `<text x="${svgNumber(x)}" y="${svgNumber(y)}" ${FONT} ${attributes}>${escapeXml(content)}</text>`;
}

function rect(x: number, y: number, width: number, height: number, fill: string, kind: string): string {
  return `<rect class="${kind}" x="${svgNumber(x)}" y="${svgNumber(y)}" width="${svgNumber(width)}" height="${svgNumber(height)}" fill="${fill}"/>`;
}

function svg(id: string, title: string, height: number, body: readonly string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" id="${id}" role="img" aria-labelledby="${id}-title" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}">`,
    `<title id="${id}-title">${escapeXml(title)}</title>`,
    ...body,
    '</svg>',
  ].join('\n');
}

function legend(y: number): string[] {
  const swatch = (x: number, colour: string) =>
    `<rect x="${x}" y="${y - 11}" width="14" height="14" rx="2" fill="${colour}"/>`;
  const label = (x: number, content: string) => text(x, y, content, `font-size="13" fill="${COLOURS.text}"`);
  return [
    swatch(0, COLOURS.cited),
    label(20, 'Cited customer insight'),
    swatch(190, COLOURS.uncited),
    label(210, 'Without'),
  ];
}

/**
 * One vertical bar a period (oldest first), cited at the bottom and uncited on top, with the cited share above each
 * bar when there is room for it. Labels thin out past a dozen bars so they never overlap.
 */
export function stackedColumnsSvg(id: string, title: string, bars: readonly StackedBar[]): string {
  const height = 320;
  const plot = { left: 44, right: WIDTH - 8, top: 44, bottom: height - 36 };
  const max = Math.max(0, ...bars.map((bar) => bar.cited + bar.uncited));
  const step = niceStep(max, MAX_TICKS);
  const axisMax = Math.max(1, Math.ceil(max / step)) * step;
  const scale = (plot.bottom - plot.top) / axisMax;
  const slot = (plot.right - plot.left) / Math.max(1, bars.length);
  const barWidth = Math.min(slot * 0.6, 72);
  const labelEvery = Math.ceil(bars.length / 12);

  const body = [...legend(16)];
  for (let value = 0; value <= axisMax; value += step) {
    const y = Math.round(plot.bottom - value * scale) + 0.5;
    const colour = value === 0 ? COLOURS.axis : COLOURS.grid;
    body.push(`<line x1="${plot.left}" y1="${y}" x2="${plot.right}" y2="${y}" stroke="${colour}" stroke-width="1"/>`);
    body.push(text(plot.left - 8, y + 4, String(value), `font-size="12" text-anchor="end" fill="${COLOURS.axis}"`));
  }
  bars.forEach((bar, index) => {
    const centre = plot.left + slot * (index + 0.5);
    const x = centre - barWidth / 2;
    const citedTop = plot.bottom - bar.cited * scale;
    const top = citedTop - bar.uncited * scale;
    body.push(rect(x, citedTop, barWidth, bar.cited * scale, COLOURS.cited, 'cited'));
    body.push(rect(x, top, barWidth, bar.uncited * scale, COLOURS.uncited, 'uncited'));
    const total = bar.cited + bar.uncited;
    if (total > 0 && slot >= 30) {
      const share = percent(bar.cited / total);
      body.push(
        text(centre, top - 6, share, `font-size="11" font-weight="bold" text-anchor="middle" fill="${COLOURS.cited}"`),
      );
    }
    if (index % labelEvery === 0) {
      body.push(
        text(centre, plot.bottom + 18, bar.label, `font-size="12" text-anchor="middle" fill="${COLOURS.axis}"`),
      );
    }
  });
  return svg(id, title, height, body);
}

const ROW = 28;

function labelColumn(labels: readonly string[]): number {
  return Math.min(220, Math.max(80, ...labels.map((label) => label.length * CHAR_WIDTH + 12)));
}

/** One horizontal bar a row (a channel), cited then uncited, its numbers at its end. */
export function stackedRowsSvg(id: string, title: string, bars: readonly StackedBar[]): string {
  const left = labelColumn(bars.map((bar) => bar.label));
  const right = WIDTH - 150;
  const top = 32;
  const height = top + bars.length * ROW + 8;
  const max = Math.max(1, ...bars.map((bar) => bar.cited + bar.uncited));
  const scale = (right - left) / max;
  const body = [...legend(16)];
  bars.forEach((bar, index) => {
    const y = top + index * ROW;
    const total = bar.cited + bar.uncited;
    body.push(text(left - 10, y + 17, bar.label, `font-size="13" text-anchor="end" fill="${COLOURS.text}"`));
    body.push(rect(left, y + 4, bar.cited * scale, ROW - 10, COLOURS.cited, 'cited'));
    body.push(rect(left + bar.cited * scale, y + 4, bar.uncited * scale, ROW - 10, COLOURS.uncited, 'uncited'));
    const numbers = total === 0 ? 'no decisions' : `${bar.cited} of ${total} cited (${percent(bar.cited / total)})`;
    body.push(text(left + total * scale + 8, y + 17, numbers, `font-size="12" fill="${COLOURS.axis}"`));
  });
  return svg(id, title, height, body);
}

/** One horizontal bar a row (an evidence kind), its count at its end. */
export function plainRowsSvg(id: string, title: string, bars: readonly PlainBar[]): string {
  const left = labelColumn(bars.map((bar) => bar.label));
  const right = WIDTH - 60;
  const height = bars.length * ROW + 8;
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const scale = (right - left) / max;
  const body = bars.flatMap((bar, index) => {
    const y = index * ROW;
    return [
      text(left - 10, y + 17, bar.label, `font-size="13" text-anchor="end" fill="${COLOURS.text}"`),
      rect(left, y + 4, bar.value * scale, ROW - 10, COLOURS.bar, 'evidence'),
      text(left + bar.value * scale + 8, y + 17, String(bar.value), `font-size="12" fill="${COLOURS.axis}"`),
    ];
  });
  return svg(id, title, height, body);
}
