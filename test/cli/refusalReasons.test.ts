/**
 * Refusals state true mathematics: a scalar function of a non-separable part
 * of f is not "the entry function", and u^(1/3) is refused for u < 0 because
 * it is the principal power (mathjs's pow(-8, 1/3) is complex), with the real
 * root named; LaTeX's ∛ is the real root and is analysed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLatexFrontEnd } from '../../src/symbolic/syntax/source.js';
import { analyzeAny } from '../../src/symbolic/derive.js';
import { exactText } from '../../src/symbolic/index.js';

const refusal = (f: string, language?: 'latex'): string => {
  try {
    analyzeAny(f, { shape: [2, 2], ...(language ? { language } : {}) });
  } catch (e) {
    return (e as Error).message;
  }
  return 'accepted';
};

describe('refusal messages', () => {
  beforeAll(loadLatexFrontEnd);
  it.each(["sqrt(norm(X,'fro'))", 'sum(abs(X))^0.5', 'sqrt(max(abs(X)))'])('%s: says sqrt is not defined below 0 and is read at 0, and not that an entry function is undefined', (f) => {
    const message = refusal(f);
    expect(message).toBe(
      "psi(t) = sqrt(t), a scalar function applied to a non-separable part of f, is not defined for every real t (u^(1/2) for a negative u (the principal power, as mathjs's pow computes it) has no real value for t in (-inf, 0)), and f reads it at t = 0 for some X; kinkproof does not analyse such a psi there yet",
    );
    expect(message).not.toContain('entry function');
  });

  // Found by fuzzing (seed 4242): the canonical form merges (u^(-1/2))^2 into u^(-1), which has a value at t = 0.
  it('a power is read as written: (x - 4)^(-1/2) squared has no value at 0, so no claim rests on f(0)', () => {
    expect(() => analyzeAny('sum((X - 4).^-0.5).^2', { shape: [1, 1] })).toThrow(/^psi\(t\) = \(1\/sqrt\(t - 4\)\)\^2, .* is not defined for every real t \(.*no real value for t in \(-inf, 4\)\), and f reads it at t = 0 for some X/);
  });

  it('x^(1/3) is refused as a principal power, and the real cube root is named', () => {
    expect(refusal('sum(X.^(1/3))')).toBe(
      'the entry function is not defined on all of R: u^(1/3) for a negative u (the principal power, as mathjs\'s pow computes it) has no real value for t in (-inf, 0); for the real root of a negative u write sign(u).*abs(u).^(1/3)',
    );
    expect(refusal('sum(sqrt(X))')).not.toContain('real root');
  });

  it('\\sqrt[3] in LaTeX is the real cube root: φ(t) = sign(t)|t|^(1/3), with its infinite slope at 0', () => {
    const a = analyzeAny('\\sum_{i,j} \\sqrt[3]{x_{ij}}', { shape: [2, 2], language: 'latex' });
    if (a.kind !== 'separable') throw new Error('expected a separable f');
    expect(a.entry.breakpoints.map((b) => exactText(b.at))).toEqual(['0']);
    expect(a.entry.breakpoints[0]!.rightDerivative).toEqual({ kind: 'infinite', sign: 1 });
    expect(a.subdifferential.kind).toBeNull();
  });
});
