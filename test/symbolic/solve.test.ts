/** Exact comparison and real zeros (src/symbolic/solve.ts). */
import { describe, expect, it } from 'vitest';
import { KinkproofError } from '../../src/diagnostics.js';
import { approximate } from '../../src/symbolic/exact/calculus.js';
import * as P from '../../src/symbolic/exact/poly.js';
import type { Poly } from '../../src/symbolic/exact/poly.js';
import * as Q from '../../src/symbolic/exact/rational.js';
import { compareExact, realZeros } from '../../src/symbolic/solve.js';
import { exactText } from '../../src/symbolic/scalar/print.js';

const q = (n: number, d = 1): Poly => P.constant(Q.rat(n, d));
const t = P.T;
const sqrt2 = P.pow(q(2), Q.HALF);
const poly = (...coefficients: number[]): Poly => P.fromCoefficients(coefficients.map((c) => q(c)));

describe('compareExact', () => {
  it('orders exact constants, irrational ones included', () => {
    expect(compareExact(sqrt2, q(3, 2))).toBe(-1);
    expect(compareExact(q(3, 2), sqrt2)).toBe(1);
    expect(compareExact(P.mul(sqrt2, sqrt2), q(2))).toBe(0);
    expect(compareExact(P.exp(q(1)), q(27, 10))).toBe(1);
  });
});

describe('realZeros', () => {
  it('finds rational zeros, in increasing order, each once', () => {
    expect(realZeros(poly(-6, 1, 1)).map(exactText)).toEqual(['-3', '2']); // t² + t − 6
    expect(realZeros(P.mul(poly(-1, 1), poly(-1, 1))).map(exactText)).toEqual(['1']); // (t − 1)²
  });

  it('finds irrational zeros exactly: t² − 2 and its cube have ±√2', () => {
    const zeros = realZeros(poly(-2, 0, 1));
    expect(zeros.map(approximate)).toEqual([-Math.SQRT2, Math.SQRT2]);
    expect(compareExact(zeros[1]!, sqrt2)).toBe(0);
    const cube = P.pow(poly(-2, 0, 1), Q.rat(3));
    expect(realZeros(cube).map(approximate)).toEqual([-Math.SQRT2, Math.SQRT2]);
  });

  it('has none for a polynomial without real zeros', () => {
    expect(realZeros(poly(1, 0, 1))).toEqual([]);
  });

  it('refuses what it cannot solve exactly (e^t = 3t has no closed form) with an error, never a guess', () => {
    expect(() => realZeros(P.sub(P.exp(t), P.mul(t, q(3))))).toThrow(KinkproofError);
  });
});
