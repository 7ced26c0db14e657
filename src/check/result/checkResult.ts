/** The result contract of `check` (README, "Checking hand calculations"). */
import type { ConstantMatrix, InputLanguage } from '../../symbolic/index.js';

export type Verdict = 'correct' | 'incorrect' | 'unknown';
/** `exact`: decided by the case split; `numeric`: by searching points (can only refute). */
export type Method = 'exact' | 'numeric';
/** A side's value at a point: a number for scalar-valued expressions, else a matrix. */
export type Value = number | number[][];
export type ExactValue = string | string[][];

export interface Counterexample {
  readonly X: number[][];
  /** null: that side has no real value at X (e.g. log of a negative entry). */
  readonly lhs: Value | null;
  readonly rhs: Value | null;
  /** The case of the split the point lies in ("t > 0", "t = 0"), when it came from the split. */
  readonly where: string | null;
  /** The same point and values as exact text ("1/2", "sqrt(2)"), for checking by hand. */
  readonly exact: { readonly X: string[][]; readonly lhs: ExactValue | null; readonly rhs: ExactValue | null };
}

export interface CaseRow {
  readonly where: string;
  readonly lhs: string;
  readonly rhs: string;
  /** null: the exact comparison could not decide this case. */
  readonly equal: boolean | null;
}

export interface CheckResult {
  readonly verdict: Verdict;
  readonly method: Method;
  readonly counterexample: Counterexample | null;
  readonly cases: readonly CaseRow[];
  readonly explanation: string;
}

/** At a kink c of φ: does the claim's value lie between the one-sided derivatives? */
export interface KinkRow {
  readonly at: string;
  readonly claim: string | null;
  readonly left: string | null;
  readonly right: string | null;
  readonly selects: boolean | null;
  /** Why `selects` is false or null. */
  readonly note: string | null;
}

export interface GradientCheck extends CheckResult {
  readonly subgradientSelection: boolean | null;
  readonly kinks: readonly KinkRow[];
}

export interface CheckOptions {
  readonly constants?: ReadonlyMap<string, ConstantMatrix>;
  /** Seed of the point search (default 1). */
  readonly seed?: number;
  /** The input language of every expression (default: LaTeX if the text has a backslash, else ASCII). */
  readonly language?: InputLanguage;
}
