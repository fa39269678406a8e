import { webApi } from '@slack/bolt';
import { digestMessage } from '../blocks/digest-message.js';
import type { Config } from '../config.js';
import type { AppDeps } from '../deps.js';
import { toBoltLogger } from '../logger.js';
import { slackErrorCode } from '../slack/errors.js';
import { type SlackChannel, viewerChannels, workspaceChannels } from '../slack/viewer-channels.js';
import { completedWeeks, isoWeekKey, parseIsoWeek } from '../stats/week-ranges.js';
import type { WeekRange } from '../stats/weekly-counts.js';
import type { DigestDelivery, DigestTarget } from '../store/digest-deliveries.js';
import type { DigestSubscription } from '../store/digest-subscriptions.js';
import { buildDigest, type Digest, type DigestChannel } from './build-digest.js';
import { DigestInputs } from './digest-input.js';
import { type CronSchedule, cronSchedule, subscriberDueAt } from './due.js';
import { deliveryKey, findPostedDigest, openDestination, postDigest, uploadChart } from './post-digest.js';

/** Longer than any post takes; a claim older than this belongs to a process that died mid-post. */
export const CLAIM_LEASE_MS = 5 * 60_000;
/** After downtime, weeks missed are caught up as far back as the chart reaches, never further. */
export const CATCH_UP_WEEKS = 12;
const EPOCH = 'digest_epoch';

export type DeliveryOutcome = 'sent' | 'quiet' | 'taken' | 'failed' | 'retry' | 'unknown';

/** What became of a digest posted on request; `delivery` is the ledger's row for the week: where and when it went. */
export interface ChannelPost {
  outcome: DeliveryOutcome | 'digests-off' | 'not-in-channel';
  delivery: DigestDelivery | undefined;
}

export interface RunSummary {
  sent: number;
  quiet: number;
  failed: number;
  /** Posts whose outcome Slack never told us; reconciled once their claim's lease runs out. */
  unknown: number;
}

interface DigestRunnerOptions {
  deps: Pick<AppDeps, 'store' | 'prompts' | 'logger'>;
  /** Reads, DMs and uploads; retried as the app's client is. */
  client: webApi.WebClient;
  /** The post itself: never retried blindly, since a retry after a lost response would post twice. */
  postClient: webApi.WebClient;
  teamId: string;
  /** Names this process in claims; unique per process. */
  claimant: string;
  channelSchedule: CronSchedule;
}

/** What one run has already asked Slack, so 500 channels cost one channel list and each person one lookup. */
class RunCache {
  readonly inputs;
  private workspace: Promise<Map<string, SlackChannel>> | undefined;
  private readonly people = new Map<string, Promise<SlackChannel[]>>();

  constructor(private readonly runner: Pick<DigestRunnerOptions, 'client' | 'deps'>) {
    this.inputs = new DigestInputs(runner.deps.store);
  }

  channels(): Promise<Map<string, SlackChannel>> {
    this.workspace ??= workspaceChannels(this.runner.client).then(
      (channels) => new Map(channels.map((channel) => [channel.id, channel])),
    );
    return this.workspace;
  }

  channelsOf(userId: string): Promise<SlackChannel[]> {
    let channels = this.people.get(userId);
    if (channels === undefined) {
      channels = viewerChannels(this.runner.client, userId);
      this.people.set(userId, channels);
    }
    return channels;
  }
}

const named = ({ id, name }: SlackChannel): DigestChannel => ({ id, name });

/**
 * Posts every digest that is due, exactly once per (team, target, week), and catches up what was missed while the bot
 * was down. Each run first reconciles claims left behind by a crash, then walks channel digests (on DIGEST_CRON in
 * DIGEST_TZ) and personal digests (on each person's weekday and hour, in their time zone).
 */
export class DigestRunner {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: DigestRunnerOptions) {}

  /** Runs one after the other within a process; across processes the ledger's claims keep them apart. */
  runDue(now: number): Promise<RunSummary> {
    const run = this.queue.then(() => this.run(now));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Resolves once the runs started so far are over, so shutdown never closes the store under a post. */
  async settled(): Promise<void> {
    await this.queue;
  }

  /**
   * Posts one channel's digest for a finished week now, through the same ledger as the schedule: a week the ledger
   * already has is not posted again ('taken', with its row). Digests turned off, or a channel the bot is not in, are
   * not claimed. A week still running must not come here: its row would stop the whole week's digest going out.
   */
  postChannelDigest(channelId: string, period: string, now: number): Promise<ChannelPost> {
    const run = this.queue.then(() => this.postChannel(channelId, period, now));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async postChannel(channelId: string, period: string, now: number): Promise<ChannelPost> {
    const { store } = this.options.deps;
    const { teamId, channelSchedule } = this.options;
    const target: DigestTarget = { teamId, kind: 'channel', id: channelId };
    const recorded = store.deliveries.get(target, period);
    if (recorded !== undefined) return { outcome: 'taken', delivery: recorded };
    const { digestEnabled } = store.channels.get(teamId, channelId, now);
    if (!digestEnabled) return { outcome: 'digests-off', delivery: undefined };
    const cache = new RunCache(this.options);
    const channel = (await cache.channels()).get(channelId);
    if (channel === undefined || !channel.isMember) return { outcome: 'not-in-channel', delivery: undefined };
    const week = parseIsoWeek(period, channelSchedule.timeZone);
    const outcome = await this.deliver(target, period, now, () => this.channelDigest(channel, week, period, cache));
    return { outcome, delivery: store.deliveries.get(target, period) };
  }

  private async run(now: number): Promise<RunSummary> {
    const { store } = this.options.deps;
    const epoch = store.scheduler.firstValue(EPOCH, now);
    const cache = new RunCache(this.options);
    const outcomes = [
      ...(await this.reconcile(now, cache)),
      ...(await this.channelDigests(now, epoch, cache)),
      ...(await this.personDigests(now, epoch, cache)),
    ];
    const count = (outcome: DeliveryOutcome) => outcomes.filter((each) => each === outcome).length;
    return { sent: count('sent'), quiet: count('quiet'), failed: count('failed'), unknown: count('unknown') };
  }

  private async channelDigests(now: number, epoch: number, cache: RunCache): Promise<DeliveryOutcome[]> {
    const { store, logger } = this.options.deps;
    const { channelSchedule, teamId } = this.options;
    const outcomes: DeliveryOutcome[] = [];
    for (const week of completedWeeks(now, channelSchedule.timeZone, CATCH_UP_WEEKS)) {
      const dueAt = channelSchedule.firstFireAtOrAfter(week.end);
      if (dueAt === null || dueAt > now || dueAt < epoch) continue;
      const period = isoWeekKey(week, channelSchedule.timeZone);
      for (const channelId of store.decisions.channelsWithDecisions(teamId, week)) {
        const target: DigestTarget = { teamId, kind: 'channel', id: channelId };
        if (store.deliveries.get(target, period) !== undefined) continue;
        if (!store.channels.get(teamId, channelId, now).digestEnabled) continue;
        try {
          const channel = (await cache.channels()).get(channelId);
          // A channel the bot was removed from, or one archived since, gets no digest and no claim.
          if (channel === undefined || !channel.isMember) continue;
          outcomes.push(
            await this.deliver(target, period, now, () => this.channelDigest(channel, week, period, cache)),
          );
        } catch (error) {
          logger.warn({ channel: channelId, period, error: slackErrorCode(error) }, 'could not build a channel digest');
        }
      }
    }
    return outcomes;
  }

  private async personDigests(now: number, epoch: number, cache: RunCache): Promise<DeliveryOutcome[]> {
    const { store, logger } = this.options.deps;
    const outcomes: DeliveryOutcome[] = [];
    for (const subscription of store.subscriptions.listEnabled(this.options.teamId)) {
      const target: DigestTarget = { teamId: this.options.teamId, kind: 'person', id: subscription.userId };
      // A schedule applies from when it was set: changing the hour never re-sends a week already due before.
      const from = Math.max(epoch, subscription.updatedAt);
      const due = completedWeeks(now, subscription.timeZone, CATCH_UP_WEEKS).filter((week) => {
        const dueAt = subscriberDueAt(week, subscription);
        return dueAt <= now && dueAt >= from;
      });
      const periods = due.map((week) => isoWeekKey(week, subscription.timeZone));
      const known = store.deliveries.knownPeriods(target, periods);
      for (const [index, week] of due.entries()) {
        const period = periods[index] ?? '';
        if (known.has(period)) continue;
        try {
          outcomes.push(
            await this.deliver(target, period, now, () => this.personDigest(subscription, week, period, cache)),
          );
        } catch (error) {
          logger.warn({ user: subscription.userId, period, error: slackErrorCode(error) }, 'could not build a digest');
        }
      }
    }
    return outcomes;
  }

  private async channelDigest(
    channel: SlackChannel,
    week: WeekRange,
    period: string,
    cache: RunCache,
  ): Promise<Digest | null> {
    // Private channels appear only in their own digest; any public channel may be named as the one that improved most.
    const visible = [...(await cache.channels()).values()].filter((each) => !each.isPrivate || each.id === channel.id);
    return buildDigest(
      cache.inputs.read({
        teamId: this.options.teamId,
        audience: { kind: 'channel', channel: named(channel) },
        week,
        period,
        timeZone: this.options.channelSchedule.timeZone,
        visibleChannels: visible.map(named),
      }),
    );
  }

  private async personDigest(
    subscription: DigestSubscription,
    week: WeekRange,
    period: string,
    cache: RunCache,
  ): Promise<Digest | null> {
    return buildDigest(
      cache.inputs.read({
        teamId: this.options.teamId,
        audience: { kind: 'person', userId: subscription.userId },
        week,
        period,
        timeZone: subscription.timeZone,
        visibleChannels: (await cache.channelsOf(subscription.userId)).map(named),
      }),
    );
  }

  /** Claims the week, then posts; a quiet week is recorded so catch-up does not build it again. */
  private async deliver(
    target: DigestTarget,
    period: string,
    now: number,
    build: () => Promise<Digest | null>,
  ): Promise<DeliveryOutcome> {
    const { store } = this.options.deps;
    const digest = await build();
    if (digest === null) {
      store.deliveries.markQuiet(target, period, now);
      return 'quiet';
    }
    const claim = store.deliveries.claim(target, period, this.options.claimant, CLAIM_LEASE_MS, now);
    if (claim === undefined) return 'taken';
    return this.post(claim, digest, now);
  }

  private async post(claim: DigestDelivery, digest: Digest, now: number): Promise<DeliveryOutcome> {
    const { store, prompts, logger } = this.options.deps;
    const { client, postClient, claimant } = this.options;
    const log = logger.child({ target: claim.target.id, kind: claim.target.kind, period: claim.period });
    let destination: string;
    try {
      destination = claim.destination ?? (await openDestination(client, claim.target));
    } catch (error) {
      log.warn({ error: slackErrorCode(error) }, 'could not open the digest DM; trying again next run');
      store.deliveries.release(claim.id, claimant);
      return 'retry';
    }
    if (!store.deliveries.setDestination(claim.id, destination, claimant, now)) return 'taken';

    const question = digest.mostAskedPromptId === null ? null : (prompts.byId(digest.mostAskedPromptId)?.text ?? null);
    const chart = await uploadChart(client, digest, log);
    const key = deliveryKey(claim.target, claim.period);
    try {
      let ts: string;
      try {
        ts = await postDigest(postClient, destination, digestMessage(digest, question, chart), key);
      } catch (error) {
        // Slack refused the blocks, so nothing was posted: a chart still processing is the usual cause. Post without it.
        if (chart === undefined || slackErrorCode(error) !== 'invalid_blocks') throw error;
        log.warn('Slack refused the chart block; posting the digest without it');
        ts = await postDigest(postClient, destination, digestMessage(digest, question), key);
      }
      store.deliveries.markSent(claim.id, destination, ts, claimant, now);
      log.info({ destination, ts }, 'digest posted');
      return 'sent';
    } catch (error) {
      return this.postFailed(claim, error, log, now);
    }
  }

  /** Slack said no: the week is given up. Rate limited: nothing was posted, so try again. Otherwise nobody knows. */
  private postFailed(claim: DigestDelivery, error: unknown, log: AppDeps['logger'], now: number): DeliveryOutcome {
    const { store } = this.options.deps;
    const code = slackErrorCode(error);
    const kind = (error as { code?: unknown }).code;
    if (kind === webApi.ErrorCode.PlatformError) {
      store.deliveries.markFailed(claim.id, code, this.options.claimant, now);
      log.warn({ error: code }, 'Slack refused the digest; this week is not retried');
      return 'failed';
    }
    if (kind === webApi.ErrorCode.RateLimitedError) {
      store.deliveries.release(claim.id, this.options.claimant);
      log.warn({ error: code }, 'rate limited posting the digest; trying again next run');
      return 'retry';
    }
    log.warn({ error: code }, 'the digest post may or may not have reached Slack; reconciled when its claim expires');
    return 'unknown';
  }

  /**
   * Claims whose lease ran out were left by a process that stopped mid-post. Each is taken over by one process, which
   * looks in the destination's history for the post (by its metadata key) before posting it again.
   */
  private async reconcile(now: number, cache: RunCache): Promise<DeliveryOutcome[]> {
    const { store, logger } = this.options.deps;
    const outcomes: DeliveryOutcome[] = [];
    for (const expired of store.deliveries.expiredClaims(now)) {
      if (expired.target.teamId !== this.options.teamId) continue;
      const claim = store.deliveries.takeOver(expired.id, this.options.claimant, CLAIM_LEASE_MS, now);
      if (claim === undefined) continue;
      const log = logger.child({ target: claim.target.id, kind: claim.target.kind, period: claim.period });
      try {
        if (claim.destination !== null) {
          const ts = await findPostedDigest(
            this.options.client,
            claim.destination,
            deliveryKey(claim.target, claim.period),
          );
          if (ts !== undefined) {
            store.deliveries.markSent(claim.id, claim.destination, ts, this.options.claimant, now);
            log.info({ ts }, 'found the digest a stopped process had posted; marked it sent');
            outcomes.push('sent');
            continue;
          }
        }
        const digest = await this.rebuild(claim, cache);
        if (digest === null) {
          store.deliveries.markClaimQuiet(claim.id, this.options.claimant, now);
          outcomes.push('quiet');
          continue;
        }
        log.info('a stopped process claimed this digest but never posted it; posting it now');
        outcomes.push(await this.post(claim, digest, now));
      } catch (error) {
        log.warn({ error: slackErrorCode(error) }, 'could not reconcile a digest claim; trying again when it expires');
        outcomes.push('unknown');
      }
    }
    return outcomes;
  }

  private async rebuild(claim: DigestDelivery, cache: RunCache): Promise<Digest | null> {
    const { store } = this.options.deps;
    if (claim.target.kind === 'channel') {
      const channel = (await cache.channels()).get(claim.target.id);
      if (channel === undefined || !channel.isMember) return null;
      const timeZone = this.options.channelSchedule.timeZone;
      return this.channelDigest(channel, parseIsoWeek(claim.period, timeZone), claim.period, cache);
    }
    const subscription = store.subscriptions.get(claim.target.teamId, claim.target.id);
    if (subscription === undefined || !subscription.enabled) return null;
    return this.personDigest(subscription, parseIsoWeek(claim.period, subscription.timeZone), claim.period, cache);
  }
}

/** The runner for an app (or the CLI): its client for reads, and a client of its own for posts, which never retries. */
export function createDigestRunner(
  deps: Pick<AppDeps, 'store' | 'prompts' | 'logger' | 'clientOptions'> & {
    config: Pick<Config, 'slackBotToken' | 'slackApiUrl' | 'digestCron' | 'digestTimeZone'>;
  },
  client: webApi.WebClient,
  teamId: string,
  claimant: string,
): DigestRunner {
  const postClient = new webApi.WebClient(deps.config.slackBotToken, {
    slackApiUrl: deps.config.slackApiUrl,
    timeout: 10_000,
    logger: toBoltLogger(deps.logger),
    ...deps.clientOptions,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  });
  return new DigestRunner({
    deps,
    client,
    postClient,
    teamId,
    claimant,
    channelSchedule: cronSchedule(deps.config.digestCron, deps.config.digestTimeZone),
  });
}
