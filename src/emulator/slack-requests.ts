import { createHmac, randomUUID } from 'node:crypto';
import { DEFAULT_BOT_USER_ID, DEFAULT_TEAM_ID } from './slack-web-api.js';

/** Where the app under test receives Slack's HTTP requests, e.g. 'http://127.0.0.1:PORT/slack/events'. */
export interface SlackRequestTarget {
  url: string;
  signingSecret: string;
}

export interface SignedRequestOptions {
  /** Defaults to now: Bolt rejects requests whose timestamp is more than five minutes from its wall clock. */
  timestampSeconds?: number;
  /** Sent instead of the computed signature, for bad-signature tests. */
  signature?: string;
}

export interface EventOptions extends SignedRequestOptions {
  eventId?: string;
  teamId?: string;
  /** Marks the delivery as Slack's nth retry after the app failed to ack in time. */
  retryNum?: number;
}

export interface CommandFields {
  command: string;
  text: string;
  user_id: string;
  channel_id: string;
  team_id?: string;
  trigger_id?: string;
  response_url?: string;
  channel_name?: string;
}

export interface SlackResponse {
  status: number;
  body: string;
}

export interface SlackSignatureHeaders {
  'x-slack-signature': string;
  'x-slack-request-timestamp': string;
}

export const API_APP_ID = 'A0FAKEAPP';
// Bolt no longer checks the legacy verification token, but Slack still sends one.
export const VERIFICATION_TOKEN = 'fake-verification-token';
const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

/** https://api.slack.com/authentication/verifying-requests-from-slack */
export function signSlackRequest(signingSecret: string, body: string, timestampSeconds: number): SlackSignatureHeaders {
  const digest = createHmac('sha256', signingSecret).update(`v0:${timestampSeconds}:${body}`).digest('hex');
  return { 'x-slack-signature': `v0=${digest}`, 'x-slack-request-timestamp': String(timestampSeconds) };
}

/** Delivers an Events API event wrapped in the `event_callback` envelope Slack uses. */
export function sendEvent(
  target: SlackRequestTarget,
  event: Record<string, unknown>,
  options: EventOptions = {},
): Promise<SlackResponse> {
  const teamId = options.teamId ?? DEFAULT_TEAM_ID;
  const timestampSeconds = options.timestampSeconds ?? nowSeconds();
  const envelope = {
    token: VERIFICATION_TOKEN,
    team_id: teamId,
    api_app_id: API_APP_ID,
    event,
    type: 'event_callback',
    event_id: options.eventId ?? newEventId(),
    event_time: timestampSeconds,
    authorizations: [{ team_id: teamId, user_id: DEFAULT_BOT_USER_ID, is_bot: true }],
  };
  const retryHeaders: Record<string, string> =
    options.retryNum === undefined
      ? {}
      : { 'x-slack-retry-num': String(options.retryNum), 'x-slack-retry-reason': 'http_timeout' };
  return post(target, JSON.stringify(envelope), 'application/json', { ...options, timestampSeconds }, retryHeaders);
}

/** Delivers an interactivity payload (block_actions, view_submission, …) form-encoded as `payload=<json>`. */
export function sendInteraction(
  target: SlackRequestTarget,
  payload: Record<string, unknown>,
  options: SignedRequestOptions = {},
): Promise<SlackResponse> {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return post(target, body, FORM_CONTENT_TYPE, options);
}

/** Delivers a slash command invocation with the form fields Slack sends. */
export function sendCommand(
  target: SlackRequestTarget,
  fields: CommandFields,
  options: SignedRequestOptions = {},
): Promise<SlackResponse> {
  const teamId = fields.team_id ?? DEFAULT_TEAM_ID;
  const body = new URLSearchParams({
    token: VERIFICATION_TOKEN,
    team_id: teamId,
    team_domain: 'fake-team',
    channel_id: fields.channel_id,
    channel_name: fields.channel_name ?? 'general',
    user_id: fields.user_id,
    user_name: `user-${fields.user_id.toLowerCase()}`,
    command: fields.command,
    text: fields.text,
    api_app_id: API_APP_ID,
    is_enterprise_install: 'false',
    // The .test TLD never resolves, so an app that answers via the default response_url fails fast, off the internet.
    response_url: fields.response_url ?? `https://hooks.slack.test/commands/${teamId}/1/fake`,
    trigger_id: fields.trigger_id ?? `${Date.now()}.1.${randomUUID().replaceAll('-', '')}`,
  }).toString();
  return post(target, body, FORM_CONTENT_TYPE, options);
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

function newEventId(): string {
  return `Ev${randomUUID().replaceAll('-', '').slice(0, 12).toUpperCase()}`;
}

async function post(
  target: SlackRequestTarget,
  body: string,
  contentType: string,
  options: SignedRequestOptions,
  extraHeaders: Record<string, string> = {},
): Promise<SlackResponse> {
  const signed = signSlackRequest(target.signingSecret, body, options.timestampSeconds ?? nowSeconds());
  const response = await fetch(target.url, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
      ...signed,
      ...(options.signature === undefined ? {} : { 'x-slack-signature': options.signature }),
      ...extraHeaders,
    },
    body,
  });
  return { status: response.status, body: await response.text() };
}
