import { STATS_PERIODS, type StatsPeriod, statsMessage } from '../../../blocks/stats-message.js';
import { userTimeZone } from '../../../slack/user-time-zone.js';
import { weekRanges } from '../../../stats/week-ranges.js';
import type { Subcommand } from '../subcommand.js';

/** A sparkline of fewer bars than this says little, so `stats week` still shows two months of trend. */
const MIN_TREND_WEEKS = 8;

function isPeriod(word: string): word is StatsPeriod {
  return Object.hasOwn(STATS_PERIODS, word);
}

/** `stats [week|month|quarter]`: this channel's cited vs uncited decisions, weeks in the asker's time zone. */
export const statsSubcommand: Subcommand = async ({ deps, command, text, channel, client, respond }) => {
  const word = text.toLowerCase() || 'week';
  if (!isPeriod(word)) {
    await respond({
      response_type: 'ephemeral',
      text: `\`${command.command} stats\` takes \`week\`, \`month\` or \`quarter\` (default \`week\`).`,
    });
    return;
  }
  const timeZone = await userTimeZone(client, command.user_id, deps.logger);
  const weeks = weekRanges(deps.clock.now(), timeZone, Math.max(STATS_PERIODS[word], MIN_TREND_WEEKS));
  const counts = deps.store.decisions.countByWeekInChannels(command.team_id, [channel.id], weeks);
  await respond({ response_type: 'ephemeral', ...statsMessage(channel.name, word, counts) });
};
