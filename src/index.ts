/**
 * kinkproof as a library: the same capability as the CLI, for programs such as
 * a docs build or a web page. The CLI is a thin shell over these functions.
 */
import { analyzeSymbolic, clearBudget, DEFAULT_TIMEOUT_SECONDS, startBudget } from './symbolic/index.js';
import type { DeriveOptions, SymbolicAnalysis } from './symbolic/index.js';
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
export {
  analyzeSymbolic,
  exactLatex,
  exactText,
  MATRIX,
  parse,
  primitives,
  printLatex,
  printText,
  SCALAR,
} from './symbolic/index.js';
export type {
  BreakpointAnalysis,
  Convexity,
  DeriveOptions,
  EntryAnalysis,
  Expr,
  Limit,
  PointResult,
  Scalar,
  Span,
  Subdifferential,
  SymbolicAnalysis,
} from './symbolic/index.js';
export { verify } from './numeric/verify.js';
export type { CheckRecord, Evidence } from './numeric/verify.js';
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
