import { describe, expect, it } from 'vitest';
import { DECISION_CATEGORIES, type DecisionKind } from '../../src/detect/types.js';
import { choosePrompt } from '../../src/prompts/choose.js';
import { BUILT_IN_PROMPTS_DIR, createPromptLibrary, loadPromptLibrary } from '../../src/prompts/load.js';
import type { Prompt, PromptFit } from '../../src/prompts/schema.js';

const library = loadPromptLibrary([BUILT_IN_PROMPTS_DIR]);
const seeds = Array.from({ length: 200 }, (_, index) => `C0123456789:1700000000.${String(index).padStart(6, '0')}`);

function question(id: string, fits: PromptFit[]): Prompt {
  return { id, text: `Question ${id} for the customer?`, source: 'Test', fits, file: 'test.yml' };
}

const roadmap: DecisionKind = { category: 'roadmap', oneWayDoor: false };

describe('choosePrompt', () => {
  it('gives the same question for the same seed', () => {
    const again = loadPromptLibrary([BUILT_IN_PROMPTS_DIR]);
    for (const seed of seeds) {
      const options = { kind: roadmap, seed, lastPromptId: 'bread-line' };
      expect(choosePrompt(again, options)).toBe(again.byId(choosePrompt(library, options).id));
    }
  });

  it('spreads different seeds over several questions', () => {
    const chosen = new Set(seeds.map((seed) => choosePrompt(library, { kind: roadmap, seed }).id));
    expect(chosen.size).toBeGreaterThanOrEqual(8);
  });

  it('asks a one-way door only one-way-door questions, whatever its category', () => {
    for (const category of DECISION_CATEGORIES) {
      for (const seed of seeds) {
        const prompt = choosePrompt(library, { kind: { category, oneWayDoor: true }, seed });
        expect(prompt.fits, `${category} ${seed}`).toContain('one-way-door');
      }
    }
  });

  it('asks a two-way door a question that fits its category or any decision', () => {
    for (const category of DECISION_CATEGORIES) {
      const chosen = new Set<string>();
      for (const seed of seeds) {
        const prompt = choosePrompt(library, { kind: { category, oneWayDoor: false }, seed });
        expect(
          prompt.fits.some((fit) => fit === category || fit === 'any'),
          `${category}: ${prompt.id}`,
        ).toBe(true);
        chosen.add(prompt.id);
      }
      expect(
        [...chosen].some((id) => library.byId(id)?.fits.includes(category)),
        category,
      ).toBe(true);
    }
  });

  it('never asks a channel the same question twice in a row when another fits', () => {
    for (const category of DECISION_CATEGORIES) {
      for (const oneWayDoor of [false, true]) {
        const kind = { category, oneWayDoor };
        let lastPromptId: string | null = null;
        for (const seed of seeds) {
          const prompt = choosePrompt(library, { kind, seed, lastPromptId });
          expect(prompt.id, `${category} ${oneWayDoor} ${seed}`).not.toBe(lastPromptId);
          expect(choosePrompt(library, { kind, seed, lastPromptId: prompt.id }).id).not.toBe(prompt.id);
          lastPromptId = prompt.id;
        }
      }
    }
  });

  it('still returns the only fitting question even when it was the last one asked', () => {
    const small = createPromptLibrary([question('price-only', ['pricing']), question('door-only', ['one-way-door'])]);
    for (const seed of seeds.slice(0, 20)) {
      const pricing = choosePrompt(small, {
        kind: { category: 'pricing', oneWayDoor: false },
        seed,
        lastPromptId: 'price-only',
      });
      expect(pricing.id).toBe('price-only');
      const door = choosePrompt(small, {
        kind: { category: 'pricing', oneWayDoor: true },
        seed,
        lastPromptId: 'door-only',
      });
      expect(door.id).toBe('door-only');
    }
  });

  it('falls back to questions for any decision when nothing fits', () => {
    const small = createPromptLibrary([question('scope-only', ['scope']), question('general', ['any'])]);
    for (const seed of seeds.slice(0, 20)) {
      expect(choosePrompt(small, { kind: { category: 'people', oneWayDoor: true }, seed }).id).toBe('general');
    }
  });

  it('falls back to the whole library when neither a fitting nor a general question exists', () => {
    const small = createPromptLibrary([question('scope-only', ['scope']), question('sunset-only', ['sunset'])]);
    const chosen = new Set(
      seeds.map((seed) => choosePrompt(small, { kind: { category: 'people', oneWayDoor: false }, seed }).id),
    );
    expect([...chosen].sort()).toEqual(['scope-only', 'sunset-only']);
  });

  it('throws on an empty library instead of returning nothing', () => {
    expect(() => choosePrompt(createPromptLibrary([]), { kind: roadmap, seed: 'x' })).toThrow(/empty library/);
  });
});
