/**
 * The formula shown for φ′ and ∇f: the shortest of the derived forms, their
 * rewrites (./rewrite.ts) and the closed forms fitted to φ′'s cases
 * (./fit.ts) that is proved exactly equal to φ′ wherever φ is differentiable,
 * by the comparison `check --claim` makes. Null when none is proved.
 */
import type { EntryAnalysis } from '../analyze.js';
import { derivativeTest, derivedForms } from '../gradient.js';
import type { Scalar } from '../scalar/expr.js';
import { shortestProved } from './choose.js';
import { fittedForms } from './fit.js';
import { rewrite } from './rewrite.js';

export function displayGradient(phi: Scalar, entry: EntryAnalysis): Scalar | null {
  const derived = derivedForms(phi, entry).map((form) => form());
  const proposed = [...derived, ...fittedForms(entry)];
  const candidates = [...proposed, ...proposed.map(rewrite)];
  return shortestProved(candidates, derivativeTest(entry)) ?? null;
}
