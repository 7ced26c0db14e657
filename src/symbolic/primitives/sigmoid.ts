import * as P from '../exact/poly.js';
import * as Q from '../exact/rational.js';
import type { AnalyticRules } from '../exact/analytic.js';
import { bigSigmoid } from '../exact/bigElementary.js';
import { increasing } from '../exact/interval.js';
import { call, int } from '../scalar/expr.js';
import { mulS, subS } from '../scalar/build.js';
import { injectivePreimage, leadsNegative, insideOpen, viaExp } from './analyticRules.js';
import type { SmoothSpec } from './spec.js';

const logistic = (a: number): number => 1 / (1 + Math.exp(-a));

/** The logistic function 1/(1 + e^{−u}). */
export const sigmoidRules: AnalyticRules = {
  name: 'sigmoid',
  positive: true,
  // sigmoid u = E/(1 + E) for E = eᵘ, when E is free of exp (sigmoid(log 3) = ¾).
  // σ(−u) = 1 − σ(u)
  special: (u) =>
    viaExp(u, Q.ONE, (E) => P.mul(E, P.pow(P.add(P.ONE, E), Q.MINUS_ONE))) ??
    (leadsNegative(u) ? P.sub(P.ONE, P.analytic(sigmoidRules, P.neg(u))) : undefined),
  derivative: (u) => {
    const s = P.analytic(sigmoidRules, u);
    return P.sub(s, P.mul(s, s));
  },
  enclose: (x) => increasing(logistic, x, { lo: 0, hi: 1 }),
  encloseBig: bigSigmoid,
  // sigmoid u = y ⇔ u = log y − log(1 − y), for 0 < y < 1.
  preimage: (y) => injectivePreimage(sigmoidRules, y, (v) => (insideOpen(v, P.ZERO, P.ONE) ? [P.sub(P.log(v), P.log(P.sub(P.ONE, v)))] : [])),
};

export const sigmoid: SmoothSpec = {
  names: ['sigmoid', 'logistic'],
  arity: 1,
  elementary: (u) => P.analytic(sigmoidRules, u),
  derivative: ([u], [du]) => mulS(call('sigmoid', u!), subS(int(1), call('sigmoid', u!)), du!),
  evaluate: logistic,
  kernel: (a) => `1 / (1 + Math.exp(-(${a})))`,
  rounding: { slope: 'value', rounds: 4 }, // |f′| ≤ f, and f underflows to 0 far out (like exp)
  symbol: '\\operatorname{sigmoid}',
  definition: '\\operatorname{sigmoid}(u) = \\frac{1}{1 + e^{-u}}',
  convex: false,
};
