import { describe, expect, it } from 'vitest';
import { ConfigError, loadCliConfig, loadConfig } from '../src/config.js';

const valid = { SLACK_BOT_TOKEN: 'xoxb-1-2', SLACK_SIGNING_SECRET: 'secret' };

function problemsOf(
  env: Record<string, string>,
  load: (env: NodeJS.ProcessEnv) => unknown = loadConfig,
): readonly string[] {
  try {
    load(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    expect(loadConfig(valid)).toEqual({
      slackBotToken: 'xoxb-1-2',
      slackSigningSecret: 'secret',
      slackAppToken: undefined,
      port: 3000,
      slackApiUrl: 'https://slack.com/api/',
      databasePath: './data/empty-chair.db',
      logLevel: 'info',
      channels: [],
      promptsDir: undefined,
      promptCooldownMinutes: 10,
      digestCron: '0 9 * * 1',
      digestTimeZone: 'UTC',
      detector: { kind: 'rules' },
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      ...valid,
      SLACK_APP_TOKEN: 'xapp-1',
      PORT: '8080',
      SLACK_API_URL: 'http://127.0.0.1:9000/api/',
      DATABASE_PATH: '/tmp/x.db',
      LOG_LEVEL: 'debug',
      CHANNELS: '#product, C0123456,, growth ',
      PROMPTS_DIR: './team-prompts',
      PROMPT_COOLDOWN_MINUTES: '0',
      DIGEST_CRON: '30 8 * * 1-5',
      DIGEST_TZ: 'Asia/Kolkata',
      DETECTOR: 'llm',
      LLM_BASE_URL: 'http://localhost:11434/v1/',
      LLM_MODEL: ' llama3.1:8b ',
      LLM_API_KEY: 'sk-local',
    });
    expect(config).toMatchObject({
      detector: { kind: 'llm', baseUrl: 'http://localhost:11434/v1/', model: 'llama3.1:8b', apiKey: 'sk-local' },
      digestCron: '30 8 * * 1-5',
      digestTimeZone: 'Asia/Kolkata',
      slackAppToken: 'xapp-1',
      port: 8080,
      slackApiUrl: 'http://127.0.0.1:9000/api/',
      channels: ['product', 'C0123456', 'growth'],
      promptCooldownMinutes: 0,
    });
  });

  it('needs no API key for the LLM, and ignores the LLM variables unless DETECTOR=llm', () => {
    const llm = { LLM_BASE_URL: 'https://api.openai.com/v1/', LLM_MODEL: 'gpt-4o-mini' };
    expect(loadConfig({ ...valid, DETECTOR: 'llm', ...llm }).detector).toEqual({
      kind: 'llm',
      baseUrl: 'https://api.openai.com/v1/',
      model: 'gpt-4o-mini',
      apiKey: undefined,
    });
    expect(loadConfig({ ...valid, ...llm, LLM_API_KEY: 'sk-1' }).detector).toEqual({ kind: 'rules' });
  });

  it('needs no signing secret in Socket Mode', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).slackSigningSecret).toBeUndefined();
  });

  it.each([
    [{}, 'SLACK_BOT_TOKEN is missing'],
    [{ ...valid, SLACK_BOT_TOKEN: 'xoxp-user-token' }, "SLACK_BOT_TOKEN must be a bot token starting with 'xoxb-'"],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_SIGNING_SECRET is missing'],
    [{ ...valid, SLACK_APP_TOKEN: 'xoxb-wrong' }, "SLACK_APP_TOKEN must be an app-level token starting with 'xapp-'"],
    [{ ...valid, PORT: 'eighty' }, 'PORT must be a whole number from 1 to 65535'],
    [{ ...valid, PORT: '70000' }, 'PORT must be a whole number from 1 to 65535'],
    [{ ...valid, SLACK_API_URL: 'https://slack.com/' }, 'SLACK_API_URL must end with /api/'],
    [{ ...valid, SLACK_API_URL: 'not a url' }, 'SLACK_API_URL must be an http(s) URL'],
    [{ ...valid, LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent'],
    [{ ...valid, PROMPT_COOLDOWN_MINUTES: '-5' }, 'PROMPT_COOLDOWN_MINUTES must be a whole number of minutes'],
    [{ ...valid, DIGEST_CRON: '0 9 * * 8' }, 'DIGEST_CRON is not a cron expression (day of week: 8 is not valid'],
    [{ ...valid, DIGEST_CRON: 'mondays' }, "e.g. '0 9 * * 1' for Monday 09:00"],
    [{ ...valid, DIGEST_TZ: 'Mars/Olympus' }, 'DIGEST_TZ must be an IANA time zone name, e.g. Europe/Berlin'],
    [{ ...valid, DETECTOR: 'gpt' }, "DETECTOR must be 'rules' (the built-in detector) or 'llm'"],
    [{ ...valid, DETECTOR: 'llm', LLM_MODEL: 'm' }, 'LLM_BASE_URL is missing: DETECTOR=llm needs the endpoint'],
    [{ ...valid, DETECTOR: 'llm', LLM_BASE_URL: 'http://localhost:11434/v1/' }, 'LLM_MODEL is missing: DETECTOR=llm'],
    [
      { ...valid, LLM_BASE_URL: 'http://localhost:11434/v1' },
      'LLM_BASE_URL must end with /, e.g. https://api.openai.com/v1/',
    ],
    [{ ...valid, LLM_BASE_URL: 'localhost:11434/v1/' }, 'LLM_BASE_URL must be an http(s) URL ending in /'],
  ])('names the bad variable and the fix: %o', (env, expected) => {
    expect(problemsOf(env).join('\n')).toContain(expected);
  });

  it('reports every bad variable at once', () => {
    expect(problemsOf({ ...valid, PORT: 'x', LOG_LEVEL: 'y' })).toHaveLength(2);
    expect(problemsOf({ ...valid, DETECTOR: 'llm' })).toEqual([
      expect.stringMatching(/^LLM_BASE_URL is missing: .* or set DETECTOR=rules$/),
      expect.stringMatching(/^LLM_MODEL is missing: .* or set DETECTOR=rules$/),
    ]);
  });
});

describe('loadCliConfig', () => {
  it('needs no Slack variables, and logs only warnings by default', () => {
    expect(loadCliConfig({})).toEqual({
      slackBotToken: undefined,
      slackApiUrl: 'https://slack.com/api/',
      databasePath: './data/empty-chair.db',
      logLevel: 'warn',
      promptsDir: undefined,
      digestCron: '0 9 * * 1',
      digestTimeZone: 'UTC',
    });
  });

  it('reads the variables it shares with the bot as the bot does, and ignores the bot-only ones', () => {
    expect(
      loadCliConfig({
        SLACK_BOT_TOKEN: ' xoxb-1 ',
        SLACK_API_URL: 'http://127.0.0.1:9000/api/',
        DATABASE_PATH: '/tmp/x.db',
        LOG_LEVEL: 'debug',
        PROMPTS_DIR: './team-prompts',
        DIGEST_TZ: 'Asia/Kolkata',
        PORT: 'eighty',
        SLACK_APP_TOKEN: 'not-an-app-token',
        DETECTOR: 'llm',
      }),
    ).toEqual({
      slackBotToken: 'xoxb-1',
      slackApiUrl: 'http://127.0.0.1:9000/api/',
      databasePath: '/tmp/x.db',
      logLevel: 'debug',
      promptsDir: './team-prompts',
      digestCron: '0 9 * * 1',
      digestTimeZone: 'Asia/Kolkata',
    });
  });

  it.each([
    [{ SLACK_BOT_TOKEN: 'xoxp-user-token' }, "SLACK_BOT_TOKEN must be a bot token starting with 'xoxb-'"],
    [{ SLACK_API_URL: 'https://slack.com/' }, 'SLACK_API_URL must end with /api/'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent'],
    [{ DIGEST_CRON: 'mondays' }, "e.g. '0 9 * * 1' for Monday 09:00"],
    [{ DIGEST_TZ: 'Mars/Olympus' }, 'DIGEST_TZ must be an IANA time zone name, e.g. Europe/Berlin'],
  ])('names the bad variable with the same fix as the bot: %o', (env, expected) => {
    expect(problemsOf(env, loadCliConfig).join('\n')).toContain(expected);
  });
});
