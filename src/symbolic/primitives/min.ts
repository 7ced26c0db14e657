import { call } from '../scalar/expr.js';
import { addS, mulS, subS } from '../scalar/build.js';
import type { PrimitiveSpec } from './spec.js';

/** Entry-wise min(a, b). */
export const min: PrimitiveSpec = {
  names: ['min'],
  arity: 2,
  split: {
    switchOf: ([a, b]) => subS(a!, b!),
    branch: ([a, b], side) => (side <= 0 ? a! : b!),
  },
  derivative: ([a, b], [da, db]) =>
    addS(mulS(call('heaviside', subS(b!, a!)), da!), mulS(call('heaviside', subS(a!, b!)), db!)),
  evaluate: (a, b) => Math.min(a, b),
  kernel: (a, b) => `Math.min(${a}, ${b})`,
  rounding: { slope: 'one', rounds: 0 },
  symbol: '\\min',
  convex: false,
};
