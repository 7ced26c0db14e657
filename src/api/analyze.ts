/** The symbolic analysis of f, without the numeric cross-check. */
import { analyzeSymbolic } from '../symbolic/index.js';
import type { DeriveOptions, SymbolicAnalysis } from '../symbolic/index.js';
import { withBudget } from './budget.js';
import type { Budgeted } from './budget.js';

export interface AnalyzeOptions extends DeriveOptions, Budgeted {}

/** Parse, reduce and analyse f case by case, within the budget. Throws KinkproofError on bad input. */
export const analyze = (expr: string, options: AnalyzeOptions = {}): SymbolicAnalysis =>
  withBudget(options.timeoutSeconds, () => analyzeSymbolic(expr, options));
