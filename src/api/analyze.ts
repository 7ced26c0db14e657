/** The symbolic analysis of f, without the numeric cross-check. */
import { analyzeAny, analyzeSymbolic } from '../symbolic/index.js';
import type { AnyAnalysis, DeriveOptions, SymbolicAnalysis } from '../symbolic/index.js';
import { withBudget } from './budget.js';
import type { Budgeted } from './budget.js';

export interface AnalyzeOptions extends DeriveOptions, Budgeted {}

/** Parse, reduce and analyse f case by case, within the budget. Throws KinkproofError on bad input. */
export const analyze = (expr: string, options: AnalyzeOptions = {}): SymbolicAnalysis =>
  withBudget(options.timeoutSeconds, () => analyzeSymbolic(expr, options));

/** The same for any f: separable when it is, else the structured analysis (data, linear maps, norms, maxima). */
export const analyzeFunction = (expr: string, options: AnalyzeOptions = {}): AnyAnalysis =>
  withBudget(options.timeoutSeconds, () => analyzeAny(expr, options));
