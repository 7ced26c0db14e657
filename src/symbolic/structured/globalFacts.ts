/**
 * Statements about f everywhere, each with its basis:
 * - the ridge part c + Σ_d ψ_d(⟨d, X⟩), d pairwise non-parallel, is
 *   continuous / differentiable / C^k exactly when every ψ_d is: near a point
 *   on one surface only, the other terms are smooth, and a kink of ψ_d cannot
 *   be cancelled by smooth terms; where surfaces cross, f′(X; ·) decides
 *   (pointAt.ts). It is convex when every ψ_d is, and not convex at a concave
 *   kink of one ψ_d (f′(X; D) + f′(X; −D) < 0 there);
 * - outer parts (h(s), norms, maxima): sufficient conditions by the chain rule
 *   and the composition rules of convex analysis (Grant, Boyd & Ye 2006), and
 *   exact counterexamples: a point where the exact decision says "not
 *   differentiable", or an exact violation of Jensen's inequality;
 * - anything else is `null` with the reason.
 */
import * as Q from '../exact/rational.js';
import type { Rational } from '../exact/rational.js';
import * as P from '../exact/poly.js';
import type { Poly } from '../exact/poly.js';
import { signOfConstant } from '../exact/calculus.js';
import { KinkproofError } from '../../diagnostics.js';
import type { Scalar } from '../scalar/expr.js';
import { isTotal, negS, powS } from '../scalar/build.js';
import { exactText, printText } from '../scalar/print.js';
import type { Cell } from './cells.js';
import { addCells, singleCell } from './cells.js';
import type { Model, Part } from './model.js';
import type { Claim, SurfaceJson } from './result.js';
import { PointEvaluator } from './pointAt.js';
import type { ExactPoint } from './pointAt.js';
import { constantPoly } from './univariate.js';
import type { Univariate, Univariates } from './univariate.js';
import { formAt, independent } from './directions.js';
import type { Direction } from './directions.js';
import { surfaceGroups } from './surfaces.js';
import { intervalBounds, samplePoint } from '../piecewise.js';
import { compareExact } from '../solve.js';
import { leastSign, leastSlopeSign } from './signs.js';

/** Distinct one-variable functions analysed for the global statements; past this, they are `null` with the reason. */
export const MAX_ANALYSED = 400;
/** Midpoints tried in the search for a violation of Jensen's inequality. */
const MAX_JENSEN = 60;

type Tri = boolean | null;
type Order = number | 'inf' | null;

export interface GlobalFacts {
  readonly surfaces: SurfaceJson[];
  readonly continuous: Claim<boolean>;
  readonly differentiable: Claim<boolean>;
  readonly smoothness: Claim<string>;
  readonly convex: Claim<boolean>;
  /** Whether f is locally Lipschitz near every point (false: a ridge function jumps or has an infinite slope; then there is no Clarke generalized gradient there). */
  readonly lipschitz: Claim<boolean>;
  /** The formulas behind the reasons, for reports to typeset: the point where f is not differentiable, the ridge function that is not convex. */
  readonly witnesses: Witnesses;
  /** Some ridge function has a kink with finite one-sided slopes (where sets of slopes exist), not only jumps or infinite slopes. */
  readonly finiteKinks: boolean;
  /** Kink surfaces of the ridge part and of the parts' entries, for the witness search. */
  readonly kinkAtoms: readonly { dir: Direction; at: Poly }[];
  /** f has more ridge functions than MAX_ANALYSED: no statement about all X was attempted. */
  readonly tooLarge: boolean;
}

/** A ridge function that is not convex, where, and how. */
export interface NotConvex {
  readonly phi: Scalar;
  readonly kind: 'concave kink' | 'infinite one-sided slope' | 'jump' | 'negative second derivative';
  readonly at: Poly;
}

export interface Witnesses {
  readonly notDifferentiableAt?: Rational[][];
  readonly notConvex?: NotConvex;
}

interface PartFacts {
  readonly continuous: Tri;
  readonly differentiable: Tri;
  /** The exact class when known; for a differentiable part possibly only a lower bound (`exactOrder` false). */
  readonly order: Order;
  readonly exactOrder: boolean;
  /** +1 convex, −1 concave, 0 affine, null unknown. */
  readonly curvature: 1 | -1 | 0 | null;
  readonly why: string;
}

const claim = <T>(value: T | null, basis: 'exact' | 'theorem' | null, reason: string): Claim<T> => ({ value, basis, reason });

const classText = (o: number | 'inf'): string => (o === 'inf' ? 'Cinf' : `C${o}`);

const minOrder = (a: Order, b: Order): Order => (a === null || b === null ? null : a === 'inf' ? b : b === 'inf' ? a : Math.min(a, b));

export class GlobalAnalysis {
  constructor(
    private readonly model: Model,
    private readonly univariates: Univariates,
  ) {}

  private analysed(phi: Scalar): Univariate | null {
    if (this.univariates.size >= MAX_ANALYSED) return null;
    try {
      return this.univariates.of(phi);
    } catch (e) {
      if (e instanceof KinkproofError && e.kind === 'unsupported') return null;
      throw e;
    }
  }

  facts(): GlobalFacts {
    const size = this.model.ridge.atoms.length + this.model.parts.reduce((n, p) => n + partSize(p), 0);
    if (size > MAX_ANALYSED) {
      const why = `f has ${size} ridge functions; statements about all X are made up to ${MAX_ANALYSED} (the answers at points are exact at any size)`;
      const none = <T>(): Claim<T> => claim<T>(null, null, why);
      return { surfaces: [], continuous: none(), differentiable: none(), smoothness: none(), convex: none(), lipschitz: none(), witnesses: {}, finiteKinks: true, kinkAtoms: [], tooLarge: true };
    }
    const ridge = this.ridgeFacts(this.model.ridge.atoms);
    const parts = this.model.parts.map((p) => this.partFacts(p));
    const all = [ridge.facts, ...parts];
    const kinkAtoms = [...ridge.kinks, ...this.model.parts.flatMap((p) => this.partKinks(p))];
    const continuous = all.every((f) => f.continuous === true)
      ? claim(true, 'theorem', 'every term is continuous')
      : ridge.facts.continuous === false && parts.length === 0
        ? claim(false, 'theorem', 'a ridge function jumps across its surface, and nothing else is there to cancel it')
        : claim<boolean>(null, null, 'continuity of a term is not decided');
    const witnessAt = this.searchNonDifferentiable(kinkAtoms);
    const witness = witnessAt && matrixText(witnessAt);
    const differentiable = all.every((f) => f.differentiable === true)
      ? claim(true, 'theorem', 'every term is differentiable everywhere (chain rule)')
      : parts.length === 0 && ridge.facts.differentiable === false
        ? claim(false, 'theorem', nonDifferentiableWhy(ridge.breaks))
        : all.filter((f) => f.differentiable === false).length === 1 && all.every((f) => f.differentiable !== null)
          ? claim(false, 'theorem', 'one term is not differentiable somewhere and every other term is differentiable everywhere')
        : witness
          ? claim(false, 'exact', `not differentiable at X = ${witness} (decided exactly there)`)
          : claim<boolean>(
              null,
              null,
              all.some((f) => f.differentiable === null)
                ? `whether ${all.find((f) => f.differentiable === null)!.why} is differentiable everywhere is not decided; --at decides each point exactly`
                : 'kinks of different terms may meet; --at decides each point exactly',
            );
    const convexity = this.convexity(all, kinkAtoms);
    return {
      // With outer parts present, a ridge kink may be cancelled by them (max(X) − σ(x₁ − x₂) = x₂): its class across is not stated.
      surfaces: parts.length === 0 ? ridge.surfaces : ridge.surfaces.filter((s) => s.smoothness === 'C0' || s.smoothness === 'discontinuous').map((s) => ({ ...s, smoothness: null })),
      continuous,
      differentiable,
      smoothness: this.smoothness(all, continuous.value, differentiable.value),
      convex: convexity.claim,
      witnesses: { ...(witnessAt && differentiable.basis === 'exact' ? { notDifferentiableAt: witnessAt } : {}), ...(convexity.witness ? { notConvex: convexity.witness } : {}) },
      lipschitz: this.lipschitz(ridge.breaks),
      finiteKinks: ridge.breaks.kink || this.model.parts.length > 0,
      kinkAtoms,
      tooLarge: false,
    };
  }

  // ── the ridge part ───────────────────────────────────────────────────

  private ridgeFacts(atoms: readonly { dir: Direction; phi: Scalar }[]): { facts: PartFacts; surfaces: SurfaceJson[]; kinks: { dir: Direction; at: Poly }[]; breaks: Breaks } {
    const us = atoms.map((a) => this.analysed(a.phi));
    if (us.some((u) => u === null)) {
      const why = this.univariates.size >= MAX_ANALYSED ? `more than ${MAX_ANALYSED} distinct entry functions` : 'an entry function is not analysable on all of R';
      return { facts: { continuous: null, differentiable: null, order: null, exactOrder: false, curvature: null, why }, surfaces: [], kinks: [], breaks: { ...NO_BREAKS, undecided: true } };
    }
    const analyses = us as Univariate[];
    const and = (xs: Tri[]): Tri => (xs.includes(false) ? false : xs.includes(null) ? null : true);
    const continuous = and(analyses.map((u) => u.entry.continuous));
    const differentiable = and(analyses.map((u) => u.entry.differentiable));
    const order = analyses.reduce<Order>((o, u) => minOrder(o, u.entry.smoothness), 'inf');
    const affine = analyses.every((u) => u.entry.piecewise.pieces.length === 1 && P.asRational(u.entry.derivativePieces[0]!.nf) !== undefined);
    const convexities = analyses.map((u) => u.convexity);
    const curvature: 1 | -1 | 0 | null = affine ? 0 : convexities.every((c) => c.convex === true) ? 1 : null;
    const kinks = atoms.flatMap((a, i) => analyses[i]!.entry.breakpoints.filter((b) => b.differentiable !== true).map((b) => ({ dir: a.dir, at: b.at })));
    const surfaces = surfaceGroups(this.model, atoms, analyses);
    return {
      facts: { continuous, differentiable, order, exactOrder: order !== null, curvature, why: 'ridge functions on pairwise non-parallel directions' },
      surfaces,
      kinks,
      breaks: analyses.map(breaksOf).reduce(joinBreaks, NO_BREAKS),
    };
  }

  /**
   * A jump or an infinite slope of one ridge function is not cancelled by the
   * others (non-parallel directions, smooth near that surface): f is not
   * locally Lipschitz there. With outer parts only the sufficient direction is stated.
   */
  private lipschitz(ridge: Breaks): Claim<boolean> {
    if ((ridge.jump || ridge.infinite) && this.model.parts.length === 0)
      return claim(false, 'theorem', ridge.jump ? 'a ridge function jumps across its surface' : 'a ridge function has an infinite one-sided slope on its surface');
    if (ridge.jump || ridge.infinite || ridge.undecided) return claim<boolean>(null, null, 'a ridge function jumps, has an infinite slope, or was not analysed');
    if (this.model.parts.every((p) => this.partLipschitz(p))) return claim(true, 'theorem', 'every ridge function and every outer function is continuous with finite one-sided slopes');
    return claim<boolean>(null, null, 'a part of f may jump or have an infinite slope');
  }

  /** Norms and maxima of locally Lipschitz entries, and Lipschitz outer functions of them, are locally Lipschitz. */
  private partLipschitz(part: Part): boolean {
    const fine = (phi: Scalar | null): boolean => {
      const u = phi && isTotal(phi) ? this.analysed(phi) : null;
      if (!u) return false;
      const b = breaksOf(u);
      return !b.jump && !b.infinite && !b.undecided;
    };
    switch (part.kind) {
      case 'compose':
        return fine(part.h) && part.inner.atoms.every((a) => fine(a.phi));
      case 'norm':
      case 'extremum':
        return part.components.every((c) => c.atoms.length === 0 || fine(this.univariates.withConstant(c)));
      case 'outer':
        return fine(part.h) && this.partLipschitz(part.inner);
    }
  }

  // ── outer parts ──────────────────────────────────────────────────────

  private partFacts(part: Part): PartFacts {
    const w = signOfConstant(constantPoly(part.weight));
    const facts = this.unweightedFacts(part);
    const c = facts.curvature;
    return { ...facts, curvature: c === null || w === undefined ? null : w >= 0 ? c : (-c as 1 | -1 | 0) };
  }

  private unweightedFacts(part: Part): PartFacts {
    switch (part.kind) {
      case 'compose':
        return this.composeFacts(part.h, part.inner);
      case 'norm':
        return this.normFacts(part.components);
      case 'extremum': {
        const comps = this.componentFacts(part.components);
        const shape: 1 | -1 | 0 | null = part.which === 'max' ? (comps.every((c) => c.convex) ? 1 : null) : comps.every((c) => c.concave) ? -1 : null;
        return { continuous: comps.every((c) => c.continuous) ? true : null, differentiable: null, order: null, exactOrder: false, curvature: shape, why: `a ${part.which} over entries` };
      }
      case 'outer': {
        const inner = this.partFacts(part.inner);
        const hu = isTotal(part.h) ? this.analysed(part.h) : null;
        return {
          continuous: hu?.entry.continuous === true && inner.continuous === true ? true : null,
          differentiable: null,
          order: null,
          exactOrder: false,
          curvature: hu ? this.outerCurvature(hu, inner.curvature, null) : null,
          why: 'an outer function of a norm or maximum',
        };
      }
    }
  }

  private componentFacts(cells: readonly Cell[]): { continuous: boolean; convex: boolean; concave: boolean; affine: boolean; nonnegative: boolean }[] {
    return cells.map((c) => {
      const whole = this.univariates.withConstant(c);
      if (!whole) return { continuous: true, convex: true, concave: true, affine: true, nonnegative: signOfConstant(constantPoly(c.c)) !== -1 };
      const u = this.analysed(whole);
      const neg = u && this.analysed(negS(whole));
      return {
        continuous: u?.entry.continuous === true,
        convex: u?.convexity.convex === true,
        concave: neg?.convexity.convex === true,
        affine: u !== null && isAffine(u),
        nonnegative: u !== null && nonnegative(u),
      };
    });
  }

  /**
   * ‖R‖_F: convex when every entry is affine, or convex and ≥ 0 (‖·‖ is
   * nondecreasing in each |r_k|). When an entry is a non-zero constant, R never
   * vanishes and ‖R‖ = √(Σ r_k²) is as smooth as Σ r_k² (√ is analytic on (0, ∞)).
   */
  private normFacts(components: readonly Cell[]): PartFacts {
    const comps = this.componentFacts(components);
    const curvature = comps.every((c) => c.affine || (c.convex && c.nonnegative)) ? 1 : null;
    const continuous = comps.every((c) => c.continuous) ? true : null;
    const neverZero = components.some((c) => c.atoms.length === 0 && signOfConstant(constantPoly(c.c)) !== 0);
    if (!neverZero) return { continuous, differentiable: null, order: null, exactOrder: false, curvature, why: 'a norm' };
    // Entries on one direction are added before deciding (σ(x)² + σ(−x)² = x²).
    const squares = this.ridgeFacts(addCells(...components.flatMap((c) => this.squaredAtoms(c)).map((a) => singleCell(a.dir, a.phi))).atoms).facts;
    return { continuous, differentiable: squares.differentiable, order: squares.differentiable ? squares.order : null, exactOrder: squares.exactOrder, curvature, why: 'a norm that never vanishes' };
  }

  private squaredAtoms(c: Cell): { dir: Direction; phi: Scalar }[] {
    const whole = this.univariates.withConstant(c);
    return whole && c.atoms[0] ? [{ dir: c.atoms[0].dir, phi: powS(whole, Q.rat(2)) }] : [];
  }

  private composeFacts(h: Scalar, inner: Cell): PartFacts {
    const s = this.ridgeFacts(inner.atoms).facts;
    const hu = isTotal(h) ? this.analysed(h) : null;
    if (!hu) {
      // h analytic on (0, ∞) and s > 0 everywhere: h∘s is as smooth as s where s is differentiable.
      const smooth = smoothOnPositives(h) && this.positiveInner(inner) && s.order === 'inf';
      return { continuous: smooth ? true : null, differentiable: smooth ? true : null, order: smooth ? 'inf' : null, exactOrder: smooth, curvature: this.logSumExp(h, inner), why: 'an outer function defined where the sum is positive' };
    }
    // s affine and not constant takes every real value along one direction: f is h read along it.
    if (s.curvature === 0 && inner.atoms.length > 0) {
      const neg = this.analysed(negS(h));
      const curvature = hu.convexity.convex === true ? (isAffine(hu) ? 0 : 1) : neg?.convexity.convex === true ? -1 : null;
      return { continuous: hu.entry.continuous, differentiable: hu.entry.differentiable, order: hu.entry.smoothness, exactOrder: hu.entry.smoothness !== null, curvature, why: 'a function of one linear form' };
    }
    const continuous = hu.entry.continuous === true && s.continuous === true ? true : null;
    const differentiable = hu.entry.differentiable === true && s.differentiable === true ? true : null;
    const order = differentiable ? (hu.entry.smoothness === 'inf' && s.order === 'inf' ? 'inf' : minOrder(hu.entry.smoothness, s.order)) : null;
    return { continuous, differentiable, order, exactOrder: order === 'inf', curvature: this.outerCurvature(hu, s.curvature, this.lowerBound(inner)), why: 'an outer function of a sum' };
  }

  /**
   * h∘T convex for T convex when h is convex and nondecreasing on T's range:
   * on all of ℝ (h′ ≥ 0 on every piece), or from a lower bound of T on (h′ is
   * nondecreasing, so h′₊(lower) ≥ 0 is enough); for T affine whenever h is
   * convex (Grant, Boyd & Ye 2006).
   */
  private outerCurvature(hu: Univariate, inner: 1 | -1 | 0 | null, lower: Poly | null): 1 | null {
    if (hu.convexity.convex !== true || inner === null || inner === -1) return null;
    if (inner === 0) return 1;
    const slope = leastSlopeSign(hu);
    if (slope !== null && slope >= 0) return 1;
    if (!lower) return null;
    const local = this.univariates.at(hu.phi, lower);
    const right = local.kind === 'smooth' ? local.slope : local.kind === 'kink' ? local.right : null;
    const sign = right && signOfConstant(right);
    return sign !== null && sign !== undefined && sign >= 0 ? 1 : null;
  }

  /** log(c + Σ_k a_k·exp(g_k)) with c ≥ 0, a_k > 0, g_k convex: convex (log-sum-exp is convex and nondecreasing; Boyd & Vandenberghe §3.1.5). */
  private logSumExp(h: Scalar, inner: Cell): 1 | null {
    if (!(h.kind === 'call' && h.fn === 'log' && h.args[0]!.kind === 'var')) return null;
    if (signOfConstant(constantPoly(inner.c)) === -1) return null;
    for (const a of inner.atoms) {
      const terms = a.phi.kind === 'add' ? a.phi.terms : [a.phi];
      for (const t of terms) {
        const [weight, e] = t.kind === 'mul' && t.factors.length === 2 && t.factors[0]!.kind === 'const' ? [t.factors[0]!.value, t.factors[1]!] : [Q.ONE, t];
        if (Q.sign(weight) <= 0 || e.kind !== 'call' || e.fn !== 'exp') return null;
        const g = this.analysed(e.args[0]!);
        if (g?.convexity.convex !== true) return null;
      }
    }
    return 1;
  }

  /** A lower bound of s = c + Σ ψ_d when every ψ_d ≥ 0: then s ≥ c. */
  private lowerBound(cell: Cell): Poly | null {
    for (const a of cell.atoms) {
      const u = this.analysed(a.phi);
      if (!u || !nonnegative(u)) return null;
    }
    return constantPoly(cell.c);
  }

  private positiveInner(cell: Cell): boolean {
    const c = signOfConstant(constantPoly(cell.c));
    if (c === undefined || c < 0) return false;
    let positive = c > 0;
    for (const a of cell.atoms) {
      const u = this.analysed(a.phi);
      if (!u || !nonnegative(u)) return false;
      positive ||= positiveEverywhere(u);
    }
    return positive;
  }

  private partKinks(part: Part): { dir: Direction; at: Poly }[] {
    if (part.kind === 'outer') return this.partKinks(part.inner);
    const cells = part.kind === 'compose' ? [part.inner] : part.components;
    const out: { dir: Direction; at: Poly }[] = [];
    for (const cell of cells)
      for (const a of cell.atoms) {
        const whole = part.kind === 'compose' ? a.phi : this.univariates.withConstant(cell);
        const u = whole && this.analysed(whole);
        if (!u) continue;
        // Kinks, and zeros where a norm's entries vanish: both are where an outer part may fail to be differentiable.
        for (const b of u.entry.breakpoints) out.push({ dir: a.dir, at: b.at });
        if (part.kind !== 'compose') for (const z of rationalZeros(u)) out.push({ dir: a.dir, at: z });
      }
    return out;
  }

  // ── witnesses ────────────────────────────────────────────────────────

  /** Candidate points: 0, constant matrices at kink values, and points projected onto a few kink surfaces. */
  candidates(kinkAtoms: readonly { dir: Direction; at: Poly }[]): Rational[][][] {
    const [m, n] = this.model.shape;
    const fill = (q: Rational): Rational[][] => Array.from({ length: m }, () => Array.from({ length: n }, () => q));
    const out: Rational[][][] = [fill(Q.ZERO), fill(Q.ONE), fill(Q.MINUS_ONE)];
    const seen = new Set<string>();
    for (const k of kinkAtoms.slice(0, 6)) {
      const c = P.asRational(k.at);
      if (!c || seen.has(`${k.dir.key}@${Q.toText(c)}`)) continue;
      seen.add(`${k.dir.key}@${Q.toText(c)}`);
      for (const base of [fill(Q.ZERO), this.pattern(1), this.pattern(2)]) out.push(this.project(base, k.dir, c));
    }
    const zero = this.normZero();
    if (zero) out.splice(1, 0, zero);
    return out;
  }

  /** A point where every entry of a norm vanishes, when each entry reads one entry of X and has a rational zero. */
  private normZero(): Rational[][] | null {
    const norm = this.model.parts.find((p) => p.kind === 'norm');
    if (!norm || norm.kind !== 'norm') return null;
    const [m, n] = this.model.shape;
    const X = Array.from({ length: m }, () => Array.from({ length: n }, () => Q.ZERO));
    for (const c of norm.components) {
      const atom = c.atoms[0];
      if (!atom) continue;
      const i = unitIndex(this.model.table.vectors[atom.dir.u]!);
      const j = unitIndex(this.model.table.vectors[atom.dir.w]!);
      const whole = this.univariates.withConstant(c);
      const u = whole && this.analysed(whole);
      const z = u && rationalZero(u);
      if (i < 0 || j < 0 || !z) return null;
      X[i]![j] = z;
    }
    return X;
  }

  /** A fixed rational pattern (no randomness: the same input gives the same claims). */
  private pattern(seed: number): Rational[][] {
    const [m, n] = this.model.shape;
    return Array.from({ length: m }, (_, i) => Array.from({ length: n }, (_, j) => Q.rat(((i * 7 + j * 3 + seed * 5) % 9) - 4, 2)));
  }

  /** X + α·d with ⟨d, X + α·d⟩ = c. */
  private project(X: Rational[][], dir: Direction, c: Rational): Rational[][] {
    const { table } = this.model;
    const u = table.vectors[dir.u]!;
    const w = table.vectors[dir.w]!;
    const norm2 = Q.mul(
      u.reduce((s, a) => Q.add(s, Q.mul(a, a)), Q.ZERO),
      w.reduce((s, b) => Q.add(s, Q.mul(b, b)), Q.ZERO),
    );
    const alpha = Q.div(Q.sub(c, formAt(table, dir, X)), norm2);
    return X.map((row, i) => row.map((x, j) => Q.add(x, Q.mul(alpha, Q.mul(u[i]!, w[j]!)))));
  }

  private searchNonDifferentiable(kinkAtoms: readonly { dir: Direction; at: Poly }[]): Rational[][] | null {
    for (const X of this.candidates(kinkAtoms)) {
      const r = this.tryPoint(X);
      if (r && r.decision.differentiable === false) return X;
    }
    return null;
  }

  private readonly evaluated = new Map<string, ExactPoint>();

  /** The exact answer at X, computed once per point (the witness search, Jensen's test and the probes share them). */
  pointAt(X: readonly (readonly Rational[])[]): ExactPoint {
    const key = X.map((r) => r.map(Q.toText).join(',')).join(';');
    let r = this.evaluated.get(key);
    if (!r) this.evaluated.set(key, (r = new PointEvaluator(this.model, this.univariates, X).evaluate()));
    return r;
  }

  private tryPoint(X: Rational[][]): ExactPoint | null {
    try {
      return this.pointAt(X);
    } catch (e) {
      if (e instanceof KinkproofError && e.kind === 'unsupported') return null;
      throw e;
    }
  }

  // ── class and convexity ──────────────────────────────────────────────

  private smoothness(all: readonly PartFacts[], continuous: Tri, differentiable: Tri): Claim<string> {
    if (continuous === false) return claim('discontinuous', 'theorem', 'f jumps across a surface');
    if (differentiable === false)
      return continuous === true ? claim('C0', 'theorem', 'continuous, and not differentiable somewhere') : claim<string>(null, null, 'continuity is not decided');
    if (differentiable !== true) return claim<string>(null, null, 'differentiability everywhere is not decided');
    const orders = all.map((f) => f.order);
    if (orders.includes(null)) return claim<string>(null, null, 'the class of a term is not decided');
    const order = orders.reduce<Order>(minOrder, 'inf');
    if (order === null) return claim<string>(null, null, 'the class of a term is not decided');
    if (order === 'inf') return claim('Cinf', 'theorem', 'every term is smooth');
    // The smallest class is exact when a single term has it and that term's class is exact.
    const at = all.filter((f) => f.order === order);
    if (at.length === 1 && at[0]!.exactOrder) return claim(classText(order), 'theorem', 'the least smooth term decides the class; the others are smoother');
    return claim<string>(null, null, `at least ${classText(order)}; terms of equal class might cancel`);
  }

  private convexity(all: readonly PartFacts[], kinkAtoms: readonly { dir: Direction; at: Poly }[]): { claim: Claim<boolean>; witness?: NotConvex } {
    if (all.every((f) => f.curvature === 1 || f.curvature === 0)) return { claim: claim(true, 'theorem', this.convexWhy()) };
    const ridgeOnly = this.model.parts.length === 0;
    if (ridgeOnly) {
      const concave = this.ridgeConcaveKink();
      if (concave) return { claim: claim(false, 'theorem', concave.why), witness: concave.witness };
    }
    const jensen = this.jensen(kinkAtoms);
    if (jensen) return { claim: claim(false, 'exact', jensen) };
    return { claim: claim<boolean>(null, null, 'no composition rule applies and no counterexample was found') };
  }

  /** Why f is convex: the ridge functions ψ_d are convex (after the terms on one surface are added), and the parts by the composition rules. */
  private convexWhy(): string {
    const combined = [...this.model.origins.values()].some((o) => o.length > 1);
    const ridge =
      this.model.ridge.atoms.length === 0
        ? ''
        : `every ridge function psi_d is convex${combined ? ' (the terms on one surface added first: a single term need not be convex)' : ''}, and a convex function of a linear form of X is convex`;
    const parts = this.model.parts.length === 0 ? '' : 'every outer part is convex by the composition rules (Grant, Boyd & Ye 2006)';
    const reasons = [ridge, parts].filter(Boolean);
    return reasons.length ? `${reasons.join('; ')}; a sum of convex functions is convex` : 'f does not depend on X, and a constant is convex';
  }

  /**
   * A concave kink or jump of one ψ_d: f′(X; D) + f′(X; −D) < 0 across that
   * surface, with the other terms smooth there. Negative curvature of one ψ_d
   * shows only when the directions are linearly independent (then f is
   * separable in new coordinates); otherwise other terms may make up for it.
   */
  private ridgeConcaveKink(): { why: string; witness: NotConvex } | null {
    const { atoms } = this.model.ridge;
    const [m, n] = this.model.shape;
    let separable: boolean | undefined;
    for (const a of atoms) {
      const w = this.analysed(a.phi)?.convexity.witness;
      if (!w) continue;
      if (w.kind !== 'curvature') {
        // A convex function on ℝ has finite one-sided slopes, nondecreasing.
        const kind = w.kind === 'discontinuity' ? 'jump' : w.left.kind === 'infinite' || w.right.kind === 'infinite' ? 'infinite one-sided slope' : 'concave kink';
        const why = `the ridge function ${printText(a.phi)} has a${kind.startsWith('i') ? 'n' : ''} ${kind} at ${exactText(w.at)}`;
        return { why, witness: { phi: a.phi, kind, at: w.at } };
      }
      separable ??= independent(this.model.table, atoms.map((x) => x.dir), m, n);
      if (separable)
        return {
          why: `the ridge function ${printText(a.phi)} has negative second derivative at ${exactText(w.at)}, on directions that are linearly independent`,
          witness: { phi: a.phi, kind: 'negative second derivative', at: w.at },
        };
    }
    return null;
  }

  /** f((X₁ + X₂)/2) > (f(X₁) + f(X₂))/2 exactly, for pairs of candidate points. */
  private jensen(kinkAtoms: readonly { dir: Direction; at: Poly }[]): string | null {
    const points = this.candidates(kinkAtoms).slice(0, 8);
    const [m, n] = this.model.shape;
    const e = (i: number, j: number, q: Rational): Rational[][] =>
      Array.from({ length: m }, (_, a) => Array.from({ length: n }, (_, b) => (a === i && b === j ? q : Q.ZERO)));
    // Probes along one entry (t·E₁₁ for t = ±1, ±3) and corners (−4 everywhere but one entry at 0).
    for (const t of [1, -1, 3, -3]) points.push(e(0, 0, Q.rat(t)));
    if (m * n >= 2) {
      const [i2, j2] = m > 1 ? [1, 0] : [0, 1];
      points.push(e(i2, j2, Q.ONE));
      const corner = (i: number, j: number): Rational[][] =>
        Array.from({ length: m }, (_, a) => Array.from({ length: n }, (_, b) => (a === i && b === j ? Q.ZERO : Q.rat(-4))));
      points.push(corner(0, 0), corner(i2, j2));
    }
    const value = (X: Rational[][]): Poly | null => this.tryPoint(X)?.value ?? null;
    const values = points.map(value);
    let tries = 0;
    for (let a = 0; a < points.length; a++)
      for (let b = a + 1; b < points.length && tries < MAX_JENSEN; b++, tries++) {
        const [fa, fb] = [values[a], values[b]];
        if (!fa || !fb) continue;
        const mid = points[a]!.map((row, i) => row.map((x, j) => Q.div(Q.add(x, points[b]![i]![j]!), Q.rat(2))));
        const fm = value(mid);
        if (!fm) continue;
        if (signOfConstant(P.sub(P.scale(fm, Q.rat(2)), P.add(fa, fb))) === 1)
          return `Jensen's inequality fails: f at the midpoint of ${matrixText(points[a]!)} and ${matrixText(points[b]!)} exceeds the mean of the values`;
      }
    return null;
  }
}

/** What the non-differentiable breakpoints of some ridge functions are. */
interface Breaks {
  readonly kink: boolean;
  readonly jump: boolean;
  readonly infinite: boolean;
  readonly undecided: boolean;
}

const NO_BREAKS: Breaks = { kink: false, jump: false, infinite: false, undecided: false };

const joinBreaks = (a: Breaks, b: Breaks): Breaks => ({ kink: a.kink || b.kink, jump: a.jump || b.jump, infinite: a.infinite || b.infinite, undecided: a.undecided || b.undecided });

function breaksOf(u: Univariate): Breaks {
  let out = NO_BREAKS;
  for (const b of u.entry.breakpoints) {
    if (b.differentiable === true) continue;
    const slopes = [b.leftDerivative.kind, b.rightDerivative.kind];
    out = joinBreaks(out, {
      jump: b.continuous === false,
      infinite: b.continuous !== false && slopes.includes('infinite'),
      kink: b.continuous === true && slopes.every((k) => k === 'finite'),
      undecided: b.continuous === null || (b.continuous === true && slopes.includes('unknown')),
    });
  }
  return out;
}

/** Why a ridge-only f is not differentiable everywhere, in the words of what its ridge functions do. */
function nonDifferentiableWhy(b: Breaks): string {
  if (b.kink) return 'a ridge function has a kink that no other term on its surface cancels';
  if (b.jump) return 'a ridge function jumps across its surface, so f is not even continuous there';
  return 'a ridge function has an infinite one-sided slope on its surface';
}

/** A candidate point in a reason: in full when small, else by its shape. */
const matrixText = (X: readonly (readonly Rational[])[]): string =>
  X.length * (X[0]?.length ?? 0) <= 16 ? `[${X.map((r) => `[${r.map(Q.toText).join(',')}]`).join(',')}]` : `a ${X.length}x${X[0]?.length ?? 0} point`;

const partSize = (p: Part): number => (p.kind === 'outer' ? partSize(p.inner) : p.kind === 'compose' ? p.inner.atoms.length : p.components.length);

const nonnegative = (u: Univariate): boolean => (leastSign(u) ?? -1) >= 0;

const isAffine = (u: Univariate): boolean => u.entry.piecewise.pieces.length === 1 && P.asRational(u.entry.derivativePieces[0]!.nf) !== undefined;


const positiveEverywhere = (u: Univariate): boolean => leastSign(u) === 1;

/** h is analytic on (0, ∞): every restricted operation (log, fractional or negative power) acts on t itself. */
function smoothOnPositives(h: Scalar): boolean {
  switch (h.kind) {
    case 'const':
    case 'algebraic':
    case 'var':
      return true;
    case 'add':
      return h.terms.every(smoothOnPositives);
    case 'mul':
      return h.factors.every(smoothOnPositives);
    case 'pow':
      return (Q.isInteger(h.exponent) && Q.sign(h.exponent) > 0) || h.base.kind === 'var' ? smoothOnPositives(h.base) : false;
    case 'call':
      return h.fn === 'log' ? h.args[0]!.kind === 'var' : ['exp', 'sin', 'cos', 'tanh', 'sigmoid', 'softplus'].includes(h.fn) && h.args.every(smoothOnPositives);
  }
}

/** The index k of a unit vector e_k, or −1. */
const unitIndex = (v: readonly Rational[]): number => {
  const nonzero = v.flatMap((x, k) => (Q.isZero(x) ? [] : [k]));
  return nonzero.length === 1 && Q.isOne(v[nonzero[0]!]!) ? nonzero[0]! : -1;
};

/** A rational zero of ψ: a breakpoint where ψ = 0, a point of a piece that is 0, or the root of an affine piece inside its interval. */
function rationalZero(u: Univariate): Rational | null {
  const { piecewise, breakpoints } = u.entry;
  for (const b of breakpoints) if (signOfConstant(b.value) === 0 && P.asRational(b.at)) return P.asRational(b.at)!;
  for (let i = 0; i < piecewise.pieces.length; i++) {
    const nf = piecewise.pieces[i]!.nf;
    const { lo, hi } = intervalBounds(piecewise.breakpoints, i, piecewise.period);
    const coeffs = P.coefficientsInT(nf);
    const candidate = P.isZero(nf)
      ? samplePoint(piecewise.breakpoints, i, piecewise.period)
      : coeffs?.length === 2 && P.asRational(coeffs[0]!) && P.asRational(coeffs[1]!)
        ? P.constant(Q.neg(Q.div(P.asRational(coeffs[0]!)!, P.asRational(coeffs[1]!)!)))
        : null;
    const q = candidate && P.asRational(candidate);
    if (q && (!lo || compareExact(lo, candidate!) < 0) && (!hi || compareExact(candidate!, hi) < 0)) return q;
  }
  return null;
}

/** Rational zeros of ψ among its breakpoints and constant-zero pieces' ends (where a norm's entry may vanish). */
function rationalZeros(u: Univariate): Poly[] {
  return u.entry.breakpoints.filter((b) => signOfConstant(b.value) === 0).map((b) => b.at);
}
