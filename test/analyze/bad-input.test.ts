import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotAnExportError } from '../../src/analyze/export-source.js';
import { CliError } from '../../src/cli/cli-error.js';
import { analyse, EXAMPLE_EXPORT, runAnalyzeCommand } from '../support/analyze-run.js';
import { runNpm } from '../support/processes.js';
import { entryDataOffset, zipFolder } from '../support/zip-folder.js';

let dir: string;
let copy: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'empty-chair-analyze-bad-'));
  copy = join(dir, 'export');
  cpSync(EXAMPLE_EXPORT, copy, { recursive: true });
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const write = (path: string, text: string) => writeFileSync(join(copy, path), text);
const json = (value: unknown) => JSON.stringify(value, null, 2);

describe('analyze on a damaged export', () => {
  it('skips a day file that is not valid JSON, or not an array of messages, naming it; the rest is analysed; exit 1', async () => {
    // product/2026-10-06.json holds one decision, growth/2026-10-09.json another; engineering/2026-10-08.json none.
    write('product/2026-10-06.json', '[{"type": "message", "text": }]');
    write('growth/2026-10-09.json', '{"messages": []}');
    write('engineering/2026-10-08.json', '[{"type": "message"}, 42]');
    const out = join(dir, 'out');
    const run = await runAnalyzeCommand([copy, '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n')).toEqual([
      'empty-chair: skipped engineering/2026-10-08.json: not an array of messages (item 1 is a number)',
      'empty-chair: skipped growth/2026-10-09.json: not an array of messages (it is an object)',
      expect.stringMatching(/^empty-chair: skipped product\/2026-10-06\.json: not valid JSON \(Unexpected token .+\)$/),
      '',
    ]);
    expect(run.stdout).toContain('23 decisions: 9 cited customer insight (39%), 14 without;');
    expect(run.stdout).toContain('Skipped 3 files that could not be analysed:\n  engineering/2026-10-08.json: not an');
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.days.files).toBe(44);
    expect(summary.skipped.count).toBe(3);
    expect(summary.skipped.files.map((file: { file: string }) => file.file)).toEqual([
      'engineering/2026-10-08.json',
      'growth/2026-10-09.json',
      'product/2026-10-06.json',
    ]);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain(
      'product/2026-10-06.json: skipped, not valid JSON',
    );
  });

  it('skips an entry of a zip that no longer inflates, naming it; the rest is analysed', async () => {
    const zip = join(dir, 'export.zip');
    await zipFolder(copy, zip);
    const bytes = readFileSync(zip);
    const at = entryDataOffset(bytes, 'product/2026-10-09.json');
    for (let i = at + 8; i < at + 40; i += 1) bytes[i] = (bytes[i] ?? 0) ^ 0x5a;
    writeFileSync(zip, bytes);
    const run = await runAnalyzeCommand([zip]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^empty-chair: skipped product\/2026-10-09\.json: could not be read from the zip \(.+\)\n$/,
    );
    expect(run.stdout).toContain('24 decisions: 8 cited customer insight');
  });

  it('catches an entry whose bytes changed but still unpack, by its checksum', async () => {
    const zip = join(dir, 'stored.zip');
    await zipFolder(copy, zip, '', true);
    const bytes = readFileSync(zip);
    const at = entryDataOffset(bytes, 'growth/2026-10-15.json');
    const text = bytes.indexOf('monthly price', at);
    bytes[text] = 'M'.charCodeAt(0);
    writeFileSync(zip, bytes);
    const run = await runAnalyzeCommand([zip]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^empty-chair: skipped growth\/2026-10-15\.json: could not be read from the zip \(its CRC-32 is [0-9a-f]{8}, the zip says [0-9a-f]{8}: the zip is damaged\)\n$/,
    );
  });

  it('refuses a zip whose list of files is gone, naming the file; npm run exits 1', async () => {
    const zip = join(dir, 'truncated.zip');
    await zipFolder(copy, zip);
    const bytes = readFileSync(zip);
    writeFileSync(zip, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(runAnalyzeCommand([zip])).rejects.toThrow(NotAnExportError);
    const { finished } = runNpm(['run', '--silent', 'empty-chair', '--', 'analyze', zip]);
    const run = await finished;
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`empty-chair: ${zip} is neither a folder nor a readable zip (`);
    expect(run.stdout).toBe('');
  });

  it('refuses a folder that is not an export, and a path that does not exist', async () => {
    const empty = join(dir, 'photos');
    mkdirSync(join(empty, 'holiday'), { recursive: true });
    writeFileSync(join(empty, 'holiday', 'beach.json'), '{}');
    await expect(runAnalyzeCommand([empty])).rejects.toThrow(
      `${empty} is not a Slack export: it has no channels.json and no channel folders of day files`,
    );
    const missing = runAnalyzeCommand([join(dir, 'nope.zip')]);
    await expect(missing).rejects.toThrow(CliError);
    await expect(missing).rejects.toThrow('nope.zip does not exist');
  });

  it('leaves out private channels, group DMs, DMs and folders channels.json does not list', async () => {
    const decision = [
      {
        type: 'message',
        user: 'U04MAYA01',
        ts: '1791190800.000100',
        text: 'Decision: we cut the board deck to 5 slides.',
      },
    ];
    write('groups.json', json([{ id: 'G04BOARD01', name: 'board', created: 1790000000, members: ['U04MAYA01'] }]));
    write('mpims.json', json([{ id: 'G04MPIM001', name: 'mpdm-maya--tom-1', members: ['U04MAYA01', 'U04TOMB02'] }]));
    write('dms.json', json([{ id: 'D04MAYATOM', created: 1790000000, members: ['U04MAYA01', 'U04TOMB02'] }]));
    for (const folder of ['board', 'mpdm-maya--tom-1', 'D04MAYATOM', 'random']) {
      mkdirSync(join(copy, folder));
      write(`${folder}/2026-10-05.json`, json(decision));
    }
    const { analysis, skipped } = await analyse(copy);
    expect(skipped).toEqual([]);
    expect(analysis.decisions.decisions).toBe(25);
    expect(analysis.notAnalysed).toEqual([
      { folder: 'D04MAYATOM', reason: 'a DM: only public channels are analysed' },
      { folder: 'board', reason: 'a private channel: only public channels are analysed' },
      { folder: 'mpdm-maya--tom-1', reason: 'a group DM: only public channels are analysed' },
      { folder: 'random', reason: 'not a channel in channels.json' },
    ]);
  });

  it('without channels.json takes every folder for a channel known by its name', async () => {
    rmSync(join(copy, 'channels.json'));
    const { analysis } = await analyse(copy);
    expect(analysis.decisions.decisions).toBe(25);
    expect(analysis.channels.map(({ id, name }) => ({ id, name }))).toEqual([
      { id: null, name: 'product' },
      { id: null, name: 'engineering' },
      { id: null, name: 'growth' },
    ]);
  });

  it('goes on without a broken users.json, naming people by id, and exits 1', async () => {
    write('users.json', '[{"id": "U04MAYA01", "name": ');
    const run = await runAnalyzeCommand([copy]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^empty-chair: skipped users\.json: not valid JSON \(.+\)\n$/);
    expect(run.stdout).toContain('25 decisions');
    expect(run.stdout).toContain('#product, U04MAYA01: Decision: we ship the invoice CSV export');
  });

  it('refuses a day file too big to be a day of messages without reading it', async () => {
    const big = Buffer.alloc(65 * 1024 * 1024, ' ');
    writeFileSync(join(copy, 'growth', '2026-10-16.json'), big);
    const { skipped, analysis } = await analyse(copy);
    expect(skipped).toEqual([
      { file: 'growth/2026-10-16.json', reason: 'it holds 65 MB, more than a day of messages can (64 MB)' },
    ]);
    expect(analysis.decisions.decisions).toBe(25);
  });
});
