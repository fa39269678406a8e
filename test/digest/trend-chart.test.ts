import { describe, expect, it } from 'vitest';
import { renderPng } from '../../src/digest/render-png.js';
import { trendChartAltText, trendChartSvg } from '../../src/digest/trend-chart.js';
import { weekRanges } from '../../src/stats/week-ranges.js';
import type { WeekCounts } from '../../src/stats/weekly-counts.js';
import { escapeXml } from '../../src/text/svg.js';

const ZONE = 'Europe/Berlin';
const RANGES = weekRanges(Date.UTC(2026, 10, 23, 10), ZONE, 12);
const CITED = [2, 3, 0, 4, 5, 1, 6, 3, 7, 0, 9, 3];
const UNCITED = [5, 1, 4, 6, 3, 7, 2, 3, 5, 0, 4, 5];

const weeksOf = (cited: readonly number[], uncited: readonly number[]): WeekCounts[] =>
  RANGES.map((range, index) => ({
    ...range,
    cited: cited[index] ?? 0,
    uncited: uncited[index] ?? 0,
    notCustomerFacing: 1,
  }));

const WEEKS = weeksOf(CITED, UNCITED);

function elements(svg: string, tag: string): Record<string, string>[] {
  return [...svg.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, 'g'))].map((match) =>
    Object.fromEntries([...(match[1] ?? '').matchAll(/([\w-]+)="([^"]*)"/g)].map(([, name, value]) => [name, value])),
  );
}

const bars = (svg: string, kind: 'cited' | 'uncited') =>
  elements(svg, 'rect')
    .filter((rect) => rect.class === kind)
    .map((rect) => ({ y: Number(rect.y), height: Number(rect.height) }));

const texts = (svg: string) => [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]);

describe('trendChartSvg', () => {
  it('stacks one bar a week, cited under uncited, each segment as tall as its count', () => {
    const svg = trendChartSvg(WEEKS, ZONE);
    const cited = bars(svg, 'cited');
    const uncited = bars(svg, 'uncited');
    expect(cited).toHaveLength(12);
    expect(uncited).toHaveLength(12);

    // Nov 16 has 9 cited: the pixels per decision every other segment must match.
    const perDecision = (cited[10]?.height ?? 0) / 9;
    expect(perDecision).toBeGreaterThan(0);
    for (const [index, count] of CITED.entries()) expect(cited[index]?.height).toBeCloseTo(count * perDecision, 1);
    for (const [index, count] of UNCITED.entries()) expect(uncited[index]?.height).toBeCloseTo(count * perDecision, 1);
    for (const [index, bar] of uncited.entries()) expect(bar.y + bar.height).toBeCloseTo(cited[index]?.y ?? 0, 1);
    expect(new Set(cited.map((bar) => bar.y + bar.height)).size).toBe(1);
  });

  it('labels the weeks by their Monday in the time zone, and numbers the axis in round steps', () => {
    const berlin = texts(trendChartSvg(WEEKS, ZONE));
    expect(berlin).toEqual(expect.arrayContaining(['Sep 7', 'Sep 14', 'Nov 16', 'Nov 23']));
    // The same instants are still Sunday evening in UTC.
    const utc = texts(trendChartSvg(WEEKS, 'UTC'));
    expect(utc).toEqual(expect.arrayContaining(['Sep 6', 'Nov 22']));
    expect(utc).not.toContain('Nov 23');

    // The tallest week has 13 decisions.
    expect(berlin.filter((text) => /^\d+$/.test(text ?? ''))).toEqual(['0', '5', '10', '15']);
    expect(texts(trendChartSvg(weeksOf([1, 2], [1, 2]), ZONE)).filter((text) => /^\d+$/.test(text ?? ''))).toEqual([
      '0',
      '1',
      '2',
      '3',
      '4',
    ]);
  });

  it('shows the cited share over each week that had customer-facing decisions', () => {
    const shares = texts(trendChartSvg(WEEKS, ZONE)).filter((text) => /^\d+%$/.test(text ?? ''));
    expect(shares).toEqual(['29%', '75%', '0%', '40%', '63%', '13%', '75%', '50%', '58%', '69%', '38%']);
  });

  it('sets every text in DejaVu Sans, the one font the PNG renderer has', () => {
    const svg = trendChartSvg(WEEKS, ZONE);
    const fonts = elements(svg, 'text').map((text) => text['font-family']);
    expect(fonts.length).toBeGreaterThan(12);
    expect(new Set(fonts)).toEqual(new Set(['DejaVu Sans']));
  });

  it('escapes text for XML', () => {
    expect(escapeXml(`Q&A <b>"it's"</b>`)).toBe('Q&amp;A &lt;b&gt;&quot;it&apos;s&quot;&lt;/b&gt;');
    expect(trendChartSvg(WEEKS, ZONE)).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
  });

  it('draws weeks without decisions on a 0 to 1 axis', () => {
    const svg = trendChartSvg(weeksOf([], []), ZONE);
    expect(svg).not.toMatch(/NaN|Infinity/);
    expect([...bars(svg, 'cited'), ...bars(svg, 'uncited')].map((bar) => bar.height)).toEqual(Array(24).fill(0));
    const labels = texts(svg);
    expect(labels.filter((text) => /^\d+$/.test(text ?? ''))).toEqual(['0', '1']);
    expect(labels.filter((text) => /^\d+%$/.test(text ?? ''))).toEqual([]);
    expect(labels).toContain('Nov 23');
  });
});

describe('trendChartAltText', () => {
  it('says every week and the last week’s share', () => {
    expect(trendChartAltText(WEEKS, ZONE)).toBe(
      'Decisions per week, Sep 7 to Nov 23: cited customer insight 2, 3, 0, 4, 5, 1, 6, 3, 7, 0, 9, 3; ' +
        'without 5, 1, 4, 6, 3, 7, 2, 3, 5, 0, 4, 5. Week of Nov 23: 3 of 8 cited (38%).',
    );
  });

  it('says when the last week had no customer-facing decisions', () => {
    expect(trendChartAltText(weeksOf([4], []), ZONE)).toMatch(
      /cited customer insight 4, 0, .*Week of Nov 23: no customer-facing decisions\.$/,
    );
  });

  it('stays within Slack’s alt text limit and keeps the last week when the series is long', () => {
    const many = Array.from({ length: 200 }, (_, index) => ({
      start: Date.UTC(2026, 0, 5) + index * 7 * 86_400_000,
      end: Date.UTC(2026, 0, 12) + index * 7 * 86_400_000,
      cited: 123_456,
      uncited: 654_321,
      notCustomerFacing: 0,
    }));
    const alt = trendChartAltText(many, 'UTC');
    expect(alt.length).toBeLessThanOrEqual(1_000);
    expect(alt).toMatch(/… Week of Oct 29: 123456 of 777777 cited \(16%\)\.$/);
  });
});

describe('renderPng', () => {
  const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

  it('renders an 800×400 PNG', () => {
    const png = renderPng(trendChartSvg(WEEKS, ZONE));
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([800, 400]);
  });

  it('draws the text: without a font the chart would render as if it had none', () => {
    const svg = trendChartSvg(WEEKS, ZONE);
    const withoutText = svg.replaceAll(/<text\b[^>]*>[^<]*<\/text>/g, '');
    expect(withoutText).not.toContain('<text');
    expect(renderPng(svg).equals(renderPng(withoutText))).toBe(false);
  });
});
