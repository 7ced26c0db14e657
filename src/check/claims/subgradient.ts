/**
 * Does a claimed gradient pick a subgradient at the kinks? For a locally
 * Lipschitz, piecewise C¹ φ the Clarke subdifferential at a kink c is
 * [min, max] of the one-sided derivatives (the convex subdifferential when φ
 * is convex), and for a separable f it is the product of those intervals; so
 * G(X) ∈ ∂f(X) at every X iff ψ(c) lies in that interval at every kink c.
 */
import { discontinuityOf, exactText, P, periodicity, piMultiple, Q, signOfConstant } from '../../symbolic/index.js';
import type { BreakpointAnalysis, EntryAnalysis, Poly, Scalar } from '../../symbolic/index.js';
import type { KinkRow } from '../result/checkResult.js';
import { DISCONTINUITY_VERB, intervalText, limitText } from '../../analysisText.js';

function between(v: Poly, a: Poly, b: Poly): boolean | null {
  const order = signOfConstant(P.sub(a, b));
  if (order === undefined) return null;
  const [lo, hi] = order <= 0 ? [a, b] : [b, a];
  const above = signOfConstant(P.sub(v, lo));
  const below = signOfConstant(P.sub(hi, v));
  if (above === undefined || below === undefined) return null;
  return above >= 0 && below >= 0;
}

function row(b: BreakpointAnalysis, at: Poly, value: (c: Poly) => Poly | null, noValue: string): KinkRow {
  let v: Poly | null;
  try {
    v = value(at);
  } catch {
    v = null;
  }
  const base = { at: exactText(at), claim: v && exactText(v), left: limitText(b.leftDerivative), right: limitText(b.rightDerivative) };
  const c = base.at;
  if (b.differentiable === null) return { ...base, selects: null, note: `whether f is differentiable at t = ${c} is undecided` };
  if (b.continuous === false) return { ...base, selects: false, note: `phi ${DISCONTINUITY_VERB[discontinuityOf(b) ?? 'undecided']} at t = ${c}, so f is not continuous there and has no subgradient` };
  const { leftDerivative: l, rightDerivative: r } = b;
  if (l.kind === 'infinite' || r.kind === 'infinite')
    return { ...base, selects: false, note: `a one-sided derivative at t = ${c} is infinite: f is not locally Lipschitz there and has no subgradient` };
  if (l.kind !== 'finite' || r.kind !== 'finite') return { ...base, selects: null, note: `the one-sided derivatives at t = ${c} are undecided` };
  if (!v) return { ...base, selects: null, note: noValue };
  const inside = between(v, l.value, r.value);
  if (inside === null) return { ...base, selects: null, note: `cannot decide whether ${base.claim} lies between ${base.left} and ${base.right}` };
  return inside
    ? { ...base, selects: true, note: null }
    : { ...base, selects: false, note: `the claim's value ${base.claim} at t = ${c} is outside ${intervalText(l.value, r.value)}` };
}

/** Copies of φ's period read at most: a claim repeating every 64 periods of φ is read at 64 members of each family. */
const MAX_COPIES = 64n;

/**
 * The members of a kink's family where the claim must be read. φ repeats with
 * period P; a claim repeating with period P_c is read over lcm(P, P_c), one
 * member per copy of P in it. A claim that does not repeat cannot be read at
 * finitely many members: the reason instead.
 */
function members(entry: EntryAnalysis, claim: Scalar | null): ((c: Poly) => Poly[]) | string {
  const { period } = entry.piecewise;
  if (!period || !claim) return (c) => [c];
  const own = periodicity(claim);
  if (own.kind === 'constant') return (c) => [c];
  const q = piMultiple(period);
  if (own.kind === 'aperiodic' || !q) return 'the claim does not repeat with the period of phi, so its values on the kink families were not checked';
  const lcm = Q.rat((q.num * own.periodInPi.num) / Q.gcd(q.num, own.periodInPi.num), Q.gcd(q.den, own.periodInPi.den));
  const copies = Q.div(lcm, q).num;
  if (copies > MAX_COPIES) return `the claim repeats only every ${copies} periods of phi; its values on the kink families were not checked`;
  return (c) => Array.from({ length: Number(copies) }, (_, k) => P.add(c, P.scale(period, Q.rat(k))));
}

/** One row per kink where φ is not (known to be) differentiable; for a periodic φ, per member of its family the claim can tell apart. */
export function kinkRows(entry: EntryAnalysis, claimValue: ((c: Poly) => Poly | null) | null, claim: Scalar | null = null): KinkRow[] {
  const at = members(entry, claim);
  return entry.breakpoints
    .filter((b) => b.differentiable !== true)
    .flatMap((b) =>
      !claimValue
        ? [row(b, b.at, () => null, 'the claim is not entry-wise; its values at the kinks were not checked')]
        : typeof at === 'string'
          ? [row(b, b.at, () => null, at)]
          : at(b.at).map((c) => row(b, c, claimValue, `the claim has no value at t = ${exactText(c)}`)),
    );
}

/** true at every kink, false if some kink fails, null without kinks or when undecided. */
export function selection(rows: readonly KinkRow[]): boolean | null {
  if (rows.length === 0) return null;
  if (rows.some((r) => r.selects === false)) return false;
  return rows.every((r) => r.selects === true) ? true : null;
}
