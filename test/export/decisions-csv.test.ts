import { describe, expect, it } from 'vitest';
import { csvField, decisionsCsv, exportFileName } from '../../src/export/decisions-csv.js';
import type { DecisionRecord } from '../../src/store/decisions.js';
import { csvObjects, parseCsv } from '../support/parse-csv.js';

const HEADER =
  'decided_at,channel_id,channel_name,permalink,author_id,summary,source,category,one_way_door,status,' +
  'evidence_kind,evidence_link,customer,benefit,answered_by,answered_at,detected_evidence';

function decision(fields: Partial<DecisionRecord> = {}): DecisionRecord {
  return {
    id: 1,
    source: 'message',
    meetingId: null,
    teamId: 'T0TEAM',
    channelId: 'C0PRODUCT',
    messageTs: '1763900001.000200',
    threadTs: null,
    authorId: 'U0ALICE',
    permalink: 'https://fake.slack.test/archives/C0PRODUCT/p1763900001000200',
    summary: 'Decision: we drop the annual-only plan.',
    category: 'pricing',
    oneWayDoor: true,
    confidence: 0.95,
    detectedEvidence: [],
    promptId: 'bread-line',
    cardTs: '1700000000.000100',
    status: 'pending',
    evidenceKind: null,
    evidenceLink: null,
    customerWho: null,
    benefit: null,
    answeredBy: null,
    answeredAt: null,
    createdAt: Date.parse('2026-11-23T10:00:00Z'),
    updatedAt: Date.parse('2026-11-23T10:00:00Z'),
    importedAt: null,
    ...fields,
  };
}

describe('decisionsCsv', () => {
  it('starts with the documented header row, and is only that when there are no decisions', () => {
    expect(decisionsCsv([], 'product')).toBe(`${HEADER}\r\n`);
  });

  it('ends every record with CRLF and has no bare line feeds', () => {
    const csv = decisionsCsv([decision({ id: 1 }), decision({ id: 2 })], 'product');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(4);
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('writes a pending decision with empty answer fields', () => {
    expect(csvObjects(decisionsCsv([decision()], 'product'))).toEqual([
      {
        decided_at: '2026-11-23T10:00:00.000Z',
        channel_id: 'C0PRODUCT',
        channel_name: 'product',
        permalink: 'https://fake.slack.test/archives/C0PRODUCT/p1763900001000200',
        author_id: 'U0ALICE',
        summary: 'Decision: we drop the annual-only plan.',
        source: 'message',
        category: 'pricing',
        one_way_door: 'true',
        status: 'pending',
        evidence_kind: '',
        evidence_link: '',
        customer: '',
        benefit: '',
        answered_by: '',
        answered_at: '',
        detected_evidence: '',
      },
    ]);
  });

  it('writes an answered, logged decision with its insight, UTC times and evidence kinds joined by ;', () => {
    const cited = decision({
      source: 'logged',
      permalink: null,
      category: 'roadmap',
      oneWayDoor: false,
      detectedEvidence: ['interview', 'survey'],
      status: 'cited',
      evidenceKind: 'interview',
      evidenceLink: 'https://notes.example.com/interviews/42',
      customerWho: 'Finance admins',
      benefit: 'Monthly billing',
      answeredBy: 'U0BOB',
      // 23:30 in New York is already the next day in UTC: the export says so.
      answeredAt: Date.parse('2026-11-23T23:30:00-05:00'),
    });
    expect(csvObjects(decisionsCsv([cited], 'product'))[0]).toMatchObject({
      permalink: '',
      source: 'logged',
      category: 'roadmap',
      one_way_door: 'false',
      status: 'cited',
      evidence_kind: 'interview',
      evidence_link: 'https://notes.example.com/interviews/42',
      customer: 'Finance admins',
      benefit: 'Monthly billing',
      answered_by: 'U0BOB',
      answered_at: '2026-11-24T04:30:00.000Z',
      detected_evidence: 'interview;survey',
    });
  });

  it('keeps the order it is given', () => {
    const rows = csvObjects(
      decisionsCsv(
        [decision({ summary: 'first' }), decision({ summary: 'second' }), decision({ summary: 'third' })],
        'p',
      ),
    );
    expect(rows.map((row) => row.summary)).toEqual(['first', 'second', 'third']);
  });

  it('round-trips commas, quotes and line breaks inside fields', () => {
    const summary = 'Decision: we ship "Plan B", then\r\nmigrate\nthe rest\r';
    const customerWho = 'Admins, "power users"';
    const csv = decisionsCsv([decision({ summary, customerWho })], 'product');
    expect(csv).toContain('"Admins, ""power users"""');
    expect(csvObjects(csv)[0]).toMatchObject({ summary, customer: customerWho });
  });

  it('keeps unicode as it is, unquoted', () => {
    const summary = 'Décision : 決定 — نقرر 👩🏽‍💻 e\u0301';
    const csv = decisionsCsv([decision({ summary, customerWho: 'Zoë' })], 'produkt-ü');
    expect(csv).toContain(`,${summary},`);
    expect(csvObjects(csv)[0]).toMatchObject({ summary, customer: 'Zoë', channel_name: 'produkt-ü' });
  });

  it('neutralises formulas in free text a teammate typed', () => {
    const csv = decisionsCsv(
      [decision({ customerWho: '=HYPERLINK("https://evil.example","click")', benefit: '+1 for everyone' })],
      'product',
    );
    expect(csvObjects(csv)[0]).toMatchObject({
      customer: `'=HYPERLINK("https://evil.example","click")`,
      benefit: "'+1 for everyone",
    });
  });
});

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['carriage\rreturn', '"carriage\rreturn"'],
    ["it's", "it's"],
    ['1 = 1', '1 = 1'],
  ])('%j is written as %j', (value, written) => {
    expect(csvField(value)).toBe(written);
  });

  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@user', "'@user"],
    ['\tcmd', "'\tcmd"],
    ['\r=1', `"'\r=1"`],
    ['=1,2', `"'=1,2"`],
    ['=A1&"x"', `"'=A1&""x"""`],
  ])('a field starting a formula, %j, is prefixed with a quote: %j', (value, written) => {
    expect(csvField(value)).toBe(written);
  });

  it('parses back to the prefixed text', () => {
    expect(parseCsv(`${csvField('=1,"2"')}\r\n`)).toEqual([[`'=1,"2"`]]);
  });
});

describe('exportFileName', () => {
  it('names the channel and the UTC day', () => {
    expect(exportFileName('product', Date.parse('2026-11-23T10:00:00Z'))).toBe('empty-chair-product-2026-11-23.csv');
    expect(exportFileName('product', Date.parse('2026-11-23T23:59:59.999Z'))).toBe(
      'empty-chair-product-2026-11-23.csv',
    );
    expect(exportFileName('product', Date.parse('2026-11-24T00:00:00Z'))).toBe('empty-chair-product-2026-11-24.csv');
  });

  it.each([
    ['team_growth-2', 'team_growth-2'],
    ['produkt-ü', 'produkt-ü'],
    ['../etc/passwd', '-etc-passwd'],
    ['a b.c', 'a-b-c'],
  ])('channel %j becomes %j in the name', (channel, inName) => {
    expect(exportFileName(channel, Date.parse('2026-11-23T10:00:00Z'))).toBe(`empty-chair-${inName}-2026-11-23.csv`);
  });
});
