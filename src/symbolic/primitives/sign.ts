import { int } from '../scalar/expr.js';
import type { PrimitiveSpec } from './spec.js';

/** sign(u) ∈ {−1, 0, 1}; sign(0) = 0. */
export const sign: PrimitiveSpec = {
  names: ['sign'],
  arity: 1,
  split: {
    switchOf: ([u]) => u!,
    branch: (_args, side) => int(side),
  },
  derivative: () => int(0),
  evaluate: (a) => Math.sign(a),
  kernel: (a) => `Math.sign(${a})`,
  rounding: { slope: 'zero', rounds: 0 },
  symbol: '\\operatorname{sign}',
  definition: '\\operatorname{sign}(u) = \\begin{cases} -1 & \\text{if } u < 0 \\\\ 0 & \\text{if } u = 0 \\\\ 1 & \\text{if } u > 0 \\end{cases}',
  convex: false,
};
