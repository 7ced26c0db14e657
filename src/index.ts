/**
 * kinkproof as a library: the same capability as the CLI, for programs such as
 * a docs build or a web page. The CLI is a thin shell over these functions:
 * each command calls them from src/api/ (which this file re-exports), so that
 * a command loads only its own part of the library.
 */
import { loadLatexFrontEnd } from './symbolic/index.js';

// The library reads LaTeX as well as ASCII from the start (the CLI loads the LaTeX parser only for LaTeX input).
await loadLatexFrontEnd();

export { derive, deriveAnalysis } from './api/derive.js';
export type { Analysis, Options } from './api/derive.js';
export { analyze } from './api/analyze.js';
export type { AnalyzeOptions } from './api/analyze.js';
export { crossCheck } from './api/crossCheck.js';
export type { CrossCheckOptions } from './api/crossCheck.js';
export { checkEqual, checkGradient } from './api/check.js';
export { checkProof } from './api/prove.js';
export type { BudgetedCheckOptions } from './api/check.js';
export { KinkproofError } from './diagnostics.js';
export type { ProblemKind } from './diagnostics.js';
export {
  analyzeSymbolic,
  detectLanguage,
  exactLatex,
  exactText,
  MATRIX,
  parse,
  parseInput,
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
  InputLanguage,
  Limit,
  PointResult,
  Scalar,
  Span,
  Subdifferential,
  SymbolicAnalysis,
} from './symbolic/index.js';
export { verify } from './numeric/verify.js';
export type { CheckRecord, Evidence } from './numeric/verify.js';
export { claimText, pointText } from './numeric/checkText.js';
export { parseProof } from './check/proofs/parseProof.js';
export type { Proof, Statement } from './check/proofs/parseProof.js';
export type { ProofReport, StepReport, StepStatus } from './check/proofs/proofReport.js';
export type { CaseRow, CheckOptions, CheckResult, Counterexample, GradientCheck, KinkRow, Method, Value, Verdict } from './check/result/checkResult.js';
export { narrate } from './report/narrate.js';
export { plotData } from './report/plotData.js';
export { renderLatex } from './report/latex.js';
export { renderHtml } from './report/html.js';
export { renderMarkdown } from './report/markdown.js';
export { compilePdf } from './report/pdf.js';
export type { Derivation, Step } from './report/model.js';
export { deriveJson } from './api/json.js';
export type {
  BreakpointJson,
  ConvexWitnessJson,
  DeriveJson,
  ExactJson,
  PieceJson,
  PointJson,
  StructuredDeriveJson,
  SubdifferentialJson,
  VerificationJson,
} from './api/json.js';
export type { Matrix, Probe, SetAnswer, SetPart, StructuredAnalysis, StructuredClaim, StructuredJson, StructuredPoint, SurfaceJson } from './symbolic/index.js';
