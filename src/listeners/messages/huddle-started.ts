import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { AppDeps } from '../../deps.js';

type Args = AllMiddlewareArgs & SlackEventMiddlewareArgs<'message'>;

/** Slack posts a `huddle_thread` message when a huddle starts; its thread is where the huddle's notes go. */
export function huddleStarted({ store }: AppDeps) {
  return async ({ event, context }: Args): Promise<void> => {
    const huddle = event as unknown as Record<string, unknown>;
    if (typeof huddle.channel !== 'string' || typeof huddle.ts !== 'string') return;
    store.huddles.record(context.teamId ?? '', huddle.channel, huddle.ts);
  };
}
