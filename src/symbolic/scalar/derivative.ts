/**
 * d/dt of an expression by the chain rule, with each primitive's own rule.
 * For kinked primitives the rule holds only away from their switching points;
 * callers verify the result against the case analysis before trusting it.
 */
import * as Q from '../exact/rational.js';
import { primitives } from '../primitives/registry.js';
import { dependsOnT, int } from './expr.js';
import type { Scalar } from './expr.js';
import { addS, mulS, powS } from './build.js';

export function differentiate(s: Scalar): Scalar {
  // A constant (√(2 + √3), π) has derivative 0, not 0·√(…) + 0/√(…) by the chain rule.
  if (!dependsOnT(s)) return int(0);
  switch (s.kind) {
    case 'const':
    case 'algebraic':
      return int(0);
    case 'var':
      return int(1);
    case 'add':
      return addS(...s.terms.map(differentiate));
    case 'mul':
      return addS(
        ...s.factors.map((f, i) => mulS(...s.factors.map((g, j) => (i === j ? differentiate(f) : g)))),
      );
    case 'pow':
      // u⁰ is 1 wherever u is defined: its derivative is 0 there (0·u⁻¹·u′ would be 0/0 where u = 0).
      if (Q.isZero(s.exponent)) return int(0);
      return mulS({ kind: 'const', value: s.exponent }, powS(s.base, Q.sub(s.exponent, Q.ONE)), differentiate(s.base));
    case 'call':
      return primitives[s.fn].derivative(s.args, s.args.map(differentiate));
  }
}
