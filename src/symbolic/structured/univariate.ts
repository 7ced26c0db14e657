/**
 * The one-variable functions of a model (ridge functions ψ_d, outer functions
 * h, norm and max components), each analysed once by the separable machinery
 * (piecewise form, exact one-sided limits, convexity), and their local
 * behaviour at an exact number: a value and either a derivative or the two
 * one-sided slopes.
 */
import * as Q from '../exact/rational.js';
import type { Rational } from '../exact/rational.js';
import * as P from '../exact/poly.js';
import type { Poly } from '../exact/poly.js';
import { analyticAt, approximate, diff, signOfConstant, substitute } from '../exact/calculus.js';
import type { Scalar } from '../scalar/expr.js';
import { call, keyOf, VAR } from '../scalar/expr.js';
import { definedAt, OutsideDomain, toPiecewise } from '../piecewise.js';
import { exactText, printText } from '../scalar/print.js';
import { NotElementary, toPoly } from '../scalar/toPoly.js';
import { addS, replaceT } from '../scalar/build.js';
import type { Cell } from './cells.js';
import { KinkproofError } from '../../diagnostics.js';
import { analyzeEntry } from '../analyze.js';
import type { EntryAnalysis } from '../analyze.js';
import { convexity } from '../convexity.js';
import type { Convexity } from '../convexity.js';
import { entryAtConstant } from '../pointwise.js';
import { primitives } from '../primitives/registry.js';
import type { KinkedSpec } from '../primitives/spec.js';

export interface Univariate {
  readonly phi: Scalar;
  readonly entry: EntryAnalysis;
  readonly convexity: Convexity;
  /** The breakpoints as doubles, and the period if any (for distances to kinks, which only steer numeric steps). */
  readonly breakpointsApprox: readonly number[];
  readonly periodApprox: number | null;
}

/** ψ near one exact number. */
export type Local =
  | { readonly kind: 'smooth'; readonly value: Poly; readonly slope: Poly }
  | { readonly kind: 'kink'; readonly value: Poly; readonly left: Poly; readonly right: Poly }
  /** Not differentiable and not Lipschitz near x (a jump or an infinite slope). */
  | { readonly kind: 'steep'; readonly value: Poly; readonly reason: string }
  | { readonly kind: 'unknown'; readonly value: Poly | null; readonly reason: string };

export class Univariates {
  private readonly cache = new Map<string, Univariate>();

  get size(): number {
    return this.cache.size;
  }

  /** An entry c + ψ(t) as one function of t (null for a constant entry). */
  withConstant(cell: Cell): Scalar | null {
    const atom = cell.atoms[0];
    return atom ? addS(cell.c, atom.phi) : null;
  }

  of(phi: Scalar): Univariate {
    const key = keyOf(phi);
    let u = this.cache.get(key);
    if (!u) {
      const entry = analyzeEntry(toPiecewise(phi));
      const { breakpoints, period } = entry.piecewise;
      u = { phi, entry, convexity: convexity(entry), breakpointsApprox: breakpoints.map((b) => approximate(b)), periodApprox: period ? approximate(period) : null };
      this.cache.set(key, u);
    }
    return u;
  }

  /** Set while ψ∘exp is being read: one substitution, never a tower of them. */
  private insideExp = false;

  /**
   * ψ near x > 0 read as ψ(e^u) near u = log x: e^u is an analytic bijection
   * onto (0, ∞), so ψ∘exp has a kink, a jump or an infinite slope exactly
   * where ψ does, and ψ′(x±) = (ψ∘exp)′(u±)/x (x > 0 keeps the order of sides).
   */
  private viaExp(phi: Scalar, x: Poly): Local {
    this.insideExp = true;
    let local: Local;
    try {
      local = this.at(replaceT(phi, call('exp', VAR)), P.log(x, { tPositive: true }));
    } finally {
      this.insideExp = false;
    }
    const scale = (p: Poly): Poly => P.mul(p, P.pow(x, Q.MINUS_ONE, { tPositive: true }));
    switch (local.kind) {
      case 'smooth':
        return { ...local, slope: scale(local.slope) };
      case 'kink':
        return { ...local, left: scale(local.left), right: scale(local.right) };
      default:
        return local;
    }
  }

  /** ψ's breakpoints as doubles where ψ (or ψ∘exp, read for x > 0) was analysed already; nothing is computed. */
  knownKinks(phi: Scalar): readonly number[] {
    const direct = this.peek(phi);
    if (direct) return direct.breakpointsApprox;
    return this.peek(replaceT(phi, call('exp', VAR)))?.breakpointsApprox.map(Math.exp) ?? [];
  }

  /** The analysis of ψ if it was made already (nothing is computed). */
  peek(phi: Scalar): Univariate | undefined {
    return this.cache.get(keyOf(phi));
  }

  /** ψ at x: from the rational shortcut where ψ is plainly elementary there, else from ψ's case analysis. */
  at(phi: Scalar, x: Poly): Local {
    const q = P.asRational(x) ?? (P.isZero(x) ? Q.ZERO : undefined);
    if (q) {
      const jet = rationalJet(phi, q);
      if (jet) return { kind: 'smooth', value: P.constant(jet.v), slope: P.constant(jet.d) };
    }
    return (hasKinkedCall(phi) ? undefined : elementaryAt(phi, x)) ?? this.fromAnalysis(phi, x);
  }

  private fromAnalysis(phi: Scalar, x: Poly): Local {
    const sign = signOfConstant(x);
    if (sign === undefined) return { kind: 'unknown', value: null, reason: 'the sign of an argument is not decided' };
    let a;
    try {
      a = entryAtConstant(this.of(phi).entry, x, { tPositive: sign > 0, tNegative: sign < 0 });
    } catch (e) {
      if (e instanceof P.Undefined) return { kind: 'unknown', value: null, reason: `outside the domain (${e.message})` };
      // ψ is not defined on all of ℝ (relu(log t)); at x > 0 it may still be read through t = e^u.
      if (e instanceof KinkproofError && e.kind === 'unsupported' && sign > 0 && !this.insideExp) return this.viaExp(phi, x);
      if (e instanceof OutsideDomain) throw outsideDomain(phi, x, e.what);
      throw e;
    }
    if (a.differentiable === true) return { kind: 'smooth', value: a.value, slope: a.derivative! };
    const b = a.breakpoint;
    if (a.differentiable === false && b && b.leftDerivative.kind === 'finite' && b.rightDerivative.kind === 'finite' && b.continuous === true)
      return { kind: 'kink', value: a.value, left: b.leftDerivative.value, right: b.rightDerivative.value };
    if (a.differentiable === false)
      return { kind: 'steep', value: a.value, reason: b?.continuous === false ? 'a ridge function jumps across a surface through this point' : 'a ridge function has an infinite one-sided slope on a surface through this point' };
    return { kind: 'unknown', value: a.value, reason: a.reason ?? 'not locally Lipschitz here' };
  }
}

/**
 * ψ (a scalar function applied to a non-separable part of f) read at x, where
 * its case analysis fails because ψ is not defined for every real t: not "the
 * entry function", which a structured f does not have. Whether x itself lies
 * inside ψ's domain is not claimed: the reason names where ψ has no value.
 */
function outsideDomain(phi: Scalar, x: Poly, what: string): KinkproofError {
  return new KinkproofError(
    'unsupported',
    `psi(t) = ${printText(phi)}, a scalar function applied to a non-separable part of f, is not defined for every real t (${what}), and f reads it at t = ${exactText(x)} for some X; kinkproof does not analyse such a psi there yet`,
  );
}

interface Jet {
  readonly v: Rational;
  readonly d: Rational;
}

/**
 * Value and derivative of ψ at a rational x by forward differentiation, when
 * every operation stays rational and no switch of a kinked primitive is 0
 * (then ψ is elementary near x and its derivative is the derivative of the
 * active branches). Undefined otherwise: the case analysis decides.
 */
function rationalJet(s: Scalar, x: Rational): Jet | undefined {
  switch (s.kind) {
    case 'const':
      return { v: s.value, d: Q.ZERO };
    case 'var':
      return { v: x, d: Q.ONE };
    case 'add': {
      let v = Q.ZERO;
      let d = Q.ZERO;
      for (const t of s.terms) {
        const j = rationalJet(t, x);
        if (!j) return undefined;
        v = Q.add(v, j.v);
        d = Q.add(d, j.d);
      }
      return { v, d };
    }
    case 'mul': {
      let v = Q.ONE;
      let d = Q.ZERO;
      for (const f of s.factors) {
        const j = rationalJet(f, x);
        if (!j) return undefined;
        d = Q.add(Q.mul(d, j.v), Q.mul(v, j.d));
        v = Q.mul(v, j.v);
      }
      return { v, d };
    }
    case 'pow': {
      if (!Q.isInteger(s.exponent)) return undefined;
      const b = rationalJet(s.base, x);
      if (!b || (Q.isZero(b.v) && Q.sign(s.exponent) <= 0)) return undefined;
      const k = s.exponent.num;
      if (k === 0n) return { v: Q.ONE, d: Q.ZERO };
      return { v: Q.powInt(b.v, k), d: Q.mul(Q.mul(s.exponent, Q.powInt(b.v, k - 1n)), b.d) };
    }
    case 'call': {
      const spec = primitives[s.fn];
      if (!('split' in spec) || !spec.split) return undefined;
      const sw = rationalJet((spec as KinkedSpec).split.switchOf(s.args), x);
      if (!sw || Q.isZero(sw.v)) return undefined;
      return rationalJet((spec as KinkedSpec).split.branch(s.args, Q.sign(sw.v) as 1 | -1), x);
    }
  }
}

/** A constant expression (no t) as an exact constant; kinked primitives of constants (relu(0), max(1, 2)) through their piecewise form. */
export const constantPoly = (s: Scalar): Poly => (hasKinkedCall(s) ? toPiecewise(s).pieces[0]!.nf : toPoly(s, { tPositive: false }));

/** Does s apply a kinked primitive (relu, abs, max, …) anywhere? */
export const hasKinkedCall = (s: Scalar): boolean => {
  switch (s.kind) {
    case 'const':
    case 'algebraic':
    case 'var':
      return false;
    case 'add':
      return s.terms.some(hasKinkedCall);
    case 'mul':
      return s.factors.some(hasKinkedCall);
    case 'pow':
      return hasKinkedCall(s.base);
    case 'call':
      return 'split' in primitives[s.fn] || s.args.some(hasKinkedCall);
  }
};

/**
 * An elementary ψ (no kinked primitive) at x where it is analytic: its value
 * and derivative by substitution, with no need for ψ on all of ℝ (log(s) at
 * s = e + e² is analytic although log is not defined for s ≤ 0).
 */
function elementaryAt(phi: Scalar, x: Poly): Local | undefined {
  // An undecided sign (tanh(1) + tanh(-1)) only leaves out what the sign would let ψ's forms assume.
  const sign = signOfConstant(x) ?? 0;
  const ctx = { tPositive: sign > 0, tNegative: sign < 0 };
  // Canonical forms merge powers, (u^(-1/2))^2 = u^(-1), and so forget where the written ψ has no value.
  if (!definedAt(phi, x)) return undefined;
  try {
    const p = toPoly(phi, ctx);
    if (!analyticAt(p, x, ctx)) return undefined;
    return { kind: 'smooth', value: substitute(p, x, ctx), slope: substitute(diff(p), x, ctx) };
  } catch (e) {
    if (e instanceof P.Undefined || e instanceof NotElementary) return undefined;
    throw e;
  }
}

