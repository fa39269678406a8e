import type { types } from '@slack/bolt';
import type { ChannelSettings } from '../store/channel-settings.js';
import type { ChannelMetadata } from './channel-metadata.js';
import { ViewId } from './ids.js';

export const MAX_COOLDOWN_MINUTES = 24 * 60;

const SWITCHES_FIELD = 'switches';
const COOLDOWN_FIELD = 'cooldown';
const SWITCHES = {
  prompts: 'Ask the customer question on decisions',
  digest: 'Include this channel in the weekly digest',
  huddleCards: 'Ask in huddle threads too',
} as const;
type Switch = keyof typeof SWITCHES;

export interface ChannelSettingsChoice {
  prompts: boolean;
  digest: boolean;
  huddleCards: boolean;
  cooldownMinutes: number;
}

export type ChannelSettingsSubmission =
  | { ok: true; choice: ChannelSettingsChoice }
  | { ok: false; errors: Record<string, string> };

/** `/customer-check settings`: the channel's switches and cool-down, as they stand now. */
export function channelSettingsModal(
  metadata: ChannelMetadata,
  channelName: string,
  settings: ChannelSettings,
  defaultCooldownMinutes: number,
): types.ModalView {
  const option = (key: Switch) => ({ text: { type: 'plain_text' as const, text: SWITCHES[key] }, value: key });
  const on: Record<Switch, boolean> = {
    prompts: !settings.muted,
    digest: settings.digestEnabled,
    huddleCards: settings.huddleCardsEnabled,
  };
  const initial = (Object.keys(SWITCHES) as Switch[]).filter((key) => on[key]).map(option);
  return {
    type: 'modal',
    callback_id: ViewId.channelSettings,
    private_metadata: JSON.stringify(metadata),
    title: { type: 'plain_text', text: 'Empty chair settings' },
    submit: { type: 'plain_text', text: 'Save' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: `Settings for #${channelName}; anyone here can change them.` }],
      },
      {
        type: 'input',
        block_id: SWITCHES_FIELD,
        optional: true,
        label: { type: 'plain_text', text: 'In this channel' },
        element: {
          type: 'checkboxes',
          action_id: SWITCHES_FIELD,
          options: (Object.keys(SWITCHES) as Switch[]).map(option),
          ...(initial.length > 0 ? { initial_options: initial } : {}),
        },
      },
      {
        type: 'input',
        block_id: COOLDOWN_FIELD,
        label: { type: 'plain_text', text: 'Minutes between two questions (0: no cool-down)' },
        element: {
          type: 'number_input',
          action_id: COOLDOWN_FIELD,
          is_decimal_allowed: false,
          min_value: '0',
          max_value: String(MAX_COOLDOWN_MINUTES),
          initial_value: String(settings.cooldownMinutes ?? defaultCooldownMinutes),
        },
      },
    ],
  };
}

type StateValues = Record<
  string,
  Record<string, { value?: string | null; selected_options?: { value: string }[] | null }>
>;

export function parseChannelSettingsSubmission(values: StateValues): ChannelSettingsSubmission {
  const chosen = new Set(
    (values[SWITCHES_FIELD]?.[SWITCHES_FIELD]?.selected_options ?? []).map((option) => option.value),
  );
  const unknown = [...chosen].filter((value) => !Object.hasOwn(SWITCHES, value));
  const raw = values[COOLDOWN_FIELD]?.[COOLDOWN_FIELD]?.value?.trim() ?? '';
  const minutes = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  const errors: Record<string, string> = {};
  if (unknown.length > 0) errors[SWITCHES_FIELD] = 'Choose only from the listed switches.';
  if (!Number.isInteger(minutes) || minutes > MAX_COOLDOWN_MINUTES) {
    errors[COOLDOWN_FIELD] = `Enter whole minutes from 0 to ${MAX_COOLDOWN_MINUTES}.`;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    choice: {
      prompts: chosen.has('prompts'),
      digest: chosen.has('digest'),
      huddleCards: chosen.has('huddleCards'),
      cooldownMinutes: minutes,
    },
  };
}
