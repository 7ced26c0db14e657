/**
 * Case-by-case analysis of an entry function φ: the derivative on each open
 * piece, and at each breakpoint the exact one-sided limits of φ, φ′, φ″, …
 * (DESIGN.md, "Mathematics the tool relies on"). Continuity, differentiability
 * and the C^k class follow from the first mismatch.
 */
import * as Q from './exact/rational.js';
import * as P from './exact/poly.js';
import type { Poly } from './exact/poly.js';
import { approximate, diff, signOfConstant } from './exact/calculus.js';
import { derivativeLimit, seriesAt, Undecidable } from './exact/series.js';
import type { Limit } from './exact/series.js';
import type { Tri } from './primitives/spec.js';
import type { Piece, Piecewise } from './piecewise.js';
import { differentiate } from './scalar/derivative.js';

export type { Limit };

export interface BreakpointAnalysis {
  readonly at: Poly;
  readonly value: Poly;
  /** lim_{t→c⁻} p_L^{(k)}(t) and lim_{t→c⁺} p_R^{(k)}(t) for k = 0, 1, … as far as decided. */
  readonly leftLimits: readonly Limit[];
  readonly rightLimits: readonly Limit[];
  /**
   * The exponents e of the one-sided expansions φ(c ± u) = Σ a_e·u^e: how
   * fast each limit is approached (read by the numeric verifier).
   * |t|^(1+10⁻²⁰) approaches its slope 0 like u^(10⁻²⁰), which no sampled
   * difference quotient can show.
   */
  readonly leftExponents: readonly Q.Rational[];
  readonly rightExponents: readonly Q.Rational[];
  /**
   * |a_e| for each exponent, as doubles: how large each term is, so that the
   * verifier can tell a divergence too weak to show in doubles
   * (e^{−30}·√δ beside a slope of 1) from one the samples must show.
   */
  readonly leftSizes: readonly number[];
  readonly rightSizes: readonly number[];
  /** One-sided limits of the difference quotient (φ(c+h) − φ(c))/h. */
  readonly leftDerivative: Limit;
  readonly rightDerivative: Limit;
  readonly continuous: Tri;
  readonly differentiable: Tri;
  /** φ is C^k near c: -1 discontinuous, 'inf', or null when undecided. */
  readonly order: number | 'inf' | null;
  /** Lower bound proved when `order` is null. */
  readonly orderAtLeast: number;
}

export interface EntryAnalysis {
  readonly piecewise: Piecewise;
  /** φ′ on each open interval. */
  readonly derivativePieces: readonly Piece[];
  readonly breakpoints: readonly BreakpointAnalysis[];
  readonly continuous: Tri;
  readonly differentiable: Tri;
  readonly smoothness: number | 'inf' | null;
}

/** The breakpoints where φ is not continuous: discontinuities, never to be called kinks. */
export const discontinuitiesOf = (entry: EntryAnalysis): Poly[] => entry.breakpoints.filter((b) => b.continuous === false).map((b) => b.at);

/**
 * How φ fails to be continuous at c: its one-sided limits differ ('jump'),
 * agree but differ from φ(c) ('removable'), or one is infinite ('infinite');
 * 'undecided' when that cannot be told. Null where φ is not known to be discontinuous.
 */
export type Discontinuity = 'jump' | 'removable' | 'infinite' | 'undecided';

export function discontinuityOf(b: BreakpointAnalysis): Discontinuity | null {
  if (b.continuous !== false) return null;
  const [left, right] = [b.leftLimits[0], b.rightLimits[0]];
  if (!left || !right) return 'undecided';
  if (left.kind === 'infinite' || right.kind === 'infinite') return 'infinite';
  const same = sameFinite(left, right);
  return same === null ? 'undecided' : same ? 'removable' : 'jump';
}

/** Are two limits equal and finite? null when it cannot be decided. */
export function sameFinite(a: Limit, b: Limit): Tri {
  if (a.kind === 'unknown' || b.kind === 'unknown') return null;
  if (a.kind !== 'finite' || b.kind !== 'finite') return false;
  const s = signOfConstant(P.sub(a.value, b.value));
  return s === undefined ? null : s === 0;
}

function limitsFromSide(piece: Piece, at: Poly, side: 1 | -1, count: number): { limits: Limit[]; exponents: Q.Rational[]; sizes: number[] } {
  try {
    const s = seriesAt(piece.nf, at, side, Q.rat(count));
    return {
      limits: Array.from({ length: count }, (_, k) => derivativeLimit(s, k, side)),
      exponents: s.terms.map((t) => t.e),
      sizes: s.terms.map((t) => Math.abs(approximate(t.c))),
    };
  } catch (e) {
    if (e instanceof Undecidable || e instanceof P.Undefined)
      return { limits: Array.from({ length: count }, () => ({ kind: 'unknown', reason: e.message }) as const), exponents: [], sizes: [] };
    throw e;
  }
}

/** (φ(c+h) − φ(c))/h as h → 0 from `side`, given lim p and lim p′ on that side. */
function differenceQuotientLimit(limit0: Limit, limit1: Limit, value: Poly, side: 1 | -1): Limit {
  if (limit0.kind === 'unknown') return limit0;
  if (limit0.kind === 'infinite') return { kind: 'infinite', sign: (limit0.sign * side) as 1 | -1 };
  const jump = signOfConstant(P.sub(limit0.value, value));
  if (jump === undefined) return { kind: 'unknown', reason: 'cannot decide whether φ is continuous here' };
  // Continuous from this side: the mean value theorem gives lim p′.
  if (jump === 0) return limit1;
  return { kind: 'infinite', sign: (jump * side) as 1 | -1 };
}

/** How many derivatives to compare: past the degree of polynomial pieces, else a fixed depth. */
function depthFor(left: Piece, right: Piece): number {
  const degree = (p: Piece): number | undefined => {
    const c = P.coefficientsInT(p.nf);
    return c ? c.length - 1 : undefined;
  };
  const l = degree(left);
  const r = degree(right);
  return l !== undefined && r !== undefined ? Math.max(l, r) + 2 : 12;
}

function analyzeBreakpoint(at: Poly, value: Poly, left: Piece, right: Piece): BreakpointAnalysis {
  const depth = depthFor(left, right);
  const { limits: leftLimits, exponents: leftExponents, sizes: leftSizes } = limitsFromSide(left, at, -1, depth);
  const { limits: rightLimits, exponents: rightExponents, sizes: rightSizes } = limitsFromSide(right, at, 1, depth);
  const leftDerivative = differenceQuotientLimit(leftLimits[0]!, leftLimits[1]!, value, -1);
  const rightDerivative = differenceQuotientLimit(rightLimits[0]!, rightLimits[1]!, value, 1);
  const pointValue: Limit = { kind: 'finite', value };
  const leftCont = sameFinite(leftLimits[0]!, pointValue);
  const rightCont = sameFinite(rightLimits[0]!, pointValue);
  const continuous: Tri = leftCont === false || rightCont === false ? false : leftCont && rightCont ? true : null;
  const sameDerivative = sameFinite(leftDerivative, rightDerivative);
  const differentiable: Tri = continuous === false ? false : continuous && sameDerivative;

  let order: number | 'inf' | null = null;
  let orderAtLeast = -1;
  if (continuous === false) order = -1;
  else if (continuous === true) {
    orderAtLeast = 0;
    for (let k = 1; k < depth; k++) {
      const same = sameFinite(leftLimits[k]!, rightLimits[k]!);
      if (same === false) {
        order = k - 1;
        break;
      }
      if (same === null) break;
      orderAtLeast = k;
    }
  }
  return { at, value, leftLimits, rightLimits, leftExponents, rightExponents, leftSizes, rightSizes, leftDerivative, rightDerivative, continuous, differentiable, order, orderAtLeast };
}

const allTrue = (xs: readonly Tri[]): Tri => (xs.includes(false) ? false : xs.includes(null) ? null : true);

export function analyzeEntry(pw: Piecewise): EntryAnalysis {
  const derivativePieces = pw.pieces.map((p) => ({ display: differentiate(p.display), nf: diff(p.nf) }));
  const breakpoints = pw.breakpoints.map((c, i) => analyzeBreakpoint(c, pw.values[i]!, pw.pieces[i]!, pw.pieces[i + 1]!));
  const known = breakpoints.map((b) => b.order).filter((o): o is number => typeof o === 'number');
  const lowest = known.length ? Math.min(...known) : 'inf';
  const undecided = breakpoints.filter((b) => b.order === null);
  // An undecided breakpoint matters only if it could be below the best known bound.
  const smoothness =
    undecided.length === 0 || (typeof lowest === 'number' && undecided.every((b) => b.orderAtLeast >= lowest))
      ? lowest
      : null;
  return {
    piecewise: pw,
    derivativePieces,
    breakpoints,
    continuous: allTrue(breakpoints.map((b) => b.continuous)),
    differentiable: allTrue(breakpoints.map((b) => b.differentiable)),
    smoothness,
  };
}
