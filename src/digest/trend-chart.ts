import { citedShare, type WeekCounts } from '../stats/weekly-counts.js';
import { percent } from '../text/percent.js';
import { CHART_COLOURS, escapeXml, niceStep, svgNumber } from '../text/svg.js';
import { dayLabel } from '../time/zoned-time.js';

const WIDTH = 800;
const HEIGHT = 400;
const PLOT = { left: 56, right: 776, top: 96, bottom: 344 };
/** Share of a week's slot the bar fills; the rest is the gap between bars. */
const BAR_FILL = 0.6;
/** Gridlines above 0 at most; more crowd the axis labels at this height. */
const MAX_TICKS = 5;
const MAX_ALT_TEXT = 1_000;

// Every text names the font: the PNG renderer loads DejaVu Sans and no system fonts, so there is nothing else to pick.
const FONT = 'font-family="DejaVu Sans"';

function text(x: number, y: number, content: string, attributes: string): string {
  return `<text x="${svgNumber(x)}" y="${svgNumber(y)}" ${FONT} ${attributes}>${escapeXml(content)}</text>`;
}

function legend(x: number, y: number): string[] {
  const swatch = (left: number, colour: string) =>
    `<rect x="${left}" y="${y - 11}" width="14" height="14" rx="2" fill="${colour}"/>`;
  const label = (left: number, content: string) =>
    text(left, y, content, `font-size="13" fill="${CHART_COLOURS.text}"`);
  return [
    swatch(x, CHART_COLOURS.cited),
    label(x + 20, 'Cited customer insight'),
    swatch(x + 200, CHART_COLOURS.uncited),
    label(x + 220, 'Without'),
    text(x + 310, y, '%', `font-size="13" font-weight="bold" fill="${CHART_COLOURS.cited}"`),
    label(x + 326, 'above a bar: share cited that week'),
  ];
}

/**
 * The weeks (oldest first) as a stacked bar chart, 800×400: cited at the bottom, uncited on top, each week's cited
 * share above its bar, week starts on the x axis in `timeZone`. Pure: the same weeks give the same string.
 */
export function trendChartSvg(weeks: readonly WeekCounts[], timeZone: string): string {
  const maxTotal = Math.max(0, ...weeks.map((week) => week.cited + week.uncited));
  const step = niceStep(maxTotal, MAX_TICKS);
  const axisMax = Math.max(1, Math.ceil(maxTotal / step)) * step;
  const scale = (PLOT.bottom - PLOT.top) / axisMax;
  const slot = (PLOT.right - PLOT.left) / Math.max(1, weeks.length);
  const barWidth = slot * BAR_FILL;

  // Half-pixel offset puts a 1px line on one pixel row instead of blurring it over two.
  const line = (value: number, colour: string) => {
    const y = Math.round(PLOT.bottom - value * scale) + 0.5;
    return `<line x1="${PLOT.left}" y1="${y}" x2="${PLOT.right}" y2="${y}" stroke="${colour}" stroke-width="1"/>`;
  };
  const grid: string[] = [];
  for (let value = 0; value <= axisMax; value += step) {
    const attributes = `font-size="12" text-anchor="end" fill="${CHART_COLOURS.axis}"`;
    grid.push(
      line(value, value === 0 ? CHART_COLOURS.axis : CHART_COLOURS.grid),
      text(PLOT.left - 8, PLOT.bottom - value * scale + 4, String(value), attributes),
    );
  }

  const bars = weeks.flatMap((week, index) => {
    const centre = PLOT.left + slot * (index + 0.5);
    const x = svgNumber(centre - barWidth / 2);
    const width = svgNumber(barWidth);
    const citedTop = PLOT.bottom - week.cited * scale;
    const top = citedTop - week.uncited * scale;
    const share = citedShare(week);
    const shapes = [
      `<rect class="cited" x="${x}" y="${svgNumber(citedTop)}" width="${width}" height="${svgNumber(week.cited * scale)}" fill="${CHART_COLOURS.cited}"/>`,
      `<rect class="uncited" x="${x}" y="${svgNumber(top)}" width="${width}" height="${svgNumber(week.uncited * scale)}" fill="${CHART_COLOURS.uncited}"/>`,
    ];
    // A white line keeps the two segments apart where they meet, whatever the viewer's colour vision.
    if (week.cited > 0 && week.uncited > 0) {
      shapes.push(
        `<line x1="${x}" y1="${svgNumber(citedTop)}" x2="${svgNumber(centre + barWidth / 2)}" y2="${svgNumber(citedTop)}" stroke="#ffffff" stroke-width="1"/>`,
      );
    }
    if (share !== null) {
      const attributes = `font-size="11" font-weight="bold" text-anchor="middle" fill="${CHART_COLOURS.cited}"`;
      shapes.push(text(centre, top - 6, percent(share), attributes));
    }
    const label = dayLabel(week.start, timeZone);
    shapes.push(
      text(centre, PLOT.bottom + 20, label, `font-size="12" text-anchor="middle" fill="${CHART_COLOURS.axis}"`),
    );
    return shapes;
  });

  const title = `Cited vs uncited decisions, last ${weeks.length} week${weeks.length === 1 ? '' : 's'}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    text(24, 34, title, `font-size="18" font-weight="bold" fill="${CHART_COLOURS.text}"`),
    ...legend(24, 64),
    ...grid,
    ...bars,
    '</svg>',
  ].join('\n');
}

/** What the chart shows, in words, for Slack's image alt_text: every week's numbers and the last (the digest's) week's share. */
export function trendChartAltText(weeks: readonly WeekCounts[], timeZone: string): string {
  const first = weeks[0];
  const last = weeks.at(-1);
  if (first === undefined || last === undefined) return 'Decisions per week: no weeks to show.';
  const facing = last.cited + last.uncited;
  const share = citedShare(last);
  // Named by date, not "this week": the digest goes out after its week is over.
  const lastWeek = `Week of ${dayLabel(last.start, timeZone)}`;
  const thisWeek =
    share === null
      ? `${lastWeek}: no customer-facing decisions.`
      : `${lastWeek}: ${last.cited} of ${facing} cited (${percent(share)}).`;
  const series =
    `Decisions per week, ${dayLabel(first.start, timeZone)} to ${dayLabel(last.start, timeZone)}: ` +
    `cited customer insight ${weeks.map((week) => week.cited).join(', ')}; ` +
    `without ${weeks.map((week) => week.uncited).join(', ')}.`;
  // Only a far longer series than the digest's 12 weeks could run past the limit; the last week's numbers always stay.
  const room = MAX_ALT_TEXT - thisWeek.length - 1;
  return `${series.length <= room ? series : `${series.slice(0, room - 1)}…`} ${thisWeek}`;
}
