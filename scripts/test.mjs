// `npm test`: build, then type-check (the library and the playground) while vitest runs — the
// two use the cores of a 2-core machine better together than one after another.
// Type errors and test failures each fail the run; the type-checker's output is printed at the end.
import { spawn, spawnSync } from 'node:child_process';

// Nothing in the suite opens a TLS connection, and an extra CA bundle makes every Node process
// the tests start (a few hundred CLI runs) load and parse it first: ~0.1 s each on this machine.
delete process.env.NODE_EXTRA_CA_CERTS;

const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

// scripts/typecheck.mjs: the library without the DOM, the playground with it.
const checks = new Promise((resolve) => {
  const child = spawn(process.execPath, ['scripts/typecheck.mjs']);
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  child.on('close', (code) => resolve({ code, output }));
});
const tests = new Promise((resolve) => {
  const child = spawn(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('close', (code) => resolve(code ?? 1));
});

const [typed, tested] = await Promise.all([checks, tests]);
if (typed.code !== 0) process.stderr.write(`\nThe type check (scripts/typecheck.mjs) failed:\n${typed.output}`);
process.exit(tested !== 0 || typed.code !== 0 ? 1 : 0);
