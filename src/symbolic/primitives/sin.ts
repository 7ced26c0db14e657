import * as P from '../exact/poly.js';
import * as Q from '../exact/rational.js';
import type { AnalyticRules } from '../exact/analytic.js';
import { bigSin } from '../exact/bigElementary.js';
import { lipschitz } from '../exact/interval.js';
import { call } from '../scalar/expr.js';
import { mulS } from '../scalar/build.js';
import { cosRules } from './cos.js';
import { atPiMultiple, leadsNegative, periodicPreimage, quarterTurns } from './analyticRules.js';
import type { SmoothSpec } from './spec.js';

export const sinRules: AnalyticRules = {
  name: 'sin',
  positive: false,
  special: (u) => atPiMultiple(u, Q.ZERO) ?? quarterTurns(u, 0n, sinRules, cosRules) ?? (leadsNegative(u) ? P.neg(P.analytic(sinRules, P.neg(u))) : undefined),
  derivative: (u) => P.analytic(cosRules, u),
  enclose: (x) => lipschitz(Math.sin, x),
  encloseBig: bigSin,
  preimage: (y) => periodicPreimage('sin', y),
  circular: 'sin',
};

export const sin: SmoothSpec = {
  names: ['sin'],
  arity: 1,
  elementary: (u) => P.analytic(sinRules, u),
  derivative: ([u], [du]) => mulS(call('cos', u!), du!),
  evaluate: (a) => Math.sin(a),
  kernel: (a) => `Math.sin(${a})`,
  rounding: { slope: 'one', rounds: 1 },
  symbol: '\\sin',
  periodInPi: Q.rat(2),
  convex: false,
};
