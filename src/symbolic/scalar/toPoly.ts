/** Elementary scalar expressions (no kinked primitive left) to the canonical form. */
import * as P from '../exact/poly.js';
import type { Poly, PowerContext } from '../exact/poly.js';
import { primitives } from '../primitives/registry.js';
import type { Scalar } from './expr.js';

export class NotElementary extends Error {}

export function toPoly(s: Scalar, ctx: PowerContext): Poly {
  switch (s.kind) {
    case 'const':
      return P.constant(s.value);
    case 'algebraic':
      return P.algebraic(s.root);
    case 'var':
      return P.T;
    case 'add':
      return P.sum(s.terms.map((x) => toPoly(x, ctx)));
    case 'mul':
      return P.product(s.factors.map((x) => toPoly(x, ctx)));
    case 'pow':
      return P.pow(toPoly(s.base, ctx), s.exponent, ctx);
    case 'call': {
      const spec = primitives[s.fn];
      if (!('elementary' in spec) || !spec.elementary) throw new NotElementary(s.fn);
      return spec.elementary(s.args[0] ? toPoly(s.args[0], ctx) : P.ZERO, ctx); // no argument: a constant (pi)
    }
  }
}
