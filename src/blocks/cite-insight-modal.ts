import type { types } from '@slack/bolt';
import { EVIDENCE_KINDS, type EvidenceKind } from '../detect/types.js';
import { CiteField, ViewId } from './ids.js';
import { EVIDENCE_LABELS } from './labels.js';

export const CUSTOMER_MAX_LENGTH = 200;
export const BENEFIT_MAX_LENGTH = 500;
export const LINK_MAX_LENGTH = 2000;

export interface CiteInsightMetadata {
  decisionId: number;
}

export interface CitedInsight {
  evidenceKind: EvidenceKind;
  evidenceLink: string | undefined;
  customerWho: string;
  benefit: string | undefined;
}

export type CiteSubmission = { ok: true; insight: CitedInsight } | { ok: false; errors: Record<string, string> };

/** The modal behind *Cite customer insight*; `summary` is the stored, already neutralised decision summary. */
export function citeInsightModal(
  metadata: CiteInsightMetadata,
  summary: string,
  detected: readonly EvidenceKind[],
): types.ModalView {
  const option = (kind: EvidenceKind) => ({
    text: { type: 'plain_text' as const, text: EVIDENCE_LABELS[kind] },
    value: kind,
  });
  const firstDetected = detected[0];
  return {
    type: 'modal',
    callback_id: ViewId.citeInsight,
    private_metadata: JSON.stringify(metadata),
    title: { type: 'plain_text', text: 'Cite customer insight' },
    submit: { type: 'plain_text', text: 'Save' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      { type: 'context', elements: [{ type: 'plain_text', text: `Decision: ${summary}`, emoji: false }] },
      {
        type: 'input',
        block_id: CiteField.evidenceKind,
        label: { type: 'plain_text', text: 'What kind of evidence?' },
        element: {
          type: 'static_select',
          action_id: CiteField.evidenceKind,
          placeholder: { type: 'plain_text', text: 'Choose one' },
          options: EVIDENCE_KINDS.map(option),
          ...(firstDetected === undefined ? {} : { initial_option: option(firstDetected) }),
        },
      },
      {
        type: 'input',
        block_id: CiteField.link,
        optional: true,
        label: { type: 'plain_text', text: 'Link to it' },
        hint: { type: 'plain_text', text: 'The interview notes, ticket, survey or dashboard.' },
        element: { type: 'url_text_input', action_id: CiteField.link },
      },
      {
        type: 'input',
        block_id: CiteField.customer,
        label: { type: 'plain_text', text: 'Who is the customer?' },
        hint: { type: 'plain_text', text: 'For example: finance admins at mid-size accounts.' },
        element: { type: 'plain_text_input', action_id: CiteField.customer, max_length: CUSTOMER_MAX_LENGTH },
      },
      {
        type: 'input',
        block_id: CiteField.benefit,
        optional: true,
        label: { type: 'plain_text', text: 'What do they gain?' },
        element: {
          type: 'plain_text_input',
          action_id: CiteField.benefit,
          multiline: true,
          max_length: BENEFIT_MAX_LENGTH,
        },
      },
    ],
  };
}

/** Reads the metadata back; undefined when it is not what this app wrote (a stale or forged view). */
export function parseCiteInsightMetadata(privateMetadata: string): CiteInsightMetadata | undefined {
  try {
    const parsed: unknown = JSON.parse(privateMetadata);
    if (typeof parsed !== 'object' || parsed === null || !('decisionId' in parsed)) return undefined;
    const { decisionId } = parsed;
    return typeof decisionId === 'number' && Number.isSafeInteger(decisionId) && decisionId > 0
      ? { decisionId }
      : undefined;
  } catch {
    return undefined;
  }
}

type StateValues = Record<
  string,
  Record<string, { value?: string | null; selected_option?: { value: string } | null }>
>;

function isEvidenceKind(value: string | undefined): value is EvidenceKind {
  return (EVIDENCE_KINDS as readonly string[]).includes(value ?? '');
}

function normaliseLink(raw: string): string | undefined {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Validates a submission; each error is keyed by the block it belongs to, as Slack's `response_action: errors` wants. */
export function parseCiteSubmission(values: StateValues): CiteSubmission {
  const errors: Record<string, string> = {};
  const text = (field: string) => values[field]?.[field]?.value?.trim() || undefined;

  const kind = values[CiteField.evidenceKind]?.[CiteField.evidenceKind]?.selected_option?.value;
  if (!isEvidenceKind(kind)) errors[CiteField.evidenceKind] = 'Choose the kind of evidence from the list.';

  const rawLink = text(CiteField.link);
  const link = rawLink === undefined ? undefined : normaliseLink(rawLink);
  if (rawLink !== undefined && (link === undefined || link.length > LINK_MAX_LENGTH)) {
    errors[CiteField.link] = 'Enter a full http(s) link, like https://example.com/notes, or leave it empty.';
  }

  const customerWho = text(CiteField.customer);
  if (customerWho === undefined) errors[CiteField.customer] = 'Say who the customer is, in a few words.';
  else if (customerWho.length > CUSTOMER_MAX_LENGTH) {
    errors[CiteField.customer] = `Keep it under ${CUSTOMER_MAX_LENGTH} characters.`;
  }

  const benefit = text(CiteField.benefit);
  if (benefit !== undefined && benefit.length > BENEFIT_MAX_LENGTH) {
    errors[CiteField.benefit] = `Keep it under ${BENEFIT_MAX_LENGTH} characters.`;
  }

  if (Object.keys(errors).length > 0 || !isEvidenceKind(kind) || customerWho === undefined)
    return { ok: false, errors };
  return { ok: true, insight: { evidenceKind: kind, evidenceLink: link, customerWho, benefit } };
}

/** Replaces the modal when its decision is gone, so the person is told instead of left with a spinner. */
export function noticeModal(title: string, text: string): types.ModalView {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: title },
    close: { type: 'plain_text', text: 'Close' },
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
  };
}
