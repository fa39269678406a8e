import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs, webApi } from '@slack/bolt';
import type { Logger } from '../../logger.js';
import { slackErrorCode } from '../../slack/errors.js';
import type { DecisionRecord } from '../../store/decisions.js';
import type { Store } from '../../store/store.js';

export const STALE_BUTTON_TEXT =
  'That question is no longer open: its decision was deleted or edited away. Nothing was recorded.';

/** Tells only the person who clicked; nobody else in the channel sees it. */
export async function tellClicker(
  client: webApi.WebClient,
  body: BlockAction,
  text: string,
  logger: Logger,
): Promise<void> {
  const channel = body.channel?.id ?? body.container?.channel_id;
  if (channel === undefined) return;
  try {
    await client.chat.postEphemeral({
      channel,
      user: body.user.id,
      text,
      ...(body.message?.thread_ts === undefined ? {} : { thread_ts: body.message.thread_ts }),
    });
  } catch (error) {
    logger.warn({ error: slackErrorCode(error) }, 'could not send the ephemeral notice');
  }
}

/** The decision a card's button belongs to, only if it is still recorded for this workspace and channel. */
function decisionOfButton(store: Store, body: BlockAction, action: ButtonAction): DecisionRecord | undefined {
  const id = Number(action.value);
  if (!Number.isSafeInteger(id) || id <= 0) return undefined;
  const decision = store.decisions.get(id);
  if (decision === undefined) return undefined;
  const teamId = body.team?.id ?? body.user.team_id;
  const channelId = body.channel?.id ?? body.container?.channel_id;
  if (decision.teamId !== teamId || decision.channelId !== channelId) return undefined;
  return decision;
}

export type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

/**
 * Every card button starts here: ack within Slack's 3 seconds, then find the button's decision.
 * When it is gone the clicker is told so, and the caller gets undefined and records nothing.
 */
export async function ackButtonDecision(
  store: Store,
  logger: Logger,
  { ack, body, action, client }: ButtonArgs,
): Promise<DecisionRecord | undefined> {
  await ack();
  const decision = decisionOfButton(store, body, action);
  if (decision === undefined) await tellClicker(client, body, STALE_BUTTON_TEXT, logger);
  return decision;
}
