/**
 * One definition per primitive, read by every stage (KaTeX's defineFunction,
 * with a typed registry instead of side-effect registration).
 */
import type { Scalar } from '../scalar/expr.js';
import type { Poly, PowerContext } from '../exact/poly.js';
import type { Rational } from '../exact/rational.js';
import { applyLatex } from '../scalar/print.js';

export type Side = -1 | 0 | 1;
export type Tri = boolean | null; // yes / no / unknown

/**
 * A primitive that is elementary on each side of a switching function's zeros
 * (relu, abs, max, …). At a zero of the switch the value is given explicitly:
 * no convention such as H(0) = ½ is ever used as a derivative.
 */
export interface SplitRule {
  /** The expression whose sign selects the branch (relu(u): u; max(a, b): a − b). */
  readonly switchOf: (args: readonly Scalar[]) => Scalar;
  /** The branch where the switch has sign `side` (0: the value at its zeros). */
  readonly branch: (args: readonly Scalar[], side: Side) => Scalar;
}

/**
 * How rounding errors pass through the primitive (first-order running error
 * analysis in the numeric kernels): the error of each argument times |slope|,
 * plus `rounds` roundings of the result.
 * - 'one': slope at most 1 in each argument (abs, max, min: exact operations);
 * - 'passed': 1 where the argument is passed through, 0 where flat (relu);
 * - 'zero': flat away from the switch (sign, heaviside);
 * - 'value': the slope is at most the value (exp; sigmoid, softplus), which may underflow to 0;
 * - 'reciprocal': the slope is 1/|argument| (log).
 */
export interface RoundingRule {
  readonly slope: 'one' | 'passed' | 'zero' | 'value' | 'reciprocal';
  /** Roundings of the result, each up to u·|value| (a kernel of several operations counts them all). */
  readonly rounds: number;
}

/** What every primitive has, kinked or smooth. */
interface CommonParts {
  /** Accepted spellings; the first is canonical in printed output. */
  readonly names: readonly [string, ...string[]];
  /** 0 for a named constant (pi), written bare. */
  readonly arity: 0 | 1 | 2;
  /** Chain-rule factor d/du f(u) as an expression, valid where f is differentiable. */
  readonly derivative: (args: readonly Scalar[], dargs: readonly Scalar[]) => Scalar;
  /** Numeric value, same semantics as the symbolic layer at every point. */
  readonly evaluate: (a: number, b: number) => number;
  /** JavaScript source of the numeric kernel (branch-free where exact). */
  readonly kernel: (a: string, b: string) => string;
  /** Error propagation of the numeric kernel. */
  readonly rounding: RoundingRule;
  /** The function's name in LaTeX (\sin, \sigma, \operatorname{sign}): applied as name(args) unless `latex` says otherwise. */
  readonly symbol: string;
  /** LaTeX of an application, given the arguments' LaTeX, where it is not symbol(args) (|u| for abs). */
  readonly latex?: (args: readonly string[]) => string;
  /** Its definition in LaTeX, for reports, where a reader may not know it (or its value at a switch). */
  readonly definition?: string;
  /** Convex as a function of its (first) argument; for max/min, jointly. */
  readonly convex: Tri;
}

/** A primitive that is elementary on each side of a switching function's zeros. */
export interface KinkedSpec extends CommonParts {
  readonly split: SplitRule;
  readonly elementary?: never;
  readonly domain?: never;
}

/** A smooth primitive: its value on the canonical form (for sin, tanh, …: the atom with its AnalyticRules). */
export interface SmoothSpec extends CommonParts {
  /** Must throw `Undefined` outside the domain (log of a non-positive number). */
  readonly elementary: (arg: Poly, ctx: PowerContext) => Poly;
  /** Where the argument must be > 0 (log) or ≥ 0 (sqrt), its zeros are breakpoints. */
  readonly domain?: 'positive' | 'nonnegative';
  /** f(u + qπ) = f(u) for this rational q (2 for sin and cos): f(a·t + b) repeats with period qπ/|a|. */
  readonly periodInPi?: Rational;
  readonly split?: never;
}

export type PrimitiveSpec = KinkedSpec | SmoothSpec;

/** LaTeX of an application of a primitive, given the arguments' LaTeX. */
export const applicationLatex = (spec: PrimitiveSpec, args: readonly string[]): string => spec.latex?.(args) ?? applyLatex(spec.symbol, args);
