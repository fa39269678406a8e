import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { EVIDENCE_KINDS } from '../detect/types.js';
import { isTimeZone } from '../time/time-zones.js';

/** The week `npm run demo` replays unless told otherwise. */
export const DEFAULT_SCRIPT_PATH = new URL('../../examples/demo-week.yml', import.meta.url).pathname;

export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'] as const;
/** Enough for any week worth reading; the cap leaves each step room for its own ts (see scheduled-week.ts). */
export const MAX_STEPS = 99;
export type Weekday = (typeof WEEKDAYS)[number];

/** The buttons a step can click: the card's four, and *Post* on the answer to a `/customer-check` draft. */
export const CLICKS = ['cite-insight', 'no-insight-yet', 'not-customer-facing', 'mute', 'post-draft'] as const;
export type Click = (typeof CLICKS)[number];

export interface Person {
  handle: string;
  /** Made from the handle, e.g. maya → U0MAYA: the script never needs to spell Slack ids. */
  id: string;
  name: string;
  role: string | undefined;
}

export interface Insight {
  kind: (typeof EVIDENCE_KINDS)[number];
  link: string | undefined;
  customer: string;
  benefit: string | undefined;
}

interface StepBase {
  /** 0-based position in the script. */
  index: number;
  id: string | undefined;
  day: Weekday;
  hour: number;
  minute: number;
  who: Person;
}

export type Step =
  | (StepBase & { kind: 'say'; text: string; in: string | undefined })
  | (StepBase & { kind: 'huddle'; title: string })
  | (StepBase & { kind: 'command'; command: string; text: string })
  | (StepBase & { kind: 'click'; click: Click; on: string; insight: Insight | undefined });

export interface WeekScript {
  timeZone: string;
  channel: { id: string; name: string };
  people: Person[];
  steps: Step[];
}

export class WeekScriptError extends Error {
  override readonly name = 'WeekScriptError';
}

const AT = /^(Mon|Tue|Wed|Thu|Fri) ([01]\d|2[0-3]):([0-5]\d)$/;
const at = z.string().regex(AT, { error: 'must be a weekday and a time, e.g. "Tue 14:30" (Mon to Fri, 24-hour)' });
const handle = z.string().regex(/^[a-z][a-z0-9]*$/, { error: 'must be a lowercase word, e.g. maya' });
const stepId = z.string().regex(/^[a-z0-9-]+$/, { error: 'must be lowercase letters, digits and dashes' });
const text = z.string().trim().min(1, { error: 'must not be empty' });

const common = { id: stepId.optional(), at, who: handle };
const STEP_SCHEMAS = {
  say: z.strictObject({ ...common, say: text, in: stepId.optional() }),
  huddle: z.strictObject({ ...common, huddle: text }),
  command: z.strictObject({
    ...common,
    command: z
      .string()
      .regex(/^\/[a-z-]+(\s|$)/, { error: 'must start with the command, e.g. "/customer-check help"' }),
  }),
  click: z.strictObject({
    ...common,
    click: z.enum(CLICKS, { error: `must be one of ${CLICKS.join(', ')}` }),
    on: stepId,
    insight: z
      .strictObject({
        kind: z.enum(EVIDENCE_KINDS, { error: `must be one of ${EVIDENCE_KINDS.join(', ')}` }),
        link: z.url({ protocol: /^https?$/ }).optional(),
        customer: text,
        benefit: text.optional(),
      })
      .optional(),
  }),
};
const STEP_KINDS = Object.keys(STEP_SCHEMAS) as (keyof typeof STEP_SCHEMAS)[];

const scriptSchema = z.strictObject({
  timeZone: z.string().refine(isTimeZone, { error: 'must be an IANA time zone, e.g. Europe/Berlin' }),
  channel: handle,
  people: z.record(handle, z.strictObject({ name: text, role: text.optional() })),
  steps: z
    .array(z.record(z.string(), z.unknown()))
    .min(1, { error: 'must list at least one step' })
    .max(MAX_STEPS, { error: `must list at most ${MAX_STEPS} steps` }),
});

function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`,
    )
    .join('');
}

function fail(file: string, path: readonly PropertyKey[], message: string): never {
  throw new WeekScriptError(`${file}: ${path.length === 0 ? '' : `${fieldPath(path)}: `}${message}`);
}

function firstIssue(file: string, prefix: readonly PropertyKey[], error: z.ZodError): never {
  const [issue] = error.issues;
  if (issue === undefined) fail(file, prefix, 'is not valid');
  const path = [...prefix, ...issue.path];
  if (issue.code === 'unrecognized_keys')
    fail(file, path, `unknown field ${issue.keys.map((key) => `"${key}"`).join(', ')}`);
  fail(file, path, issue.message);
}

const slackId = (prefix: string, handle: string) => `${prefix}0${handle.toUpperCase()}`;

/** Reads and checks a week script; every problem names the file and the field, e.g. `steps[3].at`. */
export function parseWeekScript(source: string, file: string): WeekScript {
  let raw: unknown;
  try {
    raw = parse(source);
  } catch (error) {
    fail(file, [], `is not valid YAML (${error instanceof Error ? error.message : String(error)})`);
  }
  const top = scriptSchema.safeParse(raw);
  if (!top.success) firstIssue(file, [], top.error);
  const people = Object.entries(top.data.people).map(([key, person]) => ({
    handle: key,
    id: slackId('U', key),
    name: person.name,
    role: person.role,
  }));
  const byHandle = new Map(people.map((person) => [person.handle, person]));

  const steps: Step[] = [];
  const byId = new Map<string, Step>();
  let previous = -1;
  for (const [index, rawStep] of top.data.steps.entries()) {
    const path = ['steps', index];
    const kinds = STEP_KINDS.filter((kind) => kind in rawStep);
    const [kind] = kinds;
    if (kind === undefined || kinds.length > 1) {
      fail(file, path, `must have exactly one of ${STEP_KINDS.map((each) => `"${each}"`).join(', ')}`);
    }
    const parsed = STEP_SCHEMAS[kind].safeParse(rawStep);
    if (!parsed.success) firstIssue(file, path, parsed.error);
    const fields = parsed.data;
    const who = byHandle.get(fields.who);
    if (who === undefined) fail(file, [...path, 'who'], `"${fields.who}" is not among the people`);
    const [, day = 'Mon', hour = '0', minute = '0'] = AT.exec(fields.at) ?? [];
    const base: StepBase = {
      index,
      id: fields.id,
      day: day as Weekday,
      hour: Number(hour),
      minute: Number(minute),
      who,
    };
    const position = WEEKDAYS.indexOf(base.day) * 1440 + base.hour * 60 + base.minute;
    if (position < previous) fail(file, [...path, 'at'], 'is earlier than the step before; steps go in time order');
    previous = position;
    if (base.id !== undefined && byId.has(base.id)) fail(file, [...path, 'id'], `"${base.id}" is used twice`);

    const earlier = (field: string, id: string, kinds: readonly Step['kind'][], what: string): Step => {
      const target = byId.get(id);
      if (target === undefined) fail(file, [...path, field], `"${id}" is not the id of an earlier step`);
      if (!kinds.includes(target.kind)) fail(file, [...path, field], `"${id}" must be ${what}`);
      return target;
    };
    let step: Step;
    if ('say' in fields) {
      if (fields.in !== undefined) earlier('in', fields.in, ['say', 'huddle'], 'a message or a huddle');
      step = { ...base, kind: 'say', text: fields.say, in: fields.in };
    } else if ('huddle' in fields) {
      step = { ...base, kind: 'huddle', title: fields.huddle };
    } else if ('command' in fields) {
      const [command = ''] = fields.command.trim().split(/\s/, 1);
      step = { ...base, kind: 'command', command, text: fields.command.trim().slice(command.length).trim() };
    } else {
      if (fields.click === 'post-draft') earlier('on', fields.on, ['command'], 'a /customer-check draft check');
      else earlier('on', fields.on, ['say'], 'a message the chair asked about');
      if ((fields.click === 'cite-insight') !== (fields.insight !== undefined)) {
        fail(
          file,
          [...path, 'insight'],
          'goes with click: cite-insight, and only with it: it is what the form is filled in with',
        );
      }
      const insight = fields.insight;
      step = {
        ...base,
        kind: 'click',
        click: fields.click,
        on: fields.on,
        insight:
          insight === undefined
            ? undefined
            : { kind: insight.kind, link: insight.link, customer: insight.customer, benefit: insight.benefit },
      };
    }
    steps.push(step);
    if (step.id !== undefined) byId.set(step.id, step);
  }
  return {
    timeZone: top.data.timeZone,
    channel: { id: slackId('C', top.data.channel), name: top.data.channel },
    people,
    steps,
  };
}

export function loadWeekScript(file: string): WeekScript {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    throw new WeekScriptError(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return parseWeekScript(source, file);
}
