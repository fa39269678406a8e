/** Evidence kinds, exactly as `shared/labeling.md` lists them. */
export const EVIDENCE_KINDS = [
  'interview',
  'survey',
  'support',
  'usage-data',
  'review',
  'request-board',
  'churn',
  'usability-test',
  'experiment',
  'sales-call',
  'quote',
  'account-feedback',
  'other',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** What a decision is about; picks which customer question fits it. */
export const DECISION_CATEGORIES = [
  'pricing',
  'roadmap',
  'scope',
  'process',
  'technical',
  'people',
  'sunset',
  'other',
] as const;
export type DecisionCategory = (typeof DECISION_CATEGORIES)[number];

export interface DecisionKind {
  category: DecisionCategory;
  /** Hard to reverse (pricing, sunsetting, contracts, data deletion): gets the Working Backwards questions. */
  oneWayDoor: boolean;
}

export interface Detection {
  decision: boolean;
  customer: boolean;
  /** Null when the message is not a decision. */
  kind: DecisionKind | null;
  /** Evidence kinds cited, without repeats, in order of first appearance; empty when `customer` is false. */
  evidence: EvidenceKind[];
  /** 0..1, how sure the detector is of its `decision` verdict. */
  confidence: number;
}
