/** `derive`: the symbolic analysis and (by default) its numeric cross-check. */
import type { SymbolicAnalysis } from '../symbolic/index.js';
import type { Evidence } from '../numeric/verify.js';
import { analyze, analyzeFunction } from './analyze.js';
import type { AnalyzeOptions } from './analyze.js';
import { crossCheck } from './crossCheck.js';
import type { CrossCheckOptions } from './crossCheck.js';
import { deriveJson, structuredJson } from './json.js';
import type { DeriveJson, StructuredDeriveJson } from './json.js';

export interface Options extends AnalyzeOptions, CrossCheckOptions {
  /** Run the numeric cross-check (default true). */
  readonly verify?: boolean;
}

export interface Analysis extends SymbolicAnalysis {
  /** The numeric evidence, or null when verification was skipped. */
  readonly verification: Evidence | null;
}

/**
 * Parse, reduce, analyse case by case and (by default) verify numerically, keeping the
 * expression trees (what `narrate` and `deriveJson` take). Throws KinkproofError on bad input.
 */
export function deriveAnalysis(expr: string, options: Options = {}): Analysis {
  const analysis = analyze(expr, options);
  return { ...analysis, verification: options.verify === false ? null : crossCheck(analysis, options) };
}

/**
 * The same derivation as plain JSON-safe data, field for field the object `derive --json`
 * prints (gradients and sets as text and LaTeX strings). Throws KinkproofError on bad input.
 */
export function derive(expr: string, options: Options = {}): DeriveJson | StructuredDeriveJson {
  const analysis = analyzeFunction(expr, options);
  const verification = options.verify === false ? null : crossCheck(analysis, options);
  return analysis.kind === 'structured' ? structuredJson(analysis, verification) : deriveJson(analysis, verification);
}
