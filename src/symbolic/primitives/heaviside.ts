import * as Q from '../exact/rational.js';
import { int, num } from '../scalar/expr.js';
import type { PrimitiveSpec } from './spec.js';

/** H(u) = 1 for u > 0, 0 for u < 0 and ½ at 0 (MATLAB's and SymPy's value). */
export const heaviside: PrimitiveSpec = {
  names: ['heaviside'],
  arity: 1,
  split: {
    switchOf: ([u]) => u!,
    branch: (_args, side) => (side === 0 ? num(Q.HALF) : int(side > 0 ? 1 : 0)),
  },
  derivative: () => int(0),
  evaluate: (a) => 0.5 * (1 + Math.sign(a)),
  kernel: (a) => `0.5 * (1 + Math.sign(${a}))`,
  rounding: { slope: 'zero', rounds: 0 },
  symbol: 'H',
  definition: 'H(u) = \\begin{cases} 0 & \\text{if } u < 0 \\\\ \\frac{1}{2} & \\text{if } u = 0 \\\\ 1 & \\text{if } u > 0 \\end{cases}',
  convex: false,
};
