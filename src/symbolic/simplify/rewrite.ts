/**
 * Shorter spellings a reader would write, proposed for display: powers of one
 * base merged (t·t^(−1/2) → √t, √t²·… → t), √(u²) → |u|, u/|u| → sign(u),
 * sign(u)·|u| → u, max(u, 0) → σ(u), min(u, 0) → −σ(−u), σ(2t − 2) → 2σ(t − 1).
 * Not every proposal is an identity on all of ℝ (√t·√t = t only for t ≥ 0,
 * u/|u| has no value at 0): a proposal is shown only once it is proved equal
 * to the form it replaces where that form is shown (./gradientForm.ts, ./pieces.ts).
 */
import * as Q from '../exact/rational.js';
import type { Rational } from '../exact/rational.js';
import { call, keyOf, num } from '../scalar/expr.js';
import type { Scalar } from '../scalar/expr.js';
import { addS, mulS, negS, powS, rebuild } from '../scalar/build.js';
import { tidy } from '../scalar/tidy.js';

interface Power {
  base: Scalar;
  exponent: Rational;
}

const isEven = (q: Rational): boolean => Q.isInteger(q) && q.num % 2n === 0n;
const isAbsOf = (s: Scalar, uKey: string): boolean => s.kind === 'call' && s.fn === 'abs' && keyOf(s.args[0]!) === uKey;

/** (u^a)^e: |u|^(ae) for an even a ((t²)^(1/2) = |t|), u^(ae) otherwise. */
function powerOfPower(u: Scalar, a: Rational, e: Rational): Scalar {
  const ae = Q.mul(a, e);
  if (isEven(a) && !isEven(ae)) return powS(call('abs', u), ae);
  return powS(u, ae);
}

/** t^k beside (−t)^a with a fractional: t^k = (−1)^k·(−t)^k, so the two merge. */
function alignSigns(parts: Power[]): Rational {
  let sign = Q.ONE;
  for (const p of parts) {
    if (!Q.isInteger(p.exponent)) continue;
    const negated = negS(p.base);
    const key = keyOf(negated);
    if (!parts.some((q) => q !== p && !Q.isInteger(q.exponent) && keyOf(q.base) === key)) continue;
    if (p.exponent.num % 2n !== 0n) sign = Q.neg(sign);
    p.base = negated;
  }
  return sign;
}

/** Exponents of one base added: b^p·b^q = b^(p+q). */
function mergeBases(parts: readonly Power[]): Power[] {
  const merged = new Map<string, Power>();
  for (const p of parts) {
    const key = keyOf(p.base);
    const prev = merged.get(key);
    if (prev) prev.exponent = Q.add(prev.exponent, p.exponent);
    else merged.set(key, { ...p });
  }
  return [...merged.values()];
}

/** u·|u|^q with q < 0: sign(u)·|u|^(q+1) (u/√(u²) = u/|u| = sign(u)). */
function signOfQuotient(parts: Power[]): void {
  for (const p of parts) {
    if (!Q.isOne(p.exponent)) continue;
    const uKey = keyOf(p.base);
    const abs = parts.find((q) => Q.sign(q.exponent) < 0 && isAbsOf(q.base, uKey));
    if (!abs) continue;
    abs.exponent = Q.add(abs.exponent, Q.ONE);
    p.base = call('sign', p.base);
  }
}

function product(factors: readonly Scalar[]): Scalar {
  let coefficient = Q.ONE;
  const parts: Power[] = [];
  for (const f of factors) {
    if (f.kind === 'const') coefficient = Q.mul(coefficient, f.value);
    else if (f.kind === 'pow') parts.push({ base: f.base, exponent: f.exponent });
    else parts.push({ base: f, exponent: Q.ONE });
  }
  coefficient = Q.mul(coefficient, alignSigns(parts));
  const merged = mergeBases(parts);
  signOfQuotient(merged);
  return mulS(num(coefficient), ...merged.map((p) => powS(p.base, p.exponent)));
}

/** The coefficient of u's first term: 2 for 2t − 2, −2 for −2t. */
function leadingCoefficient(u: Scalar): Rational {
  const first = u.kind === 'add' ? u.terms[0]! : u;
  const c = first.kind === 'mul' ? first.factors[0] : first;
  return c?.kind === 'const' && first.kind === 'mul' ? c.value : Q.ONE;
}

/** σ(u) = |c|·σ(u/|c|) with c the leading coefficient: σ(−2t) = 2σ(−t), σ(2t − 2) = 2σ(t − 1). */
function relu(u: Scalar): Scalar {
  const c = leadingCoefficient(u);
  const size = Q.sign(c) < 0 ? Q.neg(c) : c;
  if (Q.isZero(size) || Q.isOne(size)) return call('relu', u);
  const k = num(Q.div(Q.ONE, size));
  const inner = u.kind === 'add' ? addS(...u.terms.map((t) => mulS(k, t))) : mulS(k, u);
  return mulS(num(size), call('relu', inner));
}

/** The rules at the root of s, whose children are rewritten already. */
function atRoot(s: Scalar): Scalar {
  if (s.kind === 'mul') return product(s.factors);
  if (s.kind === 'pow' && s.base.kind === 'pow') return powerOfPower(s.base.base, s.base.exponent, s.exponent);
  if (s.kind !== 'call') return s;
  const [a, b] = s.args;
  const isZero = (x: Scalar | undefined): boolean => x?.kind === 'const' && Q.isZero(x.value);
  const other = isZero(b) ? a! : b!;
  if (s.fn === 'max' && (isZero(b) || isZero(a))) return relu(other);
  if (s.fn === 'min' && (isZero(b) || isZero(a))) return negS(relu(negS(other))); // min(u, 0) = −σ(−u)
  if (s.fn === 'relu') return relu(a!);
  return s;
}

const once = (s: Scalar): Scalar => atRoot(rebuild(s, once));

/** A shorter spelling of s, proposed (not proved); s itself when no rule applies. */
export function rewrite(s: Scalar): Scalar {
  let out = s;
  // Each round can expose a pattern for the next (√(t²)·t → |t|·t/… → sign); three rounds settle the shapes met in practice.
  for (let round = 0; round < 3; round++) {
    const next = tidy(once(out));
    if (keyOf(next) === keyOf(out)) break;
    out = next;
  }
  return out;
}
