/** Run the CLI in this process (fast; the same main() the bundle runs). */
import { main } from '../../src/cli/main.js';

export interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function cli(argv: readonly string[]): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
  });
  return { code, stdout, stderr };
}

/** The one JSON object a --json run prints. */
export const parsed = <T = Record<string, unknown>>(o: Outcome): T => JSON.parse(o.stdout) as T;
