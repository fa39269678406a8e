import type { types } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { ViewId } from '../../src/blocks/ids.js';
import {
  defaultDigestSchedule,
  parseSubscriptionSubmission,
  SubscriptionField,
  scheduleLabel,
  subscriptionModal,
} from '../../src/blocks/subscription-modal.js';

type Select = { options: { value: string }[]; initial_option: { value: string } };

function selects(view: types.ModalView): Record<string, Select> {
  return Object.fromEntries(
    (view.blocks.filter((block) => block.type === 'input') as types.InputBlock[]).flatMap((block) =>
      block.block_id === undefined ? [] : [[block.block_id, block.element as unknown as Select]],
    ),
  );
}

/** What Slack submits when the person saves the form without touching it. */
function untouched(view: types.ModalView) {
  return Object.fromEntries(
    Object.entries(selects(view)).map(([field, select]) => [
      field,
      { [field]: { selected_option: select.initial_option } },
    ]),
  );
}

const values = (fields: Partial<Record<keyof typeof SubscriptionField, string | null>>) =>
  Object.fromEntries(
    (Object.keys(SubscriptionField) as (keyof typeof SubscriptionField)[]).map((key) => {
      const field = SubscriptionField[key];
      const value =
        key in fields ? fields[key] : { enabled: 'on', weekday: '1', hour: '9', timeZone: 'Europe/Berlin' }[key];
      return [field, { [field]: { selected_option: value === null || value === undefined ? null : { value } } }];
    }),
  );

describe('subscriptionModal', () => {
  it('shows the schedule it is given, and saving it untouched gives the same schedule back', () => {
    const schedule = { enabled: false, weekday: 0, hour: 23, timeZone: 'Asia/Tokyo' };
    const view = subscriptionModal(schedule, 'Europe/Berlin');
    expect(view.callback_id).toBe(ViewId.digestSubscription);
    expect(parseSubscriptionSubmission(untouched(view))).toEqual({ ok: true, schedule });
  });

  it('defaults to Mondays at 09:00, on, in the person’s time zone', () => {
    expect(defaultDigestSchedule('America/Chicago')).toEqual({
      enabled: true,
      weekday: 1,
      hour: 9,
      timeZone: 'America/Chicago',
    });
  });

  it('lists the days from Monday, every hour, and time zones led by the saved and the Slack one, no duplicates', () => {
    const picks = selects(subscriptionModal({ ...defaultDigestSchedule('Asia/Kathmandu') }, 'America/La_Paz'));
    expect(picks[SubscriptionField.weekday]?.options.map((option) => option.value)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '0',
    ]);
    expect(picks[SubscriptionField.hour]?.options).toHaveLength(24);
    const zones = picks[SubscriptionField.timeZone]?.options.map((option) => option.value) ?? [];
    expect(zones.slice(0, 2)).toEqual(['Asia/Kathmandu', 'America/La_Paz']);
    expect(new Set(zones).size).toBe(zones.length);
    expect(zones.length).toBeLessThanOrEqual(100);
    expect(zones).toContain('Europe/Berlin');
  });

  it('offers a zone already in the common list only once', () => {
    const zones = selects(subscriptionModal(defaultDigestSchedule('Europe/Berlin'), 'Europe/Berlin'))[
      SubscriptionField.timeZone
    ]?.options.map((option) => option.value);
    expect(zones?.filter((zone) => zone === 'Europe/Berlin')).toHaveLength(1);
  });

  it('labels a schedule as the Home shows it', () => {
    expect(scheduleLabel({ enabled: true, weekday: 3, hour: 8, timeZone: 'Europe/Berlin' })).toBe(
      'Wednesdays at 08:00 (Europe/Berlin)',
    );
  });
});

describe('parseSubscriptionSubmission', () => {
  it('reads a valid submission', () => {
    expect(parseSubscriptionSubmission(values({ enabled: 'off', weekday: '6', hour: '0', timeZone: 'UTC' }))).toEqual({
      ok: true,
      schedule: { enabled: false, weekday: 6, hour: 0, timeZone: 'UTC' },
    });
  });

  it('accepts an alias Slack still sends for a zone', () => {
    expect(parseSubscriptionSubmission(values({ timeZone: 'Asia/Kolkata' }))).toMatchObject({ ok: true });
  });

  it.each([
    ['enabled', 'maybe'],
    ['enabled', null],
    ['weekday', '7'],
    ['weekday', '-1'],
    ['weekday', 'Monday'],
    ['hour', '24'],
    ['hour', '9.5'],
    ['hour', ''],
    ['hour', null],
    ['timeZone', 'Mars/Olympus_Mons'],
    ['timeZone', 'Europe/Berlin; DROP TABLE'],
    ['timeZone', null],
  ] as const)('refuses %s = %j with an error under that field only', (key, value) => {
    expect(parseSubscriptionSubmission(values({ [key]: value }))).toEqual({
      ok: false,
      errors: { [SubscriptionField[key]]: expect.any(String) },
    });
  });

  it('names every bad field at once', () => {
    const result = parseSubscriptionSubmission(
      values({ enabled: null, weekday: '9', hour: '99', timeZone: 'Nowhere' }),
    );
    expect(result.ok ? [] : Object.keys(result.errors).sort()).toEqual(Object.values(SubscriptionField).sort());
  });
});
