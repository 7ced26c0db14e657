import { defineConfig } from 'vitest/config';
import { BaseSequencer } from 'vitest/node';
import type { TestSpecification } from 'vitest/node';

/**
 * The slowest files (seconds of pdflatex, Chromium, fuzzing or many derivations each), started
 * first so that the two workers finish together. vitest orders by the timings of its last run,
 * but a clean checkout has none: it would start them by file size, and the longest would run
 * last, on one core (about 12 s of a 75 s run).
 */
const SLOWEST_FIRST = [
  'report/corpus',
  'playground/playground',
  'report/fragment',
  'limits/limits',
  'report/narratePdf',
  'fuzz/differential',
  'fuzz/cli.fuzz',
  'structured/handDerived',
  'symbolic/nerdamerOracle',
  'symbolic/algebraic',
];

class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification): number => {
      const i = SLOWEST_FIRST.findIndex((name) => f.moduleId.endsWith(`/test/${name}.test.ts`));
      return i < 0 ? SLOWEST_FIRST.length : i;
    };
    // Array.prototype.sort is stable: the other files keep vitest's order.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/fuzz/setup.ts'],
    // Sized for a busy 2-core machine running two suites side by side, not for speed.
    testTimeout: 120_000,
    hookTimeout: 240_000,
    pool: 'forks',
    // Both cores: the files are independent (each writes only its own temporary folders).
    maxWorkers: 2,
    // One module graph per worker, not per file: no file mocks modules or keeps state another reads
    // (environment stubs are undone after each test), and re-importing the library in every file
    // cost 30 s of a 130 s run.
    isolate: false,
    // V8 optimises a function once it has run this much bytecode (default 132 KB; here 1 MB). The
    // suite runs thousands of short derivations: optimising each briefly hot function cost more
    // CPU than it returned (about 10% of the whole run's CPU on two cores, measured A/B). Only
    // the speed of the code changes, not what it computes; `npm run bench` runs with V8's defaults.
    execArgv: ['--interrupt-budget=1048576'],
    sequence: { sequencer: SlowestFirst },
  },
});
