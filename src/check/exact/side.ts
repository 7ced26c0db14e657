/**
 * One side of a claim (an identity's A or B, a claimed gradient G) read as far
 * as the exact machinery goes: entry-wise, separable, or neither (then only
 * the point search can speak about it).
 */
import { dependsOnX as readsX, inferShapes, P, parseInput, Reducer, toPiecewise } from '../../symbolic/index.js';
import type { ConstantMatrix, EntryWise, InputLanguage, Expr, Piecewise, Scalar, Separable, Shape } from '../../symbolic/index.js';
import { KinkproofError } from '../../diagnostics.js';

export interface Side {
  readonly text: string;
  readonly expr: Expr;
  readonly shape: Shape;
  readonly dependsOnX: boolean;
  /** Entry (i,j) is φ(x_ij) (φ(x_ji) when transposed); matrix-valued or constant sides. */
  readonly entry: EntryWise | null;
  /** offset + Σ φ(x_ij); scalar-valued sides that depend on X. */
  readonly separable: Separable | null;
  /** Why neither form could be found. */
  readonly why: string | null;
}

/** Errors that mean "the exact route cannot decide this", not "the input is wrong". */
export function isOutOfReach(e: unknown): e is Error {
  if (e instanceof KinkproofError) return e.kind === 'unsupported' || e.kind === 'limit';
  return e instanceof P.TooLarge || e instanceof P.Undefined;
}

/** Parse and type one side; syntax and shape errors are the user's and propagate. */
export function readSide(text: string, constants: ReadonlyMap<string, ConstantMatrix>, language?: InputLanguage): Side {
  const expr = parseInput(text, language);
  const { shape } = inferShapes(expr, { constants }, text);
  const dependsOnX = readsX(expr);
  const reducer = new Reducer({ constants }, text);
  const base = { text, expr, shape, dependsOnX, entry: null, separable: null, why: null };
  try {
    if (shape.kind === 'scalar' && dependsOnX) return { ...base, separable: reducer.separable(expr) };
    return { ...base, entry: reducer.entry(expr) };
  } catch (e) {
    if (isOutOfReach(e)) return { ...base, why: e.message };
    throw e;
  }
}

export type PiecewiseOr = { readonly pw: Piecewise; readonly why: null } | { readonly pw: null; readonly why: string };

export function piecewiseOf(phi: Scalar): PiecewiseOr {
  try {
    return { pw: toPiecewise(phi), why: null };
  } catch (e) {
    if (isOutOfReach(e)) return { pw: null, why: e.message };
    throw e;
  }
}

/** The side's shape when X is rows×cols, or null when it does not type-check there. */
export function shapeAt(
  side: Pick<Side, 'expr' | 'text'>,
  constants: ReadonlyMap<string, ConstantMatrix>,
  shape: readonly [number, number],
): Shape | null {
  try {
    return inferShapes(side.expr, { constants, shape: [shape[0], shape[1]] }, side.text).shape;
  } catch (e) {
    if (e instanceof KinkproofError) return null;
    throw e;
  }
}
