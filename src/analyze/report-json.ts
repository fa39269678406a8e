import type { Analysis } from './analysis.js';

/** summary.json: the analysis as it is, for scripts and spreadsheets; its shape is `Analysis`'s. */
export function summaryJson(analysis: Analysis): string {
  return `${JSON.stringify(analysis, null, 2)}\n`;
}
