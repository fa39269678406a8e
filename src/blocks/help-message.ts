/** The usage text of `/customer-check`, also shown for `?`. */
export function helpText(command: string): string {
  return [
    `*${command}* asks the empty chair's question on demand. Answers are only visible to you.`,
    `• \`${command} <draft decision>\`: check a decision before posting it; the chair's question and a button to post it.`,
    `• \`${command}\`: log a decision by hand (what was decided, the customer insight behind it).`,
    `• \`${command} stats [week|month|quarter]\`: decisions here that cited customer insight, and the trend.`,
    `• \`${command} digest\`: preview this week's digest for this channel.`,
    `• \`${command} mute [30m|2h|3d|2w]\`: no questions here (for a while, or until unmuted). Decisions are still counted.`,
    `• \`${command} unmute\`: questions again.`,
    `• \`${command} settings\`: questions, cool-down, digest and huddle cards for this channel.`,
    `• \`${command} export\`: this channel's decisions as CSV, sent to you in a DM.`,
    `• \`${command} meeting <topic>\`: a meeting card with the empty chair's questions; decisions in its thread are listed on it.`,
    `• \`${command} help\`: this text.`,
  ].join('\n');
}
