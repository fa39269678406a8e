import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelView, ViewMessage } from '../../src/emulator/channel-view.js';
import { completedWeeks, isoWeekKey } from '../../src/stats/week-ranges.js';
import { printed, runNpm, signalGroup } from '../support/processes.js';

const DEMO_TIMEOUT_MS = 90_000;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const ANSI = '\u001b[';

/** The transcript's paragraphs: one per happening, each starting with its time. */
function paragraphs(stdout: string): string[] {
  return stdout.split('\n\n');
}

/** The one paragraph whose first or second line (who did what, then what they wrote) contains `text`. */
function paragraphWith(stdout: string, text: string): string {
  const found = paragraphs(stdout).filter((paragraph) =>
    paragraph
      .split('\n')
      .slice(0, 2)
      .some((line) => line.includes(text)),
  );
  expect(found, `one paragraph with "${text}" in:\n${stdout}`).toHaveLength(1);
  return found[0] ?? '';
}

/** The demo's temporary folders that exist now. */
function demoFolders(): string[] {
  return readdirSync(tmpdir()).filter((name) => name.startsWith('empty-chair-demo-'));
}

/** What the bot did in a paragraph: its lines after the person's. */
function botPart(paragraph: string): string {
  return paragraph.slice(paragraph.indexOf('→'));
}

describe('npm run demo', () => {
  let out: string;
  let before: string[];
  beforeEach(() => {
    out = mkdtempSync(join(tmpdir(), 'demo-test-out-'));
    before = demoFolders();
  });
  afterEach(() => {
    rmSync(out, { recursive: true, force: true });
  });

  /** Whether colour is on is up to each test, not to the terminal the tests run in. */
  const env = (vars: Record<string, string | undefined> = {}) => ({
    FORCE_COLOR: undefined,
    NO_COLOR: undefined,
    ...vars,
  });
  /** The database's folder is gone; only the chart, asked for in --out, stays. */
  const leftBehind = () => demoFolders().filter((name) => !before.includes(name));

  it(
    'replays the week against the real bot and prints what it did, then the digest and the chart',
    async () => {
      const { finished } = runNpm(['run', '--silent', 'demo', '--', '--out', out], { env: env() });
      const { code, stdout, stderr } = await finished;
      expect(code, stderr).toBe(0);
      expect(stderr).not.toMatch(/^bot: /m);
      expect(stdout).not.toContain(ANSI);

      const [week] = completedWeeks(Date.now(), 'Europe/Berlin', 1);
      const period = isoWeekKey(week ?? { start: 0, end: 0 }, 'Europe/Berlin');
      expect(stdout.split('\n')[0]).toContain(`a week in #product`);
      expect(stdout.split('\n')[0]).toContain(`(${period})`);

      const asked = paragraphWith(stdout, 'Decision: we drop the annual-only plan and offer monthly billing');
      expect(asked).toMatch(/^Mon 14:30 {2}Maya in #product:/);
      expect(botPart(asked)).toMatch(/^→ empty-chair replies in the thread:\n.*│ 👤 The empty chair asks:/);
      expect(asked).toContain('│ [Cite customer insight] [No insight yet] [Not customer-facing] [Mute this channel]');

      const cited = paragraphWith(stdout, 'Decision: we ship bulk invoice export this sprint.');
      expect(botPart(cited).trimEnd()).toBe("→ empty-chair reacts 👤 to Jonas' message.");

      const question = paragraphWith(stdout, 'Have we decided whether the mobile app gets dark mode?');
      expect(botPart(question).trimEnd()).toBe('→ empty-chair stays silent.');

      const huddle = paragraphWith(stdout, 'Agreed in the huddle: we will ship the CSV importer before the API v2.');
      expect(huddle).toContain('in the thread of the huddle “Roadmap sync”');
      expect(botPart(huddle)).toMatch(/^→ empty-chair replies in the huddle's thread:/);

      const form = paragraphWith(stdout, 'fills in “Cite customer insight” and saves');
      expect(botPart(form)).toMatch(
        /^→ empty-chair turns its card in the thread into:\n.*│ ✅ Customer insight cited by @Maya/,
      );

      const stats = paragraphWith(stdout, '/customer-check stats week');
      expect(botPart(stats)).toMatch(/^→ empty-chair answers only Maya:\n.*│ #product, this week: \d+ decisions/);

      const draft = paragraphWith(stdout, 'Lea clicks [Post to #product as a decision]');
      expect(botPart(draft)).toMatch(/^→ empty-chair posts in #product:\n.*│ 📝 @Lea logged a decision:/);

      const digest = paragraphWith(stdout, 'The weekly digest');
      expect(digest).toContain(`  Empty chair digest: #product, week of`);
      expect(digest).toMatch(/ {2}\d+ decisions: \d+ cited customer insight/);
      expect(digest).toContain('  Decided without customer insight:');
      expect(digest).toContain('We decided to sunset the legacy reports page');
      expect(digest).toMatch(/ {2}Posted in #product \(message ts \d+\.\d+\)\./);
      expect(digest).toContain('→ empty-chair posts in #product:');

      const lines = stdout.trimEnd().split('\n');
      expect(lines.at(-2)).toMatch(/^Replayed in \d+\.\d s\.$/);
      const chart = /^Chart PNG: (.+)$/.exec(lines.at(-1) ?? '')?.[1] ?? '';
      expect(chart).toBe(join(out, `empty-chair-digest-${period}-C0PRODUCT.png`));
      expect(readFileSync(chart).subarray(0, 8)).toEqual(PNG_SIGNATURE);
      expect(leftBehind()).toEqual([]);
    },
    DEMO_TIMEOUT_MS,
  );

  it(
    'with --serve shows the channel on a page, live, until Ctrl-C, then cleans up',
    async () => {
      const demo = runNpm(['run', '--silent', 'demo', '--', '--serve', '--out', out], {
        env: env({ FORCE_COLOR: '1' }),
      });
      await printed(demo, 'until Ctrl-C', DEMO_TIMEOUT_MS);
      expect(demo.output()).toContain(ANSI);
      const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(demo.output())?.[0] ?? '';
      expect(demo.output().split('\n')[0]).toContain(url);

      const page = await fetch(url);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(await page.text()).toContain("new EventSource('/live')");

      const state = (await (await fetch(`${url}state`)).json()) as ChannelView;
      const messages = state.channels.find((channel) => channel.name === 'product')?.messages ?? [];
      const find = (text: string): ViewMessage | undefined =>
        messages.find((message) => message.lines.some((line) => line.includes(text)));
      const monthly = find('Decision: we drop the annual-only plan');
      expect(monthly?.author).toBe('Maya');
      expect(monthly?.replies.map((reply) => [reply.author, reply.lines[0]])).toEqual([
        ['empty-chair', '✅ Customer insight cited by @Maya. Thank you.'],
        ['Sam', 'Finance admins ask for monthly billing in about 30 support tickets a month, fwiw.'],
      ]);
      expect(find('Decision: we ship bulk invoice export')?.reactions).toEqual(['👤']);
      expect(find('Have we decided whether the mobile app gets dark mode?')?.replies).toEqual([]);
      expect(find('#product, this week:')?.onlyVisibleTo).toBe('Maya');
      const [chart] = find('Empty chair digest: #product')?.images ?? [];
      const image = await fetch(new URL(chart ?? '', url));
      expect(Buffer.from(await image.arrayBuffer()).subarray(0, 8)).toEqual(PNG_SIGNATURE);

      const live = await fetch(`${url}live`);
      const first = await live.body?.getReader().read();
      const event = new TextDecoder().decode(first?.value);
      expect(event.startsWith('data: ')).toBe(true);
      expect(JSON.parse(event.slice('data: '.length))).toEqual(state);

      // Ctrl-C reaches npm too, which dies of it; the demo under it stops cleanly, and the pipes close after it.
      signalGroup(demo.child, 'SIGINT');
      const { stderr } = await demo.finished;
      expect(stderr).not.toMatch(/^(demo|bot): /m);
      await expect(fetch(url)).rejects.toThrow();
      expect(leftBehind()).toEqual([]);
    },
    DEMO_TIMEOUT_MS,
  );

  it('refuses a broken week script, naming the field, before starting anything', async () => {
    const script = join(out, 'week.yml');
    writeFileSync(
      script,
      'timeZone: UTC\nchannel: product\npeople: { maya: { name: Maya } }\nsteps:\n  - { at: Sun 10:00, who: maya, say: hi }\n',
    );
    const { code, stderr } = await runNpm(['run', '--silent', 'demo', '--', '--script', script], { env: env() })
      .finished;
    expect(code).toBe(2);
    expect(stderr).toContain(`${script}: steps[0].at: must be a weekday and a time`);
    expect(leftBehind()).toEqual([]);
  });
});
