import { systemClock } from '../clock.js';
import { CLOCK_START_VARIABLE, type ClockMessage, isClockMessage } from './clock-channel.js';

/*
 * Loaded with `--import` before src/main.ts in the demo's bot process, so that the real composition root runs
 * unchanged while its clock reads the replayed week: the app stamps decisions and answers with its Clock, not with the
 * message ts, and the digest counts a decision in the week of that stamp. `systemClock` is the one clock main.ts hands
 * to everything, so replacing its reading here moves the whole bot and nothing else.
 */

const start = Number(process.env[CLOCK_START_VARIABLE]);
const send = process.send?.bind(process);
if (send === undefined || !Number.isFinite(start)) {
  throw new Error(`bot-clock is for the demo's bot process: it needs an IPC channel and ${CLOCK_START_VARIABLE}`);
}

let now = start;
systemClock.now = () => now;
process.on('message', (message: unknown) => {
  if (!isClockMessage(message)) return;
  now = message.now;
  send({ now } satisfies ClockMessage);
});
// The demo is gone (killed, or crashed before stopping us): stop as on Ctrl-C rather than run on unseen.
process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
