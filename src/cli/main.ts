import { availableParallelism } from 'node:os';
import { ConfigError } from '../config.js';
import { PromptFileError } from '../prompts/load.js';
import { runCheck } from './check.js';
import { CliError } from './cli-error.js';

const USAGE = `Usage: empty-chair <command> [options]

Commands:
  check   Read JSON Lines {"id","text"} on stdin; write one verdict a line:
          {"id","decision","customer","kind","evidence","confidence"}.
          A line that is not valid JSON gets {"id","error"} and the run goes on.

  digest --week YYYY-Www [--channel C] [--out DIR] [--team T] [--post]
          Print a week's channel digests as text and write each one's chart as a PNG,
          empty-chair-digest-<week>-<channel id>.png.
          --week     the ISO week, e.g. 2026-W47, Monday to Monday in DIGEST_TZ
          --channel  one channel, by id (C…/G…) or name (#product; needs SLACK_BOT_TOKEN);
                     without it, every channel with decisions that week and digests on
          --out      the directory for the PNGs (default: the current one)
          --team     the workspace (T…), when the database holds more than one
          --post     also post each digest in its channel (needs SLACK_BOT_TOKEN), once:
                     a week already posted, by the bot or an earlier --post, is not posted again
          Reads DATABASE_PATH, DIGEST_TZ and PROMPTS_DIR; with SLACK_BOT_TOKEN (and SLACK_API_URL)
          it also names channels and compares the public ones for "improved most".

  analyze <export.zip|export-dir> [--out DIR] [--import] [--team T]
          Read a Slack workspace export (its .zip, or the folder it unzips to) one day file at a time and
          report the decisions in its public channels: per channel and per month, the share that cited
          customer insight, the evidence kinds, the channels and months that never cite customers, and
          examples. A file that cannot be read is skipped with a line on stderr naming it; the rest is
          still analysed. A progress bar shows on stderr when it is a terminal.
          --out     also write report.html (charts inline), decisions.csv and summary.json to DIR,
                    created if missing
          --import  record the decisions in DATABASE_PATH as history, so the first digest has a
                    baseline; importing the same export again adds nothing
          --team    the workspace to import into (T…) when the export's users.json does not name it

Exit status: 0 done; 1 a post failed or Slack could not be reached (digest), or a file was skipped or the
export could not be read (analyze); 2 wrong arguments or configuration.
`;

/** Wrong arguments or configuration: the usual Unix code for "you called me wrong". */
const EXIT_USAGE = 2;

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'check' && rest.length === 0) {
    await runCheck(process.stdin, process.stdout);
    return 0;
  }
  if (
    command === undefined ||
    command === 'help' ||
    command === '--help' ||
    command === '-h' ||
    rest.includes('--help')
  ) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (command === 'digest') {
    // `npm run` starts scripts in the project root; INIT_CWD is where the person typed the command.
    const cwd = process.env.INIT_CWD ?? process.cwd();
    const { runDigest } = await import('./digest.js');
    return runDigest(rest, { env: process.env, stdout: process.stdout, stderr: process.stderr, cwd, now: Date.now() });
  }
  if (command === 'analyze') {
    const cwd = process.env.INIT_CWD ?? process.cwd();
    // Each command loads only its own modules: the digest's Slack client and PNG renderer would cost analyze, bound to
    // 300 MB on any export, some 35 MB it never uses, and make its peak swing by as much again.
    const { runAnalyze } = await import('./analyze.js');
    return runAnalyze(rest, {
      env: process.env,
      stdout: process.stdout,
      stderr: process.stderr,
      progress: process.stderr.isTTY ? process.stderr : undefined,
      cwd,
      now: Date.now(),
      cores: availableParallelism(),
    });
  }
  process.stderr.write(`empty-chair: unknown command '${argv.join(' ')}'\n\n${USAGE}`);
  return EXIT_USAGE;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`empty-chair: ${message}\n${error instanceof CliError && error.usage ? `\n${USAGE}` : ''}`);
    const usage = error instanceof CliError || error instanceof ConfigError || error instanceof PromptFileError;
    process.exitCode = usage ? EXIT_USAGE : 1;
  },
);
