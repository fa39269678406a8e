import { describe, expect, it } from 'vitest';
import { Screen, scan } from '../../src/detect/screen.js';

const PATTERNS = [
  /\bwe(?:'ll| will)(?: (?:also|now))? (?:ship|launch)\b/,
  /^(?:(?:final|key)\s+){0,2}decisions?(?:\s*:|\s+[-–—])\s*\S/,
  /\b(?:revisit\w*|reconsider\w*)\b/,
  /\b(?:\w+ ){0,2}(?:decided|agreed)\b/,
  /"[^"]{4,}"/,
  /\?[)"'\s]*$/,
  /(?:^|\s)i(?:'m| am)?\s/,
  /\bsev ?[0-4]\b/,
];

describe('Screen', () => {
  const screen = new Screen(PATTERNS);
  const listed = (screen: Screen, text: string) => {
    const possible = screen.possible(scan(text), text);
    return screen.patterns.map((_, index) => possible.has(index));
  };
  const possible = (text: string) => listed(screen, text);

  it('never rules out a pattern that matches', () => {
    const texts = [
      "we'll also ship it friday",
      'final decisions: the importer ships first',
      'reconsidering the plan',
      'the team decided',
      'she said "this is great"',
      'shall we?',
      "i'm out friday",
      'sev2 incident',
    ];
    for (const text of texts) {
      const found = possible(text);
      PATTERNS.forEach((pattern, index) => {
        if (pattern.test(text)) expect(found[index], `${pattern} on ${text}`).toBe(true);
      });
    }
  });

  it('rules out patterns whose words a message lacks', () => {
    expect(possible('lunch is at noon').slice(0, 4)).toEqual([false, false, false, false]);
  });

  it('reads a word after a long alternation as a whole word, so a longer word does not keep it possible', () => {
    const afterAlternation = new Screen([
      /\b(?:not|never|nothing|haven't|hasn't|didn't|isn't|wasn't|aren't|weren't|no one|nobody|none) (?:\w+ ){0,2}(?:decided|agreed|approved|final|finali[sz]ed|settled|landed|locked|confirmed|official)\b/,
    ]);
    expect(listed(afterAlternation, 'nothing is decided')).toEqual([true]);
    expect(listed(afterAlternation, 'nothing is undecided or unsettled')).toEqual([false]);
  });

  it('finds the clues of a screen built after the same words were screened', () => {
    const text = 'the zeppelin leaves at noon';
    expect(listed(screen, text)).not.toContain(true);
    const later = new Screen([/\bzeppelins?\b/]);
    expect(listed(later, text)).toEqual([true]);
  });

  it('looks a pattern up by its rarest words, not by "the" or a one-letter word it also needs', () => {
    const rare = new Screen([
      /\b(?:approved|signed off|ok'd) by (?:the |our )?(?:leadership|finance|legal|vp of \w+)\b/,
      /^(?:(?:final|today's)\s+){0,2}decisions?\s*:/,
    ]);
    expect(listed(rare, 'the notes are in our doc by the way')).toEqual([false, false]);
    expect(listed(rare, "today's standup is at 10")).toEqual([false, false]);
    expect(listed(rare, 'signed off by the vp of sales')).toEqual([true, false]);
    expect(listed(rare, "today's decisions: ship it")).toEqual([false, true]);
  });
});
