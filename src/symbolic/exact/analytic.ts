/**
 * What the exact core needs to know of a function f that is real-analytic on
 * all of ℝ (sin, tanh, sigmoid, …) to work with the atom f(u): each registry
 * entry of such a function supplies one of these, and the atom carries it, so
 * poly, calculus, series, interval and solve never switch on a function name.
 */
import type { Interval } from './interval.js';
import type { BigInterval } from './bigInterval.js';
import type { Poly } from './poly.js';
import type { PrimitiveName } from '../primitives/registry.js';

export interface AnalyticRules {
  /** The registry name, for printing the atom back. */
  readonly name: PrimitiveName;
  /** f(u) > 0 for every real u (lets powers and logs of it split). */
  readonly positive: boolean;
  /** f(u) exactly when it is simpler than the atom (sin 0 = 0, softplus 0 = log 2), else undefined. */
  readonly special: (u: Poly) => Poly | undefined;
  /** f′(u) in canonical form. */
  readonly derivative: (u: Poly) => Poly;
  /** A rigorous enclosure of f over an interval of doubles. */
  readonly enclose: (x: Interval) => Interval;
  /** A rigorous enclosure of f over an interval at `bits` bits of precision. */
  readonly encloseBig: (x: BigInterval, bits: number) => BigInterval;
  /**
   * Every real u with f(u) = y, for a constant y. Throws KinkproofError
   * ('unsupported') when there are infinitely many (sin u = 0 at u = kπ) or
   * when it cannot decide.
   */
  readonly preimage: (y: Poly) => Poly[];
  /** f is sin or cos: a polynomial in sin u and cos u is solved through sin²u + cos²u = 1. */
  readonly circular?: 'sin' | 'cos';
}

/**
 * What the exact core needs of a named real constant (π) to work with it as an
 * atom: its registry name for printing, its sign, and rigorous enclosures.
 */
export interface ConstantRules {
  readonly name: PrimitiveName;
  readonly positive: boolean;
  /** A rigorous enclosure at double precision. */
  readonly enclose: () => Interval;
  /** A rigorous enclosure at `bits` bits of precision. */
  readonly encloseBig: (bits: number) => BigInterval;
}
