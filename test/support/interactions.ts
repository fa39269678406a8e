import type { RecordedCall } from './fake-slack-api.js';
import { BOT_USER_ID, TEAM_ID } from './harness.js';

/** The button value of a posted decision card: the decision id. */
export function cardDecisionId(card: RecordedCall | undefined): string {
  const blocks = card?.args.blocks as { type: string; elements?: { value?: string }[] }[] | undefined;
  const value = blocks?.find((block) => block.type === 'actions')?.elements?.[0]?.value;
  if (value === undefined) throw new Error(`no decision card in ${JSON.stringify(card)}`);
  return value;
}

/** A block_actions payload as Slack sends it when someone clicks a button on the card. */
export function buttonClick(fields: {
  actionId: string;
  value: string;
  user?: string;
  channel?: string;
  cardTs?: string;
  threadTs?: string;
}): Record<string, unknown> {
  const channel = fields.channel ?? 'C0PRODUCT';
  const user = fields.user ?? 'U0BOB';
  const cardTs = fields.cardTs ?? '1700000000.000100';
  return {
    type: 'block_actions',
    team: { id: TEAM_ID, domain: 'fake-team' },
    user: { id: user, username: user.toLowerCase(), team_id: TEAM_ID },
    api_app_id: 'A0FAKEAPP',
    token: 'fake-verification-token',
    trigger_id: '12345.98765.abcd',
    container: { type: 'message', message_ts: cardTs, channel_id: channel, is_ephemeral: false },
    channel: { id: channel, name: 'product' },
    message: { type: 'message', ts: cardTs, thread_ts: fields.threadTs, user: BOT_USER_ID, bot_id: 'BBOT', text: '' },
    response_url: 'https://hooks.slack.test/actions/1/fake',
    actions: [
      {
        type: 'button',
        action_id: fields.actionId,
        block_id: 'decision_answers',
        value: fields.value,
        text: { type: 'plain_text', text: 'x' },
        action_ts: '1700000001.000200',
      },
    ],
  };
}

export type ViewValues = Record<string, Record<string, Record<string, unknown>>>;

/** A view_submission of the cite-insight modal, with its state values. */
export function viewSubmission(fields: {
  callbackId: string;
  privateMetadata: string;
  values: ViewValues;
  user?: string;
}): Record<string, unknown> {
  const user = fields.user ?? 'U0BOB';
  return {
    type: 'view_submission',
    team: { id: TEAM_ID, domain: 'fake-team' },
    user: { id: user, username: user.toLowerCase(), team_id: TEAM_ID },
    api_app_id: 'A0FAKEAPP',
    token: 'fake-verification-token',
    trigger_id: '12345.98765.efgh',
    view: {
      id: 'V0CITE',
      team_id: TEAM_ID,
      type: 'modal',
      callback_id: fields.callbackId,
      private_metadata: fields.privateMetadata,
      state: { values: fields.values },
      hash: '1700000000.abc',
      blocks: [],
    },
  };
}

export function citeValues(fields: { kind?: string; link?: string; customer?: string; benefit?: string }): ViewValues {
  return {
    evidence_kind: {
      evidence_kind:
        fields.kind === undefined
          ? { type: 'static_select', selected_option: null }
          : { type: 'static_select', selected_option: { value: fields.kind, text: { type: 'plain_text', text: 'k' } } },
    },
    link: { link: { type: 'url_text_input', value: fields.link ?? null } },
    customer: { customer: { type: 'plain_text_input', value: fields.customer ?? null } },
    benefit: { benefit: { type: 'plain_text_input', value: fields.benefit ?? null } },
  };
}
