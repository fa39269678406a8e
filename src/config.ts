import { z } from 'zod';
import { cronError } from './digest/due.js';
import { isTimeZone } from './time/time-zones.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const DETECTORS = ['rules', 'llm'] as const;

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const BOT_TOKEN_MISSING = "is missing: set it to the app's Bot User OAuth Token (xoxb-…) from OAuth & Permissions";

const botToken = z.string({ error: BOT_TOKEN_MISSING }).startsWith('xoxb-', {
  error: "must be a bot token starting with 'xoxb-' (OAuth & Permissions → Bot User OAuth Token)",
});

const logLevel = z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` });

/**
 * Every variable, defined once; the bot's schema and the CLI's smaller one are cut from it, so a variable means the
 * same and fails with the same message in both. Checks across variables belong to each schema, not here: `.pick()`
 * refuses an object that has them.
 */
const fields = z.object({
  SLACK_BOT_TOKEN: optionalText.pipe(botToken),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText.pipe(
    z
      .string()
      .startsWith('xapp-', {
        error:
          "must be an app-level token starting with 'xapp-' (Basic Information → App-Level Tokens, scope connections:write), or unset for HTTP mode",
      })
      .optional(),
  ),
  PORT: z.coerce
    .number({ error: 'must be a whole number from 1 to 65535, e.g. PORT=3000' })
    .int({ error: 'must be a whole number from 1 to 65535, e.g. PORT=3000' })
    .min(1, { error: 'must be a whole number from 1 to 65535, e.g. PORT=3000' })
    .max(65535, { error: 'must be a whole number from 1 to 65535, e.g. PORT=3000' })
    .default(3000),
  SLACK_API_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL ending in /api/, e.g. https://slack.com/api/' })
    .refine((url) => url.endsWith('/api/'), { error: 'must end with /api/, e.g. https://slack.com/api/' })
    .default('https://slack.com/api/'),
  DATABASE_PATH: optionalText.default('./data/empty-chair.db'),
  LOG_LEVEL: logLevel.default('info'),
  CHANNELS: optionalText.transform((value) =>
    (value ?? '')
      .split(',')
      .map((channel) => channel.trim().replace(/^#/, ''))
      .filter((channel) => channel !== ''),
  ),
  PROMPTS_DIR: optionalText,
  PROMPT_COOLDOWN_MINUTES: z.coerce
    .number({ error: 'must be a whole number of minutes (0 turns the cool-down off), e.g. 10' })
    .int({ error: 'must be a whole number of minutes (0 turns the cool-down off), e.g. 10' })
    .min(0, { error: 'must be a whole number of minutes (0 turns the cool-down off), e.g. 10' })
    .default(10),
  DIGEST_CRON: optionalText.default('0 9 * * 1').superRefine((expression, ctx) => {
    const problem = cronError(expression);
    if (problem !== null) {
      ctx.addIssue({
        code: 'custom',
        message: `is not a cron expression (${problem}): use five fields, e.g. '0 9 * * 1' for Monday 09:00`,
      });
    }
  }),
  DIGEST_TZ: optionalText.default('UTC').refine(isTimeZone, {
    error: 'must be an IANA time zone name, e.g. Europe/Berlin or America/New_York',
  }),
  DETECTOR: z
    .enum(DETECTORS, {
      error: "must be 'rules' (the built-in detector) or 'llm' (an OpenAI-compatible endpoint, see LLM_BASE_URL)",
    })
    .default('rules'),
  LLM_BASE_URL: optionalText.pipe(
    z
      .url({
        protocol: /^https?$/,
        error: 'must be an http(s) URL ending in /, e.g. https://api.openai.com/v1/ or http://localhost:11434/v1/',
      })
      .refine((url) => url.endsWith('/'), {
        error: 'must end with /, e.g. https://api.openai.com/v1/ (chat/completions is added to it)',
      })
      .optional(),
  ),
  LLM_MODEL: optionalText,
  LLM_API_KEY: optionalText,
});

const configSchema = fields.superRefine((env, ctx) => {
  if (env.SLACK_APP_TOKEN === undefined && env.SLACK_SIGNING_SECRET === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['SLACK_SIGNING_SECRET'],
      message:
        'is missing: HTTP mode needs the Signing Secret (Basic Information → App Credentials), or set SLACK_APP_TOKEN for Socket Mode',
    });
  }
  if (env.DETECTOR === 'llm' && env.LLM_BASE_URL === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['LLM_BASE_URL'],
      message:
        "is missing: DETECTOR=llm needs the endpoint's base URL, e.g. https://api.openai.com/v1/, or set DETECTOR=rules",
    });
  }
  if (env.DETECTOR === 'llm' && env.LLM_MODEL === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['LLM_MODEL'],
      message: 'is missing: DETECTOR=llm needs the model to ask, e.g. gpt-4o-mini, or set DETECTOR=rules',
    });
  }
});

/**
 * The CLI reads the database and, only when given a token, Slack; it logs warnings unless LOG_LEVEL asks for more.
 * DETECTOR and the LLM variables are not read: `check` and `analyze` read thousands of messages, one LLM request
 * each would take hours, so they stay on the offline detector.
 */
const cliConfigSchema = fields
  .pick({ SLACK_API_URL: true, DATABASE_PATH: true, PROMPTS_DIR: true, DIGEST_CRON: true, DIGEST_TZ: true })
  .extend({ SLACK_BOT_TOKEN: optionalText.pipe(botToken.optional()), LOG_LEVEL: logLevel.default('warn') });

export interface Config {
  slackBotToken: string;
  slackSigningSecret: string | undefined;
  slackAppToken: string | undefined;
  port: number;
  slackApiUrl: string;
  databasePath: string;
  logLevel: (typeof LOG_LEVELS)[number];
  channels: string[];
  promptsDir: string | undefined;
  promptCooldownMinutes: number;
  /** When channel digests are posted, in `digestTimeZone`. */
  digestCron: string;
  /** The time zone of channel digests: their weeks and DIGEST_CRON. */
  digestTimeZone: string;
  /** What reads messages and drafts: the built-in detector, or an LLM with the built-in one as its fallback. */
  detector: { kind: 'rules' } | { kind: 'llm'; baseUrl: string; model: string; apiKey: string | undefined };
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Configuration is not valid:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** The part of the configuration the CLI uses; the token is optional there, since only posting needs it. */
export type CliConfig = Pick<
  Config,
  'slackApiUrl' | 'databasePath' | 'logLevel' | 'promptsDir' | 'digestCron' | 'digestTimeZone'
> & { slackBotToken: string | undefined };

function parse<T>(schema: z.ZodType<T>, env: NodeJS.ProcessEnv): T {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`));
  }
  return result.data;
}

/** Reads the environment once; every bad variable is named with how to fix it. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = parse(configSchema, env);
  return {
    slackBotToken: parsed.SLACK_BOT_TOKEN,
    slackSigningSecret: parsed.SLACK_SIGNING_SECRET,
    slackAppToken: parsed.SLACK_APP_TOKEN,
    port: parsed.PORT,
    slackApiUrl: parsed.SLACK_API_URL,
    databasePath: parsed.DATABASE_PATH,
    logLevel: parsed.LOG_LEVEL,
    channels: parsed.CHANNELS,
    promptsDir: parsed.PROMPTS_DIR,
    promptCooldownMinutes: parsed.PROMPT_COOLDOWN_MINUTES,
    digestCron: parsed.DIGEST_CRON,
    digestTimeZone: parsed.DIGEST_TZ,
    // The schema refuses DETECTOR=llm without LLM_BASE_URL and LLM_MODEL; checking them again narrows their types.
    detector:
      parsed.DETECTOR === 'llm' && parsed.LLM_BASE_URL !== undefined && parsed.LLM_MODEL !== undefined
        ? { kind: 'llm', baseUrl: parsed.LLM_BASE_URL, model: parsed.LLM_MODEL, apiKey: parsed.LLM_API_KEY }
        : { kind: 'rules' },
  };
}

/** The CLI's configuration, with the same names, defaults (but LOG_LEVEL's) and messages as the bot's. */
export function loadCliConfig(env: NodeJS.ProcessEnv): CliConfig {
  const parsed = parse(cliConfigSchema, env);
  return {
    slackBotToken: parsed.SLACK_BOT_TOKEN,
    slackApiUrl: parsed.SLACK_API_URL,
    databasePath: parsed.DATABASE_PATH,
    logLevel: parsed.LOG_LEVEL,
    promptsDir: parsed.PROMPTS_DIR,
    digestCron: parsed.DIGEST_CRON,
    digestTimeZone: parsed.DIGEST_TZ,
  };
}
