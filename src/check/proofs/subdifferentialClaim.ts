/**
 * `subdifferential at M: S`. For separable f, ∂f(M) is the product of the
 * per-entry sets: {φ′(x)} where φ is differentiable, and at a kink the interval
 * [min, max] of the one-sided derivatives (the convex subdifferential
 * [φ′₋, φ′₊] when φ is convex, Clarke's set otherwise). A jump or an infinite
 * one-sided derivative leaves f without one: S is then `none`.
 */
import { compareExact, P, signOfConstant } from '../../symbolic/index.js';
import type { Poly, Rational, SymbolicAnalysis } from '../../symbolic/index.js';
import { intervalText } from '../../analysisText.js';
import type { SetEntry } from './literal.js';
import { derivativeAt } from '../exact/pointValue.js';
import type { Finding } from './proofReport.js';

/** An entry's set; 'none' where there is none, null where undecided. */
type EntrySet = { readonly lo: Poly; readonly hi: Poly } | 'none' | null;

function entrySet(a: SymbolicAnalysis, x: Poly): EntrySet {
  const d = derivativeAt(a.entry, x);
  if (d) return { lo: d, hi: d };
  const b = a.entry.breakpoints.find((k) => compareExact(k.at, x) === 0);
  if (!b) return null;
  if (b.continuous === false) return 'none';
  const { leftDerivative: l, rightDerivative: r } = b;
  if (l.kind === 'infinite' || r.kind === 'infinite') return 'none';
  if (l.kind !== 'finite' || r.kind !== 'finite' || b.continuous !== true) return null;
  const order = signOfConstant(P.sub(l.value, r.value));
  if (order === undefined) return null;
  return order <= 0 ? { lo: l.value, hi: r.value } : { lo: r.value, hi: l.value };
}

const setText = (s: EntrySet): string => (s === null ? '?' : s === 'none' ? 'none' : (intervalText(s.lo, s.hi) ?? '?'));

const same = (p: Poly, q: Rational): boolean | null => {
  const s = signOfConstant(P.sub(p, P.constant(q)));
  return s === undefined ? null : s === 0;
};

const isInterval = (e: SetEntry): e is readonly [Rational, Rational] => Array.isArray(e);

function matches(actual: { lo: Poly; hi: Poly }, claimed: SetEntry): boolean | null {
  const [lo, hi] = isInterval(claimed) ? claimed : [claimed, claimed];
  const a = same(actual.lo, lo);
  const b = same(actual.hi, hi);
  return a === false || b === false ? false : a && b;
}

export function claimedSubdifferential(a: SymbolicAnalysis, at: Rational[][], claimed: SetEntry[][] | 'none'): Finding {
  const sets = at.map((row) => row.map((q) => entrySet(a, P.constant(q))));
  const flat = sets.flat();
  const actualText = `[${sets.map((r) => `[${r.map(setText).join(', ')}]`).join(', ')}]`;
  const none = flat.some((s) => s === 'none');
  if (claimed === 'none') {
    if (none) return { status: 'pass', note: 'exact', explanation: null };
    if (flat.some((s) => s === null)) return { status: 'unknown', note: 'undecided', explanation: `the subdifferential is ${actualText} (? undecided)` };
    return { status: 'fail', note: 'exact', explanation: `f has a subdifferential there: ${actualText}` };
  }
  if (none) return { status: 'fail', note: 'exact', explanation: `f has no subdifferential there (an entry sits at a jump or an infinite slope of phi): ${actualText}` };
  let undecided = false;
  for (const [i, row] of sets.entries())
    for (const [j, s] of row.entries()) {
      const ok = s && s !== 'none' ? matches(s, claimed[i]![j]!) : null;
      if (ok === false)
        return { status: 'fail', note: 'exact', explanation: `entry (${i + 1},${j + 1}) of the subdifferential is ${setText(s)}; it is ${actualText}` };
      if (ok === null) undecided = true;
    }
  return undecided
    ? { status: 'unknown', note: 'undecided', explanation: `the subdifferential is ${actualText} (? undecided)` }
    : { status: 'pass', note: 'exact', explanation: null };
}
