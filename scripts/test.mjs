// `npm test`: build, then type-check (the library and the playground) while vitest runs — the
// three use different cores of a 2-core machine better together than one after another.
// Type errors and test failures each fail the run; the type-checkers' output is printed at the end.
import { spawn, spawnSync } from 'node:child_process';

// Nothing in the suite opens a TLS connection, and an extra CA bundle makes every Node process
// the tests start (a few hundred CLI runs) load and parse it first: ~0.1 s each on this machine.
delete process.env.NODE_EXTRA_CA_CERTS;

const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const tsc = (project) =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', project]);
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({ project, code, output }));
  });

const checks = Promise.all([tsc('.'), tsc('playground')]);
const tests = new Promise((resolve) => {
  const child = spawn(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('close', (code) => resolve(code ?? 1));
});

const [typed, tested] = await Promise.all([checks, tests]);
let failed = tested !== 0;
for (const t of typed) {
  if (t.code === 0) continue;
  failed = true;
  process.stderr.write(`\ntsc -p ${t.project} failed:\n${t.output}`);
}
process.exit(failed ? 1 : 0);
