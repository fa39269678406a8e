/** A Slack markup token: `<@U1|bob>`, `<!here>`, `<#C1|general>`, `<https://x.io|text>`. */
const SLACK_TOKEN = /<([^<>]*)>/g;
/** Decoded text the author typed (`&lt;!here&gt;`) is only re-rendered where it would otherwise ping someone. */
const TYPED_TRIGGER_TOKEN = /<([@!#][^<>]*)>/g;
const ENTITY = /&(lt|gt|amp);/g;
const ENTITY_TEXT: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&' };
const BROADCASTS: ReadonlySet<string> = new Set(['channel', 'here', 'everyone']);
/** Whatever survives both passes (e.g. an unclosed `<@U1`) must still never reach Slack as a trigger. */
const DANGLING_TRIGGER = /(?<!<)<+(?=[@!#])/g;

/**
 * Turns Slack mrkdwn markup into plain text that can be shown or stored without pinging anyone:
 * mentions, broadcasts, user groups and channels become inert `@name` / `#name` text, links keep
 * their label (or the URL), dates their fallback, and `&lt;` `&gt;` `&amp;` are decoded.
 * The result never contains `<@`, `<!` or `<#`.
 */
export function slackMarkupToPlainText(text: string): string {
  const decoded = decodeEntities(text.replace(SLACK_TOKEN, renderToken));
  return decoded.replace(TYPED_TRIGGER_TOKEN, renderToken).replace(DANGLING_TRIGGER, '');
}

function renderToken(_token: string, body: string): string {
  const bar = body.indexOf('|');
  const target = bar === -1 ? body : body.slice(0, bar);
  const label = bar === -1 ? '' : body.slice(bar + 1);
  switch (target.charAt(0)) {
    case '@':
      return `@${withoutPrefix(label, '@') || target.slice(1)}`;
    case '#':
      return `#${withoutPrefix(label, '#') || target.slice(1)}`;
    case '!':
      return renderSpecial(target.slice(1), label);
    default:
      return label || withoutPrefix(target, 'mailto:');
  }
}

/** `<!…>` commands: broadcasts, user groups (`subteam^ID`), dates (`date^ts^format`). */
function renderSpecial(command: string, label: string): string {
  const name = command.split('^', 1)[0] ?? '';
  if (BROADCASTS.has(name)) return `@${name}`;
  if (name === 'subteam') return `@${withoutPrefix(label, '@') || 'group'}`;
  if (name === 'date') return label;
  return label || `@${name}`;
}

function withoutPrefix(text: string, prefix: string): string {
  return text.startsWith(prefix) ? text.slice(prefix.length) : text;
}

function decodeEntities(text: string): string {
  return text.replace(ENTITY, (_entity, name: string) => ENTITY_TEXT[name] ?? '');
}
