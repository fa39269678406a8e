import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { digestMessage } from '../src/blocks/digest-message.js';
import { buildDigest, type Digest, type DigestChannel, TREND_WEEKS } from '../src/digest/build-digest.js';
import { DigestInputs, type DigestRequest } from '../src/digest/digest-input.js';
import { renderPng } from '../src/digest/render-png.js';
import { trendChartAltText, trendChartSvg } from '../src/digest/trend-chart.js';
import { BUILT_IN_PROMPTS_DIR, loadPromptLibrary } from '../src/prompts/load.js';
import { completedWeeks, isoWeekKey, weekRanges } from '../src/stats/week-ranges.js';
import { DIGEST_SQL } from '../src/store/decisions.js';
import { openStore } from '../src/store/store.js';
import { seededRandom } from '../test/support/seeded-random.js';
import { explainQueryPlan, type QueryPlan } from './query-plan.js';
import { seedDecisions } from './seed-decisions.js';

/**
 * npm run bench:digest: a year of a 500-channel workspace in a real store, then the weekly digest's reads, build and
 * chart, timed, with the process's memory and the query plans of every statement the digest runs.
 * BENCH_DECISIONS (default 1,000,000) and BENCH_RUNS (default 30) make a quick run quicker.
 */

function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw.replaceAll('_', ''));
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, not "${raw}"`);
  return value;
}

const DECISIONS = positiveInteger('BENCH_DECISIONS', 1_000_000);
const RUNS = positiveInteger('BENCH_RUNS', 30);
const WARM_UP = 5;
const CHANNELS = 500;
const PERSON_CHANNELS = 50;
/** The person is in the busiest channels, as a lead often is, and in quieter ones picked at random. */
const PERSON_BUSY_CHANNELS = 10;
const WEEKS = 52;
const TEAM = 'T0BENCH';
const TIME_ZONE = 'Europe/Berlin';
// A Wednesday, so the digest covers a whole Monday-to-Monday week that is over.
const NOW = Date.parse('2026-11-25T09:00:00Z');
const SEED = 20_261_125;
const GOAL_MS = 100;
const GOAL_RSS_MB = 200;
const MB = 1024 * 1024;

/** Peak RSS, sampled after every batch and every timed run; synchronous work gives a timer no chance to sample. */
class RssPeaks {
  private phasePeak = 0;

  sample(): number {
    const rss = process.memoryUsage.rss();
    this.phasePeak = Math.max(this.phasePeak, rss);
    return rss;
  }

  /** The peak since the last call. */
  endPhase(): number {
    const peak = Math.max(this.phasePeak, this.sample());
    this.phasePeak = 0;
    return peak;
  }
}

interface Timing {
  p50: number;
  p95: number;
  max: number;
}

interface Phase {
  label: string;
  peakRss: number;
  heapAtEnd: number;
}

const rss = new RssPeaks();
const phases: Phase[] = [];

/** Runs one part of the benchmark and records the RSS it peaked at, so memory can be told apart by what used it. */
async function phase<T>(label: string, work: () => Promise<T>): Promise<T> {
  rss.endPhase();
  const result = await work();
  phases.push({ label, peakRss: rss.endPhase(), heapAtEnd: process.memoryUsage().heapTotal });
  return result;
}
// Between batches and runs, so Ctrl-C reaches the handler that removes the temp folder.
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

function summarise(times: number[]): Timing {
  const sorted = [...times].sort((a, b) => a - b);
  const rank = (share: number) => sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? 0;
  return { p50: rank(0.5), p95: rank(0.95), max: sorted.at(-1) ?? 0 };
}

async function measure(runs: number, run: () => void): Promise<Timing> {
  for (let index = 0; index < WARM_UP; index += 1) run();
  const times: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
    rss.sample();
    await tick();
  }
  return summarise(times);
}

const thousands = (value: number) => value.toLocaleString('en-US');
const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1));
const mb = (bytes: number) => `${Math.round(bytes / MB)} MB`;

function timingRow(label: string, timing: Timing): string {
  return `  ${label.padEnd(58)}${ms(timing.p50).padStart(9)}${ms(timing.p95).padStart(9)}${ms(timing.max).padStart(9)}`;
}

function timingHeader(title: string): string {
  return `${title.padEnd(60)}${'p50'.padStart(9)}${'p95'.padStart(9)}${'max'.padStart(9)}`;
}

function planVerdict(plan: QueryPlan): string {
  if (plan.verdict === 'full scan') return `FULL SCAN: ${plan.fullScans.join('; ')}`;
  if (plan.searches.length === 0) return 'NO INDEX on decisions';
  if (plan.verdict === 'temp b-tree') return `uses an index; temp b-tree: ${plan.tempBTrees.join('; ')}`;
  return 'uses an index, no temp b-tree';
}

const dir = mkdtempSync(join(tmpdir(), 'empty-chair-bench-'));
const path = join(dir, 'empty-chair.db');
const store = openStore(path);
const cleanUp = () => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
};
process.once('SIGINT', () => {
  cleanUp();
  process.exit(130);
});

async function main(): Promise<boolean> {
  const sqlite = store.db.prepare<[], { version: string }>('SELECT sqlite_version() AS version').get()?.version;
  console.log(
    `empty-chair digest benchmark: ${thousands(DECISIONS)} decisions, ${CHANNELS} channels, ${WEEKS} weeks, ${TIME_ZONE}`,
  );
  console.log(`node ${process.version}, SQLite ${sqlite}, ${RUNS} timed runs after ${WARM_UP} warm-up runs each\n`);

  const prompts = loadPromptLibrary([BUILT_IN_PROMPTS_DIR]);
  const setupStart = performance.now();
  const seeded = await phase(`setup: ${thousands(DECISIONS)} inserts`, () =>
    seedDecisions(store.db, {
      teamId: TEAM,
      decisions: DECISIONS,
      channels: CHANNELS,
      weeks: WEEKS,
      now: NOW,
      seed: SEED,
      promptIds: prompts.prompts.map((prompt) => prompt.id),
      onBatch: () => {
        rss.sample();
        return tick();
      },
    }),
  );
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  const setupMs = performance.now() - setupStart;
  const afterSetup = rss.sample();

  const [week] = completedWeeks(NOW, TIME_ZONE, 1);
  if (week === undefined) throw new Error('no completed week');
  const period = isoWeekKey(week, TIME_ZONE);
  const channels: DigestChannel[] = seeded.channels;
  const busiest = channels[0];
  if (busiest === undefined) throw new Error('no channels');
  const random = seededRandom(SEED + 1);
  const quiet = channels.slice(PERSON_BUSY_CHANNELS);
  const personChannels = [...channels.slice(0, PERSON_BUSY_CHANNELS)];
  while (personChannels.length < PERSON_CHANNELS && quiet.length > 0) {
    personChannels.push(...quiet.splice(Math.floor(random() * quiet.length), 1));
  }
  const personIds = personChannels.map((channel) => channel.id);
  // Counted, not listed: a week of the workspace as row objects would weigh on the memory measured next.
  const countInWeek = store.db.prepare<[string, string, number, number], { n: number }>(
    `SELECT COUNT(*) AS n FROM decisions
     WHERE team_id = ? AND channel_id IN (SELECT value FROM json_each(?)) AND created_at >= ? AND created_at < ?`,
  );
  const inWeek = (ids: readonly string[]) => countInWeek.get(TEAM, JSON.stringify(ids), week.start, week.end)?.n ?? 0;

  console.log('Setup');
  console.log(
    `  inserted ${thousands(DECISIONS)} decisions in ${(setupMs / 1000).toFixed(1)} s ` +
      `(${thousands(Math.round(DECISIONS / (setupMs / 1000)))} rows/s); database file ${mb(statSync(path).size)}`,
  );
  console.log(
    `  busiest channel #${busiest.name}: ${thousands(seeded.rowsPerChannel[0] ?? 0)} decisions, ` +
      `${thousands(inWeek([busiest.id]))} in the digest's week (${period})`,
  );
  console.log(
    `  person in ${personIds.length} channels (the ${PERSON_BUSY_CHANNELS} busiest, the rest at random): ` +
      `${thousands(inWeek(personIds))} decisions in the week; workspace: ${thousands(inWeek(channels.map((c) => c.id)))}`,
  );
  console.log(`  RSS after setup ${mb(afterSetup)}\n`);

  const channelRequest = (channel: DigestChannel): DigestRequest => ({
    teamId: TEAM,
    audience: { kind: 'channel', channel },
    week,
    period,
    timeZone: TIME_ZONE,
    visibleChannels: channels,
  });
  const personRequest: DigestRequest = {
    teamId: TEAM,
    audience: { kind: 'person', userId: 'U0BENCH' },
    week,
    period,
    timeZone: TIME_ZONE,
    visibleChannels: personChannels,
  };
  // As the runner does: the chart is uploaded first, its alt text goes into the message.
  const message = (digest: Digest) => {
    const question = digest.mostAskedPromptId === null ? null : (prompts.byId(digest.mostAskedPromptId)?.text ?? null);
    return digestMessage(digest, question, { fileId: 'F0BENCH', altText: trendChartAltText(digest.trend, TIME_ZONE) });
  };
  // A fresh DigestInputs each time includes the workspace-wide share counts, as the first digest of a run does.
  const build = (request: DigestRequest, inputs = new DigestInputs(store)) => {
    const digest = buildDigest(inputs.read(request));
    if (digest === null) throw new Error(`no digest for ${JSON.stringify(request.audience)}`);
    message(digest);
    return digest;
  };
  const chart = (digest: Digest) => renderPng(trendChartSvg(digest.trend, TIME_ZONE));

  const weeklyReads: number[] = [];
  let weeklyDigests = 0;
  // What the bot's own weekly run does once: the RSS it adds, before later runs pile up behind it.
  const firstWeeklyRss = { before: 0, after: 0 };
  const weeklyRun = () => {
    const inputs = new DigestInputs(store);
    let start = performance.now();
    const ids = store.decisions.channelsWithDecisions(TEAM, week);
    let reads = performance.now() - start;
    const byId = new Map(channels.map((channel) => [channel.id, channel]));
    for (const id of ids) {
      const channel = byId.get(id);
      if (channel === undefined) continue;
      start = performance.now();
      const input = inputs.read(channelRequest(channel));
      reads += performance.now() - start;
      const digest = buildDigest(input);
      if (digest !== null) message(digest);
    }
    weeklyReads.push(reads);
    weeklyDigests = ids.length;
    if (firstWeeklyRss.after === 0) firstWeeklyRss.after = rss.sample();
  };

  const trendWeeks = weekRanges(week.start, TIME_ZONE, TREND_WEEKS);
  const from = trendWeeks.at(-5)?.start ?? week.start;
  const calls: [string, () => unknown][] = [
    [
      'listInChannel (busiest channel, 1 week)',
      () => store.decisions.listInChannel(TEAM, busiest.id, week.start, week.end),
    ],
    [
      'countByWeekInChannels (busiest channel, 12 weeks)',
      () => store.decisions.countByWeekInChannels(TEAM, [busiest.id], trendWeeks),
    ],
    [
      'countSharesByChannelInWeek (workspace, 5 weeks)',
      () => store.decisions.countSharesByChannelInWeek(TEAM, week, from),
    ],
    [
      `listInChannels (person, ${PERSON_CHANNELS} channels, 1 week)`,
      () => store.decisions.listInChannels(TEAM, personIds, week.start, week.end),
    ],
    [
      `countByWeekInChannels (person, ${PERSON_CHANNELS} channels, 12 weeks)`,
      () => store.decisions.countByWeekInChannels(TEAM, personIds, trendWeeks),
    ],
    ['channelsWithDecisions (workspace, 1 week)', () => store.decisions.channelsWithDecisions(TEAM, week)],
  ];

  const runs = `× ${WARM_UP + RUNS}`;
  // The build the goal is about comes first, so its memory is measured before anything else has grown the process.
  const channel = await phase(`channel digest builds ${runs}`, () =>
    measure(RUNS, () => build(channelRequest(busiest))),
  );
  const goalPhase = phases.slice(0, 2).map((each) => each.peakRss);
  const person = await phase(`person digest builds ${runs}`, () => measure(RUNS, () => build(personRequest)));
  firstWeeklyRss.before = rss.sample();
  const weekly = await phase(`weekly runs ${runs}`, () => measure(RUNS, weeklyRun));
  const weeklyReadTiming = summarise(weeklyReads.slice(WARM_UP));
  const callTimings = await phase(`store calls, ${calls.length} kinds ${runs}`, async () => {
    const timings: [string, Timing][] = [];
    for (const [label, call] of calls) timings.push([label, await measure(RUNS, call)]);
    return timings;
  });
  const beforeCharts = rss.sample();
  const [channelChart, personChart] = await phase(`charts ${runs}, twice`, async () => {
    const channelDigest = build(channelRequest(busiest));
    const personDigest = build(personRequest);
    return [await measure(RUNS, () => chart(channelDigest)), await measure(RUNS, () => chart(personDigest))];
  });

  console.log(timingHeader('Digest (ms)'));
  console.log(timingRow('channel digest, busiest channel: read + build + message', channel));
  console.log(timingRow('  its chart: SVG + PNG', channelChart));
  console.log(timingRow(`person digest, ${PERSON_CHANNELS} channels: read + build + message`, person));
  console.log(timingRow('  its chart: SVG + PNG', personChart));
  console.log(timingRow(`weekly run, ${weeklyDigests} channel digests: reads`, weeklyReadTiming));
  console.log(timingRow(`weekly run, ${weeklyDigests} channel digests: reads + build + message`, weekly));
  console.log(`\n${timingHeader('Store calls (ms)')}`);
  for (const [label, timing] of callTimings) console.log(timingRow(label, timing));

  const params = {
    teamId: TEAM,
    channelId: busiest.id,
    channelIds: JSON.stringify(personIds),
    from: week.start,
    to: week.end,
    weekStart: week.start,
    weekEnd: week.end,
    weeks: JSON.stringify(trendWeeks.map((each) => [each.start, each.end])),
  };
  console.log('\nQuery plans (no ANALYZE, as in production)');
  const plans = Object.entries(DIGEST_SQL).map(([name, sql]) => {
    const plan = explainQueryPlan(store.db, sql, params);
    console.log(`  ${name}: ${planVerdict(plan)}`);
    for (const line of plan.lines) console.log(`      ${line}`);
    return plan;
  });

  const processPeak = process.resourceUsage().maxRSS * 1024;
  const buildPeak = Math.max(...goalPhase);
  const chartPhase = phases.at(-1);
  console.log(`\nMemory${'peak RSS'.padStart(55)}${'V8 heap after'.padStart(16)}`);
  for (const { label, peakRss, heapAtEnd } of phases) {
    console.log(`  ${label.padEnd(50)}${mb(peakRss).padStart(9)}${mb(heapAtEnd).padStart(16)}`);
  }
  console.log(`  ${'whole run (getrusage high-water mark)'.padEnd(50)}${mb(processPeak).padStart(9)}`);
  console.log(
    `  RSS after setup ${mb(afterSetup)}; ${mb(firstWeeklyRss.before)} before the first weekly run, ` +
      `${mb(firstWeeklyRss.after)} after it; ${mb(beforeCharts)} before the charts`,
  );
  // RSS far above the V8 heap is native memory owned by JS objects V8 has not collected yet: ICU's formatters,
  // SQLite's cache, and resvg-js, which allocates each render in Rust without telling V8 (thx/resvg-js#216, #393).
  if (chartPhase !== undefined && chartPhase.peakRss - beforeCharts > 20 * MB) {
    console.log('  note: resvg-js frees a render only when V8 happens to collect it; back-to-back renders pile up');
  }

  const indexed = plans.filter((plan) => plan.verdict !== 'full scan' && plan.searches.length > 0).length;
  const goals: [string, string, string, boolean | null][] = [
    ['channel digest (read + build + message), p95', `< ${GOAL_MS} ms`, `${ms(channel.p95)} ms`, channel.p95 < GOAL_MS],
    ['peak RSS, setup + channel digest builds', `< ${GOAL_RSS_MB} MB`, mb(buildPeak), buildPeak < GOAL_RSS_MB * MB],
    ['peak RSS, whole run (all phases above)', 'info', mb(processPeak), null],
    [
      'digest queries searching decisions by index',
      `${plans.length} of ${plans.length}`,
      `${indexed} of ${plans.length}`,
      indexed === plans.length,
    ],
    [`person digest, ${PERSON_CHANNELS} channels, p95`, 'info', `${ms(person.p95)} ms`, null],
    [`weekly run, ${weeklyDigests} channel digests, p95`, 'info', `${ms(weekly.p95)} ms`, null],
    ['chart, SVG + PNG, p95', 'info', `${ms(Math.max(channelChart.p95, personChart.p95))} ms`, null],
  ];
  console.log(`\nSummary: ${thousands(DECISIONS)} decisions, ${CHANNELS} channels`);
  console.log(`  ${'goal'.padEnd(50)}${'target'.padEnd(12)}${'measured'.padEnd(12)}`);
  for (const [goal, target, measured, pass] of goals) {
    const result = pass === null ? '' : pass ? 'PASS' : 'FAIL';
    console.log(`  ${goal.padEnd(50)}${target.padEnd(12)}${measured.padEnd(12)}${result}`.trimEnd());
  }
  return goals.every(([, , , pass]) => pass !== false);
}

try {
  if (!(await main())) process.exitCode = 1;
} finally {
  cleanUp();
}
