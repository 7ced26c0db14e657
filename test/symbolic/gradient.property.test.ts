/**
 * Property: on random points away from the kinks, the derived gradient's entry
 * function matches a central finite difference of φ.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { analyzeSymbolic } from '../../src/symbolic/derive.js';
import { approximate } from '../../src/symbolic/exact/calculus.js';
import { evaluateScalar } from '../../src/symbolic/scalar/evaluate.js';

const functions = [
  "norm(relu(X),'fro')^2",
  'sum(relu(X + 1).^2)',
  'sum(abs(X - 1).^3)',
  'sum(relu(X))',
  'sum(max(X, 0.2*X))',
  'sum(relu(X - 2).^3)',
  'sum(X.^2 + 3*X)',
  'sum(relu(X).^2.5)',
  'sum(relu(X.^2 - 2))',
  'sum(abs(X).^1.5)',
  'sum(sqrt(X.^2 + 1))',
  'sum(exp(-abs(X)))',
  'sum(log(1 + exp(X)))',
  'sum(min(max(X, 0), 1))',
  'sum(relu(X).*exp(X))',
  '3*sum(relu(X).^2) - sum(X)/2 + 1',
];

describe('derived gradient against central differences away from kinks', () => {
  it.each(functions)('%s', (f) => {
    const a = analyzeSymbolic(f);
    const psi = a.gradient!;
    const phi = a.separable.phi;
    const breakpoints = a.entry.piecewise.breakpoints.map(approximate);
    fc.assert(
      fc.property(fc.double({ min: -6, max: 6, noNaN: true }), (x) => {
        if (breakpoints.some((c) => Math.abs(x - c) < 1e-3)) return true;
        const h = 1e-6 * Math.max(1, Math.abs(x));
        const fd = (evaluateScalar(phi, x + h) - evaluateScalar(phi, x - h)) / (2 * h);
        const g = evaluateScalar(psi, x);
        return Math.abs(fd - g) <= 1e-5 * Math.max(1, Math.abs(g));
      }),
      { seed: 20261129, numRuns: 300 },
    );
  });
});
