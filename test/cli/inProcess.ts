/** Run the CLI in this process (fast; the same main() the bundle runs). */
import { main } from '../../src/cli/main.js';

export interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * `cwd` runs the command from that folder, for what resolves paths against the working directory
 * (`build` with no folder). vitest's forks pool runs one test at a time per worker process, so
 * changing the directory for the length of one awaited run reaches no other test.
 */
export async function cli(argv: readonly string[], options: { cwd?: string } = {}): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: (t: string) => {
      stdout += t;
    },
    stderr: (t: string) => {
      stderr += t;
    },
  };
  const home = process.cwd();
  if (options.cwd !== undefined) process.chdir(options.cwd);
  try {
    const code = await main(argv, io);
    return { code, stdout, stderr };
  } finally {
    if (options.cwd !== undefined) process.chdir(home);
  }
}

/** The one JSON object a --json run prints. */
export const parsed = <T = Record<string, unknown>>(o: Outcome): T => JSON.parse(o.stdout) as T;
