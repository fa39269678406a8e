/** The usage text of `/customer-check`; it lists only what works today. */
export function helpText(command: string): string {
  return [
    `*${command}* asks the empty chair's question on demand.`,
    `• \`${command} mute\`: no more questions in this channel (decisions are still counted).`,
    `• \`${command} unmute\`: questions again in this channel.`,
    `• \`${command} help\`: this text.`,
    'Announce a decision in a channel I am in ("Decision: we drop the annual-only plan.") and I ask one customer question in its thread.',
  ].join('\n');
}
