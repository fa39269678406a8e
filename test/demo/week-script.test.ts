import { describe, expect, it } from 'vitest';
import { scheduleWeek } from '../../src/demo/scheduled-week.js';
import { DEFAULT_SCRIPT_PATH, loadWeekScript, parseWeekScript, WeekScriptError } from '../../src/demo/week-script.js';

const HEAD = `timeZone: Europe/Berlin
channel: product
people:
  maya: { name: Maya, role: product manager }
  jonas: { name: Jonas }
steps:
`;

function parse(steps: string) {
  return parseWeekScript(`${HEAD}${steps}`, 'week.yml');
}

function problem(steps: string): string {
  try {
    parse(steps);
  } catch (error) {
    if (error instanceof WeekScriptError) return error.message;
    throw error;
  }
  throw new Error('the script was accepted');
}

describe('the example week', () => {
  const script = loadWeekScript(DEFAULT_SCRIPT_PATH);

  it('has every kind of step the demo is there to show', () => {
    expect(script.channel).toEqual({ id: 'C0PRODUCT', name: 'product' });
    expect(script.steps.length).toBeGreaterThanOrEqual(15);
    expect(script.steps.length).toBeLessThanOrEqual(25);
    const kinds = new Set(script.steps.map((step) => (step.kind === 'click' ? `click:${step.click}` : step.kind)));
    for (const kind of [
      'say',
      'huddle',
      'command',
      'click:cite-insight',
      'click:no-insight-yet',
      'click:not-customer-facing',
      'click:post-draft',
    ]) {
      expect(kinds).toContain(kind);
    }
  });
});

describe('parseWeekScript', () => {
  it('reads people, steps, threads and clicks, with Slack ids made from the names', () => {
    const script = parse(`  - id: pricing
    at: Mon 14:30
    who: maya
    say: "Decision: we drop the annual-only plan."
  - at: Tue 09:00
    who: jonas
    in: pricing
    say: Agreed.
  - at: Tue 10:12
    who: maya
    click: cite-insight
    on: pricing
    insight: { kind: support, customer: Finance admins }
  - at: Fri 16:00
    who: jonas
    command: /customer-check stats week
`);
    expect(script.people[0]).toEqual({ handle: 'maya', id: 'U0MAYA', name: 'Maya', role: 'product manager' });
    expect(script.steps.map((step) => [step.kind, step.day, step.hour, step.minute, step.who.id])).toEqual([
      ['say', 'Mon', 14, 30, 'U0MAYA'],
      ['say', 'Tue', 9, 0, 'U0JONAS'],
      ['click', 'Tue', 10, 12, 'U0MAYA'],
      ['command', 'Fri', 16, 0, 'U0JONAS'],
    ]);
    expect(script.steps[1]).toMatchObject({ in: 'pricing', text: 'Agreed.' });
    expect(script.steps[2]).toMatchObject({
      click: 'cite-insight',
      on: 'pricing',
      insight: { kind: 'support', customer: 'Finance admins', link: undefined, benefit: undefined },
    });
    expect(script.steps[3]).toMatchObject({ command: '/customer-check', text: 'stats week' });
  });

  it('names the file and the field of each mistake', () => {
    expect(problem('  - { at: Sat 10:00, who: maya, say: hi }\n')).toBe(
      'week.yml: steps[0].at: must be a weekday and a time, e.g. "Tue 14:30" (Mon to Fri, 24-hour)',
    );
    expect(problem('  - { at: Mon 10:00, who: bob, say: hi }\n')).toBe(
      'week.yml: steps[0].who: "bob" is not among the people',
    );
    expect(problem('  - { at: Mon 10:00, who: maya, say: hi, huddle: x }\n')).toContain(
      'week.yml: steps[0]: must have exactly one of',
    );
    expect(problem('  - { at: Mon 10:00, who: maya, say: hi, mood: happy }\n')).toBe(
      'week.yml: steps[0]: unknown field "mood"',
    );
    expect(problem('  - { at: Mon 10:00, who: maya, say: hi }\n  - { at: Mon 09:00, who: maya, say: hi }\n')).toBe(
      'week.yml: steps[1].at: is earlier than the step before; steps go in time order',
    );
    expect(problem('  - { at: Mon 10:00, who: maya, click: no-insight-yet, on: later }\n')).toBe(
      'week.yml: steps[0].on: "later" is not the id of an earlier step',
    );
    expect(
      problem(
        '  - { id: d, at: Mon 10:00, who: maya, say: x }\n  - { at: Mon 10:01, who: maya, click: cite-insight, on: d }\n',
      ),
    ).toContain('week.yml: steps[1].insight: goes with click: cite-insight');
    expect(
      problem(
        '  - { id: d, at: Mon 10:00, who: maya, say: x }\n  - { at: Mon 10:01, who: maya, click: post-draft, on: d }\n',
      ),
    ).toBe('week.yml: steps[1].on: "d" must be a /customer-check draft check');
    expect(problem('  - { at: Mon 10:00, who: maya, click: frown, on: d }\n')).toContain(
      'week.yml: steps[0].click: must be one of cite-insight',
    );
    expect(() => parseWeekScript('timeZone: Mars/Olympus\nchannel: p\npeople: {}\nsteps: []', 'w.yml')).toThrow(
      'w.yml: timeZone: must be an IANA time zone',
    );
    expect(() => parseWeekScript('steps: [', 'w.yml')).toThrow('w.yml: is not valid YAML');
  });
});

describe('scheduleWeek', () => {
  const script = parse(`  - { at: Mon 00:00, who: maya, say: first }
  - { at: Mon 00:00, who: maya, say: same minute }
  - { at: Fri 23:59, who: maya, say: last }
`);

  it('puts the steps in the last full week before now, at their times in the script’s zone', () => {
    // Wednesday 25 November 2026, 10:00 in Berlin: the last full week is 16 to 22 November.
    const schedule = scheduleWeek(script, Date.parse('2026-11-25T09:00:00Z'));
    expect(schedule.period).toBe('2026-W47');
    expect(schedule.week).toEqual({
      start: Date.parse('2026-11-15T23:00:00Z'),
      end: Date.parse('2026-11-22T23:00:00Z'),
    });
    expect(schedule.steps.map((step) => new Date(step.at).toISOString())).toEqual([
      '2026-11-15T23:00:00.000Z',
      '2026-11-15T23:00:00.000Z',
      '2026-11-20T22:59:00.000Z',
    ]);
  });

  it('gives each step a distinct ts in its own minute, in script order', () => {
    const { steps } = scheduleWeek(script, Date.parse('2026-11-25T09:00:00Z'));
    const seconds = (iso: string) => Date.parse(iso) / 1000;
    expect(steps.map((step) => step.ts)).toEqual([
      `${seconds('2026-11-15T23:00:00Z')}.010000`,
      `${seconds('2026-11-15T23:00:00Z')}.020000`,
      `${seconds('2026-11-20T22:59:00Z')}.030000`,
    ]);
  });

  it('takes the week before when now is early on a Monday', () => {
    expect(scheduleWeek(script, Date.parse('2026-11-23T00:30:00Z')).period).toBe('2026-W47');
    expect(scheduleWeek(script, Date.parse('2026-11-22T22:30:00Z')).period).toBe('2026-W46');
  });
});
