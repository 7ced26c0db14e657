/** Outward-rounded float intervals (src/symbolic/exact/interval.ts): every result encloses the true value. */
import { describe, expect, it } from 'vitest';
import * as I from '../../../src/symbolic/exact/interval.js';
import type { Interval } from '../../../src/symbolic/exact/interval.js';

const contains = (a: Interval, x: number): boolean => a.lo <= x && x <= a.hi;

describe('interval arithmetic', () => {
  it('point() widens a decimal to an interval around it', () => {
    const a = I.point(0.1);
    expect(a.lo).toBeLessThan(a.hi);
    expect(contains(a, 0.1)).toBe(true);
    expect(I.exact(0.5)).toEqual({ lo: 0.5, hi: 0.5 });
  });

  it('add, neg, mul enclose the exact result', () => {
    const sum = I.add(I.point(0.1), I.point(0.2));
    expect(contains(sum, 0.30000000000000004) && contains(sum, 0.3)).toBe(true);
    expect(I.neg({ lo: 1, hi: 2 })).toEqual({ lo: -2, hi: -1 });
    const product = I.mul({ lo: -2, hi: 3 }, { lo: -1, hi: 4 });
    expect(product.lo).toBeLessThanOrEqual(-8);
    expect(product.hi).toBeGreaterThanOrEqual(12);
  });

  it('inv, pow and log are undefined where the function is', () => {
    expect(I.inv({ lo: -1, hi: 1 })).toBeUndefined();
    const inverse = I.inv({ lo: 2, hi: 4 })!;
    expect(contains(inverse, 0.25) && contains(inverse, 0.5)).toBe(true);
    expect(I.log({ lo: -1, hi: 2 })).toBeUndefined();
    const log = I.log({ lo: 1, hi: Math.E })!;
    expect(contains(log, 0) && contains(log, 1)).toBe(true);
    expect(I.pow({ lo: -1, hi: 4 }, 0.5, false)).toBeUndefined();
    const square = I.pow({ lo: -1, hi: 2 }, 2, true)!;
    expect(contains(square, 0) && contains(square, 4)).toBe(true);
  });

  it('exp stays non-negative and encloses e', () => {
    const e = I.exp(I.exact(1));
    expect(contains(e, Math.E)).toBe(true);
    expect(I.exp(I.exact(-1000)).lo).toBe(0);
  });

  it('signOf decides only when zero is outside, or the interval is exactly zero', () => {
    expect(I.signOf({ lo: 1, hi: 2 })).toBe(1);
    expect(I.signOf({ lo: -2, hi: -1 })).toBe(-1);
    expect(I.signOf({ lo: 0, hi: 0 })).toBe(0);
    expect(I.signOf({ lo: -1, hi: 1 })).toBeUndefined();
    expect(I.midpoint({ lo: 1, hi: 3 })).toBe(2);
  });
});
