/** How the transcript marks up its parts; plain text or ANSI colour. */
export interface Style {
  heading(text: string): string;
  time(text: string): string;
  person(text: string): string;
  channel(text: string): string;
  bot(text: string): string;
  /** What the bot posted, shown under what it did. */
  posted(text: string): string;
  /** Things that did not happen, and asides. */
  quiet(text: string): string;
}

const identity = (text: string) => text;

export const plainStyle: Style = {
  heading: identity,
  time: identity,
  person: identity,
  channel: identity,
  bot: identity,
  posted: identity,
  quiet: identity,
};

const sgr =
  (open: string, close: string) =>
  (text: string): string =>
    `\u001b[${open}m${text}\u001b[${close}m`;

export const colourStyle: Style = {
  heading: sgr('1;35', '22;39'),
  time: sgr('2', '22'),
  person: sgr('1', '22'),
  channel: sgr('36', '39'),
  bot: sgr('32', '39'),
  posted: sgr('33', '39'),
  quiet: sgr('2', '22'),
};

/**
 * Colour as Node itself decides it: FORCE_COLOR wins ('0' or 'false' turn it off), then a non-empty NO_COLOR turns it
 * off (https://no-color.org), then it is on for a terminal that is not TERM=dumb.
 */
export function wantsColour(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY && env.TERM !== 'dumb';
}

export function styleFor(env: NodeJS.ProcessEnv, isTTY: boolean): Style {
  return wantsColour(env, isTTY) ? colourStyle : plainStyle;
}
