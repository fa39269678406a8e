/** A share of 0..1 as a whole percentage, "38%", the way every count in the app shows it. */
export const percent = (share: number): string => `${Math.round(share * 100)}%`;
