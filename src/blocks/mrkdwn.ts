/** Makes user-typed text safe inside mrkdwn: no live mentions, links or broadcasts can be smuggled in. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function mentionUser(userId: string): string {
  return `<@${userId}>`;
}
