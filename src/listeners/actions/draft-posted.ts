import type { AppDeps } from '../../deps.js';
import { postLoggedDecision } from '../../slack/logged-decisions.js';
import type { ButtonArgs } from './button-decision.js';

/** The draft check's *Post* button: posts the draft to the channel as a logged decision and records it. */
export function draftPosted(deps: AppDeps) {
  return async ({ ack, body, action, client, respond }: ButtonArgs): Promise<void> => {
    await ack();
    const channelId = body.channel?.id ?? body.container?.channel_id;
    const teamId = body.team?.id ?? body.user.team_id;
    const text = action.value?.trim() ?? '';
    if (channelId === undefined || teamId === undefined || text === '') {
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: 'That draft is empty or its channel is unknown. Nothing was posted.',
      });
      return;
    }
    const result = await postLoggedDecision(deps, client, { teamId, channelId, userId: body.user.id, text });
    await respond({
      response_type: 'ephemeral',
      replace_original: true,
      text: !result.ok
        ? result.reason
        : result.decision.status === 'cited'
          ? ':white_check_mark: Posted and logged as citing customer insight.'
          : ':white_check_mark: Posted and logged. The empty chair asks its question in the thread.',
    });
  };
}
