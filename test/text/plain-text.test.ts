import { describe, expect, it } from 'vitest';
import { slackMarkupToPlainText } from '../../src/text/plain-text.js';

describe('slackMarkupToPlainText', () => {
  const cases: ReadonlyArray<readonly [markup: string, plain: string]> = [
    ['<@U123|bob> can you look?', '@bob can you look?'],
    ['ping <@U123>', 'ping @U123'],
    ['<!channel> heads up', '@channel heads up'],
    ['<!here> standup moved', '@here standup moved'],
    ['<!everyone> all hands', '@everyone all hands'],
    ['<!here|here> legacy label', '@here legacy label'],
    ['cc <!subteam^S123|@design>', 'cc @design'],
    ['cc <!subteam^S123|design>', 'cc @design'],
    ['cc <!subteam^S123>', 'cc @group'],
    ['due <!date^1392734382^{date_short}|Feb 18, 2014>', 'due Feb 18, 2014'],
    ['in <#C123|general>', 'in #general'],
    ['in <#C123>', 'in #C123'],
    ['see <https://x.io|the doc>', 'see the doc'],
    ['see <https://x.io>', 'see https://x.io'],
    ['see <https://x.io|>', 'see https://x.io'],
    ['mail <mailto:a@b.c|a@b.c>', 'mail a@b.c'],
    ['mail <mailto:a@b.c>', 'mail a@b.c'],
    ['a &lt; b &amp;&amp; c &gt; d', 'a < b && c > d'],
    ['&amp;lt; stays literal', '&lt; stays literal'],
    ['&gt; quoted line', '> quoted line'],
    ['<@U1|ann> and <@U2|bo> in <#C9|eng>: <https://a.io/x?y=1&amp;z=2|spec>', '@ann and @bo in #eng: spec'],
    ['no markup at all', 'no markup at all'],
    ['', ''],
  ];

  it.each(cases)('%j -> %j', (markup, plain) => {
    expect(slackMarkupToPlainText(markup)).toBe(plain);
  });

  const hostile: readonly string[] = [
    '&lt;!channel&gt; typed by hand',
    '&lt;@U123&gt; typed by hand',
    '&lt;#C1|x&gt; typed by hand',
    'unclosed <@U123 mention',
    'unclosed &lt;!here',
    '<<@U1>> doubled',
    '<https://x.io|&lt;!here&gt;>',
    '<!subteam^S1|&lt;@U2&gt;>',
    '&lt;&lt;!channel',
  ];

  it.each(hostile)('never leaves a live trigger in %j', (markup) => {
    const plain = slackMarkupToPlainText(markup);
    expect(plain).not.toMatch(/<[@!#]/);
  });
});
