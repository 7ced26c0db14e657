import { call, int } from '../scalar/expr.js';
import { mulS } from '../scalar/build.js';
import type { PrimitiveSpec } from './spec.js';

/** σ(u) = max(u, 0), the positive part. */
export const relu: PrimitiveSpec = {
  names: ['relu', 'pos', 'sigma'],
  arity: 1,
  split: {
    switchOf: ([u]) => u!,
    branch: ([u], side) => (side > 0 ? u! : int(0)),
  },
  derivative: ([u], [du]) => mulS(call('heaviside', u!), du!),
  evaluate: (a) => 0.5 * (a + Math.abs(a)),
  kernel: (a) => `0.5 * (${a} + Math.abs(${a}))`,
  rounding: { slope: 'passed', rounds: 0 },
  symbol: '\\sigma',
  definition: '\\sigma(u) = \\max(u, 0)',
  convex: true,
};
