import { noticeModal } from '../../blocks/cite-insight-modal.js';
import type { AppDeps } from '../../deps.js';
import { slackErrorCode } from '../../slack/errors.js';
import { type HomeViewer, publishHome } from '../../slack/home-tab.js';
import { viewerChannelIds } from '../../slack/viewer-channels.js';
import type { DecisionRecord } from '../../store/decisions.js';
import type { ButtonArgs } from './button-decision.js';

const NOT_YOURS_TEXT =
  'That decision is no longer open to you: it was deleted or edited away, or it is in a channel you are not in. ' +
  'Nothing was recorded.';
const MEMBERSHIP_UNKNOWN_TEXT =
  'Slack did not say whether you are in that decision’s channel, so nothing was recorded. ' +
  'Please try again in a moment.';

/** Tells the person in a small modal: a button on the Home has no thread to answer in. */
async function tellViewer(args: ButtonArgs, title: string, text: string, logger: AppDeps['logger']): Promise<void> {
  try {
    await args.client.views.open({ trigger_id: args.body.trigger_id, view: noticeModal(title, text) });
  } catch (error) {
    logger.warn({ error: slackErrorCode(error) }, 'could not open the notice modal');
  }
}

/**
 * Every answer button on the App Home starts here: ack within Slack's 3 seconds, then find the button's decision,
 * only if it is still recorded in this workspace and in a channel the clicker is in now (the Home they clicked may be
 * older than a leave or a deletion). Otherwise they are told, their Home is rebuilt without it, and the caller gets
 * undefined and records nothing.
 */
export async function ackHomeDecision(
  deps: AppDeps,
  args: ButtonArgs,
): Promise<{ decision: DecisionRecord; viewer: HomeViewer } | undefined> {
  await args.ack();
  const { body, action, client } = args;
  const teamId = body.team?.id ?? body.user.team_id;
  if (teamId === undefined) return undefined;
  const viewer = { teamId, userId: body.user.id };
  const log = deps.logger.child({ user: viewer.userId });
  const id = Number(action.value);
  const decision = Number.isSafeInteger(id) && id > 0 ? deps.store.decisions.get(id) : undefined;
  if (decision !== undefined && decision.teamId === teamId) {
    try {
      if ((await viewerChannelIds(client, viewer.userId)).has(decision.channelId)) return { decision, viewer };
    } catch (error) {
      log.warn({ error: slackErrorCode(error) }, 'could not check the channels of a Home button clicker');
      await tellViewer(args, 'Please try again', MEMBERSHIP_UNKNOWN_TEXT, log);
      return undefined;
    }
  }
  log.info({ decisionId: action.value }, 'Home button for a decision gone or outside the clicker’s channels');
  await tellViewer(args, 'Decision not found', NOT_YOURS_TEXT, log);
  await publishHome(client, deps, viewer);
  return undefined;
}
