/**
 * Registry-wide: every primitive's numeric kernel agrees with its exact pieces,
 * and finite differences agree with the exact one-sided derivatives at every
 * breakpoint. A new primitive is covered by adding it to the registry.
 */
import { describe, expect, it } from 'vitest';
import * as Q from '../../src/symbolic/exact/rational.js';
import { approximate } from '../../src/symbolic/exact/calculus.js';
import { primitives } from '../../src/symbolic/primitives/registry.js';
import type { PrimitiveName } from '../../src/symbolic/primitives/registry.js';
import { call, num, VAR } from '../../src/symbolic/scalar/expr.js';
import type { Scalar } from '../../src/symbolic/scalar/expr.js';
import { addS, mulS, powS, subS } from '../../src/symbolic/scalar/build.js';
import { toPiecewise } from '../../src/symbolic/piecewise.js';
import { analyzeEntry } from '../../src/symbolic/analyze.js';
import { entryAtNumber } from '../../src/symbolic/pointwise.js';
import { compileEntry } from '../../src/numeric/compile.js';

/** A few applications per primitive, with arguments that vanish somewhere (switches) or stay in the domain. */
function applications(name: PrimitiveName): Scalar[] {
  const t = VAR;
  const shifted = subS(t, num(Q.rat(1, 2)));
  switch (primitives[name].arity) {
    case 0:
      return [call(name), mulS(call(name), t), addS(call(name), t)];
    case 2:
      return [call(name, t, mulS(num(Q.rat(1, 5)), t)), call(name, t, num(Q.rat(1))), call(name, powS(t, Q.rat(2)), num(Q.rat(1)))];
    case 1:
      return name === 'log'
        ? [call(name, addS(powS(t, Q.rat(2)), num(Q.ONE))), call(name, addS(call('abs', t), num(Q.ONE)))]
        : [call(name, t), call(name, shifted), call(name, subS(powS(t, Q.rat(2)), num(Q.rat(2))))];
  }
}

const names = Object.keys(primitives) as PrimitiveName[];
const probes = [-3, -1.5, -1, -0.5, -0.25, 0, 0.25, 0.5, 1, 1.25, Math.SQRT2, 2, 3];

describe.each(names)('primitive %s', (name) => {
  it.each(applications(name).map((s) => [s] as const))('kernel matches the exact pieces: %#', (phi) => {
    const entry = analyzeEntry(toPiecewise(phi));
    const kernel = compileEntry(phi);
    const points = [...probes, ...entry.piecewise.breakpoints.map(approximate)];
    for (const x of points) {
      const exact = entryAtNumber(entry, Q.fromNumber(x)).value;
      expect(kernel(x)).toBeCloseTo(exact, 12);
      expect(primitives[name].evaluate(x, 0.2 * x)).toBe(primitives[name].evaluate(x, 0.2 * x)); // deterministic
    }
  });

  it.each(applications(name).map((s) => [s] as const))('one-sided quotients tend to the exact one-sided derivatives: %#', (phi) => {
    const entry = analyzeEntry(toPiecewise(phi));
    const kernel = compileEntry(phi);
    for (const b of entry.breakpoints) {
      const c = approximate(b.at);
      const value = approximate(b.value);
      for (const [side, limit] of [
        [-1, b.leftDerivative],
        [1, b.rightDerivative],
      ] as const) {
        const quotient = (h: number): number => (kernel(c + side * h) - value) / (side * h);
        if (limit.kind === 'finite') {
          // Richardson on h = 2^-20 and 2^-21: error O(h) → O(h²).
          const h = 2 ** -20;
          expect(2 * quotient(h / 2) - quotient(h)).toBeCloseTo(approximate(limit.value), 4);
        } else if (limit.kind === 'infinite') {
          expect(Math.sign(quotient(2 ** -30))).toBe(limit.sign);
          expect(Math.abs(quotient(2 ** -30))).toBeGreaterThan(Math.abs(quotient(2 ** -10)));
        }
      }
    }
  });
});
