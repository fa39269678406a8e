/**
 * Writes a synthetic Slack workspace export of about a given size, for the memory test and `npm run bench:analyze`.
 * It looks like what Slack writes (4-space indented JSON, user_profile and blocks on people's messages, joins, bot
 * notifications, threads) and reads like a workspace: mostly chatter, a decision now and then, some of them citing
 * customers. The same options write the same bytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from './seeded-random.js';

export interface GenerateOptions {
  /** Stop once the day files add up to at least this many bytes. */
  targetBytes: number;
  seed?: number;
  channels?: number;
  /** The first day, `YYYY-MM-DD`. */
  start?: string;
}

export interface GeneratedExport {
  files: number;
  /** Every item of every day file: people's messages, joins and bot messages. */
  messages: number;
  bytes: number;
}

const TEAM = 'T0GENERATED';
const CHANNEL_NAMES = [
  'general',
  'random',
  'product',
  'engineering',
  'design',
  'support',
  'sales',
  'marketing',
  'growth',
  'data',
  'mobile',
  'infra',
  'billing',
  'onboarding',
  'security',
  'docs',
];
const FIRST_NAMES = ['maya', 'tom', 'priya', 'jonas', 'aiko', 'luis', 'fatima', 'ben', 'chloe', 'omar', 'ines', 'kofi'];
const LAST_NAMES = ['patel', 'becker', 'nguyen', 'silva', 'okafor', 'larsen', 'haddad', 'moreau', 'kim', 'rossi'];

const ACKS = [
  'ok',
  'thanks!',
  'lgtm',
  'on it',
  '+1',
  'nice 🎉',
  'done',
  'will do',
  'ty',
  'sounds good',
  ':+1:',
  'haha',
];
const THINGS = [
  'the login redirect',
  'the CSV importer',
  'the billing webhook',
  'search indexing',
  'the onboarding emails',
  'SSO for Okta',
  'the mobile push flow',
  'the invoice PDF',
  'rate limiting',
  'the audit log',
  'dark mode',
  'the settings page',
  'the nightly backup',
  'the export job',
  'bulk edit',
  'the pricing page',
];
const PROBLEMS = ['flaky', 'slow', 'broken', 'timing out', 'returning 500s', 'double-sending', 'stuck', 'off by a day'];
const ENVS = ['staging', 'prod', 'the EU cluster', 'main', 'the preview env', 'iOS 17', 'Safari'];
const CUSTOMERS = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Stark Industries', 'Hooli', 'Vandelay', 'Wonka'];
const FEATURES = ['bulk edit', 'SAML', 'audit logs', 'the API v2', 'custom roles', 'CSV export', 'webhooks', 'SCIM'];
const WHEN = ['next sprint', 'in Q3', 'this quarter', 'before the launch', 'after the freeze', 'in January'];
const CHATTER = [
  'Anyone seen {thing} being {problem} on {env}? It happened twice this morning.',
  'I pushed a fix for {thing}, can someone review <https://github.com/acme/app/pull/{n}|#{n}>?',
  'Standup: yesterday I worked on {thing}. Today {thing2}. No blockers.',
  'Heads up: {thing} deploy is going out to {env} in 10 minutes.',
  'Does anyone know who owns {thing}? The runbook link is dead.',
  'Looks like {thing} is {problem} again, I will dig in after lunch.',
  'Call with {customer} went fine, mostly questions about {feature} and the renewal date.',
  'Reminder: retro is at 3pm, add your notes to the board before then please.',
  'I am out tomorrow afternoon, <@{user}> covers {thing} if anything comes up.',
  'Quick question about {thing}: do we still need the feature flag or can I remove it?',
  'Here are the notes from the sync on {thing}: we looked at the numbers, nothing conclusive yet, next check-in Thursday.',
  'Merged. Thanks for the quick review! Let me know if {thing} looks weird on {env}.',
  'Can we move the {thing} review to Friday? Half the team is at the offsite.',
  'The dashboard for {thing} is here <https://grafana.acme.io/d/{n}|dashboard>, p95 went from 800ms to 1.2s since Monday.',
  'Is {env} down for anyone else or is it just my VPN?',
  'FYI {customer} asked again about {feature}. I told them it is on our radar, no dates.',
  'Pairing on {thing} this afternoon if anyone wants to join, huddle link in the thread.',
  'I wrote up a proposal for {thing}, comments welcome: <https://docs.acme.io/{n}|proposal>. Nothing decided yet.',
  'Should we try {feature} for {customer} as a pilot? Thoughts?',
  'Lunch order going in at 12, reply with what you want 🍜',
];
const DECISIONS = [
  'Decision: we ship {feature} {when}.',
  'Decision: we drop {thing} from the roadmap.',
  'We decided to move {thing} to the new queue {when}.',
  'Going with option B for {thing}.',
  'From now on every change to {thing} needs a second reviewer.',
  'Final call: {feature} goes into the Business plan only.',
  'Decision: we sunset {thing} at the end of the quarter.',
  'We are going with the monthly billing plan for {feature}.',
];
const EVIDENCE = [
  ' {n2} of 12 customer interviews asked for it.',
  ' Survey says {n2}% of admins want it.',
  ' {n2} support tickets last month were about it.',
  ' Usage data shows {n2}% of accounts use it weekly.',
  ' {customer} told us on the QBR it blocks their renewal.',
];
const BOT_TEXTS = [
  '*[acme/app]* Pull request opened: <https://github.com/acme/app/pull/{n}|#{n} Fix {thing}>',
  'Deploy to {env} finished: build {n} passed all checks.',
  'New Jira issue APP-{n}: {thing} is {problem} on {env}',
];

type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

interface User {
  id: string;
  name: string;
  realName: string;
}

function fill(template: string, random: Random, users: readonly User[]): string {
  return template
    .replaceAll('{thing2}', pick(random, THINGS))
    .replaceAll('{thing}', pick(random, THINGS))
    .replaceAll('{problem}', pick(random, PROBLEMS))
    .replaceAll('{env}', pick(random, ENVS))
    .replaceAll('{customer}', pick(random, CUSTOMERS))
    .replaceAll('{feature}', pick(random, FEATURES))
    .replaceAll('{when}', pick(random, WHEN))
    .replaceAll('{user}', pick(random, users).id)
    .replaceAll('{n2}', String(2 + Math.floor(random() * 60)))
    .replaceAll('{n}', String(100 + Math.floor(random() * 9900)));
}

function hex(random: Random, length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += Math.floor(random() * 16).toString(16);
  return out;
}

function personMessage(random: Random, user: User, text: string, ts: string): Record<string, unknown> {
  const [first = ''] = user.realName.split(' ');
  return {
    client_msg_id: `${hex(random, 8)}-${hex(random, 4)}-${hex(random, 4)}-${hex(random, 4)}-${hex(random, 12)}`,
    type: 'message',
    text,
    user: user.id,
    ts,
    blocks: [
      {
        type: 'rich_text',
        block_id: hex(random, 5),
        elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text }] }],
      },
    ],
    team: TEAM,
    user_team: TEAM,
    source_team: TEAM,
    user_profile: {
      avatar_hash: hex(random, 12),
      image_72: `https://avatars.slack-edge.com/2025-01-01/${hex(random, 10)}_72.png`,
      first_name: first,
      real_name: user.realName,
      display_name: user.name,
      team: TEAM,
      name: user.name,
      is_restricted: false,
      is_ultra_restricted: false,
    },
  };
}

function text(random: Random, users: readonly User[]): string {
  const roll = random();
  if (roll < 0.16) return pick(random, ACKS);
  if (roll < 0.175) return fill(pick(random, DECISIONS), random, users);
  if (roll < 0.185) return fill(pick(random, DECISIONS) + pick(random, EVIDENCE), random, users);
  const sentences = 1 + Math.floor(random() * random() * 3);
  return Array.from({ length: sentences }, () => fill(pick(random, CHATTER), random, users)).join(' ');
}

/** The day's messages in one channel, oldest first, with some replies threaded under earlier messages. */
function day(random: Random, users: readonly User[], start: number, count: number): Record<string, unknown>[] {
  const messages: Record<string, unknown>[] = [];
  let seconds = start + 8 * 3600;
  for (let i = 0; i < count; i += 1) {
    seconds += 1 + Math.floor(random() * ((9 * 3600) / count));
    const ts = `${seconds}.${String(Math.floor(random() * 999_999)).padStart(6, '0')}`;
    const user = pick(random, users);
    const roll = random();
    if (roll < 0.02) {
      messages.push({
        type: 'message',
        subtype: 'channel_join',
        ts,
        user: user.id,
        text: `<@${user.id}> has joined the channel`,
      });
      continue;
    }
    if (roll < 0.05) {
      const bot = { type: 'message', subtype: 'bot_message', ts, bot_id: 'B0GITHUB', username: 'GitHub' };
      messages.push({ ...bot, text: fill(pick(random, BOT_TEXTS), random, users) });
      continue;
    }
    const message = personMessage(random, user, text(random, users), ts);
    const parent =
      messages.length > 3 && random() < 0.25 ? messages[messages.length - 1 - Math.floor(random() * 3)] : undefined;
    if (parent !== undefined && parent.subtype === undefined) {
      const parentTs = (parent.thread_ts as string | undefined) ?? (parent.ts as string);
      const root = messages.find((each) => each.ts === parentTs) ?? parent;
      root.thread_ts = parentTs;
      root.reply_count = ((root.reply_count as number | undefined) ?? 0) + 1;
      root.latest_reply = ts;
      message.thread_ts = parentTs;
      message.parent_user_id = root.user;
    }
    messages.push(message);
  }
  return messages;
}

/** Writes the export into `dir` (which must exist) and says what it wrote. */
export function generateSlackExport(dir: string, options: GenerateOptions): GeneratedExport {
  const random = seededRandom(options.seed ?? 7);
  const channelCount = Math.min(options.channels ?? 12, CHANNEL_NAMES.length);
  const users: User[] = Array.from({ length: 40 }, (_, index) => {
    const first = FIRST_NAMES[index % FIRST_NAMES.length] as string;
    const last = LAST_NAMES[Math.floor(index / FIRST_NAMES.length) % LAST_NAMES.length] as string;
    return { id: `U0GEN${String(index).padStart(4, '0')}`, name: `${first}.${last}`, realName: `${first} ${last}` };
  });
  const channels = CHANNEL_NAMES.slice(0, channelCount).map((name, index) => ({
    id: `C0GEN${String(index).padStart(4, '0')}`,
    name,
    created: 1_700_000_000,
    creator: users[0]?.id,
    is_archived: false,
    is_general: name === 'general',
    members: users.map((user) => user.id),
    topic: { value: '', creator: '', last_set: 0 },
    purpose: { value: `Talk about ${name}`, creator: users[0]?.id, last_set: 1_700_000_000 },
  }));
  writeFileSync(join(dir, 'channels.json'), JSON.stringify(channels, null, 4));
  writeFileSync(
    join(dir, 'users.json'),
    JSON.stringify(
      users.map((user) => ({
        id: user.id,
        team_id: TEAM,
        name: user.name,
        deleted: false,
        real_name: user.realName,
        tz: 'Europe/Berlin',
        is_bot: false,
        profile: { real_name: user.realName, display_name: user.name, team: TEAM },
      })),
      null,
      4,
    ),
  );
  for (const channel of channels) mkdirSync(join(dir, channel.name), { recursive: true });

  const written: GeneratedExport = { files: 0, messages: 0, bytes: 0 };
  let date = Date.parse(`${options.start ?? '2025-01-06'}T00:00:00Z`);
  while (written.bytes < options.targetBytes) {
    const weekend = [0, 6].includes(new Date(date).getUTCDay());
    for (const channel of channels) {
      const count = Math.floor((weekend ? 2 : 20) + random() * (weekend ? 8 : 100));
      if (count === 0) continue;
      const messages = day(random, users, date / 1000, count);
      const json = JSON.stringify(messages, null, 4);
      writeFileSync(join(dir, channel.name, `${new Date(date).toISOString().slice(0, 10)}.json`), json);
      written.files += 1;
      written.messages += messages.length;
      written.bytes += Buffer.byteLength(json);
    }
    date += 86_400_000;
  }
  return written;
}
