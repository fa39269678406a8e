import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError } from '../config.js';
import { runDemo } from './run-demo.js';
import { styleFor } from './style.js';
import { WeekScriptError } from './week-script.js';

const USAGE = `Usage: npm run demo [-- [--serve] [--out DIR] [--script FILE]]

Runs the real bot against a local Slack emulator, replays a scripted week of a product team's channel
(examples/demo-week.yml) and prints what the bot did, then that week's digest and the path of its chart.

  --serve        keep running after the week and serve a page showing the channel live, until Ctrl-C
  --out DIR      write the chart there (default: a new temporary folder)
  --script FILE  replay another week script (see examples/demo-week.yml for the format)
`;

/** Wrong arguments: the usual Unix code for "you called me wrong". */
const EXIT_USAGE = 2;
/** Interrupted by Ctrl-C, as shells report it. */
const EXIT_INTERRUPTED = 130;

async function main(argv: readonly string[]): Promise<number> {
  let values: { serve?: boolean; out?: string; script?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        serve: { type: 'boolean' },
        out: { type: 'string' },
        script: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    process.stderr.write(`demo: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  if (values.help === true) {
    process.stdout.write(USAGE);
    return 0;
  }

  // `npm run` starts scripts in the project root; INIT_CWD is where the person typed the command.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const stop = new AbortController();
  // Kept for the whole run: Ctrl-C reaches us both from the terminal and relayed by tsx, and a second signal must not
  // kill us with the default action while we stop the bot and remove the database.
  const interrupt = () => stop.abort();
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);
  try {
    await runDemo({
      ...(values.script === undefined ? {} : { scriptPath: resolve(cwd, values.script) }),
      outDir: values.out === undefined ? undefined : resolve(cwd, values.out),
      serve: values.serve === true,
      stdout: process.stdout,
      stderr: process.stderr,
      style: styleFor(process.env, process.stdout.isTTY === true),
      signal: stop.signal,
    });
    return 0;
  } catch (error) {
    if (stop.signal.aborted) return EXIT_INTERRUPTED;
    throw error;
  } finally {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`demo: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = error instanceof WeekScriptError || error instanceof ConfigError ? EXIT_USAGE : 1;
  },
);
