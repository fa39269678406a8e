import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { detect } from '../detect/detect.js';

const inputSchema = z.object({
  id: z.union([z.string(), z.number()], { error: 'id must be a string or a number' }),
  text: z.string({ error: 'text must be a string' }),
});

type Id = string | number | null;

/** A line that is not JSON still names its id when one can be read off it, so the caller can match the error. */
function salvageId(line: string): Id {
  const match = /"id"\s*:\s*(?:"((?:[^"\\]|\\.)*)"|(-?\d+(?:\.\d+)?))/.exec(line);
  if (match?.[1] !== undefined) {
    try {
      return JSON.parse(`"${match[1]}"`) as string;
    } catch {
      return match[1];
    }
  }
  return match?.[2] === undefined ? null : Number(match[2]);
}

/** One output object for one input line: the detector's verdict, or an error naming what was wrong. */
export function checkLine(line: string, lineNumber: number): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { id: salvageId(line), error: `line ${lineNumber}: not valid JSON (${reason})` };
  }
  const input = inputSchema.safeParse(parsed);
  if (!input.success) {
    const id = typeof parsed === 'object' && parsed !== null && 'id' in parsed ? parsed.id : null;
    const problems = input.error.issues.map((issue) => issue.message).join('; ');
    return {
      id: typeof id === 'string' || typeof id === 'number' ? id : null,
      error: `line ${lineNumber}: ${problems}`,
    };
  }
  const { decision, customer, kind, evidence, confidence } = detect(input.data.text);
  return { id: input.data.id, decision, customer, kind, evidence, confidence };
}

/** Streams JSON Lines `{"id","text"}` in, one verdict line out per input line, in order; blank lines are skipped. */
export async function runCheck(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<void> {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    if (!output.write(`${JSON.stringify(checkLine(line, lineNumber))}\n`)) await once(output, 'drain');
  }
}
