import type { types } from '@slack/bolt';
import { noticeModal } from './cite-insight-modal.js';

/** What a channel-scoped modal (log a decision, settings) carries in private_metadata. */
export interface ChannelMetadata {
  channelId: string;
}

/** Reads the metadata back; undefined when it is not what this app wrote. */
export function parseChannelMetadata(privateMetadata: string): ChannelMetadata | undefined {
  try {
    const parsed: unknown = JSON.parse(privateMetadata);
    if (typeof parsed !== 'object' || parsed === null || !('channelId' in parsed)) return undefined;
    const { channelId } = parsed;
    return typeof channelId === 'string' && /^[CG][A-Z0-9]+$/.test(channelId) ? { channelId } : undefined;
  } catch {
    return undefined;
  }
}

/** Replaces a form that no longer knows its channel, telling the person how to start again. */
export function formExpired(command: string): { response_action: 'update'; view: types.ModalView } {
  return {
    response_action: 'update',
    view: noticeModal(
      'Form expired',
      `This form no longer knows its channel. Run \`${command}\` again. Nothing was saved.`,
    ),
  };
}
