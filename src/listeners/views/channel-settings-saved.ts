import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { formExpired, parseChannelMetadata } from '../../blocks/channel-metadata.js';
import { parseChannelSettingsSubmission } from '../../blocks/channel-settings-modal.js';
import type { AppDeps } from '../../deps.js';

type Args = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

/** Saves the channel's settings in one go; a bad value is shown under its field and nothing changes. */
export function channelSettingsSaved({ store, clock, logger, config }: AppDeps) {
  return async ({ ack, view, body }: Args): Promise<void> => {
    const metadata = parseChannelMetadata(view.private_metadata);
    const teamId = body.team?.id ?? body.user.team_id;
    if (metadata === undefined || teamId === undefined) {
      await ack(formExpired('/customer-check settings'));
      return;
    }
    const submission = parseChannelSettingsSubmission(view.state.values);
    if (!submission.ok) {
      await ack({ response_action: 'errors', errors: submission.errors });
      return;
    }
    await ack();
    const { choice } = submission;
    const now = clock.now();
    store.db.transaction(() => {
      const current = store.channels.get(teamId, metadata.channelId, now);
      if (current.muted === choice.prompts) {
        store.channels.setMuted(
          teamId,
          metadata.channelId,
          choice.prompts ? { muted: false } : { muted: true, by: body.user.id, until: null },
          now,
        );
      }
      store.channels.setOptions(teamId, metadata.channelId, {
        digestEnabled: choice.digest,
        huddleCardsEnabled: choice.huddleCards,
        cooldownMinutes: choice.cooldownMinutes === config.promptCooldownMinutes ? null : choice.cooldownMinutes,
      });
    })();
    logger.info({ channel: metadata.channelId, ...choice }, 'channel settings saved');
  };
}
