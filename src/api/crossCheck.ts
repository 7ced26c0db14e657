/** The numeric cross-check of an analysis (loaded only when something is verified). */
import type { AnyAnalysis } from '../symbolic/index.js';
import type { Evidence } from '../numeric/verify.js';
import type { ProgressCallback } from '../numeric/progress.js';
import { verifyAnalysis } from '../numeric/verifyAnalysis.js';
import { verifyStructuredAnalysis } from '../numeric/structured/verifyStructuredAnalysis.js';

export interface CrossCheckOptions {
  /** Shape of X for the numeric checks when f leaves it free (default 3x4). */
  readonly shape?: readonly [number, number];
  /** Seed of the numeric cross-check (default 1). */
  readonly seed?: number;
  /** Told how far the cross-check has come (e.g. a progress bar). */
  readonly progress?: ProgressCallback;
}

export const crossCheck = (analysis: AnyAnalysis, options: CrossCheckOptions = {}): Evidence =>
  analysis.kind === 'structured'
    ? verifyStructuredAnalysis(analysis, options.seed ?? 1, options.progress)
    : verifyAnalysis(analysis, options.shape, options.seed ?? 1, options.progress);
