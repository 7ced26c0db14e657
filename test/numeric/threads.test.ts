/**
 * Large matrices share their random draws (points.ts) and fused passes
 * (fusedPasses.ts) with helper threads: the evidence must not depend on how
 * many threads ran, and a wrong claim must still fail when most of the work
 * was done by another thread.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { rangesRunByHelpers } from '../../src/numeric/fusedPasses.js';
import { blocksDrawnByHelpers } from '../../src/numeric/points.js';
import { PARALLEL_MIN_ENTRIES, setHelperThreads } from '../../src/numeric/threads.js';
import { verify } from '../../src/numeric/verify.js';
import type { Evidence } from '../../src/numeric/verify.js';
import { mulS } from '../../src/symbolic/scalar/build.js';
import { int } from '../../src/symbolic/scalar/expr.js';
import { RELU_SQUARED, RELU_SQUARED_GRADIENT, input, t } from './subjects.js';

// 600×600: above the threshold for helpers, six blocks of draws and six ranges per pass.
const ROWS = 600;
const COLS = 600;

const withHelpers = (count: number, gradient = RELU_SQUARED_GRADIENT): Evidence => {
  setHelperThreads(count);
  return verify(input(RELU_SQUARED, ROWS, COLS, 7, gradient));
};

/** Evidence from a run in which the helpers did draw blocks and run ranges (they start in the background; a run never waits for them). */
const helped = (count: number, gradient = RELU_SQUARED_GRADIENT): Evidence => {
  for (let attempt = 0; ; attempt++) {
    const e = withHelpers(count, gradient);
    if ((blocksDrawnByHelpers() > 0 && rangesRunByHelpers() > 0) || attempt === 50) return e;
  }
};

afterAll(() => setHelperThreads(undefined));

describe('verify on helper threads', () => {
  it('is large enough to be shared', () => {
    expect(ROWS * COLS).toBeGreaterThanOrEqual(PARALLEL_MIN_ENTRIES);
  });

  it('gives byte-identical evidence with 0, 1 and 3 helpers', () => {
    const alone = JSON.stringify(withHelpers(0));
    expect(JSON.parse(alone).status).toBe('passed');
    expect(rangesRunByHelpers() + blocksDrawnByHelpers()).toBe(0);
    expect(JSON.stringify(helped(1))).toBe(alone);
    expect(blocksDrawnByHelpers()).toBeGreaterThan(0);
    expect(rangesRunByHelpers()).toBeGreaterThan(0);
    expect(JSON.stringify(helped(3))).toBe(alone);
    expect(blocksDrawnByHelpers()).toBeGreaterThan(0);
    expect(rangesRunByHelpers()).toBeGreaterThan(0);
  });

  it('still fails a wrong gradient (2·t for 2·relu(t)) on every direction', () => {
    const e = helped(1, mulS(int(2), t));
    expect(rangesRunByHelpers()).toBeGreaterThan(0);
    expect(e.status).toBe('failed');
    expect(e.failures.some((f) => f.kind === 'gradient-direction')).toBe(true);
    expect(JSON.stringify(withHelpers(0, mulS(int(2), t)))).toBe(JSON.stringify(e));
  });
});

/**
 * The helpers compile the draw and pass functions from their source text, which
 * in the shipped bundle is minified (scripts/build.mjs): a name the minifier
 * gives one of them must still be the name the others call it by. Built here
 * the same way, run in its own process: the helpers draw blocks and run ranges,
 * and the evidence is the calling thread's alone.
 */
describe('helper threads in a minified bundle', () => {
  it('draw blocks and run ranges with the same evidence as no helpers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kinkproof-minified-'));
    try {
      const from = (path: string): string => JSON.stringify(resolve(__dirname, path));
      writeFileSync(
        join(dir, 'entry.ts'),
        [
          `import { rangesRunByHelpers } from ${from('../../src/numeric/fusedPasses.ts')};`,
          `import { blocksDrawnByHelpers } from ${from('../../src/numeric/points.ts')};`,
          `import { setHelperThreads } from ${from('../../src/numeric/threads.ts')};`,
          `import { verify } from ${from('../../src/numeric/verify.ts')};`,
          `import { RELU_SQUARED, RELU_SQUARED_GRADIENT, input } from ${from('./subjects.ts')};`,
          `const run = (count) => (setHelperThreads(count), JSON.stringify(verify(input(RELU_SQUARED, ${ROWS}, ${COLS}, 7, RELU_SQUARED_GRADIENT))));`,
          `const alone = run(0);`,
          `let blocks = 0, ranges = 0, same = true;`,
          `for (let attempt = 0; attempt < 50 && (blocks === 0 || ranges === 0); attempt++) {`,
          `  same &&= run(1) === alone;`,
          `  blocks = Math.max(blocks, blocksDrawnByHelpers()); ranges = Math.max(ranges, rangesRunByHelpers());`,
          `  await new Promise((wake) => setTimeout(wake, 20));`,
          `}`,
          `console.log(JSON.stringify({ same, blocks, ranges, status: JSON.parse(alone).status }));`,
        ].join('\n'),
      );
      await build({ entryPoints: [join(dir, 'entry.ts')], outfile: join(dir, 'entry.mjs'), bundle: true, minify: true, format: 'esm', platform: 'node', logLevel: 'silent' });
      const result = JSON.parse(execFileSync(process.execPath, [join(dir, 'entry.mjs')], { encoding: 'utf8' }));
      expect(result).toMatchObject({ same: true, status: 'passed' });
      expect(result.blocks).toBeGreaterThan(0);
      expect(result.ranges).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
