/**
 * The symbolic pipeline for one function: parse → shapes → reduce → piecewise
 * → case analysis → gradient. Numbers never decide anything here.
 */
import * as P from './exact/poly.js';
import type { Poly } from './exact/poly.js';
import { asProblem, KinkproofError } from '../diagnostics.js';
import { parseInput } from './syntax/source.js';
import type { InputLanguage } from './syntax/source.js';
import type { Expr } from './syntax/ast.js';
import { inferShapes, shapeText } from './shapes.js';
import { matrixFromNumbers } from './shapes.js';
import type { ConstantMatrix, Dim } from './shapes.js';
import { Reducer } from './reduce.js';
import type { Separable } from './reduce.js';
import { toPiecewise } from './piecewise.js';
import { analyzeEntry } from './analyze.js';
import type { EntryAnalysis } from './analyze.js';
import { displayGradient } from './simplify/gradientForm.js';
import { withSimplerDerivatives, withSimplerPieces } from './simplify/pieces.js';
import { pointResult } from './pointAnswer.js';
import { analyzeStructured } from './structured/analyzeStructured.js';
import type { StructuredAnalysis } from './structured/analyzeStructured.js';
import type { PointResult } from './pointAnswer.js';
import { convexity } from './convexity.js';
import type { Convexity } from './convexity.js';
import { subdifferential } from './subdifferential.js';
import type { Subdifferential } from './subdifferential.js';
import type { Scalar } from './scalar/expr.js';
import { sizeOf } from './scalar/expr.js';
import { toPoly } from './scalar/toPoly.js';
import { NotElementary } from './scalar/toPoly.js';

export interface DeriveOptions {
  readonly constants?: ReadonlyMap<string, ConstantMatrix>;
  /** m, n fixed by the user. */
  readonly shape?: readonly [number, number];
  /** Points to evaluate at: exact matrices, or rows of doubles (each meaning its shortest decimal). */
  readonly at?: readonly PointInput[];
  /** The input language (default: LaTeX if the text has a backslash, else ASCII). */
  readonly language?: InputLanguage;
}

export type PointInput = ConstantMatrix | readonly (readonly number[])[];

export type { PointResult };

export interface SymbolicAnalysis {
  readonly kind: 'separable';
  readonly input: string;
  readonly expr: Expr;
  readonly dims: { readonly m: Dim; readonly n: Dim };
  readonly separable: Separable;
  readonly offset: Poly;
  readonly entry: EntryAnalysis;
  /** Breakpoints where φ is not differentiable. */
  readonly kinks: readonly Poly[];
  /** Kink status not decided at these breakpoints. */
  readonly undecided: readonly Poly[];
  /** The entry function of ∇f, valid wherever f is differentiable (null if none could be verified). */
  readonly gradient: Scalar | null;
  readonly convexity: Convexity;
  readonly subdifferential: Subdifferential;
  readonly points: readonly PointResult[];
}

export const MAX_ENTRY_SIZE = 400;
export const MAX_POINT_ENTRIES = 1_000_000;

function checkPoint(X: ConstantMatrix, index: number, dims: { m: Dim; n: Dim }): void {
  const where = `--at #${index + 1}`;
  const { rows, cols } = X;
  if (rows === 0 || cols === 0) throw new KinkproofError('input', `${where}: empty matrix`);
  if (rows * cols > MAX_POINT_ENTRIES) throw new KinkproofError('limit', `${where}: more than ${MAX_POINT_ENTRIES} entries`);
  if (X.exact.length !== rows || X.exact.some((r) => r.length !== cols)) throw new KinkproofError('input', `${where}: rows have different lengths`);
  const fits = (d: Dim, k: number): boolean => typeof d !== 'number' || d === k;
  if (!fits(dims.m, rows) || !fits(dims.n, cols))
    throw new KinkproofError('input', `${where}: X is ${rows}x${cols} but the expression needs ${dims.m}x${dims.n}`);
}

/** A point from a program: a ConstantMatrix as parsed from text, or doubles meaning their shortest decimals. */
function asPoint(X: PointInput, index: number): ConstantMatrix {
  if ('exact' in X) return X;
  const rows = X;
  if (rows.some((r) => !Array.isArray(r) || r.some((v) => typeof v !== 'number' || !Number.isFinite(v))))
    throw new KinkproofError('input', `--at #${index + 1}: entries must be finite numbers`);
  return matrixFromNumbers(rows);
}

/** The whole symbolic analysis of a separable f; every failure is a KinkproofError (bad input, unsupported, or a limit). */
export function analyzeSymbolic(input: string, options: DeriveOptions = {}): SymbolicAnalysis {
  try {
    return analyze(input, options, false) as SymbolicAnalysis;
  } catch (e) {
    throw asProblem(e) ?? e;
  }
}

export type AnyAnalysis = SymbolicAnalysis | StructuredAnalysis;

/** The analysis of f: separable (one φ for every entry) when it is, else the structured analysis (NONSMOOTH.md). */
export function analyzeAny(input: string, options: DeriveOptions = {}): AnyAnalysis {
  try {
    return analyze(input, options, true);
  } catch (e) {
    throw asProblem(e) ?? e;
  }
}

function analyze(input: string, options: DeriveOptions, structured: boolean): AnyAnalysis {
  const expr = parseInput(input, options.language);
  const constants = options.constants ?? new Map<string, ConstantMatrix>();
  const points = (options.at ?? []).map(asPoint);
  const firstPoint = points[0];
  const shape = options.shape ?? (firstPoint ? ([firstPoint.rows, firstPoint.cols] as const) : undefined);
  const typed = inferShapes(expr, { constants, ...(shape ? { shape } : {}) }, input);
  if (typed.shape.kind !== 'scalar')
    throw new KinkproofError(
      'input',
      `f must be scalar-valued, but this expression is ${shapeText(typed.shape)}; wrap it, e.g. sum(...) or norm(...,'fro')^2`,
      expr.span,
      input,
    );
  points.forEach((X, i) => checkPoint(X, i, typed.dims));
  let separable: Separable;
  try {
    separable = new Reducer({ constants }, input).separable(expr);
  } catch (e) {
    if (!structured || !(e instanceof KinkproofError && e.kind === 'unsupported')) throw e;
    const { m, n } = typed.dims;
    return analyzeStructured(input, expr, constants, typeof m === 'number' ? m : null, typeof n === 'number' ? n : null, points);
  }
  if (sizeOf(separable.phi) > MAX_ENTRY_SIZE)
    throw new KinkproofError('limit', `the entry function has more than ${MAX_ENTRY_SIZE} nodes`);
  let offset: Poly;
  try {
    offset = toPoly(separable.offset, { tPositive: false });
  } catch (e) {
    if (e instanceof P.Undefined || e instanceof NotElementary)
      throw new KinkproofError('unsupported', `the constant part of f has no closed form here (${e.message})`);
    throw e;
  }
  const entry = withSimplerDerivatives(analyzeEntry(withSimplerPieces(toPiecewise(separable.phi))));
  const kinks = entry.breakpoints.filter((b) => b.differentiable === false).map((b) => b.at);
  const undecided = entry.breakpoints.filter((b) => b.differentiable === null).map((b) => b.at);
  const gradient = displayGradient(separable.phi, entry);
  const convex = convexity(entry);
  const sub = subdifferential(entry, convex);
  return {
    kind: 'separable',
    input,
    expr,
    dims: typed.dims,
    separable,
    offset,
    entry,
    kinks,
    undecided,
    gradient,
    convexity: convex,
    subdifferential: sub,
    points: points.map((X) => pointResult(X, entry, offset, convex)),
  };
}
