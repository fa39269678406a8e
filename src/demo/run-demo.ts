import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENTS_PATH } from '../app.js';
import { DEFAULT_BOT_USER_ID, FakeSlackApi } from '../emulator/slack-web-api.js';
import { type BotProcess, startBot } from './bot-process.js';
import { freePort } from './free-port.js';
import { replayWeek } from './replay.js';
import { scheduleWeek } from './scheduled-week.js';
import type { Style } from './style.js';
import { renderDigest, renderHappening, renderHeader, type World } from './transcript.js';
import { postWeekDigest } from './week-digest.js';
import { DEFAULT_SCRIPT_PATH, loadWeekScript } from './week-script.js';

/** Long enough for the bot to start on the next call after its last one, short enough to replay a week in seconds. */
const QUIET_MS = 250;
const BOT_TOKEN = 'xoxb-demo';

export interface DemoOptions {
  scriptPath?: string;
  /** Where the chart goes; a new temporary folder when not given. It is the demo's output, so it is kept. */
  outDir?: string | undefined;
  /** Keep the emulator and its page running after the week, until `signal` aborts. */
  serve?: boolean;
  stdout: NodeJS.WritableStream;
  /** The bot's and the digest's own warnings and errors. */
  stderr: NodeJS.WritableStream;
  style: Style;
  /** Ctrl-C: stops the replay, or the serving, and cleans up. */
  signal?: AbortSignal;
}

function whenAborted(signal: AbortSignal | undefined): Promise<void> {
  if (signal === undefined) return new Promise(() => {});
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

/**
 * The demo: the real bot against the emulator, a scripted week replayed step by step with what the bot did printed
 * after each, then that week's digest. The database lives in a temporary folder removed at the end.
 */
export async function runDemo(options: DemoOptions): Promise<void> {
  const started = Date.now();
  const { style, signal } = options;
  const print = (lines: readonly string[]) => {
    for (const line of lines) options.stdout.write(`${line}\n`);
  };
  const script = loadWeekScript(options.scriptPath ?? DEFAULT_SCRIPT_PATH);
  const schedule = scheduleWeek(script, started);
  const people = new Map(script.people.map((person) => [person.id, person]));
  const huddles = new Map(
    schedule.steps.flatMap(({ step, ts }) => (step.kind === 'huddle' ? [[ts, step.title] as const] : [])),
  );

  let now = schedule.week.start;
  const workDir = mkdtempSync(join(tmpdir(), 'empty-chair-demo-'));
  const outDir = options.outDir ?? mkdtempSync(join(tmpdir(), 'empty-chair-demo-chart-'));
  // Made up front: the digest, a week's replay later, would refuse a folder that is not there.
  mkdirSync(outDir, { recursive: true });
  const databasePath = join(workDir, 'empty-chair.db');
  let emulator: FakeSlackApi | undefined;
  let bot: BotProcess | undefined;
  try {
    emulator = await FakeSlackApi.start({
      channels: [{ id: script.channel.id, name: script.channel.name, is_member: true, members: [...people.keys()] }],
      users: script.people.map((person) => ({ id: person.id, name: person.name, tz: script.timeZone })),
      now: () => now,
      timeZone: script.timeZone,
    });
    const slack = emulator;
    const pageUrl = slack.url.replace(/api\/$/, '');
    if (options.serve === true) print([style.quiet(`The emulated channel, live: ${pageUrl}`), '']);

    const signingSecret = randomBytes(16).toString('hex');
    bot = await startBot({
      port: await freePort(),
      signingSecret,
      botToken: BOT_TOKEN,
      slackApiUrl: slack.url,
      databasePath,
      digestTimeZone: script.timeZone,
      startAt: now,
      log: (line) => options.stderr.write(`bot: ${line}\n`),
    });
    const running = bot;
    // It checks its token and runs its first digest round while starting; those calls are not part of the week.
    await slack.whenQuiet(QUIET_MS);

    const world: World = {
      timeZone: script.timeZone,
      nameOf: (id) => (id === DEFAULT_BOT_USER_ID ? 'empty-chair' : people.get(id)?.name),
      channelName: (id) => (id === script.channel.id ? script.channel.name : id),
      message: (channel, ts) => {
        const found = slack.messagesIn(channel).find((message) => message.ts === ts);
        return found === undefined ? undefined : { user: found.user, threadTs: found.thread_ts };
      },
      huddleTitle: (_channel, ts) => huddles.get(ts),
    };

    print(
      renderHeader(
        {
          channel: script.channel.name,
          period: schedule.period,
          week: schedule.week,
          timeZone: script.timeZone,
          people: script.people,
        },
        style,
      ),
    );
    const happenings = replayWeek(script, schedule, {
      emulator: slack,
      bot: { url: `${running.baseUrl}${EVENTS_PATH}`, signingSecret },
      quietMs: QUIET_MS,
      setTime: async (instant) => {
        now = instant;
        await running.setTime(instant);
      },
    });
    for await (const happening of happenings) {
      print(renderHappening(happening, world, style));
      signal?.throwIfAborted();
    }

    // The digest is posted now, as the schedule would have on the Monday after the week.
    now = Date.now();
    const from = slack.calls.length;
    const digest = await postWeekDigest({
      period: schedule.period,
      databasePath,
      slackApiUrl: slack.url,
      botToken: BOT_TOKEN,
      timeZone: script.timeZone,
      outDir,
      now,
      stderr: options.stderr,
    });
    print(
      renderDigest({ command: digest.command, output: digest.output, calls: slack.calls.slice(from) }, world, style),
    );
    const [chartPath] = digest.charts;
    if (chartPath === undefined) throw new Error(`the digest wrote no chart:\n${digest.output}`);
    const seconds = (Date.now() - started) / 1000;
    print([style.quiet(`Replayed in ${seconds.toFixed(1)} s.`), `Chart PNG: ${chartPath}`]);

    if (options.serve === true) {
      print(['', `Serving the emulated channel at ${pageUrl} until Ctrl-C.`]);
      await whenAborted(signal);
    }
  } finally {
    await bot?.stop();
    await emulator?.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}
