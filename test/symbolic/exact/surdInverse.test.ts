/**
 * Negative powers of a + b·√n (and of a + b·√n·√m) are written with a rational
 * denominator, so that identities such as 1/(1 + √2) = √2 − 1 hold in normal
 * form; checked by hand and against the numbers.
 */
import { describe, expect, it } from 'vitest';
import * as P from '../../../src/symbolic/exact/poly.js';
import * as Q from '../../../src/symbolic/exact/rational.js';
import { approximate } from '../../../src/symbolic/exact/calculus.js';

const root = (n: number): P.Poly => P.pow(P.integer(n), Q.HALF);
const surd = (a: Q.Rational, b: Q.Rational, n: number): P.Poly => P.add(P.constant(a), P.scale(root(n), b));

describe('1/(a + b·√n) has a rational denominator', () => {
  it('1/(1 + √2) = √2 − 1 and 1/(3/2 + √5/2) = 3/2 − √5/2 (hand)', () => {
    expect(P.equals(P.pow(surd(Q.ONE, Q.ONE, 2), Q.MINUS_ONE), surd(Q.MINUS_ONE, Q.ONE, 2))).toBe(true);
    expect(P.equals(P.pow(surd(Q.rat(3, 2), Q.HALF, 5), Q.MINUS_ONE), surd(Q.rat(3, 2), Q.rat(-1, 2), 5))).toBe(true);
  });

  it('y + 1/y = 3 exactly for y = (3 + √5)/2', () => {
    const y = surd(Q.rat(3, 2), Q.HALF, 5);
    expect(P.equals(P.add(y, P.pow(y, Q.MINUS_ONE)), P.integer(3))).toBe(true);
  });

  it('higher negative powers and products of roots agree with the numbers', () => {
    for (const [a, b, n, k] of [
      [2, -3, 7, 1],
      [1, 1, 6, 2],
      [-5, 2, 3, 3],
    ] as const) {
      const p = surd(Q.rat(a), Q.rat(b), n);
      const inverse = P.pow(p, Q.rat(-k));
      expect(inverse.terms.every((t) => t.mono.factors.every((f) => f.atom.kind === 'root'))).toBe(true);
      expect(approximate(inverse)).toBeCloseTo((a + b * Math.sqrt(n)) ** -k, 12);
    }
  });
});
