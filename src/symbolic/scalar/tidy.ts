/**
 * Rewrites that turn a chain-rule derivative into what a person writes:
 * 2·σ(t)·H(t) → 2σ(t), t·H(t) → σ(t), |u|^k·sign(u) → |u|^{k−1}·u.
 * Each is an identity at every t (checked at u = 0 too), so no kink value is
 * smuggled in; the gradient is verified against the case analysis anyway.
 */
import * as Q from '../exact/rational.js';
import { call, keyOf } from './expr.js';
import type { Scalar } from './expr.js';
import { mulS, negS, powS, rebuild } from './build.js';

type Call = Extract<Scalar, { kind: 'call' }>;

const isCall = (s: Scalar, fn: string): s is Call => s.kind === 'call' && s.fn === fn;

/** u = c·w with a positive constant c: the switching functions see only w. */
function normaliseCall(s: Call): Scalar {
  const [u] = s.args;
  if (!u || s.args.length !== 1 || u.kind !== 'mul') return s;
  const [c, ...rest] = u.factors;
  if (c?.kind !== 'const') return s;
  const w = rest.length === 1 ? rest[0]! : mulS(...rest);
  const positive = Q.sign(c.value) > 0;
  switch (s.fn) {
    case 'heaviside':
      return call('heaviside', positive ? w : negS(w));
    case 'sign':
      return positive ? call('sign', w) : negS(call('sign', w));
    case 'relu':
      return positive ? mulS(c, call('relu', w)) : s;
    default:
      return s;
  }
}

function tidyProduct(factors: readonly Scalar[]): Scalar {
  let fs = [...factors];
  const keyed = (s: Scalar): string => keyOf(s);
  for (;;) {
    const changed = rewriteOnce(fs, keyed);
    if (!changed) break;
    fs = changed;
  }
  return mulS(...fs);
}

/** One rewrite among the factors, or undefined when none applies. */
function rewriteOnce(fs: Scalar[], key: (s: Scalar) => string): Scalar[] | undefined {
  for (let i = 0; i < fs.length; i++) {
    const f = fs[i]!;
    if (!isCall(f, 'heaviside') && !isCall(f, 'sign')) continue;
    const u = f.args[0]!;
    const uKey = key(u);
    for (let j = 0; j < fs.length; j++) {
      if (i === j) continue;
      const g = fs[j]!;
      const [base, k] = g.kind === 'pow' ? [g.base, g.exponent] : [g, Q.ONE];
      if (Q.sign(k) <= 0) continue;
      const without = fs.filter((_, x) => x !== i && x !== j);
      if (f.fn === 'heaviside') {
        if (isCall(base, 'relu') && key(base.args[0]!) === uKey) return [...without, g]; // σ(u)^k·H(u) = σ(u)^k
        if (key(base) === uKey) return [...without, powS(call('relu', u), k)]; // u^k·H(u) = σ(u)^k
      } else {
        if (isCall(base, 'abs') && key(base.args[0]!) === uKey && Q.compare(k, Q.ONE) >= 0)
          return [...without, powS(base, Q.sub(k, Q.ONE)), u]; // |u|^k·sign(u) = |u|^{k−1}·u
        if (key(base) === uKey && Q.isOne(k)) return [...without, call('abs', u)]; // u·sign(u) = |u|
      }
    }
  }
  return undefined;
}

export function tidy(s: Scalar): Scalar {
  if (s.kind === 'mul') return tidyProduct(s.factors.map(tidy));
  if (s.kind === 'call') return normaliseCall({ ...s, args: s.args.map(tidy) });
  return rebuild(s, tidy);
}
