/** Entry functions and verifier inputs shared by the numeric tests. */
import { analyzeEntry } from '../../src/symbolic/analyze.js';
import type { EntryAnalysis } from '../../src/symbolic/analyze.js';
import * as Q from '../../src/symbolic/exact/rational.js';
import { toPiecewise } from '../../src/symbolic/piecewise.js';
import { addS, mulS, powS, subS } from '../../src/symbolic/scalar/build.js';
import { differentiate } from '../../src/symbolic/scalar/derivative.js';
import { VAR, call, int, num } from '../../src/symbolic/scalar/expr.js';
import type { Scalar } from '../../src/symbolic/scalar/expr.js';
import type { VerifyInput } from '../../src/numeric/verify.js';

export const t = VAR;
export const relu = (s: Scalar): Scalar => call('relu', s);
export const abs = (s: Scalar): Scalar => call('abs', s);
export const pow = (s: Scalar, p: number, q = 1): Scalar => powS(s, Q.rat(p, q));
export const third = num(Q.rat(1, 3));

/** φ(t) = relu(t)²: f(X) = ‖relu(X)‖_F², ∇f = 2·relu(X). */
export const RELU_SQUARED = pow(relu(t), 2);
export const RELU_SQUARED_GRADIENT = mulS(int(2), relu(t));

/** Entry functions with kinks of every sort, each with its chain-rule derivative as the claimed gradient. */
export const CATALOGUE: readonly Scalar[] = [
  RELU_SQUARED,
  abs(t),
  call('sign', t),
  call('heaviside', t),
  pow(abs(t), 1, 2),
  pow(abs(t), 3, 2),
  abs(subS(mulS(t, t), int(2))),
  pow(call('max', t, int(1)), 2),
  call('exp', relu(t)),
  call('min', t, int(0)),
  mulS(t, t),
  pow(relu(t), 3),
  mulS(relu(t), relu(subS(int(1), t))),
  mulS(t, abs(t)),
  call('log', addS(int(1), mulS(t, t))),
  mulS(third, pow(relu(subS(t, third)), 2)),
  pow(addS(int(1), abs(t)), -1),
];

export const analysis = (phi: Scalar): EntryAnalysis => analyzeEntry(toPiecewise(phi));

export function input(phi: Scalar, rows = 3, cols = 4, seed = 1, gradient: Scalar | null = differentiate(phi)): VerifyInput {
  return { phi, offset: 0, gradient, entry: analysis(phi), rows, cols, seed };
}
