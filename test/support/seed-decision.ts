import type { DecisionRecord, DecisionStatus } from '../../src/store/decisions.js';
import type { Store } from '../../src/store/store.js';

let seq = 0;

/**
 * Records a decision as the bot would have at `createdAt`, answered as `status` a minute later, for tests that need
 * a week of history. Message ts are unique within the test run.
 */
export function seedDecision(
  store: Store,
  fields: {
    teamId: string;
    channelId: string;
    createdAt: number;
    status?: DecisionStatus;
    summary?: string;
    customerWho?: string;
    permalink?: boolean;
  },
): DecisionRecord {
  seq += 1;
  const { teamId, channelId, createdAt, status = 'pending' } = fields;
  const recorded = store.decisions.record(
    {
      teamId,
      channelId,
      messageTs: `1763${String(seq).padStart(6, '0')}.000100`,
      threadTs: null,
      authorId: 'U0ALICE',
      summary: fields.summary ?? `Decision ${seq}: we ship the importer first.`,
      category: 'roadmap',
      oneWayDoor: false,
      confidence: 0.9,
      detectedEvidence: [],
      cited: false,
    },
    createdAt,
  );
  if (recorded === undefined) throw new Error('not recorded');
  if (fields.permalink === true) {
    store.decisions.setPermalink(recorded.id, `https://fake.slack.test/archives/${channelId}/p${seq}`);
  }
  if (status === 'pending') return store.decisions.get(recorded.id) ?? recorded;
  const cited =
    status === 'cited'
      ? { evidenceKind: 'interview' as const, customerWho: fields.customerWho ?? 'Finance admins' }
      : {};
  return store.decisions.answer(recorded.id, { status, answeredBy: 'U0BOB', ...cited }, createdAt + 60_000) ?? recorded;
}
