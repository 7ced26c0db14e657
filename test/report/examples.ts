/** The examples with their analysis and fixed-seed evidence, shared by the narrate tests. */
import { analyzeSymbolic } from '../../src/symbolic/derive.js';
import type { SymbolicAnalysis } from '../../src/symbolic/derive.js';
import { verify } from '../../src/numeric/verify.js';
import type { Evidence } from '../../src/numeric/verify.js';
import { narrate } from '../../src/report/narrate.js';
import type { Derivation } from '../../src/report/model.js';

export const FOUNDING = "norm(relu(X),'fro')^2";

/** The examples: C¹, a convex kink, a jump, C², an infinite slope, a Clarke kink, leaky ReLU. */
export const EXAMPLES = [
  FOUNDING,
  'sum(relu(X))',
  'sum(heaviside(X-1))',
  'sum(abs(X-1).^3)',
  'sum(sqrt(relu(X)))',
  'sum(-relu(X))',
  'sum(max(X,0.2*X))',
] as const;

export interface Narrated {
  readonly analysis: SymbolicAnalysis;
  readonly evidence: Evidence;
  readonly derivation: Derivation;
}

const cache = new Map<string, Narrated>();

export function narrated(input: string): Narrated {
  let n = cache.get(input);
  if (!n) {
    const analysis = analyzeSymbolic(input);
    const { phi } = analysis.separable;
    const evidence = verify({ phi, offset: 0, gradient: analysis.gradient, entry: analysis.entry, rows: 3, cols: 4, seed: 1 });
    n = { analysis, evidence, derivation: narrate(analysis, evidence) };
    cache.set(input, n);
  }
  return n;
}
