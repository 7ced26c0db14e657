/**
 * A double evaluation of an expression at t, with the numeric kernels'
 * semantics (x^½ is √x, sign(0) = 0, H(0) = ½). For values reported at
 * user-given points, never for decisions.
 */
import * as Q from '../exact/rational.js';
import { primitives } from '../primitives/registry.js';
import type { Scalar } from './expr.js';

export function evaluateScalar(s: Scalar, t: number): number {
  switch (s.kind) {
    case 'const':
      return Q.toNumber(s.value);
    case 'algebraic':
      return s.root.approximate();
    case 'var':
      return t;
    case 'add':
      return s.terms.reduce((acc, x) => acc + evaluateScalar(x, t), 0);
    case 'mul':
      return s.factors.reduce((acc, x) => acc * evaluateScalar(x, t), 1);
    case 'pow': {
      const b = evaluateScalar(s.base, t);
      return Q.equals(s.exponent, Q.HALF) ? Math.sqrt(b) : b ** Q.toNumber(s.exponent);
    }
    case 'call': {
      const [a, b] = s.args.map((x) => evaluateScalar(x, t));
      return primitives[s.fn].evaluate(a ?? NaN, b ?? NaN);
    }
  }
}
