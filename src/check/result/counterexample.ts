/** Exact points to the JSON counterexample: numbers, plus the exact text to check by hand. */
import { approximate, exactText } from '../../symbolic/index.js';
import type { Poly } from '../../symbolic/index.js';
import type { Counterexample, ExactValue, Value } from './checkResult.js';

export type PolyValue = Poly | Poly[][];

export interface ExactPoint {
  readonly X: Poly[][];
  /** null: that side has no real value at X. */
  readonly lhs: PolyValue | null;
  readonly rhs: PolyValue | null;
  readonly where: string | null;
}

const isMatrix = (v: PolyValue): v is Poly[][] => Array.isArray(v);
const numeric = (v: PolyValue | null): Value | null =>
  v === null ? null : isMatrix(v) ? v.map((r) => r.map((x) => approximate(x))) : approximate(v);
const text = (v: PolyValue | null): ExactValue | null => (v === null ? null : isMatrix(v) ? v.map((r) => r.map(exactText)) : exactText(v));

export function toCounterexample(p: ExactPoint): Counterexample {
  return {
    X: p.X.map((r) => r.map((x) => approximate(x))),
    lhs: numeric(p.lhs),
    rhs: numeric(p.rhs),
    where: p.where,
    exact: { X: p.X.map((r) => r.map(exactText)), lhs: text(p.lhs), rhs: text(p.rhs) },
  };
}

/** X = [[x]] with matrix-valued sides [[lhs]], [[rhs]] (or numbers for scalar f). */
export function oneByOne(x: Poly, lhs: Poly, rhs: Poly, where: string | null, matrix: boolean): ExactPoint {
  return matrix ? { X: [[x]], lhs: [[lhs]], rhs: [[rhs]], where } : { X: [[x]], lhs, rhs, where };
}

/** "[[1, -1/2]]" for explanations. */
export function matrixText(m: readonly (readonly Poly[])[]): string {
  return `[${m.map((r) => `[${r.map(exactText).join(', ')}]`).join(', ')}]`;
}

export const valueText = (v: PolyValue | null): string => (v === null ? 'no real value' : isMatrix(v) ? matrixText(v) : exactText(v));

/** The two sides of an identity, named so that they cannot be read as one-sided limits. */
export const SIDES = ['left side', 'right side'] as const;

/** "At X = [[2]] (t > 0): left side [[2]], right side [[1]]." */
export const pointSentence = (p: ExactPoint, labels: readonly [string, string]): string =>
  `At X = ${matrixText(p.X)}${p.where ? ` (${p.where})` : ''}: ${labels[0]} ${valueText(p.lhs)}, ${labels[1]} ${valueText(p.rhs)}.`;
