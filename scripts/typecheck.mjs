// `npm run typecheck` (and the type check of `npm test`), with TypeScript's native compiler:
// - tsconfig.json: src, test, scripts and bench, without the DOM lib (the library must not use the DOM);
// - playground/tsconfig.json: the page and its worker, with the DOM lib.
// Both run at once; any error in either fails, and both outputs are printed.
// --single-threaded (npm test's choice, as the tests need the cores): one checker thread per
// program, which takes about a quarter less CPU than tsc's default of several and a little longer.
import { runNode, TSC } from './runNode.mjs';

const threads = process.argv.includes('--single-threaded') ? ['--singleThreaded'] : [];
const check = (project) =>
  runNode([TSC, '--noEmit', '--pretty', String(process.stdout.isTTY === true), ...threads, '-p', project]).done.then((r) => ({ project, ...r }));

const results = await Promise.all([check('.'), check('playground')]);
for (const { project, code, output } of results) if (code !== 0) process.stdout.write(`tsc -p ${project}:\n${output}\n`);
process.exitCode = results.some((r) => r.code !== 0) ? 1 : 0;
