/**
 * Whether an entry function repeats: φ is periodic with period qπ when t occurs
 * only inside periodic primitives (sin, cos) applied to a·t + b with rational
 * a, since sin(a(t + 2π/|a|) + b) = sin(a·t + b), and every other operation
 * keeps a common period. Then the breakpoints of φ form finitely many families
 * c + k·qπ (k ∈ ℤ), and one period describes all of them.
 */
import * as Q from './exact/rational.js';
import type { Rational } from './exact/rational.js';
import * as P from './exact/poly.js';
import { primitives } from './primitives/registry.js';
import type { Scalar } from './scalar/expr.js';
import { dependsOnT } from './scalar/expr.js';
import { toPoly } from './scalar/toPoly.js';

/** No t at all; t outside any periodic primitive; or a period qπ (q the rational). */
export type Periodicity = { readonly kind: 'constant' } | { readonly kind: 'aperiodic' } | { readonly kind: 'periodic'; readonly periodInPi: Rational };

const CONSTANT: Periodicity = { kind: 'constant' };
const APERIODIC: Periodicity = { kind: 'aperiodic' };

/** The least common multiple of two positive rationals (a common period of two periods). */
function lcm(a: Rational, b: Rational): Rational {
  const num = (a.num * b.num) / Q.gcd(a.num, b.num);
  return Q.rat(num, Q.gcd(a.den, b.den));
}

function together(parts: readonly Periodicity[]): Periodicity {
  let period: Rational | undefined;
  for (const p of parts) {
    if (p.kind === 'aperiodic') return APERIODIC;
    if (p.kind === 'periodic') period = period ? lcm(period, p.periodInPi) : p.periodInPi;
  }
  return period ? { kind: 'periodic', periodInPi: period } : CONSTANT;
}

/** The slope a when u = a·t + b with rational a ≠ 0 and constant b. */
function linearSlope(u: Scalar): Rational | undefined {
  try {
    const coeffs = P.coefficientsInT(toPoly(u, { tPositive: false }));
    const a = coeffs?.length === 2 ? P.asRational(coeffs[1]!) : undefined;
    return a && !Q.isZero(a) ? a : undefined;
  } catch {
    return undefined; // not elementary (a kinked argument) or too large: not a linear argument
  }
}

export function periodicity(s: Scalar): Periodicity {
  if (!dependsOnT(s)) return CONSTANT;
  switch (s.kind) {
    case 'const':
    case 'algebraic':
      return CONSTANT;
    case 'var':
      return APERIODIC;
    case 'add':
      return together(s.terms.map(periodicity));
    case 'mul':
      return together(s.factors.map(periodicity));
    case 'pow':
      return periodicity(s.base);
    case 'call': {
      const spec = primitives[s.fn];
      const own = 'periodInPi' in spec ? spec.periodInPi : undefined;
      const [arg] = s.args;
      const slope = own && arg && s.args.length === 1 ? linearSlope(arg) : undefined;
      if (own && slope) return { kind: 'periodic', periodInPi: Q.div(own, Q.sign(slope) < 0 ? Q.neg(slope) : slope) };
      return together(s.args.map(periodicity));
    }
  }
}
