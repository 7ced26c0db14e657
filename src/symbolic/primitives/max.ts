import { call } from '../scalar/expr.js';
import { addS, mulS, subS } from '../scalar/build.js';
import type { PrimitiveSpec } from './spec.js';

/** Entry-wise max(a, b) (not mathjs's reduction). */
export const max: PrimitiveSpec = {
  names: ['max'],
  arity: 2,
  split: {
    switchOf: ([a, b]) => subS(a!, b!),
    branch: ([a, b], side) => (side >= 0 ? a! : b!),
  },
  derivative: ([a, b], [da, db]) =>
    addS(mulS(call('heaviside', subS(a!, b!)), da!), mulS(call('heaviside', subS(b!, a!)), db!)),
  evaluate: (a, b) => Math.max(a, b),
  kernel: (a, b) => `Math.max(${a}, ${b})`,
  rounding: { slope: 'one', rounds: 0 },
  symbol: '\\max',
  convex: true,
};
