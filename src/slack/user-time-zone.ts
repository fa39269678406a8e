import type { webApi } from '@slack/bolt';
import type { Logger } from '../logger.js';
import { slackErrorCode } from './errors.js';

/** The person's time zone from their Slack profile; UTC when Slack will not say, so weeks still make sense. */
export async function userTimeZone(client: webApi.WebClient, userId: string, logger: Logger): Promise<string> {
  try {
    const { user } = await client.users.info({ user: userId });
    return user?.tz ?? 'UTC';
  } catch (error) {
    logger.warn({ error: slackErrorCode(error) }, 'no time zone for the user; using UTC');
    return 'UTC';
  }
}
