/** `derive`: the symbolic analysis and (by default) its numeric cross-check. */
import type { SymbolicAnalysis } from '../symbolic/index.js';
import type { Evidence } from '../numeric/verify.js';
import { analyze } from './analyze.js';
import type { AnalyzeOptions } from './analyze.js';
import { crossCheck } from './crossCheck.js';
import type { CrossCheckOptions } from './crossCheck.js';

export interface Options extends AnalyzeOptions, CrossCheckOptions {
  /** Run the numeric cross-check (default true). */
  readonly verify?: boolean;
}

export interface Analysis extends SymbolicAnalysis {
  /** The numeric evidence, or null when verification was skipped. */
  readonly verification: Evidence | null;
}

/** Parse, reduce, analyse case by case and (by default) verify numerically. Throws KinkproofError on bad input. */
export function derive(expr: string, options: Options = {}): Analysis {
  const analysis = analyze(expr, options);
  return { ...analysis, verification: options.verify === false ? null : crossCheck(analysis, options) };
}
