import { call, int } from '../scalar/expr.js';
import { mulS, negS } from '../scalar/build.js';
import type { PrimitiveSpec } from './spec.js';
import { absLatex } from '../scalar/print.js';

export const abs: PrimitiveSpec = {
  names: ['abs'],
  arity: 1,
  split: {
    switchOf: ([u]) => u!,
    branch: ([u], side) => (side > 0 ? u! : side < 0 ? negS(u!) : int(0)),
  },
  derivative: ([u], [du]) => mulS(call('sign', u!), du!),
  evaluate: (a) => Math.abs(a),
  kernel: (a) => `Math.abs(${a})`,
  rounding: { slope: 'one', rounds: 0 },
  symbol: '\\operatorname{abs}',
  latex: ([a]) => absLatex(a!),
  convex: true,
};
