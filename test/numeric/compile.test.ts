import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileEntry,
  compileFused,
  compileMap,
  compileRoundingBound,
  compileSum,
  directionSums,
  SIGN_BUCKETS,
  TOTAL,
  TOTAL_SLOTS,
} from '../../src/numeric/compile.js';
import { literal } from '../../src/numeric/emit.js';
import { UNIT_ROUNDOFF } from '../../src/numeric/errorModel.js';
import * as Q from '../../src/symbolic/exact/rational.js';
import { primitives } from '../../src/symbolic/primitives/registry.js';
import type { PrimitiveName } from '../../src/symbolic/primitives/registry.js';
import { addS, mulS, powS, subS } from '../../src/symbolic/scalar/build.js';
import { VAR, call, int, num } from '../../src/symbolic/scalar/expr.js';
import { RELU_SQUARED, RELU_SQUARED_GRADIENT, abs, pow, relu, t, third } from './subjects.js';

const SPECIAL = [0, -0, 1, -1, 0.5, -2.5, 1.5, 1e-300, -1e-300, 1e300, -1e300, Number.MIN_VALUE, 2 ** 53 + 2];
const anyDouble = fc.double({ noNaN: true, noDefaultInfinity: true });

describe('literal', () => {
  it('reads back as exactly the same double', () => {
    fc.assert(fc.property(anyDouble, (x) => Object.is(new Function(`return ${literal(x)};`)(), x)), { seed: 20261201 });
  });

  it('rejects what is not a finite number', () => {
    expect(() => literal(NaN)).toThrow(RangeError);
    for (const x of [Infinity, -Infinity]) expect(() => literal(x)).toThrow(/beyond them/);
  });

  it('keeps constants too large for a double out of the source', () => {
    expect(() => compileEntry(num(Q.rat(10n ** 400n)))).toThrow(expect.objectContaining({ kind: 'limit' }));
  });
});

describe('compileEntry', () => {
  const names = Object.keys(primitives) as PrimitiveName[];

  it.each(names)('%s matches the registry evaluate, at switching points and ±0 too', (name) => {
    const spec = primitives[name];
    for (const b of spec.arity === 2 ? [0, 1.5, -2] : [0]) {
      const compiled = compileEntry(spec.arity === 2 ? call(name, VAR, num(Q.fromNumber(b))) : call(name, VAR));
      const same = (x: number): boolean => Object.is(compiled(x), spec.evaluate(x, b));
      for (const x of [...SPECIAL, b]) expect(same(x), `${name}(${x}, ${b})`).toBe(true);
      fc.assert(fc.property(anyDouble, same), { seed: 20261202 });
    }
  });

  it('writes small integer powers as products, 1/2 as sqrt and −1 as a reciprocal', () => {
    for (const k of [2, 3, 5, 8, 9, -1, -3]) {
      const compiled = compileEntry(powS(VAR, Q.rat(k)));
      const n = Math.abs(k);
      fc.assert(
        fc.property(fc.double({ min: -1e30, max: 1e30, noNaN: true }), (x) => {
          if (x === 0 && k < 0) return Object.is(compiled(x), Object.is(x, -0) && k % 2 !== 0 ? -Infinity : Infinity);
          // The exact power, rounded once (x ** k is itself off by an ulp or so).
          const exact = Q.toNumber(Q.powInt(Q.fromNumber(x), BigInt(k)));
          if (!Number.isFinite(exact)) return true;
          // n − 1 products each round by u relative, or by half the least subnormal in absolute terms
          // once they underflow (x = 1.24e-103: x³ is subnormal); 1/p magnifies p's absolute error by |x^k|/|p|.
          const p = Math.abs(x) ** n;
          const underflow = k > 0 ? n * Number.MIN_VALUE : (n * Number.MIN_VALUE * Math.abs(exact)) / p;
          return Math.abs(compiled(x) - exact) <= 2 * n * UNIT_ROUNDOFF * Math.abs(exact) + underflow;
        }),
        { seed: 20261203 + k },
      );
    }
    // Gradual underflow, the case that once failed: x³ is subnormal and so are its rounding errors.
    const cube = compileEntry(powS(VAR, Q.rat(3)));
    expect(Math.abs(cube(1.24e-103) - 1.24e-103 ** 3)).toBeLessThanOrEqual(3 * Number.MIN_VALUE);
    const inverse = compileEntry(powS(VAR, Q.MINUS_ONE));
    expect(inverse(0)).toBe(Infinity);
    expect(inverse(-0)).toBe(-Infinity);
    const root = compileEntry(powS(VAR, Q.HALF));
    expect(Object.is(root(-0), -0)).toBe(true);
    expect(root(2)).toBe(Math.SQRT2);
    expect(root(-1)).toBeNaN();
    expect(compileEntry(powS(VAR, Q.rat(3, 2)))(4)).toBe(8);
  });

  it('shares repeated subexpressions and hoists constant ones without changing values', () => {
    const phi = addS(mulS(call('exp', int(2)), t), mulS(relu(subS(t, third)), relu(subS(t, third))));
    const compiled = compileEntry(phi);
    for (const x of [-1, 0, 1 / 3, 0.7, 12]) {
      const r = Math.max(x - 1 / 3, 0);
      expect(compiled(x)).toBeCloseTo(Math.exp(2) * x + r * r, 12);
    }
  });
});

describe('compileRoundingBound', () => {
  /** φ(t) = (t + 1/3)³ − t, evaluated exactly at the double t. */
  const phi = subS(pow(addS(t, third), 3), t);
  const exact = (x: number): number => {
    const s = Q.add(Q.fromNumber(x), Q.rat(1, 3));
    return Q.toNumber(Q.sub(Q.mul(s, Q.mul(s, s)), Q.fromNumber(x)));
  };

  it('bounds the actual rounding error of a computed value', () => {
    const compiled = compileEntry(phi);
    const bound = compileRoundingBound(phi);
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (x) => {
        const reference = exact(x);
        return Math.abs(compiled(x) - reference) <= bound(x, 0) + UNIT_ROUNDOFF * Math.abs(reference);
      }),
      { seed: 20261204 },
    );
  });

  it('sees cancellation inside log(1 + t²) that the size of the result hides', () => {
    const bound = compileRoundingBound(call('log', addS(int(1), mulS(t, t))));
    expect(bound(1e-3, 0)).toBeGreaterThan(UNIT_ROUNDOFF * 0.5);
  });

  it('is zero where the value is exact and the input too', () => {
    expect(compileRoundingBound(abs(t))(-3, 0)).toBe(0);
    expect(compileRoundingBound(pow(relu(t), 1, 2))(-3, 1e-16)).toBe(0);
  });
});

describe('compileSum and compileMap', () => {
  it('sum is offset + Σ φ for every length, including the tail after the unrolled part', () => {
    const phi = compileEntry(RELU_SQUARED);
    const sum = compileSum(RELU_SQUARED, 2.5);
    for (const n of [1, 2, 3, 4, 5, 7, 1001]) {
      const x = Float64Array.from({ length: n }, (_, i) => Math.sin(i + 1) * 3);
      const expected = x.reduce((s, v) => s + phi(v), 2.5);
      expect(sum(x)).toBeCloseTo(expected, 10);
    }
  });

  it('map is ψ entry by entry', () => {
    const psi = compileEntry(RELU_SQUARED_GRADIENT);
    const map = compileMap(RELU_SQUARED_GRADIENT);
    const x = Float64Array.from([-2, -0, 0, 0.25, 3, -1e-300]);
    const out = new Float64Array(x.length);
    map(x, out);
    x.forEach((v, i) => expect(Object.is(out[i], psi(v))).toBe(true));
  });
});

describe('compileFused', () => {
  const h = 2 ** -8;
  const reach = 8 * h;
  const phi = compileEntry(RELU_SQUARED);
  const psi = compileEntry(RELU_SQUARED_GRADIENT);
  // Entries on the kink, within reach of it, and away from it.
  const x = Float64Array.from([0, 0.5 * reach, -reach, 1.3, -0.7, 2.2, -3.1, 0.9, reach * 1.01, -0.05]);
  const near = (v: number): boolean => Math.abs(v) <= reach;

  it('a Rademacher pass gives each direction the sums of a direct computation, kinks left out', () => {
    const signs = Uint8Array.from(x, (_, i) => (i * 37 + 11) & 0xff);
    const kernels = compileFused(RELU_SQUARED, RELU_SQUARED_GRADIENT, [0]);
    const buckets = new Float64Array(SIGN_BUCKETS);
    const totals = new Float64Array(TOTAL_SLOTS);
    kernels.directions(x, 1, x, 0, signs, h, reach, 0, buckets, totals);
    const sums = { step1: new Float64Array(8), step2: new Float64Array(8), inner: new Float64Array(8) };
    directionSums(buckets, 8, sums);
    for (let j = 0; j < 8; j++) {
      let s1 = 0;
      let s2 = 0;
      let inner = 0;
      x.forEach((v, i) => {
        if (near(v)) return;
        const d = (signs[i]! >> j) & 1 ? 1 : -1;
        s1 += phi(v + h * d) - phi(v - h * d);
        s2 += phi(v + 2 * h * d) - phi(v - 2 * h * d);
        inner += psi(v) * d;
      });
      expect(sums.step1[j]).toBeCloseTo(s1, 14);
      expect(sums.step2[j]).toBeCloseTo(s2, 14);
      expect(sums.inner[j]).toBeCloseTo(inner, 14);
    }
    expect(totals[TOTAL.used]).toBe(x.filter((v) => !near(v)).length);
    expect(totals[TOTAL.phiError]).toBeGreaterThan(0);
  });

  it('the same pass gives the Gaussian direction, read rotated by the shift, the d-weighted sums of the same differences', () => {
    const z = Float64Array.from(x, (_, i) => Math.cos(3 * i) * 2);
    const shift = 4;
    const d = (i: number): number => z[(i + shift) % z.length]!;
    const kernels = compileFused(RELU_SQUARED, RELU_SQUARED_GRADIENT, [0]);
    const totals = new Float64Array(TOTAL_SLOTS);
    const factor = 0.5;
    kernels.directions(x, factor, z, shift, new Uint8Array(x.length), h, reach, 0, new Float64Array(SIGN_BUCKETS), totals);
    let s1 = 0;
    let s2 = 0;
    let used = 0;
    let inner = 0;
    let magnitude = 0;
    x.forEach((u, i) => {
      const v = factor * u;
      if (near(v)) return;
      s1 += d(i) * (phi(v + h) - phi(v - h));
      s2 += d(i) * (phi(v + 2 * h) - phi(v - 2 * h));
      inner += psi(v) * d(i);
      magnitude += Math.abs(psi(v) * d(i));
      used++;
    });
    expect(totals[TOTAL.step1]).toBeCloseTo(s1, 14);
    expect(totals[TOTAL.step2]).toBeCloseTo(s2, 14);
    expect(totals[TOTAL.inner]).toBeCloseTo(inner, 14);
    expect(totals[TOTAL.gaussianGradient]).toBeCloseTo(magnitude, 14);
    expect(totals[TOTAL.used]).toBe(used);
    expect(totals[TOTAL.gaussianPhiError]).toBeGreaterThan(0);
    expect(totals[TOTAL.gaussianGradientError]).toBeGreaterThan(0);
  });

  it('refuses a direction or signs of another length, or a shift outside the matrix', () => {
    const kernels = compileFused(RELU_SQUARED, RELU_SQUARED_GRADIENT, [0]);
    const run = (d: Float64Array, shift: number, signs: Uint8Array) => () =>
      kernels.directions(x, 1, d, shift, signs, h, reach, 0, new Float64Array(SIGN_BUCKETS), new Float64Array(TOTAL_SLOTS));
    expect(run(x.subarray(1), 0, new Uint8Array(x.length))).toThrow(RangeError);
    expect(run(x, x.length + 1, new Uint8Array(x.length))).toThrow(RangeError);
    expect(run(x, 0, new Uint8Array(3))).toThrow(RangeError);
  });
});
