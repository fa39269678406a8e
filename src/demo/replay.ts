import { ActionId } from '../blocks/ids.js';
import { EVIDENCE_LABELS } from '../blocks/labels.js';
import {
  type ButtonClickFields,
  buttonClick,
  cardDecisionId,
  citeValues,
  viewSubmission,
} from '../emulator/interactions.js';
import {
  type SlackRequestTarget,
  type SlackResponse,
  sendCommand,
  sendEvent,
  sendInteraction,
} from '../emulator/slack-requests.js';
import {
  DEFAULT_TEAM_ID,
  type FakeSlackApi,
  RESPONSE_URL_METHOD,
  type RecordedCall,
} from '../emulator/slack-web-api.js';
import type { ScheduledStep, ScheduledWeek } from './scheduled-week.js';
import type { Click, Person, Step, WeekScript } from './week-script.js';

/** The thread a message was written in: under someone's message, or a huddle's. */
export type ThreadOf = { kind: 'message'; author: string; text: string } | { kind: 'huddle'; title: string };

/** The message a button was on: the chair's card under someone's message, or its answer to a command. */
export type ClickedMessage = { kind: 'card'; author: string; text: string } | { kind: 'answer'; command: string };

/** What a person did in one happening, as the transcript tells it. */
export type Act =
  | { kind: 'say'; who: Person; text: string; thread: ThreadOf | undefined }
  | { kind: 'huddle'; who: Person; title: string }
  | { kind: 'command'; who: Person; command: string; text: string }
  | { kind: 'click'; who: Person; button: string; on: ClickedMessage }
  | { kind: 'submit'; who: Person; form: string; fields: string[] };

/** One thing a person did and every call the bot made to Slack in answer, in order. */
export interface Happening {
  at: number;
  channel: string;
  act: Act;
  calls: RecordedCall[];
}

export interface ReplayTarget {
  emulator: FakeSlackApi;
  /** Where the bot receives Slack's requests. */
  bot: SlackRequestTarget;
  /** Moves every clock of the replay (the bot's and the emulator's) to the step's time. */
  setTime(instant: number): Promise<void>;
  /** How long the bot must stay silent before a step counts as answered. */
  quietMs: number;
}

export class ReplayError extends Error {
  override readonly name = 'ReplayError';
}

const CLICK_ACTIONS: Readonly<Record<Click, string>> = {
  'cite-insight': ActionId.citeInsight,
  'no-insight-yet': ActionId.noInsightYet,
  'not-customer-facing': ActionId.notCustomerFacing,
  mute: ActionId.muteChannel,
  'post-draft': ActionId.postDraft,
};

interface Button {
  label: string;
  value: string;
}

/** The button with `actionId` in a message's blocks, if it has one. */
function findButton(blocks: unknown, actionId: string): Button | undefined {
  if (!Array.isArray(blocks)) return undefined;
  for (const block of blocks as { elements?: unknown }[]) {
    const elements = Array.isArray(block.elements) ? (block.elements as Record<string, unknown>[]) : [];
    const button = elements.find((element) => element.action_id === actionId);
    if (button !== undefined) {
      const text = (button.text as { text?: unknown } | undefined)?.text;
      return { label: typeof text === 'string' ? text : actionId, value: String(button.value ?? '') };
    }
  }
  return undefined;
}

/** What happened at each earlier step, for the steps that point back at it. */
interface Earlier {
  step: ScheduledStep;
  /** The ts of the thread the step's message is in, or its own. */
  rootTs: string;
  happenings: Happening[];
}

/**
 * Replays the week step by step against the running bot: posts what people say into the emulator and sends the bot
 * the events, commands and clicks Slack would, then waits until the bot has gone quiet and yields what it did.
 */
export async function* replayWeek(
  script: WeekScript,
  schedule: ScheduledWeek,
  target: ReplayTarget,
): AsyncGenerator<Happening> {
  const { emulator } = target;
  const channel = script.channel;
  const earlier = new Map<string, Earlier>();

  function failAt(scheduled: ScheduledStep, problem: string): never {
    const { step } = scheduled;
    const time = `${String(step.hour).padStart(2, '0')}:${String(step.minute).padStart(2, '0')}`;
    throw new ReplayError(`step ${step.index + 1} (${step.day} ${time}, ${step.who.handle}): ${problem}`);
  }

  function checked(scheduled: ScheduledStep, response: SlackResponse): void {
    if (response.status !== 200) failAt(scheduled, `the bot answered HTTP ${response.status}: ${response.body}`);
  }

  /** Sends one request and collects the bot's calls until it goes quiet. */
  const exchange = async (
    scheduled: ScheduledStep,
    act: Act,
    send: () => Promise<SlackResponse>,
  ): Promise<Happening> => {
    const from = emulator.calls.length;
    checked(scheduled, await send());
    await emulator.whenQuiet(target.quietMs);
    return { at: scheduled.at, channel: channel.id, act, calls: emulator.calls.slice(from) };
  };

  const messageEvent = (scheduled: ScheduledStep, text: string, extra: Record<string, unknown>) => ({
    type: 'message',
    channel: channel.id,
    channel_type: 'channel',
    user: scheduled.step.who.id,
    text,
    ts: scheduled.ts,
    event_ts: scheduled.ts,
    team: DEFAULT_TEAM_ID,
    ...extra,
  });

  const pointedAt = (id: string): Earlier => {
    const found = earlier.get(id);
    // The script was checked on load: every id a step points at belongs to an earlier step.
    if (found === undefined) throw new Error(`no earlier step ${id}`);
    return found;
  };

  async function* perform(scheduled: ScheduledStep, step: Step): AsyncGenerator<Happening> {
    const who = step.who;
    switch (step.kind) {
      case 'say': {
        const thread = step.in === undefined ? undefined : pointedAt(step.in);
        const threadTs = thread?.rootTs;
        emulator.postUserMessage({
          channel: channel.id,
          user: who.id,
          text: step.text,
          ts: scheduled.ts,
          ...(threadTs === undefined ? {} : { thread_ts: threadTs }),
        });
        const threadOf: ThreadOf | undefined =
          thread === undefined
            ? undefined
            : thread.step.step.kind === 'huddle'
              ? { kind: 'huddle', title: thread.step.step.title }
              : {
                  kind: 'message',
                  author: thread.step.step.who.name,
                  text: thread.step.step.kind === 'say' ? thread.step.step.text : '',
                };
        yield await exchange(scheduled, { kind: 'say', who, text: step.text, thread: threadOf }, () =>
          sendEvent(
            target.bot,
            messageEvent(scheduled, step.text, threadTs === undefined ? {} : { thread_ts: threadTs }),
          ),
        );
        return;
      }
      case 'huddle': {
        const text = `🎧 Huddle: ${step.title}`;
        emulator.postUserMessage({
          channel: channel.id,
          user: who.id,
          text,
          ts: scheduled.ts,
          subtype: 'huddle_thread',
        });
        yield await exchange(scheduled, { kind: 'huddle', who, title: step.title }, () =>
          sendEvent(target.bot, messageEvent(scheduled, text, { subtype: 'huddle_thread' })),
        );
        return;
      }
      case 'command':
        yield await exchange(scheduled, { kind: 'command', who, command: step.command, text: step.text }, () =>
          sendCommand(target.bot, {
            command: step.command,
            text: step.text,
            user_id: who.id,
            channel_id: channel.id,
            channel_name: channel.name,
            response_url: emulator.responseUrlFor(channel.id, who.id),
          }),
        );
        return;
      case 'click':
        yield* click(scheduled, step);
        return;
    }
  }

  async function* click(scheduled: ScheduledStep, step: Extract<Step, { kind: 'click' }>): AsyncGenerator<Happening> {
    const actionId = CLICK_ACTIONS[step.click];
    const on = pointedAt(step.on);
    const who = step.who;
    // Who clicks which button where; the message it sits on differs: a command's answer or a card in the channel.
    const press = (button: { value: string }, message: Pick<ButtonClickFields, 'cardTs' | 'threadTs' | 'ephemeral'>) =>
      sendInteraction(
        target.bot,
        buttonClick({
          actionId,
          value: button.value,
          user: who.id,
          channel: channel.id,
          channelName: channel.name,
          responseUrl: emulator.responseUrlFor(channel.id, who.id),
          ...message,
        }),
      );
    if (step.click === 'post-draft') {
      const answer = on.happenings
        .flatMap((happening) => happening.calls)
        .find((call) => call.method === RESPONSE_URL_METHOD && findButton(call.args.blocks, actionId) !== undefined);
      const button = answer === undefined ? undefined : findButton(answer.args.blocks, actionId);
      if (button === undefined)
        failAt(scheduled, `the chair's answer to step "${step.on}" has no button to post the draft`);
      const command = on.step.step.kind === 'command' ? on.step.step.command : '';
      yield await exchange(
        scheduled,
        { kind: 'click', who, button: button.label, on: { kind: 'answer', command } },
        () => press(button, { cardTs: on.step.ts, ephemeral: true }),
      );
      return;
    }

    const posted = on.happenings
      .flatMap((happening) => happening.calls)
      .find((call) => call.method === 'chat.postMessage' && findButton(call.args.blocks, actionId) !== undefined);
    if (posted === undefined) failAt(scheduled, `the chair posted no card with that button under step "${step.on}"`);
    const decisionId = cardDecisionId(posted);
    const card = emulator
      .messagesIn(channel.id)
      .find((each) => each.bot_id !== undefined && findButton(each.blocks, actionId)?.value === decisionId);
    const button = card === undefined ? undefined : findButton(card.blocks, actionId);
    if (card === undefined || button === undefined) {
      failAt(scheduled, `the card under step "${step.on}" has no such button any more: it was answered already`);
    }
    const under: ClickedMessage = {
      kind: 'card',
      author: on.step.step.who.name,
      text: on.step.step.kind === 'say' ? on.step.step.text : '',
    };
    const clicked = await exchange(scheduled, { kind: 'click', who, button: button.label, on: under }, () =>
      press(button, { cardTs: card.ts, threadTs: card.thread_ts }),
    );
    yield clicked;
    if (step.insight === undefined) return;

    const opened = clicked.calls.find((call) => call.method === 'views.open');
    const view = opened?.args.view as
      | { callback_id?: string; private_metadata?: string; title?: { text?: string } }
      | undefined;
    const callbackId = view?.callback_id;
    const privateMetadata = view?.private_metadata;
    if (callbackId === undefined || privateMetadata === undefined) {
      failAt(scheduled, 'the chair opened no form to cite the insight in');
    }
    const { insight } = step;
    const fields = [EVIDENCE_LABELS[insight.kind], insight.link, insight.customer, insight.benefit].filter(
      (field): field is string => field !== undefined,
    );
    yield await exchange(scheduled, { kind: 'submit', who, form: view?.title?.text ?? 'the form', fields }, () =>
      sendInteraction(
        target.bot,
        viewSubmission({
          callbackId,
          privateMetadata,
          values: citeValues({
            kind: insight.kind,
            customer: insight.customer,
            ...(insight.link === undefined ? {} : { link: insight.link }),
            ...(insight.benefit === undefined ? {} : { benefit: insight.benefit }),
          }),
          user: who.id,
        }),
      ),
    );
  }

  for (const scheduled of schedule.steps) {
    await target.setTime(scheduled.at);
    const { step } = scheduled;
    const happenings: Happening[] = [];
    for await (const happening of perform(scheduled, step)) {
      happenings.push(happening);
      yield happening;
    }
    if (step.id !== undefined) {
      const thread = step.kind === 'say' && step.in !== undefined ? pointedAt(step.in).rootTs : scheduled.ts;
      earlier.set(step.id, { step: scheduled, rootTs: thread, happenings });
    }
  }
}
