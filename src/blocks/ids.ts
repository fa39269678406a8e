/** Every action_id and callback_id the app sends; listeners match on these, so a typo cannot drift. */
export const ActionId = {
  citeInsight: 'decision_cite_insight',
  noInsightYet: 'decision_no_insight_yet',
  notCustomerFacing: 'decision_not_customer_facing',
  muteChannel: 'channel_mute',
  postDraft: 'draft_post_decision',
  homeCiteInsight: 'home_cite_insight',
  homeNoInsightYet: 'home_no_insight_yet',
  homeNotCustomerFacing: 'home_not_customer_facing',
  homeDigestSettings: 'home_digest_settings',
} as const;
export type ActionId = (typeof ActionId)[keyof typeof ActionId];

export const ViewId = {
  citeInsight: 'cite_insight',
  logDecision: 'log_decision',
  channelSettings: 'channel_settings',
  /** The cite-insight modal opened from the App Home: recorded like `citeInsight`, then the Home is refreshed. */
  homeCiteInsight: 'home_cite_insight',
  digestSubscription: 'digest_subscription',
} as const;

/** block_id / action_id pairs of the cite-insight modal's inputs. */
export const CiteField = {
  evidenceKind: 'evidence_kind',
  link: 'link',
  customer: 'customer',
  benefit: 'benefit',
} as const;
