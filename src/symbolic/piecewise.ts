/**
 * The piecewise normal form of an entry function: exact breakpoints
 * c₁ < … < c_k, an elementary piece on each open interval, and the value at
 * each breakpoint (SymPy's Piecewise._intervals, as plain data).
 */
import * as Q from './exact/rational.js';
import * as P from './exact/poly.js';
import type { Poly, PowerContext } from './exact/poly.js';
import { analyticAt, approximate, signOfConstant, substitute } from './exact/calculus.js';
import { primitives } from './primitives/registry.js';
import type { Side } from './primitives/spec.js';
import type { Scalar } from './scalar/expr.js';
import { keyOf, VAR } from './scalar/expr.js';
import { addS, callS, mulS, negS, powS, rebuild, replaceT } from './scalar/build.js';
import { NotElementary, toPoly } from './scalar/toPoly.js';
import { fromPoly } from './scalar/fromPoly.js';
import { compareExact, realZeros } from './solve.js';
import { KinkproofError } from '../diagnostics.js';
import { exactText } from './scalar/print.js';
import { differentiate } from './scalar/derivative.js';
import { periodicity } from './periodicity.js';
import { piTimes } from './primitives/pi.js';
import { reduceModulo } from './trigZeros.js';
import { attempt } from './attempt.js';

/** An elementary expression valid on one open interval, with its canonical form. */
export interface Piece {
  readonly display: Scalar;
  readonly nf: Poly;
}

/**
 * With a `period` P the function repeats (φ(t + P) = φ(t)) and the lists
 * describe one period: breakpoints c₁ < … < c_k in [0, P), each standing for
 * the family c_i + kP (k ∈ ℤ); pieces[0] lives on (c_k − P, c₁) and
 * pieces[k] on (c_k, c₁ + P), one interval of the same family.
 */
export interface Piecewise {
  readonly breakpoints: readonly Poly[];
  readonly pieces: readonly Piece[]; // breakpoints.length + 1 pieces
  readonly values: readonly Poly[]; // the function's value at each breakpoint
  readonly period?: Poly;
}

export const MAX_BREAKPOINTS = 200;

/** The function being split has no real value somewhere on R; `what` says where and why. */
export class OutsideDomain extends KinkproofError {
  constructor(readonly what: string) {
    super('unsupported', `the entry function is not defined on all of R: ${what}`);
  }
}

const domainError = (what: string): KinkproofError => new OutsideDomain(what);

/** What the canonical form may assume on the open interval (lower, upper): the sign of t, and of any polynomial without a zero there. */
export const contextFor = (lower: Poly | undefined, upper: Poly | undefined): PowerContext => ({
  tPositive: lower !== undefined && (signOfConstant(lower) ?? -1) >= 0,
  tNegative: upper !== undefined && (signOfConstant(upper) ?? 1) <= 0,
  signOn: (q) => signOnInterval(q, lower, upper),
});

/** The sign of q on (lower, upper), decided exactly: q has no zero inside, and its sign at one point. */
function signOnInterval(q: Poly, lower: Poly | undefined, upper: Poly | undefined): 1 | -1 | undefined {
  try {
    const inside = realZeros(q).some((z) => (!lower || compareExact(lower, z) < 0) && (!upper || compareExact(z, upper) < 0));
    if (inside) return undefined;
    const bounds = [lower, upper].filter((b): b is Poly => b !== undefined);
    const s = signOfConstant(substitute(q, samplePoint(bounds, lower ? 1 : 0), { tPositive: false }));
    return s === 1 || s === -1 ? s : undefined;
  } catch (e) {
    if (e instanceof KinkproofError || e instanceof P.Undefined) return undefined;
    throw e;
  }
}
/**
 * The canonical form of s(−u) for u in (−upper, −lower), when (lower, upper)
 * lies in t ≤ 0: there t·(−t)^(−1/2) and −(−t)^(1/2) are u·u^(−1/2) and
 * −u^(1/2) with u > 0, which the canonical form merges. Undefined when the
 * interval reaches t > 0 or s has no canonical form there.
 */
export function reflectedForm(s: Scalar, lower: Poly | undefined, upper: Poly | undefined): Poly | undefined {
  if (upper === undefined || (signOfConstant(upper) ?? 1) > 0) return undefined;
  return attempt(() => toPoly(replaceT(s, negS(VAR)), contextFor(P.neg(upper), lower && P.neg(lower))), undefined);
}

const pointContext = (c: Poly): PowerContext => ({
  tPositive: (signOfConstant(c) ?? -1) > 0,
  tNegative: (signOfConstant(c) ?? 1) < 0,
});

function makePiece(display: Scalar, lower: Poly | undefined, upper: Poly | undefined): Piece {
  try {
    // The canonical form is taken first: it is where 0·√t on t < 0 is found undefined.
    const nf = toPoly(display, contextFor(lower, upper));
    return { display: withoutZeroProducts(display), nf };
  } catch (e) {
    if (e instanceof P.Undefined) throw domainError(`${e.message} on an interval`);
    throw e;
  }
}

/**
 * The display with every product by 0 dropped. A piece's display is defined on
 * its whole open interval (else f is refused), so 0·log(1 + 400t²) is 0 there;
 * the smart constructors keep such products only to carry the domain, and
 * written out they differentiate to 0/0 (√(0·u)′ = 0·u′/(2√(0·u))).
 */
function withoutZeroProducts(s: Scalar): Scalar {
  const isZeroProduct = (x: Scalar): boolean => x.kind === 'mul' && x.factors.some((f) => f.kind === 'const' && Q.isZero(f.value));
  const clean = (x: Scalar): Scalar => {
    if (isZeroProduct(x)) return { kind: 'const', value: Q.ZERO };
    if (x.kind === 'add') {
      const kept = x.terms.filter((t) => !isZeroProduct(t));
      return kept.length === x.terms.length ? x : kept.length ? addS(...kept) : { kind: 'const', value: Q.ZERO };
    }
    return x;
  };
  return clean(rebuild(s, withoutZeroProducts));
}

/**
 * The ends of interval i of the breakpoints (undefined: unbounded). With a
 * period P the first and last intervals end at the neighbouring family
 * members c_k − P and c₁ + P.
 */
export function intervalBounds(bps: readonly Poly[], i: number, period?: Poly): { lo: Poly | undefined; hi: Poly | undefined } {
  const wrap = period !== undefined && bps.length > 0;
  const lo = bps[i - 1] ?? (wrap ? P.sub(bps[bps.length - 1]!, period) : undefined);
  const hi = bps[i] ?? (wrap ? P.add(bps[0]!, period) : undefined);
  return { lo, hi };
}

/** An exact point strictly inside interval i of the given breakpoints. */
export function samplePoint(bps: readonly Poly[], i: number, period?: Poly): Poly {
  const { lo, hi } = intervalBounds(bps, i, period);
  if ((lo && P.hasAlgebraic(lo)) || (hi && P.hasAlgebraic(hi))) return rationalBetween(lo, hi) ?? midpoint(lo, hi);
  return midpoint(lo, hi);
}

function midpoint(lo: Poly | undefined, hi: Poly | undefined): Poly {
  if (lo && hi) return P.scale(P.add(lo, hi), Q.HALF);
  if (lo) return P.add(lo, P.ONE);
  if (hi) return P.sub(hi, P.ONE);
  return P.ZERO;
}

/**
 * A short decimal strictly between lo and hi (either may be unbounded), when
 * one is found near the midpoint of their approximations: next to a root of
 * an octic, (α + β)/2 would make every value there a polynomial in two
 * algebraic numbers.
 */
function rationalBetween(lo: Poly | undefined, hi: Poly | undefined): Poly | undefined {
  const a = lo && approximate(lo);
  const b = hi && approximate(hi);
  const guess = a !== undefined && b !== undefined ? a / 2 + b / 2 : a !== undefined ? Math.floor(a) + 1 : b !== undefined ? Math.ceil(b) - 1 : 0;
  if (!Number.isFinite(guess)) return undefined;
  const inside = (c: Poly): boolean => (!lo || compareExact(lo, c) < 0) && (!hi || compareExact(c, hi) < 0);
  for (let digits = 0; digits <= 17; digits++) {
    const c = P.constant(Q.fromDecimal(guess.toFixed(digits)));
    if (inside(c)) return c;
  }
  return undefined;
}

/**
 * Where x lies: the index of the first breakpoint ≥ x (of x's residue in
 * [0, P) for a periodic pw) and whether x is on it, decided exactly.
 */
export function locate(pw: Piecewise, x: Poly): { i: number; onBreakpoint: boolean } {
  const at = pw.period ? reduceModulo(x, pw.period) : x;
  const bps = pw.breakpoints;
  let lo = 0;
  let hi = bps.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareExact(bps[mid]!, at) < 0) lo = mid + 1;
    else hi = mid;
  }
  return { i: lo, onBreakpoint: lo < bps.length && compareExact(bps[lo]!, at) === 0 };
}

export function valueAt(piece: Piece, c: Poly): Poly {
  try {
    return substitute(piece.nf, c, pointContext(c));
  } catch (e) {
    if (e instanceof P.Undefined) throw domainError(`${e.message} at t = ${exactText(c)}`);
    throw e;
  }
}

function signAt(piece: Piece, c: Poly): Side {
  const s = signOfConstant(valueAt(piece, c));
  if (s === undefined) throw new KinkproofError('unsupported', `cannot decide the sign of ${exactText(valueAt(piece, c))}`);
  return s;
}

export function union(lists: readonly (readonly Poly[])[]): Poly[] {
  const all = lists.flat();
  all.sort(compareExact);
  const out = all.filter((c, i) => i === 0 || compareExact(all[i - 1]!, c) !== 0);
  if (out.length > MAX_BREAKPOINTS)
    throw new KinkproofError('limit', `more than ${MAX_BREAKPOINTS} breakpoints`);
  return out;
}

/** pw restated on a finer set of breakpoints: the piece on each interval and the value at each point. */
export function refine(pw: Piecewise, bps: readonly Poly[]): { pieces: Piece[]; values: Poly[] } {
  const pieces: Piece[] = [];
  const values: Poly[] = [];
  let j = 0; // pw.pieces[j] covers the current interval
  for (let i = 0; i <= bps.length; i++) {
    pieces.push(pw.pieces[j]!);
    const c = bps[i];
    if (!c) break;
    const own = pw.breakpoints[j];
    if (own && compareExact(own, c) === 0) {
      values.push(pw.values[j]!);
      j++;
    } else values.push(valueAt(pw.pieces[j]!, c));
  }
  return { pieces, values };
}

/**
 * How the entry function is built: on all of ℝ, or (when it is periodic with
 * period P = qπ) over one period, every breakpoint a residue in [0, P).
 */
interface Mode {
  readonly period?: Poly;
}

const lies = (z: Poly, lo: Poly | undefined, hi: Poly | undefined): boolean =>
  (!lo || compareExact(lo, z) < 0) && (!hi || compareExact(z, hi) < 0);

/** Breakpoints where the sign of pw may change: its own plus the zeros inside each piece. */
function signChanges(pw: Piecewise, mode: Mode): Poly[] {
  const extra: Poly[] = [];
  const bps = pw.breakpoints;
  pw.pieces.forEach((piece, i) => {
    if (P.isZero(piece.nf) || !P.hasT(piece.nf)) return;
    const { lo, hi } = intervalBounds(bps, i, mode.period);
    const wraps = mode.period !== undefined && (i === 0 || i === bps.length);
    for (const z of realZeros(piece.nf, mode.period)) {
      // A residue z stands for z + kP: the wrapping interval holds it as z − P or z + P.
      const inside = lies(z, lo, hi) || (wraps && (lies(P.sub(z, mode.period!), lo, hi) || lies(P.add(z, mode.period!), lo, hi)));
      if (inside) extra.push(z);
    }
  });
  return union([bps, extra]);
}

const single = (display: Scalar): Piecewise => ({ breakpoints: [], pieces: [makePiece(display, undefined, undefined)], values: [] });

function combine(
  mode: Mode,
  children: readonly Piecewise[],
  extraBreakpoints: readonly Poly[],
  piece: (displays: Scalar[], i: number, bps: readonly Poly[]) => Scalar,
  value: (values: Poly[], c: Poly, i: number) => Poly,
): Piecewise {
  const bps = union([...children.map((c) => c.breakpoints), extraBreakpoints]);
  const parts = children.map((c) => refine(c, bps));
  const pieces = bps.concat([P.ZERO]).map((_, i) => {
    const { lo, hi } = intervalBounds(bps, i, mode.period);
    return makePiece(
      piece(
        parts.map((p) => p.pieces[i]!.display),
        i,
        bps,
      ),
      lo,
      hi,
    );
  });
  const values = bps.map((c, i) =>
    value(
      parts.map((p) => p.values[i]!),
      c,
      i,
    ),
  );
  const merged = mergeEqualNeighbours({ breakpoints: bps, pieces, values });
  return merged.breakpoints.length && mode.period ? { ...merged, period: mode.period } : merged;
}

/** Remove a breakpoint where both neighbours are the same expression and the value fits. */
function mergeEqualNeighbours(pw: Piecewise): Piecewise {
  const bps: Poly[] = [];
  const pieces: Piece[] = [pw.pieces[0]!];
  const values: Poly[] = [];
  pw.breakpoints.forEach((c, i) => {
    const left = pieces[pieces.length - 1]!;
    const right = pw.pieces[i + 1]!;
    // One canonical form on both sides covers c only where it is analytic at c.
    if (P.equals(left.nf, right.nf) && sameValue(left, c, pw.values[i]!) && analyticAt(left.nf, c, pointContext(c))) {
      // Each display is valid on its own side only ((2√(−t))⁴ vs (2√t)⁴), or not
      // at c (√(t⁴)); the canonical form is valid on both sides and at c.
      if (keyOf(left.display) !== keyOf(right.display) || !displayCovers(left.display, c))
        pieces[pieces.length - 1] = { display: fromPoly(left.nf), nf: left.nf };
      return;
    }
    bps.push(c);
    values.push(pw.values[i]!);
    pieces.push(right);
  });
  return { breakpoints: bps, pieces, values };
}

/**
 * The display and its derivative, as written, are defined at c: every power
 * with a fractional or negative exponent has a base that is positive (non-zero)
 * there, every log a positive argument. Canonical forms cannot tell: they
 * cancel √(t²)·t/√(t²) to t, but the written form is 0/0 at 0.
 */
function displayCovers(display: Scalar, c: Poly): boolean {
  return definedAt(display, c) && definedAt(differentiate(display), c);
}

/** s, as written, has a real value at the constant c (see hasValueWhere). */
export function definedAt(s: Scalar, c: Poly): boolean {
  return hasValueWhere(s, (x) => {
    try {
      return signOfConstant(substitute(toPoly(x, { tPositive: false }), c, pointContext(c)));
    } catch (e) {
      if (e instanceof P.Undefined || e instanceof NotElementary) return undefined;
      throw e;
    }
  });
}

/**
 * s has a real value wherever `signOf` gives the signs of its parts (at a
 * point, or on an interval where they have no zero): fractional powers of
 * positive bases, negative powers of non-zero ones, logs of positive numbers.
 */
export function hasValueWhere(s: Scalar, signOf: (x: Scalar) => -1 | 0 | 1 | undefined): boolean {
  const rec = (x: Scalar): boolean => hasValueWhere(x, signOf);
  switch (s.kind) {
    case 'const':
    case 'algebraic':
    case 'var':
      return true;
    case 'add':
      return s.terms.every(rec);
    case 'mul':
      return s.factors.every(rec);
    case 'pow': {
      if (!rec(s.base)) return false;
      if (Q.isInteger(s.exponent) && Q.sign(s.exponent) >= 0) return true;
      const sign = signOf(s.base);
      return Q.isInteger(s.exponent) ? sign === 1 || sign === -1 : sign === 1;
    }
    case 'call':
      return s.args.every(rec) && (s.fn !== 'log' || signOf(s.args[0]!) === 1);
  }
}

function sameValue(piece: Piece, c: Poly, value: Poly): boolean {
  try {
    return P.isZero(P.sub(substitute(piece.nf, c, pointContext(c)), value));
  } catch {
    return false;
  }
}


function evaluateOrFail<T>(what: () => T, c: Poly, label: string): T {
  try {
    return what();
  } catch (e) {
    if (e instanceof P.Undefined) throw domainError(`${label} has no real value at t = ${exactText(c)}`);
    throw e;
  }
}

/** Require a sign on every open interval (log: > 0, fractional power: ≥ 0). */
function requireSign(mode: Mode, pw: Piecewise, bps: readonly Poly[], ok: (s: Side) => boolean, label: string, hint = ''): void {
  const parts = refine(pw, bps);
  parts.pieces.forEach((piece, i) => {
    if (!ok(signAt(piece, samplePoint(bps, i, mode.period)))) {
      const bounds = intervalBounds(bps, i, mode.period);
      const lo = bounds.lo ? exactText(bounds.lo) : '-inf';
      const hi = bounds.hi ? exactText(bounds.hi) : 'inf';
      throw domainError(`${label} has no real value for t in (${lo}, ${hi})${hint}`);
    }
  });
}

/**
 * Why u^q (q not an integer) needs u ≥ 0: it is the principal power, as in
 * mathjs's pow (complex for u < 0), even when the denominator of q is odd;
 * the real odd root is sign(u)·|u|^q, which the message names.
 */
function fractionalPowerWords(q: Q.Rational): [label: string, hint: string] {
  const power = Q.toText(q);
  const hint = q.den % 2n === 1n ? `; for the real root of a negative u write sign(u).*abs(u).^(${power})` : '';
  return [`u^(${power}) for a negative u (the principal power, as mathjs's pow computes it)`, hint];
}

interface Builder {
  readonly mode: Mode;
  readonly cache: Map<string, Piecewise>;
}

/** Build the piecewise form of an entry function bottom-up (over one period when it is periodic). */
export function toPiecewise(s: Scalar): Piecewise {
  const p = periodicity(s);
  const mode: Mode = p.kind === 'periodic' ? { period: piTimes(p.periodInPi) } : {};
  return build(s, { mode, cache: new Map() });
}

/** Memoised on the expression: a switch such as max(a, b) → a − b re-reads a and b, which are already built. */
function build(s: Scalar, b: Builder): Piecewise {
  const key = keyOf(s);
  let pw = b.cache.get(key);
  if (!pw) b.cache.set(key, (pw = buildUncached(s, b)));
  return pw;
}

function buildUncached(s: Scalar, b: Builder): Piecewise {
  const rec = (x: Scalar): Piecewise => build(x, b);
  const { mode } = b;
  switch (s.kind) {
    case 'const':
    case 'algebraic':
    case 'var':
      return single(s);
    case 'add':
      return combine(mode, s.terms.map(rec), [], (d) => addS(...d), (v) => P.sum(v));
    case 'mul':
      return combine(mode, s.factors.map(rec), [], (d) => mulS(...d), (v) => P.product(v));
    case 'pow': {
      const base = rec(s.base);
      const singular = !Q.isInteger(s.exponent) || Q.sign(s.exponent) < 0;
      if (!singular) return combine(mode, [base], [], ([d]) => powS(d!, s.exponent), ([v]) => P.pow(v!, s.exponent));
      const bps = signChanges(base, mode);
      if (!Q.isInteger(s.exponent)) requireSign(mode, base, bps, (x) => x >= 0, ...fractionalPowerWords(s.exponent));
      return combine(
        mode,
        [base],
        bps,
        ([d]) => powS(d!, s.exponent),
        ([v], c) => evaluateOrFail(() => P.pow(v!, s.exponent, pointContext(c)), c, 'a power'),
      );
    }
    case 'call':
      return callPiecewise(s, rec, mode);
  }
}

function callPiecewise(s: Extract<Scalar, { kind: 'call' }>, rec: (x: Scalar) => Piecewise, mode: Mode): Piecewise {
  const spec = primitives[s.fn];
  const args = s.args.map(rec);
  if ('split' in spec && spec.split) {
    const { switchOf, branch } = spec.split;
    const sw = rec(switchOf(s.args));
    const bps = union([...args.map((a) => a.breakpoints), signChanges(sw, mode)]);
    const switchParts = refine(sw, bps);
    return combine(
      mode,
      args,
      bps,
      (d, i, all) => branch(d, signAt(switchParts.pieces[i]!, samplePoint(all, i, mode.period))),
      (v, c, i) => {
        const side = signOfConstant(switchParts.values[i]!);
        if (side === undefined) throw new KinkproofError('unsupported', `cannot decide the sign of a switch at ${exactText(c)}`);
        return toPoly(branch(v.map(fromPoly), side), pointContext(c));
      },
    );
  }
  if (spec.arity === 0) return single(s);
  const [arg] = args;
  const elementary = 'elementary' in spec ? spec.elementary : undefined;
  if (!arg || !elementary) throw new Error(`primitive ${s.fn} has neither split nor elementary rule`);
  const bps = spec.domain ? signChanges(arg, mode) : arg.breakpoints;
  if (spec.domain === 'positive') requireSign(mode, arg, bps, (x) => x > 0, `${s.fn} of a non-positive number`);
  return combine(
    mode,
    [arg],
    bps,
    ([d]) => callS(s.fn, d!),
    ([v], c) => evaluateOrFail(() => elementary(v!, pointContext(c)), c, `${s.fn}(...)`),
  );
}
