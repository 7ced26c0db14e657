import { describe, expect, it } from 'vitest';
import { compareDirectional, divergesTo, extrapolate, kinkMargin, stepFor } from '../../src/numeric/errorModel.js';

const steps = Array.from({ length: 12 }, (_, k) => 2 ** (-6 - k));
const noRounding = steps.map(() => 0);

describe('stepFor', () => {
  it('is a power of two near u^(1/5)·min(scale, 1)', () => {
    for (const scale of [0.01, 1, 100]) {
      const h = stepFor(scale);
      expect(Number.isInteger(Math.log2(h))).toBe(true);
      expect(h).toBeLessThanOrEqual(6.5e-4 * Math.min(scale, 1));
      expect(h).toBeGreaterThan(3e-4 * Math.min(scale, 1));
    }
    expect(kinkMargin(stepFor(1))).toBe(8 * stepFor(1));
  });
});

describe('extrapolate', () => {
  it('recovers a limit exactly when the error is a polynomial in δ of degree ≤ 2', () => {
    const e = extrapolate(steps.map((d) => 3 + 5 * d - 7 * d * d), noRounding);
    expect(e.value).toBeCloseTo(3, 12);
  });

  it('covers slow fractional convergence (√δ) by the fitted tail', () => {
    const e = extrapolate(steps.map((d) => 1 + Math.sqrt(d)), noRounding);
    expect(Math.abs(e.value - 1)).toBeLessThanOrEqual(e.tolerance);
    expect(e.tolerance).toBeLessThan(0.05);
  });

  it('tells a wrong limit apart', () => {
    const e = extrapolate(steps.map((d) => 2 * d), noRounding);
    expect(Math.abs(e.value - 1)).toBeGreaterThan(e.tolerance);
  });

  it('carries rounding bounds through the Richardson table', () => {
    const e = extrapolate(steps.map(() => 1), steps.map(() => 1e-10));
    expect(e.tolerance).toBeGreaterThan(1e-10);
    expect(e.tolerance).toBeLessThan(1e-7);
  });
});

describe('divergesTo', () => {
  it('needs the last four samples growing with the claimed sign', () => {
    expect(divergesTo(steps.map((d) => 1 / d), 1)).toBe(true);
    expect(divergesTo(steps.map((d) => -1 / Math.sqrt(d)), -1)).toBe(true);
    expect(divergesTo(steps.map((d) => 1 / d), -1)).toBe(false);
    expect(divergesTo(steps.map(() => 5), 1)).toBe(false);
  });
});

describe('compareDirectional', () => {
  it('extrapolates the central difference and compares it with ⟨G, D⟩', () => {
    // φ(t) = t³ at x = 1, d = 1: D(h) = 3 + h², D(2h) = 3 + 4h², so R(h) = 3 exactly.
    const h = 2 ** -10;
    const c = compareDirectional(
      { step1: 6 * h + 2 * h ** 3, step2: 12 * h + 16 * h ** 3, inner: 3, phiError: 0, differences: 6 * h, gradientError: 0, gradient: 3, used: 1 },
      h,
    );
    expect(c.numeric).toBeCloseTo(3, 12);
    expect(c.symbolic).toBe(3);
    expect(c.tolerance).toBeGreaterThan(0);
  });
});
