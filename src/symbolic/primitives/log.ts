import { log as logPoly } from '../exact/poly.js';
import { divS } from '../scalar/build.js';
import type { PrimitiveSpec } from './spec.js';

/** Natural logarithm; defined for positive arguments only. */
export const log: PrimitiveSpec = {
  names: ['log', 'ln'],
  arity: 1,
  elementary: (u, ctx) => logPoly(u, ctx),
  domain: 'positive',
  derivative: ([u], [du]) => divS(du!, u!),
  evaluate: (a) => Math.log(a),
  kernel: (a) => `Math.log(${a})`,
  rounding: { slope: 'reciprocal', rounds: 1 },
  symbol: '\\log',
  convex: false,
};
