// Running Node scripts and the TypeScript compiler as child processes, for the other scripts.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** TypeScript's compiler launcher, beside its package.json (typescript 7 exports no ./bin path). */
export const TSC = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin/tsc');

/** The child, and its exit code (1 when it was killed) with its output (empty when `inherit`). */
export function runNode(args, { inherit = false } = {}) {
  const child = spawn(process.execPath, args, { stdio: inherit ? 'inherit' : 'pipe' });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const done = new Promise((resolve) => child.on('close', (code) => resolve({ code: code ?? 1, output })));
  return { child, done };
}
