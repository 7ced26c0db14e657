/** The numeric cross-check of a whole symbolic analysis (what `derive` runs by default). */
import type { SymbolicAnalysis } from '../symbolic/index.js';
import { verify } from './verify.js';
import type { Evidence } from './verify.js';
import type { ProgressCallback } from './progress.js';

/** Shape used for numeric checks when the expression leaves it free. */
export const DEFAULT_SHAPE: readonly [number, number] = [3, 4];

export function verifyAnalysis(
  a: SymbolicAnalysis,
  shape: readonly [number, number] | undefined,
  seed: number,
  onProgress?: ProgressCallback,
): Evidence {
  const rows = typeof a.dims.m === 'number' ? a.dims.m : (shape?.[0] ?? DEFAULT_SHAPE[0]);
  const cols = typeof a.dims.n === 'number' ? a.dims.n : (shape?.[1] ?? DEFAULT_SHAPE[1]);
  return verify(
    { phi: a.separable.phi, offset: 0, gradient: a.gradient, entry: a.entry, rows, cols, seed, subdifferential: a.subdifferential },
    onProgress,
  );
}
