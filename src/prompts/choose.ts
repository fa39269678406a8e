import type { DecisionKind } from '../detect/types.js';
import type { PromptLibrary } from './load.js';
import type { Prompt } from './schema.js';

export interface ChoosePromptOptions {
  kind: DecisionKind;
  /** Anything stable for the decision (e.g. channel and message ts), so a retried event asks the same question. */
  seed: string;
  /** The question this channel got last time; it is skipped whenever another one fits. */
  lastPromptId?: string | null;
}

/** Picks the customer question for a decision. Pure: the same library, kind, seed and last id give the same question. */
export function choosePrompt(library: PromptLibrary, { kind, seed, lastPromptId }: ChoosePromptOptions): Prompt {
  const candidates = withoutLastPrompt(candidatesFor(library.prompts, kind), lastPromptId);
  const chosen = candidates[fnv1a(seed) % candidates.length];
  if (!chosen) throw new Error('cannot choose a prompt from an empty library');
  return chosen;
}

function candidatesFor(prompts: readonly Prompt[], kind: DecisionKind): readonly Prompt[] {
  // A one-way door gets only the Working Backwards style questions: it deserves the harder look.
  const fitting = kind.oneWayDoor
    ? prompts.filter((prompt) => prompt.fits.includes('one-way-door'))
    : prompts.filter((prompt) => prompt.fits.includes(kind.category) || prompt.fits.includes('any'));
  if (fitting.length > 0) return fitting;
  // A team's own library may not cover every kind; asking a general question beats asking nothing.
  const general = prompts.filter((prompt) => prompt.fits.includes('any'));
  return general.length > 0 ? general : prompts;
}

function withoutLastPrompt(candidates: readonly Prompt[], lastPromptId: string | null | undefined): readonly Prompt[] {
  const others = candidates.filter((prompt) => prompt.id !== lastPromptId);
  return others.length > 0 ? others : candidates;
}

const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** 32-bit FNV-1a over the UTF-8 bytes: tiny, stable across runs and platforms, and spreads short seeds well. */
function fnv1a(text: string): number {
  let hash = FNV_OFFSET_BASIS;
  for (const byte of new TextEncoder().encode(text)) {
    hash = Math.imul(hash ^ byte, FNV_PRIME) >>> 0;
  }
  return hash;
}
