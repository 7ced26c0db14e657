/**
 * kinkproof as a library: the same capability as the CLI, for programs such as
 * a docs build or a web page. The CLI is a thin shell over these functions.
 */
import { analyzeSymbolic } from './symbolic/derive.js';
import type { DeriveOptions, SymbolicAnalysis } from './symbolic/derive.js';
import { clearBudget, DEFAULT_TIMEOUT_SECONDS, startBudget } from './symbolic/budget.js';
import { verifyAnalysis } from './numeric/verifyAnalysis.js';
import type { Evidence } from './numeric/verify.js';

export interface Options extends DeriveOptions {
  /** Run the numeric cross-check (default true). */
  readonly verify?: boolean;
  /** Seed of the numeric cross-check (default 1). */
  readonly seed?: number;
  /** Budget for the symbolic work in seconds (default 20). */
  readonly timeoutSeconds?: number;
}

export interface Analysis extends SymbolicAnalysis {
  /** The numeric evidence, or null when verification was skipped. */
  readonly verification: Evidence | null;
}

/** Parse, reduce, analyse case by case and (by default) verify numerically. Throws KinkproofError on bad input. */
export function derive(expr: string, options: Options = {}): Analysis {
  startBudget(options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS);
  let analysis: SymbolicAnalysis;
  try {
    analysis = analyzeSymbolic(expr, options);
  } finally {
    clearBudget();
  }
  const verification = options.verify === false ? null : verifyAnalysis(analysis, options.shape, options.seed ?? 1);
  return { ...analysis, verification };
}

export { KinkproofError } from './diagnostics.js';
export type { ProblemKind } from './diagnostics.js';
export { parse } from './symbolic/syntax/parse.js';
export type { Expr, Span } from './symbolic/syntax/ast.js';
export { analyzeSymbolic } from './symbolic/derive.js';
export type { DeriveOptions, PointResult, SymbolicAnalysis } from './symbolic/derive.js';
export type { BreakpointAnalysis, EntryAnalysis, Limit } from './symbolic/analyze.js';
export type { Convexity } from './symbolic/convexity.js';
export type { Subdifferential } from './symbolic/subdifferential.js';
export type { Scalar } from './symbolic/scalar/expr.js';
export { printLatex, printText, exactText, exactLatex, MATRIX, SCALAR } from './symbolic/scalar/print.js';
export { primitives } from './symbolic/primitives/registry.js';
export { verify } from './numeric/verify.js';
export type { CheckRecord, Evidence } from './numeric/verify.js';
export { claimText, pointText } from './numeric/checkText.js';
export { checkEqual, checkGradient, checkProof, parseProof } from './check/index.js';
export type { CheckResult, GradientCheck, ProofReport } from './check/index.js';
export { narrate } from './report/narrate.js';
export { plotData } from './report/plotData.js';
export { renderLatex } from './report/latex.js';
export { renderHtml } from './report/html.js';
export { renderMarkdown } from './report/markdown.js';
export { compilePdf } from './report/pdf.js';
export type { Derivation, Step } from './report/model.js';
export { deriveJson } from './cli/json.js';
