import { ConfigError } from '../config.js';
import { PromptFileError } from '../prompts/load.js';
import { runCheck } from './check.js';
import { CliError } from './cli-error.js';
import { runDigest } from './digest.js';

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

Exit status: 0 done, 1 a post failed or Slack could not be reached, 2 wrong arguments or configuration.
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
    return runDigest(rest, { env: process.env, stdout: process.stdout, stderr: process.stderr, cwd, now: Date.now() });
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
