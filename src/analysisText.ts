/**
 * Values of an analysis as plain ASCII text, spelled one way for every output
 * that is not LaTeX: the `derive` summary and its JSON, `check` and `prove`.
 */
import { exactText, intervalBounds } from './symbolic/index.js';
import type { BreakpointAnalysis, ConvexityWitness, Discontinuity, Limit, Poly } from './symbolic/index.js';
import { discontinuityOf, P, signOfConstant } from './symbolic/index.js';

/** A one-sided limit: its exact value, 'inf' or '-inf'; null when undecided. */
export const limitText = (l: Limit): string | null =>
  l.kind === 'finite' ? exactText(l.value) : l.kind === 'infinite' ? (l.sign > 0 ? 'inf' : '-inf') : null;

/** A smoothness class: 'Cinf', 'C1', …, 'discontinuous' (class -1); null when undecided. */
export function classText(s: number | 'inf' | null): string | null {
  if (s === null) return null;
  if (s === 'inf') return 'Cinf';
  return s < 0 ? 'discontinuous' : `C${s}`;
}

/** The set between two exact ends, smaller end first: "{v}" when they are equal, "[lo, hi]" else; null when their order is not decided. */
export function intervalText(a: Poly, b: Poly): string | null {
  const order = signOfConstant(P.sub(a, b));
  if (order === undefined) return null;
  if (order === 0) return `{${exactText(a)}}`;
  const [lo, hi] = order < 0 ? [a, b] : [b, a];
  return `[${exactText(lo)}, ${exactText(hi)}]`;
}

/** Sets per entry of a matrix, from the doubles [lo, hi]: "[[{-1}, [0, 2]]]". */
export const numericSetsText = (sets: readonly (readonly (readonly [number, number])[])[]): string =>
  `[${sets.map((row) => `[${row.map(([lo, hi]) => (lo === hi ? `{${lo}}` : `[${lo}, ${hi}]`)).join(', ')}]`).join(', ')}]`;

/** A tri-state answer: 'yes', 'no', or 'unknown' when undecided. */
export const yesNo = (t: boolean | null): string => (t === null ? 'unknown' : t ? 'yes' : 'no');

/** Exact constants such as kinks, comma-separated; 'none' for none. */
export const exactListText = (ps: readonly Poly[]): string => ps.map(exactText).join(', ') || 'none';

/**
 * The ends of piece `i` between sorted breakpoints: '-inf' before the first,
 * 'inf' after the last; with a period P, the neighbouring family members.
 */
export function pieceEndsText(breakpoints: readonly Poly[], i: number, period?: Poly): [from: string, to: string] {
  const { lo, hi } = intervalBounds(breakpoints, i, period);
  return [lo ? exactText(lo) : '-inf', hi ? exactText(hi) : 'inf'];
}

/** ' (mod P)' after a point or interval of a periodic φ, which stands for its copies shifted by kP; '' otherwise. */
export const moduloText = (period: Poly | undefined): string => (period ? ` (mod ${exactText(period)})` : '');

/** What φ does at a discontinuity, after "φ": a jump only where the one-sided limits differ. */
export const DISCONTINUITY_VERB: Record<Discontinuity, string> = {
  jump: 'jumps',
  removable: 'has a removable discontinuity',
  infinite: 'has an infinite one-sided limit',
  undecided: 'is not continuous',
};

/** The noun for a discontinuity, as in "a removable discontinuity". */
export const DISCONTINUITY_NOUN: Record<Discontinuity, string> = {
  jump: 'jump',
  removable: 'removable discontinuity',
  infinite: 'infinite discontinuity',
  undecided: 'discontinuity',
};

/** What φ does at these discontinuities, one verb for all: theirs when they share a kind, else "is not continuous". */
export function discontinuitiesVerb(bs: readonly BreakpointAnalysis[]): string {
  const kinds = new Set(bs.map((b) => discontinuityOf(b) ?? 'undecided'));
  const [only] = kinds;
  return kinds.size === 1 && only ? DISCONTINUITY_VERB[only] : DISCONTINUITY_VERB.undecided;
}

/**
 * Why φ is not convex, in words: "phi jumps at 0" (or another discontinuity), "phi''(-1) = -2 < 0", "at 0 the
 * left slope 1 exceeds the right slope -1", or, when a slope is infinite (which
 * no convex function finite on R has), "at 0 a one-sided slope is infinite
 * (left -inf, right inf)" rather than comparing infinities.
 */
export function convexityWitnessText(w: ConvexityWitness): string {
  const at = exactText(w.at);
  if (w.kind === 'discontinuity') return `phi ${DISCONTINUITY_VERB[w.discontinuity]} at ${at}`;
  if (w.kind === 'curvature') return `phi''(${at}) = ${exactText(w.secondDerivative)} < 0`;
  const left = limitText(w.left) ?? '?';
  const right = limitText(w.right) ?? '?';
  if (w.left.kind === 'infinite' || w.right.kind === 'infinite') return `at ${at} a one-sided slope is infinite (left ${left}, right ${right})`;
  return `at ${at} the left slope ${left} exceeds the right slope ${right}`;
}
