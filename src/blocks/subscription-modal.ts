import type { types } from '@slack/bolt';
import type { DigestSchedule } from '../store/digest-subscriptions.js';
import { COMMON_TIME_ZONES, isTimeZone } from '../time/time-zones.js';
import { ViewId } from './ids.js';

/** block_id / action_id pairs of the digest subscription modal's inputs. */
export const SubscriptionField = {
  enabled: 'digest_enabled',
  weekday: 'digest_weekday',
  hour: 'digest_hour',
  timeZone: 'digest_time_zone',
} as const;

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
/** Weeks run Monday to Sunday everywhere else in the app, so the picker lists them in that order. */
const WEEKDAYS_FROM_MONDAY = [1, 2, 3, 4, 5, 6, 0] as const;
const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

/** What the form shows to someone who never subscribed: the table's defaults (Mondays 09:00) in their time zone. */
export function defaultDigestSchedule(timeZone: string): DigestSchedule {
  return { enabled: true, weekday: 1, hour: 9, timeZone };
}

function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

/** "Mondays at 09:00 (Europe/Berlin)", as the App Home states a subscription. */
export function scheduleLabel(schedule: DigestSchedule): string {
  return `${WEEKDAY_NAMES[schedule.weekday] ?? '?'}s at ${hourLabel(schedule.hour)} (${schedule.timeZone})`;
}

function option(text: string, value: string) {
  return { text: { type: 'plain_text' as const, text }, value };
}

/**
 * The App Home's *Digest settings* form, showing `schedule` (the saved one, or the defaults).
 * The time zone list leads with the saved zone and the person's Slack zone, so neither is ever missing.
 */
export function subscriptionModal(schedule: DigestSchedule, userTimeZone: string): types.ModalView {
  const onOff = { on: option('On: send me the weekly digest by DM', 'on'), off: option('Off', 'off') };
  const weekday = (day: number) => option(WEEKDAY_NAMES[day] ?? String(day), String(day));
  const hour = (value: number) => option(hourLabel(value), String(value));
  const zone = (name: string) => option(name.replace(/_/g, ' '), name);
  const zones = [...new Set([schedule.timeZone, userTimeZone, ...COMMON_TIME_ZONES])];
  return {
    type: 'modal',
    callback_id: ViewId.digestSubscription,
    title: { type: 'plain_text', text: 'Weekly digest' },
    submit: { type: 'plain_text', text: 'Save' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: 'The digest covers the channels you are in: cited vs uncited decisions, the trend, what still waits.',
          },
        ],
      },
      {
        type: 'input',
        block_id: SubscriptionField.enabled,
        label: { type: 'plain_text', text: 'Digest by DM' },
        element: {
          type: 'radio_buttons',
          action_id: SubscriptionField.enabled,
          options: [onOff.on, onOff.off],
          initial_option: schedule.enabled ? onOff.on : onOff.off,
        },
      },
      {
        type: 'input',
        block_id: SubscriptionField.weekday,
        label: { type: 'plain_text', text: 'Day' },
        element: {
          type: 'static_select',
          action_id: SubscriptionField.weekday,
          options: WEEKDAYS_FROM_MONDAY.map(weekday),
          initial_option: weekday(schedule.weekday),
        },
      },
      {
        type: 'input',
        block_id: SubscriptionField.hour,
        label: { type: 'plain_text', text: 'Hour' },
        element: {
          type: 'static_select',
          action_id: SubscriptionField.hour,
          options: HOURS.map(hour),
          initial_option: hour(schedule.hour),
        },
      },
      {
        type: 'input',
        block_id: SubscriptionField.timeZone,
        label: { type: 'plain_text', text: 'Time zone' },
        element: {
          type: 'static_select',
          action_id: SubscriptionField.timeZone,
          options: zones.map(zone),
          initial_option: zone(schedule.timeZone),
        },
      },
    ],
  };
}

type StateValues = Record<string, Record<string, { selected_option?: { value: string } | null }>>;

export type SubscriptionSubmission =
  | { ok: true; schedule: DigestSchedule }
  | { ok: false; errors: Record<string, string> };

/** Whole numbers only ("9", not "9.5" or " 9"), within [min, max]. */
function wholeNumberIn(raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined || !/^\d{1,2}$/.test(raw)) return undefined;
  const value = Number(raw);
  return value >= min && value <= max ? value : undefined;
}

/** Validates a submission; each error is keyed by its block, as Slack's `response_action: errors` wants. */
export function parseSubscriptionSubmission(values: StateValues): SubscriptionSubmission {
  const selected = (field: string) => values[field]?.[field]?.selected_option?.value;
  const errors: Record<string, string> = {};

  const onOff = selected(SubscriptionField.enabled);
  if (onOff !== 'on' && onOff !== 'off') errors[SubscriptionField.enabled] = 'Choose on or off.';
  const weekday = wholeNumberIn(selected(SubscriptionField.weekday), 0, 6);
  if (weekday === undefined) errors[SubscriptionField.weekday] = 'Choose a day of the week from the list.';
  const hour = wholeNumberIn(selected(SubscriptionField.hour), 0, 23);
  if (hour === undefined) errors[SubscriptionField.hour] = 'Choose an hour from 00:00 to 23:00.';
  const timeZone = selected(SubscriptionField.timeZone);
  if (timeZone === undefined || !isTimeZone(timeZone)) {
    errors[SubscriptionField.timeZone] = 'Choose a time zone from the list.';
  }

  if (Object.keys(errors).length > 0 || weekday === undefined || hour === undefined || timeZone === undefined) {
    return { ok: false, errors };
  }
  return { ok: true, schedule: { enabled: onOff === 'on', weekday, hour, timeZone } };
}
