import { randomUUID } from 'node:crypto';
import { CiteField } from '../blocks/ids.js';
import { API_APP_ID, VERIFICATION_TOKEN } from './slack-requests.js';
import { DEFAULT_BOT_USER_ID, DEFAULT_TEAM_ID, FAKE_BOT_ID, type RecordedCall } from './slack-web-api.js';

// The .test TLD never resolves, so an app that answers through it fails fast, off the internet.
const UNREACHABLE_RESPONSE_URL = 'https://hooks.slack.test/actions/1/fake';

function triggerId(): string {
  return `${Date.now()}.1.${randomUUID().replaceAll('-', '')}`;
}

function person(user: string, teamId: string) {
  return { id: user, username: user.toLowerCase(), team_id: teamId };
}

/** The button value of a posted decision card: the decision id. */
export function cardDecisionId(card: RecordedCall | undefined): string {
  const blocks = card?.args.blocks as { type: string; elements?: { value?: string }[] }[] | undefined;
  const value = blocks?.find((block) => block.type === 'actions')?.elements?.[0]?.value;
  if (value === undefined) throw new Error(`no decision card in ${JSON.stringify(card)}`);
  return value;
}

export interface ButtonClickFields {
  actionId: string;
  value: string;
  user: string;
  channel: string;
  /** The channel's name as Slack sends it, without '#'; the id when not given. */
  channelName?: string;
  /** The ts of the message the button is on. */
  cardTs: string;
  threadTs?: string | undefined;
  /** Buttons on an ephemeral message (a command's answer) come with is_ephemeral and no message. */
  ephemeral?: boolean;
  responseUrl?: string;
  triggerId?: string;
  teamId?: string;
}

/** A block_actions payload as Slack sends it when someone clicks a button on a message. */
export function buttonClick(fields: ButtonClickFields): Record<string, unknown> {
  const teamId = fields.teamId ?? DEFAULT_TEAM_ID;
  const ephemeral = fields.ephemeral ?? false;
  return {
    type: 'block_actions',
    team: { id: teamId, domain: 'fake-team' },
    user: person(fields.user, teamId),
    api_app_id: API_APP_ID,
    token: VERIFICATION_TOKEN,
    trigger_id: fields.triggerId ?? triggerId(),
    container: { type: 'message', message_ts: fields.cardTs, channel_id: fields.channel, is_ephemeral: ephemeral },
    channel: { id: fields.channel, name: fields.channelName ?? fields.channel },
    ...(ephemeral
      ? {}
      : {
          message: {
            type: 'message',
            ts: fields.cardTs,
            thread_ts: fields.threadTs,
            user: DEFAULT_BOT_USER_ID,
            bot_id: FAKE_BOT_ID,
            text: '',
          },
        }),
    response_url: fields.responseUrl ?? UNREACHABLE_RESPONSE_URL,
    actions: [
      {
        type: 'button',
        action_id: fields.actionId,
        block_id: 'decision_answers',
        value: fields.value,
        text: { type: 'plain_text', text: 'x' },
        action_ts: `${(Date.now() / 1000).toFixed(6)}`,
      },
    ],
  };
}

export type ViewValues = Record<string, Record<string, Record<string, unknown>>>;

/** A view_submission of a modal, with its state values. */
export function viewSubmission(fields: {
  callbackId: string;
  privateMetadata: string;
  values: ViewValues;
  user: string;
  viewId?: string;
  teamId?: string;
}): Record<string, unknown> {
  const teamId = fields.teamId ?? DEFAULT_TEAM_ID;
  return {
    type: 'view_submission',
    team: { id: teamId, domain: 'fake-team' },
    user: person(fields.user, teamId),
    api_app_id: API_APP_ID,
    token: VERIFICATION_TOKEN,
    trigger_id: triggerId(),
    view: {
      id: fields.viewId ?? 'V0CITE',
      team_id: teamId,
      type: 'modal',
      callback_id: fields.callbackId,
      private_metadata: fields.privateMetadata,
      state: { values: fields.values },
      hash: '1700000000.abc',
      blocks: [],
    },
  };
}

/** The state values of the cite-insight modal, filled in as given; a missing field is left empty. */
export function citeValues(fields: { kind?: string; link?: string; customer?: string; benefit?: string }): ViewValues {
  return {
    [CiteField.evidenceKind]: {
      [CiteField.evidenceKind]:
        fields.kind === undefined
          ? { type: 'static_select', selected_option: null }
          : { type: 'static_select', selected_option: { value: fields.kind, text: { type: 'plain_text', text: 'k' } } },
    },
    [CiteField.link]: { [CiteField.link]: { type: 'url_text_input', value: fields.link ?? null } },
    [CiteField.customer]: { [CiteField.customer]: { type: 'plain_text_input', value: fields.customer ?? null } },
    [CiteField.benefit]: { [CiteField.benefit]: { type: 'plain_text_input', value: fields.benefit ?? null } },
  };
}
