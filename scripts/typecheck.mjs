// `npm run typecheck` (and the type check of `npm test`), with TypeScript's native compiler:
// - tsconfig.json: src, test, scripts and bench, without the DOM lib (the library must not use the DOM);
// - playground/tsconfig.json: the page and its worker, with the DOM lib.
// Both run at once; any error in either fails, and both outputs are printed.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// The compiler's launcher, beside its package.json (typescript 7 exports no ./bin path).
const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin/tsc');

function check(project) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, '--noEmit', '--pretty', String(process.stdout.isTTY === true), '-p', project]);
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({ project, code: code ?? 1, output }));
  });
}

const results = await Promise.all([check('.'), check('playground')]);
for (const { project, code, output } of results) if (code !== 0) process.stdout.write(`tsc -p ${project}:\n${output}\n`);
process.exitCode = results.some((r) => r.code !== 0) ? 1 : 0;
