/**
 * The symbolic layer's one front door: src/check, src/numeric, src/report,
 * src/cli and the library reach src/symbolic only through this file
 * (test/architecture.test.ts enforces it). What is not exported here is
 * internal to the layer and free to change.
 */

// Exact arithmetic: rationals (Q), exact constants and polynomials in t (P), float intervals (I).
export * as Q from './exact/rational.js';
export type { Rational } from './exact/rational.js';
export * as P from './exact/poly.js';
export type { Poly } from './exact/poly.js';
export * as I from './exact/interval.js';
export { approximate, enclose, signOfConstant, substitute } from './exact/calculus.js';
export { compareExact } from './solve.js';

// Input: the parser, its syntax tree and shape inference.
export { parse } from './syntax/parse.js';
export { detectLanguage, loadLatexFrontEnd, parseInput } from './syntax/source.js';
export type { InputLanguage } from './syntax/source.js';
export { dependsOnX, sameExpr, symbolNames } from './syntax/ast.js';
export type { Expr, Span } from './syntax/ast.js';
export { inferShapes, isReduction } from './shapes.js';
export type { ConstantMatrix, Shape } from './shapes.js';

// Scalar expressions in t: building, converting to and from polynomials, printing.
export { dependsOnT, int, keyOf } from './scalar/expr.js';
export type { Scalar } from './scalar/expr.js';
export { addS, subS } from './scalar/build.js';
export { fromPoly } from './scalar/fromPoly.js';
export { toPoly } from './scalar/toPoly.js';
export { applyLatex, exactLatex, exactText, MATRIX, parenLatex, printLatex, printText, nameRootsIn, rootPartsLatex, rootPhraseText, SCALAR } from './scalar/print.js';
export { isNamedRoot, nameRoots, withRootNames } from './scalar/rootNames.js';
export type { RootNames } from './scalar/rootNames.js';

// The primitives (relu, abs, max, …) and what each one declares.
export { lookupConstant, lookupPrimitive, primitives } from './primitives/registry.js';
export type { PrimitiveName } from './primitives/registry.js';
export { applicationLatex } from './primitives/spec.js';
export type { PrimitiveSpec, RoundingRule } from './primitives/spec.js';

// Reduction to an entry function, its pieces and their comparison.
export { Reducer } from './reduce.js';
export type { EntryWise, Separable } from './reduce.js';
export { intervalBounds, locate, toPiecewise, valueAt } from './piecewise.js';
export type { Piece, Piecewise } from './piecewise.js';
export { comparePiecewise } from './compare.js';
export type { Case, Comparison } from './compare.js';

// The analysis: kinks, one-sided limits, gradient, convexity, subdifferential.
export { analyzeAny, analyzeSymbolic, MAX_POINT_ENTRIES } from './derive.js';
export type { AnyAnalysis, DeriveOptions, PointResult, SymbolicAnalysis } from './derive.js';
export type { StructuredAnalysis } from './structured/analyzeStructured.js';
export { discontinuitiesOf, discontinuityOf, sameFinite } from './analyze.js';
export type { Discontinuity } from './analyze.js';
export type { BreakpointAnalysis, EntryAnalysis, Limit } from './analyze.js';
export { derivativePiecewise, kinkTest } from './gradient.js';
export type { Convexity, ConvexityWitness } from './convexity.js';
export type { BreakpointSet, Subdifferential } from './subdifferential.js';

// The wall-clock budget of symbolic work.
export { clearBudget, DEFAULT_TIMEOUT_SECONDS, startBudget } from './budget.js';
export { periodicity } from './periodicity.js';
export type { Periodicity } from './periodicity.js';
export { piMultiple } from './primitives/analyticRules.js';
export { reduceModulo } from './trigZeros.js';

// The answer contract for functions that are not separable (issue 12).
export type { Claim as StructuredClaim, Matrix, Probe, SetAnswer, SetPart, StructuredClaims, StructuredJson, StructuredPoint, SurfaceJson } from './structured/result.js';
// ∇f in matrix notation for functions that are not separable (issue 12).
export { matrixGradient } from './structured/matrixGradient.js';
export type { MatrixGradient } from './structured/matrixGradient.js';
// Structured functions at exact points and entries of matrix claims as ridge sums (check --claim, issue 12).
export { PointEvaluator } from './structured/pointAt.js';
export { Univariates } from './structured/univariate.js';
export { StructuredReducer } from './structured/reduceStructured.js';
export type { Model } from './structured/model.js';
export type { Cell } from './structured/cells.js';
export { gradientEntry } from './gradient.js';
export { simplerOn } from './simplify/pieces.js';
export { mulS } from './scalar/build.js';
export { num } from './scalar/expr.js';
