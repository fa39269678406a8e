/** What the digest's trend chart and the analyze report's charts draw with, so the two read alike. */

// Dark green against a lighter ochre: both at least 3:1 on white, and far apart in lightness, so the two segments
// stay distinct without colour vision and in greyscale.
export const CHART_COLOURS = {
  cited: '#1b5e20',
  uncited: '#c0782c',
  text: '#1f2328',
  axis: '#57606a',
  grid: '#d0d7de',
} as const;

/** Text for SVG or HTML, attribute values included. */
export function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

/** Two decimals at most, so the same chart is byte for byte the same string. */
export const svgNumber = (value: number) => String(Math.round(value * 100) / 100);

/** The smallest 1, 2 or 5 times a power of ten that covers `max` in `maxTicks` steps; never below 1, counts are whole. */
export function niceStep(max: number, maxTicks: number): number {
  for (let magnitude = 1; ; magnitude *= 10) {
    for (const factor of [1, 2, 5]) {
      if (max <= factor * magnitude * maxTicks) return factor * magnitude;
    }
  }
}
