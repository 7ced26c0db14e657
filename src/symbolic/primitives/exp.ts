import { exp as expPoly } from '../exact/poly.js';
import { call } from '../scalar/expr.js';
import { mulS } from '../scalar/build.js';
import type { PrimitiveSpec } from './spec.js';

export const exp: PrimitiveSpec = {
  names: ['exp'],
  arity: 1,
  elementary: (u) => expPoly(u),
  derivative: ([u], [du]) => mulS(call('exp', u!), du!),
  evaluate: (a) => Math.exp(a),
  kernel: (a) => `Math.exp(${a})`,
  rounding: { slope: 'value', rounds: 1 },
  symbol: '\\exp',
  convex: true,
};
