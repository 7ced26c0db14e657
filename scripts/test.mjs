// `npm test`: type-check (the library and the playground) while the build and then vitest run —
// they use the cores of a 2-core machine better together than one after another.
// Type errors and test failures each fail the run; the type-checker's output is printed at the end.
import { runNode } from './runNode.mjs';

// Nothing in the suite opens a TLS connection, and an extra CA bundle makes every Node process
// the tests start (a few hundred CLI runs) load and parse it first: ~0.1 s each on this machine.
delete process.env.NODE_EXTRA_CA_CERTS;

// scripts/typecheck.mjs: the library without the DOM, the playground with it. It needs no build.
const typecheck = runNode(['scripts/typecheck.mjs', '--single-threaded']);
// The tests run the built CLI and package (dist/): they start once it is built.
const build = await runNode(['scripts/build.mjs'], { inherit: true }).done;
if (build.code !== 0) {
  typecheck.child.kill();
  process.exit(build.code);
}
const tests = await runNode(['node_modules/vitest/vitest.mjs', 'run', ...process.argv.slice(2)], { inherit: true }).done;
const typed = await typecheck.done;
if (typed.code !== 0) process.stderr.write(`\nThe type check (scripts/typecheck.mjs) failed:\n${typed.output}`);
process.exit(tests.code !== 0 || typed.code !== 0 ? 1 : 0);
