/**
 * Large matrices share their random draws (points.ts) and fused passes
 * (fusedPasses.ts) with helper threads: the evidence must not depend on how
 * many threads ran, and a wrong claim must still fail when most of the work
 * was done by another thread.
 */
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
