/**
 * Products of polynomials in t (poly.ts `mul`): the coefficient convolution
 * taken for Laurent polynomials in t must give the value of the product at
 * every point (checked exactly at rational points, by the test's own
 * evaluation) and the same canonical form as the general path, which a
 * factor √2 forces (a·√2·b and a·b·√2 are one polynomial).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as P from '../../../src/symbolic/exact/poly.js';
import type { Poly } from '../../../src/symbolic/exact/poly.js';
import * as Q from '../../../src/symbolic/exact/rational.js';
import type { Rational } from '../../../src/symbolic/exact/rational.js';

/** p(t) for a polynomial in t alone, term by term from its factors. */
function valueAt(p: Poly, t: Rational): Rational {
  return p.terms.reduce((acc, term) => {
    const power = term.mono.factors.reduce((v, f) => {
      expect(f.atom.kind).toBe('t');
      return Q.mul(v, Q.powInt(t, f.exp.num));
    }, Q.ONE);
    return Q.add(acc, Q.mul(term.coef, power));
  }, Q.ZERO);
}

const coefficient = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }).map((n) => Q.rat(n)),
  fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 1, max: 12 })).map(([n, d]) => Q.rat(n, d)),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map((n) => Q.rat(n)),
);

/** Σ c_k t^k with exponents in [−3, 12] (negative ones too: t^-1 is a monomial of the same kind). */
const laurent = fc
  .array(fc.tuple(coefficient, fc.integer({ min: -3, max: 12 })), { maxLength: 7 })
  .map((terms) => P.sum(terms.map(([c, k]) => P.scale(P.pow(P.T, Q.rat(k), { tPositive: true }), c))));

const SQRT2 = P.pow(P.integer(2), Q.HALF);
const POINTS = [Q.rat(3, 7), Q.rat(-2), Q.rat(5, 3)];

describe('products of polynomials in t', () => {
  it('the product has the product of the values at rational points, and one canonical form with the general path', () => {
    fc.assert(
      fc.property(laurent, laurent, (a, b) => {
        const ab = P.mul(a, b);
        for (const t of POINTS) expect(Q.equals(valueAt(ab, t), Q.mul(valueAt(a, t), valueAt(b, t)))).toBe(true);
        // a·√2 has an atom besides t: that product takes the general path, and must land on the same form.
        expect(P.mul(P.mul(a, SQRT2), b).key).toBe(P.mul(ab, SQRT2).key);
        expect(P.equals(P.mul(b, a), ab)).toBe(true);
      }),
      { seed: 20261202, numRuns: 120 },
    );
  });

  it('multiplies out (t − 1)(t + 1)(t² + 1) to t⁴ − 1 and (t/2 + 1/3)² to t²/4 + t/3 + 1/9', () => {
    const t = P.T;
    const one = P.ONE;
    expect(P.product([P.sub(t, one), P.add(t, one), P.add(P.mul(t, t), one)]).key).toBe(P.sub(P.pow(t, Q.rat(4)), one).key);
    const half = P.add(P.scale(t, Q.HALF), P.constant(Q.rat(1, 3)));
    const expected = P.sum([P.scale(P.mul(t, t), Q.rat(1, 4)), P.scale(t, Q.rat(1, 3)), P.constant(Q.rat(1, 9))]);
    expect(P.mul(half, half).key).toBe(expected.key);
  });

  it('cancels to zero: (t − t) · anything, and t·(t⁻¹) − 1', () => {
    expect(P.isZero(P.mul(P.sub(P.T, P.T), P.add(P.T, P.ONE)))).toBe(true);
    const inverse = P.pow(P.T, Q.rat(-1), { tPositive: true });
    expect(P.isZero(P.sub(P.mul(P.T, inverse), P.ONE))).toBe(true);
  });
});
