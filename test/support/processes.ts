import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';

export { freePort } from '../../src/demo/free-port.js';

export const PROJECT_ROOT = new URL('../../', import.meta.url).pathname;

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs an npm script the way a person would, from the project root, and collects its output. */
export function runNpm(
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; input?: string } = {},
): {
  child: ChildProcess;
  finished: Promise<Finished>;
  /** What it printed to stdout so far. */
  output: () => string;
} {
  const child = spawn('npm', [...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
    // Its own process group, so a signal reaches npm and the node process under it, as Ctrl-C in a terminal does.
    detached: true,
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  child.stdin?.end(options.input ?? '');
  const finished = once(child, 'close').then(([code]) => ({ code: code as number | null, stdout, stderr }));
  return { child, finished, output: () => stdout };
}

/** Signals the whole process group started by `runNpm`. */
export function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid !== undefined) process.kill(-child.pid, signal);
}

/** Resolves once the process has printed `text` on stdout; fails after `timeoutMs` with what it printed. */
export async function printed(
  bot: { output: () => string; finished: Promise<Finished> },
  text: string,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!bot.output().includes(text)) {
    if (Date.now() > deadline) throw new Error(`never printed "${text}"; printed:\n${bot.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
