import * as P from '../exact/poly.js';
import * as Q from '../exact/rational.js';
import type { AnalyticRules } from '../exact/analytic.js';
import { bigSoftplus } from '../exact/bigElementary.js';
import { increasing } from '../exact/interval.js';
import { call } from '../scalar/expr.js';
import { mulS } from '../scalar/build.js';
import { injectivePreimage, insideOpen, viaExp } from './analyticRules.js';
import { sigmoidRules } from './sigmoid.js';
import type { SmoothSpec } from './spec.js';

/** log(1 + eᵃ) without overflow: max(a, 0) + log(1 + e^{−|a|}). */
const stable = (a: number): number => 0.5 * (a + Math.abs(a)) + Math.log1p(Math.exp(-Math.abs(a)));

/** softplus u = log(1 + eᵘ), a smooth positive part. */
export const softplusRules: AnalyticRules = {
  name: 'softplus',
  positive: true,
  // softplus u = log(1 + E) for E = eᵘ, when E is free of exp (softplus 0 = log 2).
  // No symmetry rewrite: softplus(−u) = softplus(u) − u would mix the atom with u, and q(A) = 0 could no longer be solved in one atom.
  special: (u) => viaExp(u, Q.ONE, (E) => P.log(P.add(P.ONE, E))),
  derivative: (u) => P.analytic(sigmoidRules, u),
  enclose: (x) => increasing(stable, x, { lo: 0, hi: Infinity }),
  encloseBig: bigSoftplus,
  // softplus u = y ⇔ u = log(e^y − 1), for y > 0.
  preimage: (y) => injectivePreimage(softplusRules, y, (v) => (insideOpen(v, P.ZERO, undefined) ? [P.log(P.sub(P.exp(v), P.ONE))] : [])),
};

export const softplus: SmoothSpec = {
  names: ['softplus'],
  arity: 1,
  elementary: (u) => P.analytic(softplusRules, u),
  derivative: ([u], [du]) => mulS(call('sigmoid', u!), du!),
  evaluate: stable,
  kernel: (a) => `(0.5 * (${a} + Math.abs(${a})) + Math.log1p(Math.exp(-Math.abs(${a}))))`,
  rounding: { slope: 'value', rounds: 4 }, // |f′| ≤ f, and f underflows to 0 far out (like exp)
  symbol: '\\operatorname{softplus}',
  definition: '\\operatorname{softplus}(u) = \\log(1 + e^{u})',
  convex: true,
};
