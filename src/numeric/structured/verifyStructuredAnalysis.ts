/** The numeric cross-check of a structured analysis: f compiled from its parse tree, the claims checked by finite differences. */
import type { StructuredAnalysis } from '../../symbolic/index.js';
import type { Evidence } from '../verify.js';
import type { ProgressCallback } from '../progress.js';
import { compileExpression } from './evaluate.js';
import { verifyStructured } from './verifyStructured.js';

export function verifyStructuredAnalysis(a: StructuredAnalysis, seed: number, onProgress?: ProgressCallback): Evidence {
  const shape = a.json.shape;
  const f = compileExpression(a.expr, a.constants, shape);
  return verifyStructured({ json: a.json, shape, probes: a.probes, gradientAt: (X) => a.gradientAt(X) }, f, seed, onProgress);
}
