import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { HEALTH_PATH } from '../app.js';
import { CLOCK_START_VARIABLE, type ClockMessage, isClockMessage } from './clock-channel.js';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAIN_MODULE = fileURLToPath(new URL('../main.ts', import.meta.url));
const CLOCK_MODULE = fileURLToPath(new URL('./bot-clock.ts', import.meta.url));
const STARTUP_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 5_000;

/** Every variable the bot reads: the demo sets its own, and none of a person's real Slack setup may leak in. */
const BOT_VARIABLES = [
  'SLACK_BOT_TOKEN',
  'SLACK_APP_TOKEN',
  'SLACK_SIGNING_SECRET',
  'PORT',
  'SLACK_API_URL',
  'DATABASE_PATH',
  'LOG_LEVEL',
  'CHANNELS',
  'PROMPTS_DIR',
  'PROMPT_COOLDOWN_MINUTES',
  'DIGEST_CRON',
  'DIGEST_TZ',
  'DETECTOR',
  'LLM_BASE_URL',
  'LLM_MODEL',
  'LLM_API_KEY',
];

export interface BotOptions {
  port: number;
  signingSecret: string;
  botToken: string;
  slackApiUrl: string;
  databasePath: string;
  digestTimeZone: string;
  /** What the bot's clock reads from its first moment on. */
  startAt: number;
  /** Where the bot's own output (warnings and errors only) goes. */
  log: (line: string) => void;
}

/** The real bot, `src/main.ts` under tsx as `npm start` runs it, with its clock in the demo's hand. */
export interface BotProcess {
  baseUrl: string;
  /** Sets the bot's clock; resolves once the bot has it. */
  setTime(instant: number): Promise<void>;
  /** SIGTERM, as Ctrl-C would; resolves once it has exited. */
  stop(): Promise<void>;
}

async function waitUntilHealthy(child: ChildProcess, url: string, output: () => string): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the bot stopped while starting (${child.exitCode ?? child.signalCode}):\n${output()}`);
    }
    const healthy = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the bot did not answer ${url} within ${STARTUP_TIMEOUT_MS / 1000} s:\n${output()}`);
}

export async function startBot(options: BotOptions): Promise<BotProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of BOT_VARIABLES) delete env[name];
  Object.assign(env, {
    SLACK_BOT_TOKEN: options.botToken,
    SLACK_SIGNING_SECRET: options.signingSecret,
    PORT: String(options.port),
    SLACK_API_URL: options.slackApiUrl,
    DATABASE_PATH: options.databasePath,
    DIGEST_TZ: options.digestTimeZone,
    LOG_LEVEL: 'warn',
    [CLOCK_START_VARIABLE]: String(options.startAt),
  });
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', CLOCK_MODULE, MAIN_MODULE], {
    cwd: PROJECT_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    output += text;
    for (const line of text.split('\n')) if (line.trim() !== '') options.log(line);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = once(child, 'exit');

  let stopping = false;
  const died = exited.then(() => {
    if (!stopping) throw new Error(`the bot exited while the demo was running:\n${output}`);
  });
  // Raced by every setTime(); a crash between steps surfaces there, not as an unhandled rejection.
  died.catch(() => {});

  const baseUrl = `http://127.0.0.1:${options.port}`;
  try {
    await waitUntilHealthy(child, `${baseUrl}${HEALTH_PATH}`, () => output);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }

  return {
    baseUrl,
    async setTime(instant) {
      let onMessage: (message: unknown) => void = () => {};
      const echoed = new Promise<void>((resolve) => {
        onMessage = (message) => {
          if (isClockMessage(message) && message.now === instant) resolve();
        };
        child.on('message', onMessage);
      });
      // A closed channel means the bot died; `died` says so with its output, so the send error adds nothing.
      child.send({ now: instant } satisfies ClockMessage, () => {});
      try {
        await Promise.race([echoed, died]);
      } finally {
        child.off('message', onMessage);
      }
    },
    async stop() {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}
