import { runCheck } from './check.js';

const USAGE = `Usage: empty-chair <command>

Commands:
  check   Read JSON Lines {"id","text"} on stdin; write one verdict a line:
          {"id","decision","customer","kind","evidence","confidence"}.
          A line that is not valid JSON gets {"id","error"} and the run goes on.
`;

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
  process.stderr.write(`empty-chair: unknown command '${argv.join(' ')}'\n\n${USAGE}`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`empty-chair: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
