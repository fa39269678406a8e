import type { types } from '@slack/bolt';
import { EVIDENCE_KINDS, type EvidenceKind } from '../detect/types.js';
import type { AnswerStatus } from '../store/decisions.js';
import type { ChannelMetadata } from './channel-metadata.js';
import { type CitedInsight, parseCiteSubmission } from './cite-insight-modal.js';
import { CiteField, ViewId } from './ids.js';
import { ANSWER_LABELS, EVIDENCE_LABELS } from './labels.js';

export const MAX_LOGGED_DECISION = 3000;

const DECISION_FIELD = 'decision';
const INSIGHT_FIELD = 'insight';
const INSIGHT_CHOICES: readonly Exclude<AnswerStatus, 'dismissed'>[] = ['cited', 'none', 'not-customer-facing'];

export type LogDecisionSubmission =
  | { ok: true; text: string; status: 'none' | 'not-customer-facing' }
  | { ok: true; text: string; status: 'cited'; insight: CitedInsight }
  | { ok: false; errors: Record<string, string> };

/** `/customer-check` with no text: log a decision made elsewhere (a call, a document) by hand. */
export function logDecisionModal(metadata: ChannelMetadata, channelName: string): types.ModalView {
  const kindOption = (kind: EvidenceKind) => ({
    text: { type: 'plain_text' as const, text: EVIDENCE_LABELS[kind] },
    value: kind,
  });
  return {
    type: 'modal',
    callback_id: ViewId.logDecision,
    private_metadata: JSON.stringify(metadata),
    title: { type: 'plain_text', text: 'Log a decision' },
    submit: { type: 'plain_text', text: 'Post and log' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      { type: 'context', elements: [{ type: 'mrkdwn', text: `Posted to #${channelName} and counted in its digest.` }] },
      {
        type: 'input',
        block_id: DECISION_FIELD,
        label: { type: 'plain_text', text: 'What was decided?' },
        element: {
          type: 'plain_text_input',
          action_id: DECISION_FIELD,
          multiline: true,
          max_length: MAX_LOGGED_DECISION,
        },
      },
      {
        type: 'input',
        block_id: INSIGHT_FIELD,
        label: { type: 'plain_text', text: 'Customer insight behind it' },
        element: {
          type: 'radio_buttons',
          action_id: INSIGHT_FIELD,
          options: INSIGHT_CHOICES.map((status) => ({
            text: { type: 'plain_text', text: ANSWER_LABELS[status].replace(/^./, (first) => first.toUpperCase()) },
            value: status,
          })),
        },
      },
      {
        type: 'input',
        block_id: CiteField.evidenceKind,
        optional: true,
        label: { type: 'plain_text', text: 'Evidence kind (if cited)' },
        element: { type: 'static_select', action_id: CiteField.evidenceKind, options: EVIDENCE_KINDS.map(kindOption) },
      },
      {
        type: 'input',
        block_id: CiteField.link,
        optional: true,
        label: { type: 'plain_text', text: 'Link to the evidence' },
        element: { type: 'url_text_input', action_id: CiteField.link },
      },
      {
        type: 'input',
        block_id: CiteField.customer,
        optional: true,
        label: { type: 'plain_text', text: 'Who is the customer? (if cited)' },
        element: { type: 'plain_text_input', action_id: CiteField.customer, max_length: 200 },
      },
    ],
  };
}

type StateValues = Parameters<typeof parseCiteSubmission>[0];

/** Validates the form; a cited decision needs the same fields the cite modal asks for. */
export function parseLogDecisionSubmission(values: StateValues): LogDecisionSubmission {
  const errors: Record<string, string> = {};
  const text = values[DECISION_FIELD]?.[DECISION_FIELD]?.value?.trim() ?? '';
  if (text === '') errors[DECISION_FIELD] = 'Write what was decided.';
  else if (text.length > MAX_LOGGED_DECISION) errors[DECISION_FIELD] = 'Keep it under 3,000 characters.';

  const status = values[INSIGHT_FIELD]?.[INSIGHT_FIELD]?.selected_option?.value;
  if (status !== 'cited' && status !== 'none' && status !== 'not-customer-facing') {
    errors[INSIGHT_FIELD] = 'Choose whether customer insight was behind it.';
    return { ok: false, errors };
  }
  if (status !== 'cited') return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, text, status };

  const cited = parseCiteSubmission(values);
  if (!cited.ok || Object.keys(errors).length > 0) {
    return { ok: false, errors: { ...errors, ...(cited.ok ? {} : cited.errors) } };
  }
  return { ok: true, text, status, insight: cited.insight };
}
