import { Writable } from 'node:stream';
import { runDigest } from '../cli/digest.js';

export interface WeekDigest {
  /** The command a person would type for the same digest. */
  command: string;
  /** What it printed: the digest as text, where its chart went, where it was posted. */
  output: string;
  /** The charts it wrote, as it printed them. */
  charts: string[];
}

export interface WeekDigestOptions {
  period: string;
  databasePath: string;
  slackApiUrl: string;
  botToken: string;
  timeZone: string;
  outDir: string;
  now: number;
  /** Where its log lines (warnings and errors) go. */
  stderr: NodeJS.WritableStream;
}

class Collected extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.text += chunk.toString('utf8');
    done();
  }
}

/**
 * Posts the week's digest through `empty-chair digest --post`, the exactly-once path the bot's schedule shares, and
 * keeps what it printed. Its `Chart:` lines are the CLI's documented output, so the chart is found where it says.
 */
export async function postWeekDigest(options: WeekDigestOptions): Promise<WeekDigest> {
  const args = ['--week', options.period, '--post', '--out', options.outDir];
  const stdout = new Collected();
  const code = await runDigest(args, {
    env: {
      SLACK_BOT_TOKEN: options.botToken,
      SLACK_API_URL: options.slackApiUrl,
      DATABASE_PATH: options.databasePath,
      DIGEST_TZ: options.timeZone,
      LOG_LEVEL: 'warn',
    },
    stdout,
    stderr: options.stderr,
    cwd: options.outDir,
    now: options.now,
  });
  if (code !== 0) throw new Error(`empty-chair digest exited with ${code}:\n${stdout.text}`);
  const charts = [...stdout.text.matchAll(/^Chart: (.+)$/gm)].map((match) => match[1] ?? '');
  return {
    command: `npm run empty-chair -- digest --week ${options.period} --post`,
    output: stdout.text,
    charts,
  };
}
