/**
 * The sentences about where f fails to be continuous, differentiable or
 * locally Lipschitz, written once: the separable steps (subdifferential,
 * points, conclusion) say them the same way in every report format. A jump
 * (φ not continuous) is never called a kink, and a jump or an infinite slope
 * says why no convex or Clarke set exists.
 */
import type { BreakpointAnalysis } from '../../symbolic/index.js';
import type { Inline } from '../model.js';
import { math, text } from '../model.js';

/** Why f has neither set near an X with an entry at this breakpoint, or null when the breakpoint gives no such reason. */
export type NoSetCause = 'jump' | 'infinite-slope';

export function noSetCause(b: BreakpointAnalysis | null | undefined): NoSetCause | null {
  if (!b) return null;
  if (b.continuous === false) return 'jump';
  return [b.leftDerivative, b.rightDerivative].some((l) => l.kind === 'infinite') ? 'infinite-slope' : null;
}

/** “f is not continuous there, hence not locally Lipschitz, so …”: the reason, without a full stop. */
export const noSetReason = (cause: NoSetCause): Inline[] => [
  ...(cause === 'jump'
    ? [math('f'), text(' is not continuous there, hence not locally Lipschitz')]
    : [text('a one-sided derivative of '), math('\\varphi'), text(' is infinite there, so '), math('f'), text(' is not locally Lipschitz near '), math('X')]),
  text(', and Clarke’s generalized gradient is defined only for locally Lipschitz functions; nor is '),
  math('f'),
  text(' convex'),
];

/** “f has no subdifferential in the convex or Clarke sense” (the sentence's subject and verb). */
export const NO_SET: Inline[] = [math('f'), text(' has no subdifferential in the convex or Clarke sense')];
