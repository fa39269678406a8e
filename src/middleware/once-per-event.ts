import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { AppDeps } from '../deps.js';

/**
 * Slack redelivers an event it thinks we missed (`x-slack-retry-num` 1..3) with the same `event_id`.
 * The first delivery claims the id in SQLite, so a retry, even after a restart, changes nothing.
 */
export function oncePerEvent({ store, clock }: Pick<AppDeps, 'store' | 'clock'>): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, logger, next }) => {
    const eventId = 'event_id' in body && typeof body.event_id === 'string' ? body.event_id : undefined;
    if (eventId !== undefined && !store.events.claim(eventId, clock.now())) {
      logger.info(`Skipping event ${eventId}: already handled (retry ${context.retryNum ?? 0})`);
      return;
    }
    await next();
  };
}
