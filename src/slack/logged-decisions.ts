import type { webApi } from '@slack/bolt';
import { escapeMrkdwn, mentionUser } from '../blocks/mrkdwn.js';
import type { AppDeps } from '../deps.js';
import type { Answer, DecisionRecord } from '../store/decisions.js';
import { slackMarkupToPlainText } from '../text/plain-text.js';
import { summarize } from '../text/summary.js';
import { keepPermalink, postQuestionCard, reactWithInsight } from './decision-cards.js';
import { slackErrorCode } from './errors.js';

export interface LoggedDecision {
  teamId: string;
  channelId: string;
  userId: string;
  text: string;
  /** The answer given while logging; without one, the chair asks its question in the thread. */
  answer?: Omit<Answer, 'answeredBy'>;
}

export type LogResult = { ok: true; decision: DecisionRecord } | { ok: false; reason: string };

/**
 * Posts a decision someone logged with /customer-check to its channel and records it.
 * The post comes first: its ts and permalink are what the digest links to.
 */
export async function postLoggedDecision(
  { store, clock, logger, prompts, detector }: Pick<AppDeps, 'store' | 'clock' | 'logger' | 'prompts' | 'detector'>,
  client: webApi.WebClient,
  logged: LoggedDecision,
): Promise<LogResult> {
  const plain = slackMarkupToPlainText(logged.text).trim();
  const detection = await detector(logged.text);
  const kind = detection.kind ?? { category: 'other' as const, oneWayDoor: false };
  let ts: string | undefined;
  try {
    const posted = await client.chat.postMessage({
      channel: logged.channelId,
      text: `${mentionUser(logged.userId)} logged a decision: ${plain}`,
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: `:memo: ${mentionUser(logged.userId)} logged a decision:` } },
        { type: 'section', text: { type: 'mrkdwn', text: `>${escapeMrkdwn(plain).replace(/\n/g, '\n>')}` } },
      ],
      unfurl_links: false,
      unfurl_media: false,
    });
    ts = posted.ts;
  } catch (error) {
    return { ok: false, reason: `Slack did not post it (${slackErrorCode(error)}). Nothing was recorded.` };
  }
  if (ts === undefined)
    return { ok: false, reason: 'Slack did not say where it posted the decision. Nothing was recorded.' };

  const now = clock.now();
  const cited = logged.answer === undefined ? detection.customer : false;
  const recorded = store.decisions.record(
    {
      teamId: logged.teamId,
      channelId: logged.channelId,
      messageTs: ts,
      threadTs: null,
      authorId: logged.userId,
      summary: summarize(logged.text),
      category: kind.category,
      oneWayDoor: kind.oneWayDoor,
      confidence: 1,
      detectedEvidence: detection.evidence,
      cited,
      source: 'logged',
    },
    now,
  );
  if (recorded === undefined) return { ok: false, reason: 'That message is already recorded.' };
  const log = logger.child({ decisionId: recorded.id, channel: recorded.channelId });
  log.info({ cited }, 'decision logged by hand');

  let decision = recorded;
  if (cited) {
    await reactWithInsight(client, recorded, log);
  } else if (logged.answer !== undefined) {
    decision = store.decisions.answer(recorded.id, { ...logged.answer, answeredBy: logged.userId }, now) ?? recorded;
  } else {
    const settings = store.channels.get(logged.teamId, logged.channelId, now);
    if (!settings.muted) await postQuestionCard(client, { store, prompts }, recorded, settings.lastPromptId, now, log);
  }
  await keepPermalink(client, { store }, recorded, log);
  return { ok: true, decision };
}
