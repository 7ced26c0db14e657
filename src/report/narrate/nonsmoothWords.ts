/**
 * The sentences about where f fails to be continuous, differentiable or
 * locally Lipschitz, written once: the separable steps (subdifferential,
 * points, conclusion) say them the same way in every report format. A jump
 * (φ not continuous) is never called a kink, and a jump or an infinite slope
 * says why no convex or Clarke set exists.
 */
import type { BreakpointAnalysis, EntryAnalysis } from '../../symbolic/index.js';
import type { Inline } from '../model.js';
import { math, text } from '../model.js';
import { onPoints } from './notation.js';
import { discontinuitiesVerb } from '../../analysisText.js';

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

/**
 * Exactly where a separable f is discontinuous: at every X with an entry where
 * φ jumps (f(X + hE_ij) − f(X) = φ(x_ij + h) − φ(x_ij)), and nowhere else when
 * φ is continuous at every other point; a sentence with its full stop, or
 * nothing when φ is continuous.
 */
export function discontinuityInlines(entry: EntryAnalysis): Inline[] {
  const gaps = entry.breakpoints.filter((b) => b.continuous === false);
  const jumps = gaps.map((b) => b.at);
  const undecided = entry.breakpoints.filter((b) => b.continuous === null).map((b) => b.at);
  if (jumps.length === 0 && undecided.length === 0) return [];
  const { period } = entry.piecewise;
  const where: Inline[] = jumps.length
    ? [math('f'), text(' is not continuous at any '), math('X'), text(' with an entry'), ...onPoints(jumps, period), text(', where '), math('\\varphi'), text(` ${discontinuitiesVerb(gaps)}`)]
    : [];
  const rest: Inline[] = undecided.length
    ? [text(jumps.length ? '; whether it is continuous at an ' : 'Whether '), ...(jumps.length ? [math('X')] : [math('f'), text(' is continuous at an '), math('X')]), text(' with an entry'), ...onPoints(undecided, period), text(' was not decided')]
    : [text(', and continuous at every other '), math('X')];
  return [...where, ...rest, text('.')];
}
