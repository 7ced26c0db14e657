import * as P from '../exact/poly.js';
import * as Q from '../exact/rational.js';
import type { AnalyticRules } from '../exact/analytic.js';
import { bigTanh } from '../exact/bigElementary.js';
import { increasing } from '../exact/interval.js';
import { call, int } from '../scalar/expr.js';
import { mulS, powS, subS } from '../scalar/build.js';
import { injectivePreimage, leadsNegative, insideOpen, viaExp } from './analyticRules.js';
import type { SmoothSpec } from './spec.js';

export const tanhRules: AnalyticRules = {
  name: 'tanh',
  positive: false,
  // tanh u = (E − 1)/(E + 1) for E = e^{2u}, when E is free of exp (u = ½·log 3 gives ½).
  special: (u) =>
    viaExp(u, Q.rat(2), (E) => P.mul(P.sub(E, P.ONE), P.pow(P.add(E, P.ONE), Q.MINUS_ONE))) ??
    (leadsNegative(u) ? P.neg(P.analytic(tanhRules, P.neg(u))) : undefined),
  derivative: (u) => P.sub(P.ONE, P.pow(P.analytic(tanhRules, u), Q.rat(2))),
  enclose: (x) => increasing(Math.tanh, x, { lo: -1, hi: 1 }),
  encloseBig: bigTanh,
  // tanh u = y ⇔ u = ½·log((1 + y)/(1 − y)), for −1 < y < 1.
  preimage: (y) =>
    injectivePreimage(tanhRules, y, (v) =>
      insideOpen(v, P.integer(-1), P.ONE) ? [P.scale(P.sub(P.log(P.add(P.ONE, v)), P.log(P.sub(P.ONE, v))), Q.HALF)] : [],
    ),
};

export const tanh: SmoothSpec = {
  names: ['tanh'],
  arity: 1,
  elementary: (u) => P.analytic(tanhRules, u),
  derivative: ([u], [du]) => mulS(subS(int(1), powS(call('tanh', u!), Q.rat(2))), du!),
  evaluate: (a) => Math.tanh(a),
  kernel: (a) => `Math.tanh(${a})`,
  rounding: { slope: 'one', rounds: 3 },
  symbol: '\\tanh',
  convex: false,
};
