import type { EvidenceKind } from '../detect/types.js';
import type { AnswerStatus } from '../store/decisions.js';

export const EVIDENCE_LABELS: Record<EvidenceKind, string> = {
  interview: 'Customer interview',
  survey: 'Survey or NPS',
  support: 'Support tickets',
  'usage-data': 'Usage data / analytics',
  review: 'Reviews',
  'request-board': 'Feature-request board',
  churn: 'Churn or exit reasons',
  'usability-test': 'Usability test',
  experiment: 'Experiment / A/B test',
  'sales-call': 'Sales call',
  quote: 'Customer quote',
  'account-feedback': 'Account feedback',
  other: 'Other evidence',
};

export const ANSWER_LABELS: Record<AnswerStatus, string> = {
  cited: 'customer insight cited',
  none: 'no insight yet',
  'not-customer-facing': 'not customer-facing',
  dismissed: 'dismissed',
};
