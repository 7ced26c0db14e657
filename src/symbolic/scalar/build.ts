/**
 * Smart constructors: flatten, fold constants, drop 0 and 1, collect equal
 * terms and factors. They keep expressions readable (what users see printed);
 * exact decisions are made on the canonical form in exact/poly.ts, not here.
 */
import * as Q from '../exact/rational.js';
import type { Rational } from '../exact/rational.js';
import { call, dependsOnT, int, keyOf, num } from './expr.js';
import type { PrimitiveName } from '../primitives/registry.js';
import type { Scalar } from './expr.js';

const constValue = (s: Scalar): Rational | undefined => (s.kind === 'const' ? s.value : undefined);

/**
 * Defined for every real t (no log, no fractional or negative power of
 * something that depends on t). Only such a term may vanish from a sum or a
 * product: log(t) − log(t) and 0·log(t) are undefined for t ≤ 0, not 0.
 */
export function isTotal(s: Scalar): boolean {
  if (!dependsOnT(s)) return isDefinedConstant(s);
  switch (s.kind) {
    case 'const':
    case 'algebraic':
    case 'var':
      return true;
    case 'add':
      return s.terms.every(isTotal);
    case 'mul':
      return s.factors.every(isTotal);
    case 'pow':
      return Q.isInteger(s.exponent) && Q.sign(s.exponent) > 0 && isTotal(s.base);
    case 'call':
      return s.fn !== 'log' && s.args.every(isTotal);
  }
}

/**
 * A constant expression that has a real value, as far as its literal parts
 * show: 0 to a non-positive power, a negative number to a fractional power
 * and log of a non-positive number have none (0·(0·t)⁻¹ is undefined, not 0).
 */
function isDefinedConstant(s: Scalar): boolean {
  switch (s.kind) {
    case 'const':
    case 'algebraic':
    case 'var':
      return true;
    case 'add':
      return s.terms.every(isDefinedConstant);
    case 'mul':
      return s.factors.every(isDefinedConstant);
    case 'pow': {
      if (!isDefinedConstant(s.base)) return false;
      const b = constValue(s.base);
      if (b === undefined) return Q.isInteger(s.exponent) && Q.sign(s.exponent) > 0;
      if (Q.isZero(b)) return Q.sign(s.exponent) > 0;
      return Q.isInteger(s.exponent) || Q.sign(b) > 0;
    }
    case 'call': {
      const a = s.args[0] && constValue(s.args[0]);
      return s.args.every(isDefinedConstant) && (s.fn !== 'log' || (a !== undefined && Q.sign(a) > 0));
    }
  }
}

/** b^p·b^q = b^{p+q} keeps the domain only for integer exponents of one sign. */
const mergeable = (p: Rational, q: Rational): boolean =>
  Q.isInteger(p) && Q.isInteger(q) && (Q.sign(p) >= 0) === (Q.sign(q) >= 0);

/** Split c·x into (c, x). */
function coefficientOf(s: Scalar): [Rational, Scalar | undefined] {
  if (s.kind === 'const') return [s.value, undefined];
  if (s.kind === 'mul') {
    const c = constValue(s.factors[0]!);
    if (c !== undefined) {
      const rest = s.factors.slice(1);
      return [c, rest.length === 1 ? rest[0] : { kind: 'mul', factors: rest }];
    }
  }
  return [Q.ONE, s];
}

/** Like terms are equal up to the order of their factors: t·|u| and |u|·t combine (real products commute). */
const termKey = (s: Scalar): string => (s.kind === 'mul' ? `(* ${s.factors.map(keyOf).sort().join(' ')})` : keyOf(s));

export function addS(...terms: Scalar[]): Scalar {
  const flat = terms.flatMap((t) => (t.kind === 'add' ? t.terms : [t]));
  let constant = Q.ZERO;
  const collected = new Map<string, [Rational, Scalar]>();
  for (const term of flat) {
    const [c, rest] = coefficientOf(term);
    if (!rest) {
      constant = Q.add(constant, c);
      continue;
    }
    const key = termKey(rest);
    const prev = collected.get(key);
    collected.set(key, prev ? [Q.add(prev[0], c), prev[1]] : [c, rest]);
  }
  const out: Scalar[] = [];
  for (const [c, rest] of collected.values())
    if (!Q.isZero(c)) out.push(scaleS(c, rest));
    else if (!isTotal(rest)) out.push({ kind: 'mul', factors: [int(0), rest] });
  if (!Q.isZero(constant) || out.length === 0) out.push(num(constant));
  return out.length === 1 ? out[0]! : { kind: 'add', terms: out };
}

const scaleS = (c: Rational, s: Scalar): Scalar => mulS(num(c), s);

export function mulS(...factors: Scalar[]): Scalar {
  const flat = factors.flatMap((f) => (f.kind === 'mul' ? f.factors : [f]));
  let constant = Q.ONE;
  const powers: [string, Scalar, Rational][] = [];
  for (const f of flat) {
    if (f.kind === 'const') {
      constant = Q.mul(constant, f.value);
      continue;
    }
    const [base, e] = f.kind === 'pow' ? [f.base, f.exponent] : [f, Q.ONE];
    const key = keyOf(base);
    const prev = powers.find(([k, , p]) => k === key && mergeable(p, e));
    if (prev) prev[2] = Q.add(prev[2], e);
    else powers.push([key, base, e]);
  }
  if (Q.isZero(constant) && flat.every(isTotal)) return int(0);
  if (Q.isZero(constant)) return { kind: 'mul', factors: [int(0), ...flat.filter((f) => f.kind !== 'const')] };
  const out: Scalar[] = [];
  for (const [, base, e] of powers) {
    const p = powS(base, e);
    if (p.kind === 'const') constant = Q.mul(constant, p.value);
    else out.push(p);
  }
  if (!Q.isOne(constant) || out.length === 0) out.unshift(num(constant));
  return out.length === 1 ? out[0]! : { kind: 'mul', factors: out };
}

export function powS(base: Scalar, exponent: Rational): Scalar {
  if (Q.isZero(exponent)) return isTotal(base) ? int(1) : { kind: 'pow', base, exponent }; // √t^0 is undefined for t < 0
  if (Q.isOne(exponent)) return base;
  if (base.kind === 'const') {
    if (Q.isZero(base.value) && Q.sign(exponent) > 0) return int(0);
    if (Q.isInteger(exponent) && !(Q.isZero(base.value) && exponent.num < 0n))
      return num(Q.powInt(base.value, exponent.num));
    if (Q.isOne(base.value)) return int(1);
  }
  // (b^a)^e = b^{ae}, domain included, for integers a, e that are not both negative.
  if (base.kind === 'pow' && Q.isInteger(exponent) && Q.isInteger(base.exponent) && (Q.sign(base.exponent) > 0 || Q.sign(exponent) > 0))
    return powS(base.base, Q.mul(base.exponent, exponent));
  return { kind: 'pow', base, exponent };
}

export const negS = (s: Scalar): Scalar => (s.kind === 'add' ? addS(...s.terms.map(negS)) : mulS(int(-1), s));
export const subS = (a: Scalar, b: Scalar): Scalar => addS(a, negS(b));
export const divS = (a: Scalar, b: Scalar): Scalar => mulS(a, powS(b, Q.MINUS_ONE));

/** exp(0) = 1 and log(1) = 0; any other call is kept as written. */
export function callS(fn: PrimitiveName, ...args: Scalar[]): Scalar {
  const [a] = args;
  if (fn === 'exp' && a?.kind === 'const' && Q.isZero(a.value)) return int(1);
  if (fn === 'log' && a?.kind === 'const' && Q.isOne(a.value)) return int(0);
  return call(fn, ...args);
}

/** s with t replaced by r, rebuilt with the simplifying constructors. */
export function replaceT(s: Scalar, r: Scalar): Scalar {
  if (s.kind === 'var') return r;
  const out = rebuild(s, (x) => replaceT(x, r));
  // log(exp(u)) = u for every real u.
  const [arg] = out.kind === 'call' && out.fn === 'log' ? out.args : [];
  return arg?.kind === 'call' && arg.fn === 'exp' ? arg.args[0]! : out;
}

/** s with `f` applied to each child, rebuilt with the simplifying constructors. */
export function rebuild(s: Scalar, f: (child: Scalar) => Scalar): Scalar {
  switch (s.kind) {
    case 'const':
    case 'algebraic':
    case 'var':
      return s;
    case 'add':
      return addS(...s.terms.map(f));
    case 'mul':
      return mulS(...s.factors.map(f));
    case 'pow':
      return powS(f(s.base), s.exponent);
    case 'call':
      return callS(s.fn, ...s.args.map(f));
  }
}
