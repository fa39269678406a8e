import { parseArgs } from 'node:util';
import { CliError } from './cli-error.js';

export interface AnalyzeArgs {
  /** The export's zip or folder, as typed. */
  export: string;
  /** Where report.html, decisions.csv and summary.json go; undefined to print the report only. */
  out: string | undefined;
  import: boolean;
  team: string | undefined;
}

// Workspace ids start with T; an Enterprise Grid organisation's with E.
const TEAM_ID = /^[TE][A-Z0-9]+$/;

/** The analyze command's arguments, checked before the export is opened: a mistake here reads nothing. */
export function parseAnalyzeArgs(argv: readonly string[]): AnalyzeArgs {
  let values: { out?: string[]; import?: boolean[]; team?: string[] };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: true,
      // Every option may be repeated, so a repeat is refused here rather than silently won by the last one.
      options: {
        out: { type: 'string', multiple: true },
        import: { type: 'boolean', multiple: true },
        team: { type: 'string', multiple: true },
      },
    }));
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error), true);
  }
  const once = <T>(name: string, given: T[] | undefined): T | undefined => {
    if (given !== undefined && given.length > 1) throw new CliError(`--${name} is given ${given.length} times`, true);
    return given?.[0];
  };

  const [path, ...extra] = positionals;
  if (path === undefined || path === '') {
    throw new CliError('say which export to analyse: empty-chair analyze <export.zip|export-dir>', true);
  }
  if (extra.length > 0) throw new CliError(`one export at a time: ${[path, ...extra].join(', ')}`, true);
  const out = once('out', values.out);
  if (out === '') throw new CliError('--out is empty: give a directory for the report files', true);
  const team = once('team', values.team);
  const importing = once('import', values.import) ?? false;
  if (team !== undefined && !TEAM_ID.test(team)) {
    throw new CliError(
      `--team ${team} is not a workspace id: it looks like T0123ABCD (Slack's workspace settings)`,
      true,
    );
  }
  if (team !== undefined && !importing) {
    throw new CliError('--team says which workspace to import into: it goes with --import', true);
  }
  return { export: path, out, import: importing, team };
}
