import { namedConstant, scale } from '../exact/poly.js';
import type { Poly } from '../exact/poly.js';
import type { Rational } from '../exact/rational.js';
import type { ConstantRules } from '../exact/analytic.js';
import { bigPi } from '../exact/bigElementary.js';
import { int } from '../scalar/expr.js';
import type { SmoothSpec } from './spec.js';

export const piRules: ConstantRules = {
  name: 'pi',
  positive: true,
  // Math.PI is π rounded to nearest: 3.14159265358979311… < π < its successor.
  enclose: () => ({ lo: Math.PI, hi: Math.PI + 2 ** -51 }),
  encloseBig: bigPi,
};

/** q·π, exactly. */
export const piTimes = (q: Rational): Poly => scale(namedConstant(piRules), q);

/** π, a primitive of no arguments (mathjs's constant `pi`): written bare, printed and evaluated like a call. */
export const pi: SmoothSpec = {
  names: ['pi'],
  arity: 0,
  elementary: () => namedConstant(piRules),
  derivative: () => int(0),
  evaluate: () => Math.PI,
  kernel: () => 'Math.PI',
  rounding: { slope: 'zero', rounds: 1 },
  symbol: '\\pi',
  latex: () => '\\pi',
  convex: true,
};
