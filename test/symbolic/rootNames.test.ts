import { describe, expect, it } from 'vitest';
import { AlgebraicRoot } from '../../src/symbolic/exact/algebraic.js';
import * as P from '../../src/symbolic/exact/poly.js';
import * as Q from '../../src/symbolic/exact/rational.js';
import { exactLatex, exactText, nameRootsIn } from '../../src/symbolic/scalar/print.js';
import { isNamedRoot, nameRoots, withRootNames } from '../../src/symbolic/scalar/rootNames.js';
import { notationLatex } from '../../src/numeric/notationLatex.js';

/** The root of `poly` (coefficients ascending) in (lo/10, hi/10). */
const root = (poly: bigint[], lo: number, hi: number): AlgebraicRoot => new AlgebraicRoot(poly, Q.rat(lo, 10), Q.rat(hi, 10));
// ρ ≈ 1.324718, the real root of x³ − x − 1; the same ρ as a root of (x³ − x − 1)(x² − 2) = x⁵ − 3x³ − x² + 2x + 2.
const rho = root([-1n, -1n, 0n, 1n], 10, 20);
const rhoAgain = root([2n, 2n, -1n, -3n, 0n, 1n], 13, 14);
// The two real roots of x⁴ − x − 1: ≈ −0.7244920 and ≈ 1.220744.
const quarticLow = root([-1n, -1n, 0n, 0n, 1n], -10, 0);
const quarticHigh = root([-1n, -1n, 0n, 0n, 1n], 10, 20);

describe('root names', () => {
  const names = nameRoots([P.algebraic(quarticHigh), P.add(P.algebraic(rho), P.constant(Q.ONE)), P.algebraic(quarticLow), P.algebraic(rhoAgain)]);

  it('numbers the distinct roots of all polynomials in one sequence by value', () => {
    expect(names.roots).toEqual([quarticLow, quarticHigh, rho]);
    expect(names.numberOf(rhoAgain)).toBe(3); // equal in value, another polynomial
  });

  it('prints the names only inside withRootNames, and the phrase elsewhere', () => {
    const value = P.add(P.mul(P.algebraic(rho), P.algebraic(rho)), P.algebraic(quarticLow));
    const [text, latex] = withRootNames(names, () => [exactText(value), exactLatex(value)]);
    expect(text).toBe('r1 + r3^2');
    expect(latex).toBe('r_{1} + r_{3}^{2}');
    expect(exactText(P.algebraic(rho))).toBe('(the root of x^3 - x - 1 in (1, 2), ~1.324718)');
    expect(withRootNames(names, () => isNamedRoot(P.algebraic(rho)))).toBe(true);
    expect(withRootNames(names, () => isNamedRoot(P.mul(P.constant(Q.rat(2)), P.algebraic(rho))))).toBe(false);
  });

  it('re-words text printed before the names were in force, and writes r1 as r_{1} in the verifier’s LaTeX', () => {
    const stored = `φ(${exactText(P.algebraic(rho))}) = 2*${exactText(P.algebraic(rho))}^2`;
    expect(withRootNames(names, () => nameRootsIn(stored))).toBe('φ(r3) = 2*r3^2');
    expect(nameRootsIn(stored)).toBe(stored);
    expect(notationLatex('φ(r3) = 2*r3^2')).toBe('\\varphi (r_{3}) = 2\\cdot r_{3}^{2}');
  });
});
