const BARS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;

/**
 * One bar a value, scaled from 0 to 1 (not to the series' own minimum, so a steady 50% reads as half-high).
 * A missing value (a week with no decisions) is a dot, so it is not mistaken for 0%.
 */
export function sparkline(shares: readonly (number | null)[]): string {
  return shares
    .map((share) => {
      if (share === null) return '·';
      const clamped = Math.min(1, Math.max(0, share));
      return BARS[Math.round(clamped * (BARS.length - 1))];
    })
    .join('');
}
