/** Claims about f itself in a proof: differentiable, class, kinks, convex. */
import { compareExact, dependsOnT, discontinuityOf, exactText, parseInput, reduceModulo, Reducer, toPoly } from '../../symbolic/index.js';
import type { BreakpointAnalysis, ConstantMatrix, Poly, SymbolicAnalysis } from '../../symbolic/index.js';
import { KinkproofError } from '../../diagnostics.js';
import type { Finding } from './proofReport.js';
import { classText, convexityWitnessText, DISCONTINUITY_VERB, exactListText, limitText, moduloText, yesNo } from '../../analysisText.js';


/** "C1, not C2". */
function classNote(s: number | 'inf'): string {
  const text = classText(s)!;
  return typeof s === 'number' && s >= 0 ? `${text}, not C${s + 1}` : text;
}

function breakpointWhy(b: BreakpointAnalysis): string {
  const c = exactText(b.at);
  if (b.continuous === false) return `phi ${DISCONTINUITY_VERB[discontinuityOf(b) ?? 'undecided']} at t = ${c}`;
  const side = (l: BreakpointAnalysis['leftDerivative']): string => limitText(l) ?? 'undecided';
  return `at t = ${c} the one-sided derivatives of phi are ${side(b.leftDerivative)} (left) and ${side(b.rightDerivative)} (right)`;
}

/** What the breakpoints where φ is not differentiable are: "kink", "discontinuity", or "kink or discontinuity". */
function nonDifferentiablePoints(a: SymbolicAnalysis): string {
  const bad = a.entry.breakpoints.filter((b) => b.differentiable === false);
  const kinds = [bad.some((b) => b.continuous !== false) ? 'kink' : null, bad.some((b) => b.continuous === false) ? 'discontinuity' : null];
  return kinds.filter((k) => k !== null).join(' or ');
}

export function claimedDifferentiable(a: SymbolicAnalysis, claimed: boolean): Finding {
  const actual = a.entry.differentiable;
  if (actual === null) return { status: 'unknown', note: 'undecided', explanation: `whether f is differentiable at t = ${exactListText(a.undecided)} is undecided` };
  const why = actual
    ? 'phi is differentiable on every piece and at every breakpoint, so f is differentiable everywhere'
    : `f is not differentiable where an entry is at a ${nonDifferentiablePoints(a)}: ${a.entry.breakpoints.filter((b) => b.differentiable === false).map(breakpointWhy).join('; ')}`;
  return actual === claimed ? { status: 'pass', note: 'exact', explanation: null } : { status: 'fail', note: `exact: ${yesNo(actual)}`, explanation: why };
}

export function claimedClass(a: SymbolicAnalysis, claimed: string): Finding {
  const s = a.entry.smoothness;
  if (s === null) return { status: 'unknown', note: 'undecided', explanation: 'the smoothness class of phi is not decided at some breakpoint' };
  const actual = classText(s)!;
  if (actual === claimed) return { status: 'pass', note: `exact: ${classNote(s)}`, explanation: null };
  const first = a.entry.breakpoints.find((b) => b.order === s);
  const where = first
    ? s === -1
      ? `; ${breakpointWhy(first)}`
      : `; at t = ${exactText(first.at)} the one-sided limits of derivative ${Number(s) + 1} of phi differ`
    : '';
  return { status: 'fail', note: `exact: ${classNote(s)}`, explanation: `f is ${classNote(s)}${where}` };
}

/** A claimed kink location: a constant expression, exactly. */
function constant(text: string, constants: ReadonlyMap<string, ConstantMatrix>): Poly {
  const e = new Reducer({ constants }, text).entry(parseInput(text));
  if (dependsOnT(e.phi)) throw new KinkproofError('input', `kinks: ${text} is not a constant`);
  return toPoly(e.phi, { tPositive: false });
}

const contains = (ps: readonly Poly[], x: Poly): boolean => ps.some((p) => compareExact(p, x) === 0);

/**
 * The claimed kinks against φ's. For a periodic φ each kink stands for its
 * family c + kP: a claimed point counts by its residue, and every family needs
 * one claimed member (`kinks: -pi, 0` names both families of |sin t|).
 */
export function claimedKinks(a: SymbolicAnalysis, points: readonly string[], constants: ReadonlyMap<string, ConstantMatrix>): Finding {
  const { period } = a.entry.piecewise;
  const written = points.map((p) => constant(p, constants));
  const claimed = period ? written.map((c) => reduceModulo(c, period)) : written;
  const missing = a.kinks.filter((k) => !contains(claimed, k));
  const extra = written.filter((_, i) => !contains(a.kinks, claimed[i]!));
  const undecidedExtra = extra.filter((c) => contains(a.undecided, c));
  if (missing.length === 0 && extra.length === 0)
    return a.undecided.length
      ? { status: 'unknown', note: 'undecided', explanation: `whether t = ${exactListText(a.undecided)} is a kink is undecided` }
      : { status: 'pass', note: `exact: ${exactListText(a.kinks)}${moduloText(period)}`, explanation: null };
  if (missing.length === 0 && extra.length === undecidedExtra.length)
    return { status: 'unknown', note: 'undecided', explanation: `whether t = ${exactListText(extra)} is a kink is undecided` };
  const parts = [
    missing.length ? `also a kink: t = ${exactListText(missing)}${moduloText(period)}` : '',
    extra.length ? `not a kink: t = ${exactListText(extra)}` : '',
  ].filter(Boolean);
  const kinks = `${exactListText(a.kinks)}${moduloText(period)}`;
  return { status: 'fail', note: `exact: ${kinks}`, explanation: `the kinks of phi are ${kinks} (${parts.join('; ')})` };
}

export function claimedConvex(a: SymbolicAnalysis, claimed: boolean): Finding {
  const c = a.convexity;
  if (c.convex === null) return { status: 'unknown', note: 'undecided', explanation: c.undecided ?? 'convexity is not decided' };
  if (c.convex === claimed) return { status: 'pass', note: 'exact', explanation: null };
  const why = c.witness ? convexityWitnessText(c.witness) : 'phi is continuous, convex on every piece, and its one-sided slopes do not decrease at any breakpoint';
  return { status: 'fail', note: `exact: ${yesNo(c.convex)}`, explanation: `f is ${c.convex ? '' : 'not '}convex: ${why}` };
}

