import type { SlackMessage } from './decision-card.js';

/** Posted once when the bot joins a channel: what it does, how to mute it, where the data goes. */
export function welcomeMessage(): SlackMessage {
  const text =
    ':bust_in_silhouette: Hi, I am the *empty chair*: the seat your customer would take if they were here.\n' +
    'When someone announces a decision in this channel, I ask one customer question *in the thread* ' +
    '(never in the channel), and you can answer with one click.';
  const details =
    '*Mute:* the _Mute this channel_ button on any question, or `/customer-check mute`. ' +
    "*Data:* for each decision I keep a 280-character summary, the answer and who gave it, in this app's own database, " +
    'for the weekly digest. Full messages are not stored. `/customer-check help` tells more.';
  return {
    text: 'Hi, I am the empty chair: I ask one customer question in the thread when a decision is announced here.',
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: details }] },
    ],
  };
}
