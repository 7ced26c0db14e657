import * as P from '../exact/poly.js';
import * as Q from '../exact/rational.js';
import type { AnalyticRules } from '../exact/analytic.js';
import { bigCos } from '../exact/bigElementary.js';
import { lipschitz } from '../exact/interval.js';
import { call, int } from '../scalar/expr.js';
import { mulS } from '../scalar/build.js';
import { sinRules } from './sin.js';
import { atPiMultiple, leadsNegative, periodicPreimage, quarterTurns } from './analyticRules.js';
import type { SmoothSpec } from './spec.js';

export const cosRules: AnalyticRules = {
  name: 'cos',
  positive: false,
  special: (u) => atPiMultiple(u, Q.HALF) ?? quarterTurns(u, 6n, sinRules, cosRules) ?? (leadsNegative(u) ? P.analytic(cosRules, P.neg(u)) : undefined),
  derivative: (u) => P.neg(P.analytic(sinRules, u)),
  enclose: (x) => lipschitz(Math.cos, x),
  encloseBig: bigCos,
  preimage: (y) => periodicPreimage('cos', y),
  circular: 'cos',
};

export const cos: SmoothSpec = {
  names: ['cos'],
  arity: 1,
  elementary: (u) => P.analytic(cosRules, u),
  derivative: ([u], [du]) => mulS(int(-1), call('sin', u!), du!),
  evaluate: (a) => Math.cos(a),
  kernel: (a) => `Math.cos(${a})`,
  rounding: { slope: 'one', rounds: 1 },
  symbol: '\\cos',
  periodInPi: Q.rat(2),
  convex: false,
};
