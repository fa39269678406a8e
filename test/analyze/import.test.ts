import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/digest/build-digest.js';
import { DigestInputs } from '../../src/digest/digest-input.js';
import { sendEvent } from '../../src/emulator/slack-requests.js';
import { parseIsoWeek, weekRanges } from '../../src/stats/week-ranges.js';
import type { Store } from '../../src/store/store.js';
import { EXAMPLE_EXPORT, runAnalyzeCommand } from '../support/analyze-run.js';
import { startHarness, TEAM_ID } from '../support/harness.js';
import { withStoreAt } from '../support/store-file.js';

const NOW = Date.parse('2026-11-23T10:00:00Z');
const TEAM = 'T04ACME00';

let dir: string;
let databasePath: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'empty-chair-analyze-import-'));
  databasePath = join(dir, 'data', 'empty-chair.db');
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const importExample = (args: readonly string[] = [], path = EXAMPLE_EXPORT) =>
  runAnalyzeCommand([path, '--import', ...args], { env: { DATABASE_PATH: databasePath }, now: NOW });

const withStore = <T>(read: (store: Store) => T): T => withStoreAt(databasePath, read);

describe('analyze --import', () => {
  it('records the decisions as history of the export’s workspace, once: importing again adds nothing', async () => {
    const first = await importExample();
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(
      `Imported 25 decisions into ${databasePath} as the history of workspace ${TEAM}; 0 were there already.\n`,
    );
    const again = await importExample();
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`Imported 0 decisions into ${databasePath} as the history of workspace ${TEAM}; 25`);

    const rows = withStore((store) =>
      ['C04PRODUCT', 'C04ENGINEE', 'C04GROWTH1'].flatMap((channel) => store.decisions.listAllInChannel(TEAM, channel)),
    );
    expect(rows).toHaveLength(25);
    expect(rows.filter((row) => row.status === 'cited')).toHaveLength(9);
    expect(rows.filter((row) => row.status === 'pending')).toHaveLength(16);
    expect(rows.every((row) => row.importedAt === NOW && row.cardTs === null && row.promptId === null)).toBe(true);
    expect(rows.find((row) => row.summary.startsWith('Decision: we ship the invoice CSV export'))).toMatchObject({
      channelId: 'C04PRODUCT',
      messageTs: '1790938800.029269',
      authorId: 'U04MAYA01',
      status: 'cited',
      evidenceKind: 'support',
      detectedEvidence: ['support', 'sales-call'],
      createdAt: Date.parse('2026-10-02T11:00:00.029Z'),
    });
    expect(rows.find((row) => row.summary.includes('checkout tests in UTC'))?.threadTs).toBe('1790845320.948843');
  });

  it('gives stats and the first digest a baseline: the weeks before count', async () => {
    await importExample();
    withStore((store) => {
      const timeZone = 'UTC';
      const week = parseIsoWeek('2026-W42', timeZone);
      const channel = { id: 'C04PRODUCT', name: 'product' };
      const digest = buildDigest(
        new DigestInputs(store).read({
          teamId: TEAM,
          audience: { kind: 'channel', channel },
          week,
          period: '2026-W42',
          timeZone,
          visibleChannels: [channel],
        }),
      );
      // Oct 12-18: the blue navigation (without) and bulk import (survey); the 4 weeks before: 3 of 4 cited.
      expect(digest).toMatchObject({ total: 2, cited: 1, uncited: 1, share: 0.5, previousShare: 0.75 });
      expect(digest?.uncitedDecisions.map((decision) => decision.summary)).toEqual([
        'Going with the blue variant for the new navigation, it fits the brand refresh.',
      ]);

      // `/customer-check stats month` in #engineering on Nov 2: its October decisions by week, none cited.
      const weeks = weekRanges(Date.parse('2026-11-02T12:00:00Z'), timeZone, 5);
      expect(weeks[0]?.start).toBe(Date.parse('2026-10-05T00:00:00Z'));
      const counts = store.decisions.countByWeekInChannels(TEAM, ['C04ENGINEE'], weeks);
      expect(counts.map(({ cited, uncited }) => [cited, uncited])).toEqual([
        [0, 1],
        [0, 3],
        [0, 2],
        [0, 0],
        [0, 0],
      ]);
    });
  });

  it('--team names the workspace when the export does not, and overrides it when it does', async () => {
    const copy = join(dir, 'export');
    cpSync(EXAMPLE_EXPORT, copy, { recursive: true });
    const users = JSON.parse(readFileSync(join(copy, 'users.json'), 'utf8')) as Record<string, unknown>[];
    writeFileSync(join(copy, 'users.json'), JSON.stringify(users.map(({ team_id: _team, ...user }) => user)));

    await expect(importExample([], copy)).rejects.toThrow('--import needs the workspace the export came from');
    const run = await importExample(['--team', 'T0OTHER'], copy);
    expect(run.stdout).toContain('as the history of workspace T0OTHER;');
    expect(withStore((store) => store.decisions.teams())).toEqual(['T0OTHER']);
  });

  it('refuses an export without channels.json before reading it: its channel ids are unknown', async () => {
    const copy = join(dir, 'export');
    cpSync(EXAMPLE_EXPORT, copy, { recursive: true });
    rmSync(join(copy, 'channels.json'));
    await expect(importExample([], copy)).rejects.toThrow(
      "has no usable channels.json, so its channels' ids are unknown",
    );
  });

  it('never acts in Slack on an imported decision: an edit citing insight records it, without a reaction', async () => {
    const harness = await startHarness();
    try {
      const ts = '1791455400.000100';
      harness.store.decisions.importHistory(
        [
          {
            teamId: TEAM_ID,
            channelId: 'C0PRODUCT',
            messageTs: ts,
            threadTs: null,
            authorId: 'U0ALICE',
            summary: 'Decision: we ship the importer first.',
            category: 'roadmap',
            oneWayDoor: false,
            confidence: 0.95,
            detectedEvidence: [],
            cited: false,
            decidedAt: Date.parse('2026-10-09T10:30:00Z'),
          },
        ],
        NOW,
      );
      await sendEvent(harness.target, {
        type: 'message',
        subtype: 'message_changed',
        channel: 'C0PRODUCT',
        hidden: true,
        ts: '1791455900.000100',
        event_ts: '1791455900.000100',
        message: {
          type: 'message',
          ts,
          user: 'U0ALICE',
          text: 'Decision: we ship the importer first. 14 support tickets this month asked for it.',
          edited: { user: 'U0ALICE', ts: '1791455900.000100' },
        },
        previous_message: { type: 'message', ts, user: 'U0ALICE', text: 'Decision: we ship the importer first.' },
      });
      expect(harness.store.decisions.findByMessage(TEAM_ID, 'C0PRODUCT', ts)).toMatchObject({
        status: 'cited',
        evidenceKind: 'support',
      });
      expect(harness.fake.callsTo('reactions.add')).toHaveLength(0);
      expect(harness.fake.callsTo('chat.update')).toHaveLength(0);
    } finally {
      await harness.close();
    }
  });
});
