import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { AppDeps } from '../../deps.js';
import { tellClicker } from './button-decision.js';

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>;

export const UNKNOWN_BUTTON_TEXT =
  'That button is from an older version of the empty chair and does nothing now. Nothing was recorded.';

/** A button this version does not know (an old card, a renamed action): acked and explained, never left spinning. */
export function unknownAction({ logger }: AppDeps) {
  return async ({ ack, body, action, client }: Args): Promise<void> => {
    await ack();
    logger.warn({ actionId: 'action_id' in action ? action.action_id : undefined }, 'unknown action');
    await tellClicker(client, body, UNKNOWN_BUTTON_TEXT, logger);
  };
}
