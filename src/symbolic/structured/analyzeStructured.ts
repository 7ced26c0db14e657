/**
 * The whole analysis of an f that is not separable: reduce to a model, decide
 * the global statements, answer at each point exactly, and collect the probes
 * the numeric verifier checks.
 */
import * as Q from '../exact/rational.js';
import type { Rational } from '../exact/rational.js';
import { nearest } from '../exact/calculus.js';
import type { Expr } from '../syntax/ast.js';
import type { ConstantMatrix } from '../shapes.js';
import { StructuredReducer } from './reduceStructured.js';
import type { Model } from './model.js';
import { Univariates } from './univariate.js';
import { GlobalAnalysis } from './globalFacts.js';
import type { GlobalFacts } from './globalFacts.js';
import { exactFormMatrix, formMatrix, pointSet } from './pointSet.js';
import type { ExactPointStrings, Matrix, Probe, StructuredJson, StructuredPoint } from './result.js';
import * as P from '../exact/poly.js';
import type { Poly } from '../exact/poly.js';
import { exactLatex, exactText } from '../scalar/print.js';
import { describeStructure, whereText, generalSet } from './statements.js';
import { matrixGradient } from './matrixGradient.js';
import type { MatrixGradient } from './matrixGradient.js';
import { KinkproofError } from '../../diagnostics.js';
import { keyOf } from '../scalar/expr.js';

/** The shape the statements are made for when f leaves it free. */
export const DEFAULT_SHAPE: readonly [number, number] = [2, 2];

export interface StructuredAnalysis {
  readonly kind: 'structured';
  readonly input: string;
  readonly expr: Expr;
  readonly constants: ReadonlyMap<string, ConstantMatrix>;
  readonly model: Model;
  readonly facts: GlobalFacts;
  readonly json: StructuredJson;
  readonly probes: readonly Probe[];
  /** The matrix formula of ∇f in doubles (null on a kink surface, or when no formula was derived). */
  gradientAt(X: Matrix): Matrix | null;
}

const toDoubles = (X: readonly (readonly Rational[])[]): Matrix => X.map((r) => r.map(Q.toNumber));

/** Past this many entries of X the exact strings of X and ∇f(X) are left out (reports print such matrices by their shape). */
const MAX_EXACT_ENTRIES = 64;

function exactStrings(X: readonly (readonly Rational[])[], value: Poly | null, gradient: Poly[][] | null): StructuredPoint['exact'] {
  const small = X.length * (X[0]?.length ?? 0) <= MAX_EXACT_ENTRIES;
  const strings = (print: (p: Poly) => string): ExactPointStrings => ({
    X: small ? X.map((r) => r.map((q) => print(P.constant(q)))) : [],
    value: value && print(value),
    gradient: gradient && gradient.map((r) => r.map(print)),
  });
  return { text: strings(exactText), latex: strings(exactLatex) };
}

export function analyzeStructured(
  input: string,
  expr: Expr,
  constants: ReadonlyMap<string, ConstantMatrix>,
  rows: number | null,
  cols: number | null,
  points: readonly ConstantMatrix[],
): StructuredAnalysis {
  // A dimension f leaves free (no data, no --shape, no point) takes its default: the statements say so.
  const concrete: readonly [number, number] = [rows ?? DEFAULT_SHAPE[0], cols ?? DEFAULT_SHAPE[1]];
  const model = new StructuredReducer(constants, input, concrete).reduce(expr);
  const univariates = new Univariates();
  const global = new GlobalAnalysis(model, univariates);
  const facts = global.facts();
  const convex = facts.convex.value === true;
  const [m, n] = concrete;
  const margins: number[] = [];
  const answer = (X: readonly (readonly Rational[])[]): StructuredPoint => {
    const r = global.pointAt(X);
    margins.push(r.margin);
    const value = r.value ? nearest(r.value) : Number.NaN;
    const notLipschitz = r.derivative.steep[0] ?? null;
    const base = { X: toDoubles(X), value, notLipschitz };
    if (r.decision.differentiable === true) {
      const exactGradient = m * n <= MAX_EXACT_ENTRIES ? exactFormMatrix(model.table, r.derivative.linear, m, n) : null;
      return { ...base, exact: exactStrings(X, r.value, exactGradient), differentiable: true, gradient: formMatrix(model.table, r.derivative.linear, m, n), subdifferential: null, reason: null };
    }
    const set = r.decision.differentiable === false ? pointSet(r.derivative, { table: model.table, m, n, convex }) : null;
    const reasonOfSet = set && 'reason' in set ? set.reason : null;
    return {
      ...base,
      exact: exactStrings(X, r.value, null),
      differentiable: r.decision.differentiable,
      gradient: null,
      subdifferential: set && !('reason' in set) ? set : null,
      reason: notLipschitz
        ? `${r.decision.why}; f is not locally Lipschitz near X, so it has no Clarke generalized gradient there`
        : r.decision.differentiable === null || !reasonOfSet
          ? r.decision.why
          : `${r.decision.why}; no set is given: ${reasonOfSet}`,
    };
  };
  const at = points.map((X) => answer(X.exact));
  const withMargin = (i: number): { margin?: number } => (Number.isFinite(margins[i]!) ? { margin: margins[i]! } : {});
  const probes: Probe[] = at.map((p, i) => ({ X: p.X, origin: 'at', differentiable: p.differentiable, gradient: p.gradient, subdifferential: p.subdifferential, ...withMargin(i) }));
  // Extra probes on and off the kink surfaces, where the global statements were made (not for models past that size).
  const extra = facts.tooLarge ? [] : global.candidates(facts.kinkAtoms).slice(0, 6);
  for (const X of extra) {
    const p = answer(X);
    probes.push({ X: p.X, origin: p.differentiable === true ? 'smooth' : 'surface', differentiable: p.differentiable, gradient: p.gradient, subdifferential: p.subdifferential, value: p.value, ...withMargin(margins.length - 1) });
  }
  // The matrix formula of a max picks E at every attaining entry: it double-counts entries that are the same function.
  const formula = repeatedEntries(model) ? null : gradientFormula(expr, input, constants);
  const json: StructuredJson = {
    input,
    separable: false,
    shape: concrete,
    shapeWasFree: rows === null || cols === null,
    structure: describeStructure(model),
    surfaces: facts.surfaces,
    differentiable: facts.differentiable,
    differentiableWhere: whereText(model, facts),
    continuous: facts.continuous,
    smoothness: facts.smoothness,
    convex: facts.convex,
    gradient: formula && {
      text: formula.text,
      latex: formula.latex,
      where: formula.continuous && facts.continuous.value === true ? 'differentiable' : 'everyTermDifferentiable',
      ...(hasNorm(model) ? { note: NORM_NOTE } : {}),
    },
    subdifferential: generalSet(model, facts),
    at,
  };
  return { kind: 'structured', input, expr, constants, model, facts, json, probes, gradientAt: (X) => formula?.evaluate(X) ?? null };
}

/** ∇f by the chain rule in matrix notation; null where the matrix calculus has no rule (the point answers still stand). */
function gradientFormula(expr: Expr, input: string, constants: ReadonlyMap<string, ConstantMatrix>): MatrixGradient | null {
  try {
    return matrixGradient(expr, input, constants);
  } catch (e) {
    if (e instanceof KinkproofError) return null;
    throw e;
  }
}

/** Does a max or min range over two entries that are the same function of X (equal rows of A)? */
function repeatedEntries(model: Model): boolean {
  const parts = [...model.parts];
  for (let p = parts.pop(); p; p = parts.pop()) {
    if (p.kind === 'outer') parts.push(p.inner);
    if (p.kind !== 'extremum') continue;
    const keys = p.components.map((c) => `${keyOf(c.c)}|${c.atoms.map((a) => `${a.dir.key}:${keyOf(a.phi)}`).join(',')}`);
    if (new Set(keys).size < keys.length) return true;
  }
  return false;
}

const NORM_NOTE = "the formula divides by a norm: where the norm's argument is 0 and f is differentiable, that part's gradient is 0";

function hasNorm(model: Model): boolean {
  const parts = [...model.parts];
  for (let p = parts.pop(); p; p = parts.pop()) {
    if (p.kind === 'outer') parts.push(p.inner);
    if (p.kind === 'norm') return true;
  }
  return false;
}
