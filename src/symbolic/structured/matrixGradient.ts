/**
 * ∇f in matrix notation by reverse-mode matrix calculus over the parse tree
 * (issue 12): ‖σ(AX + B)‖_F² → 2Aᵀσ(AX + B), log Σ exp(X) → exp(X)/Σ exp(X).
 *
 * The adjoint of every node is a sum of terms coef · Π s_k^{p_k} · C: a
 * rational, powers of scalar expressions, and a matrix core C, itself an
 * entry-wise product of powers (the empty product is the all-ones matrix, so
 * ⊙𝟙 never appears). Rules, each an identity where it is applied:
 * - scalars commute with ·, ⊙ and transposes, so they are pulled to the front
 *   and their rationals multiplied (2·(½·…) = …);
 * - s^a · s^b = s^{a+b}, dropped at a + b = 0 (only negative powers cancel, and
 *   where the base is 0 the formula is not applied: `evaluate` checks the
 *   forward tree, not the simplified formula);
 * - σ(u)^a ⊙ H(u)^b = σ(u)^a for a, b > 0: equal at u > 0 (H = 1), both 0 at
 *   u < 0, and at u = 0 both sides are 0 because σ(0) = 0 whatever H(0) is;
 * - |u| ⊙ sign(u) = u everywhere (both sides 0 at u = 0);
 * - M·I = I·M = M, (Mᵀ)ᵀ = M, Iᵀ = I, 𝟙ᵀ = 𝟙, u − 0 = u.
 * The derivative of a kinked primitive (H(u) for σ, sign(u) for |·|) is the
 * derivative where f is differentiable through it; at a switch the formula is
 * not claimed, and `evaluate` returns null there.
 */
import { KinkproofError } from '../../diagnostics.js';
import * as Q from '../exact/rational.js';
import type { Rational } from '../exact/rational.js';
import type { ConstantMatrix } from '../shapes.js';
import type { Expr } from '../syntax/ast.js';
import { broadcastShape, constantRational, matrixShape, num, SCALAR_SHAPE, toMatrixExpr, transposeShape } from './matrixExpr.js';
import type { EntryFn, Factor, MExpr, MShape } from './matrixExpr.js';
import { constantValues, extremum, fill, finite, isMat, matFrom, matTo, PointEvaluator, some } from './matrixEval.js';
import type { Mat, Val } from './matrixEval.js';
import { keyOf, sumLatex, sumText } from './matrixPrint.js';

export interface MatrixGradient {
  /** ∇f in kinkproof's ASCII (mathjs syntax; `ones(m,n)`, `identity(n)` where the all-ones matrix or I remain). */
  readonly text: string;
  readonly latex: string;
  /** ∇f at X in doubles; null where the formula does not apply (a kink's switch is 0, a tie, outside a domain). */
  evaluate(X: number[][]): number[][] | null;
  /**
   * Whether the formula is a continuous function of X on all of R^{m×n}: no unit step, sign or
   * attaining entry (their value at a switch is a convention), no division by and no negative
   * power of a function of X. Only then does it give ∇f beyond where every term of f is
   * differentiable: f continuous with ∇f = G off finitely many surfaces and G continuous make
   * f C¹ with ∇f = G everywhere (integrate G along segments that cross the surfaces finitely often).
   */
  readonly continuous: boolean;
}

/** coef · Π scalars · (⊙ entries), of the given shape (the empty ⊙ is the all-ones matrix; a scalar term has none). */
interface Term {
  readonly coef: Rational;
  readonly scalars: readonly Factor[];
  readonly entries: readonly Factor[];
  readonly shape: MShape;
}
type Grad = readonly Term[];

// ---------------------------------------------------------------- building nodes, simplified

const ONE = Q.ONE;
const NO_CONSTANTS: ReadonlyMap<string, ConstantMatrix> = new Map();
const dep = (...xs: readonly MExpr[]): boolean => xs.some((x) => x.dep);

function mkTr(a: MExpr): MExpr {
  if (a.shape.kind === 'scalar') return a;
  if (a.k === 'tr') return a.a;
  if (a.k === 'eye') return a;
  if (a.k === 'ones') return { k: 'ones', shape: transposeShape(a.shape), dep: false };
  return { k: 'tr', a, shape: transposeShape(a.shape), dep: a.dep };
}

function mkMul(a: MExpr, b: MExpr): MExpr {
  if (b.k === 'eye') return a;
  if (a.k === 'eye') return b;
  const shape = a.shape.kind === 'matrix' && b.shape.kind === 'matrix' ? matrixShape(a.shape.rows, b.shape.cols) : broadcastShape([a.shape, b.shape]);
  return { k: 'bin', op: '*', a, b, shape, dep: dep(a, b) };
}

function mkSub(a: MExpr, b: MExpr): MExpr {
  if (b.k === 'num' && Q.isZero(b.q)) return a;
  if (a.k === 'num' && Q.isZero(a.q)) return { k: 'neg', a: b, shape: b.shape, dep: b.dep };
  return { k: 'bin', op: '-', a, b, shape: broadcastShape([a.shape, b.shape]), dep: dep(a, b) };
}

const mkApp = (f: EntryFn, args: readonly MExpr[]): MExpr => ({ k: 'app', f, args, shape: broadcastShape(args.map((x) => x.shape)), dep: dep(...args) });

/** The matrix an entry list stands for. */
function coreOf(entries: readonly Factor[], shape: MShape): MExpr {
  if (!entries.length) return { k: 'ones', shape, dep: false };
  if (entries.length === 1 && Q.isOne(entries[0]!.exp)) return entries[0]!.base;
  return { k: 'had', fs: entries, shape, dep: entries.some((f) => f.base.dep) };
}

const isApp = (e: MExpr, f: EntryFn): e is Extract<MExpr, { k: 'app' }> => e.k === 'app' && e.f === f && e.args.length === 1;
const argKey = (e: Extract<MExpr, { k: 'app' }>): string => keyOf(e.args[0]!);

/** list ⊙ base^exp (or · for scalars), with the rules in the header. */
function mulFactor(list: readonly Factor[], f: Factor): Factor[] {
  const out = [...list];
  const key = keyOf(f.base);
  const same = out.findIndex((g) => keyOf(g.base) === key);
  if (same >= 0) {
    const exp = Q.add(out[same]!.exp, f.exp);
    if (Q.isZero(exp)) out.splice(same, 1);
    else out[same] = { base: f.base, exp };
    return out;
  }
  const positive = Q.sign(f.exp) > 0;
  if (positive && f.base.k === 'app' && f.base.args.length === 1) {
    const u = argKey(f.base);
    const find = (name: EntryFn): number => out.findIndex((g) => Q.sign(g.exp) > 0 && isApp(g.base, name) && argKey(g.base) === u);
    // σ(u)^a ⊙ H(u)^b = σ(u)^a.
    if (f.base.f === 'heaviside' && find('relu') >= 0) return out;
    if (f.base.f === 'relu') {
      const h = find('heaviside');
      if (h >= 0) out.splice(h, 1);
    }
    // |u| ⊙ sign(u) = u.
    if (Q.isOne(f.exp) && (f.base.f === 'sign' || f.base.f === 'abs')) {
      const other = out.findIndex((g) => Q.isOne(g.exp) && isApp(g.base, f.base.k === 'app' && f.base.f === 'sign' ? 'abs' : 'sign') && argKey(g.base) === u);
      if (other >= 0) {
        out.splice(other, 1);
        return mulFactor(out, { base: f.base.args[0]!, exp: ONE });
      }
    }
  }
  out.push(f);
  return out;
}

// ---------------------------------------------------------------- operations on adjoints

const scaleQ = (g: Grad, q: Rational): Grad => (Q.isZero(q) ? [] : g.map((t) => ({ ...t, coef: Q.mul(t.coef, q) })));

/** g · s^exp for a scalar expression s (a rational constant folds into the coefficient). */
function scaleBy(g: Grad, s: MExpr, exp: Rational = ONE): Grad {
  // Only numbers fold (2·½ = 1); named constants keep their names.
  const q = s.dep ? null : constantRational(s, NO_CONSTANTS);
  if (q && Q.isInteger(exp) && !(Q.isZero(q) && Q.sign(exp) < 0)) {
    const k = exp.num;
    return scaleQ(g, k >= 0n ? Q.powInt(q, k) : Q.inv(Q.powInt(q, -k)));
  }
  return g.map((t) => ({ ...t, scalars: mulFactor(t.scalars, { base: s, exp }) }));
}

/** A scalar adjoint spread over a matrix of the given shape (the adjoint of sum: g·𝟙). */
const broadcast = (g: Grad, shape: MShape): Grad => (shape.kind === 'scalar' ? g : g.map((t) => (t.shape.kind === 'scalar' ? { ...t, shape } : t)));

/** g ⊙ base^exp: a scalar base scales, a matrix one joins the entries. */
function hadBy(g: Grad, base: MExpr, exp: Rational): Grad {
  if (base.shape.kind === 'scalar') return scaleBy(g, base, exp);
  return g.map((t) => ({ ...t, entries: mulFactor(t.entries, { base, exp }), shape: t.shape.kind === 'scalar' ? base.shape : t.shape }));
}

/** ⟨G, 𝟙⟩ per term: the adjoint of a scalar broadcast into a matrix. */
const collapse = (g: Grad): Grad =>
  g.map((t) => {
    if (t.shape.kind === 'scalar') return t;
    const s: MExpr = { k: 'reduce', f: 'sum', a: coreOf(t.entries, t.shape), shape: SCALAR_SHAPE, dep: t.entries.some((f) => f.base.dep) };
    return { coef: t.coef, scalars: mulFactor(t.scalars, { base: s, exp: ONE }), entries: [], shape: SCALAR_SHAPE };
  });

/** L·C per term. */
const leftMul = (g: Grad, L: MExpr): Grad =>
  g.map((t) => {
    const m = mkMul(L, coreOf(t.entries, t.shape));
    return { ...t, entries: [{ base: m, exp: ONE }], shape: m.shape };
  });

const rightMul = (g: Grad, R: MExpr): Grad =>
  g.map((t) => {
    const m = mkMul(coreOf(t.entries, t.shape), R);
    return { ...t, entries: [{ base: m, exp: ONE }], shape: m.shape };
  });

/** Cᵀ per term: (A ⊙ B)ᵀ = Aᵀ ⊙ Bᵀ. */
const transposeG = (g: Grad): Grad =>
  g.map((t) => ({ ...t, entries: t.entries.map((f) => ({ base: mkTr(f.base), exp: f.exp })), shape: transposeShape(t.shape) }));

// ---------------------------------------------------------------- reverse mode

class Backprop {
  readonly out: Term[] = [];
  constructor(private readonly constants: ReadonlyMap<string, ConstantMatrix>) {}

  /** The adjoint g of node e (of e's shape, or a scalar term broadcast) passed down to its operands. */
  run(e: MExpr, g: Grad): void {
    if (!e.dep || !g.length) return;
    switch (e.k) {
      case 'X':
        this.out.push(...broadcast(g, e.shape));
        return;
      case 'neg':
        return this.run(e.a, scaleQ(g, Q.MINUS_ONE));
      case 'tr':
        return this.run(e.a, transposeG(broadcast(g, e.shape)));
      case 'bin':
        return this.binary(e, g);
      case 'app':
        return this.app(e, g);
      case 'reduce':
        return this.reduce(e, g);
      default:
        throw new Error(`no adjoint rule for ${e.k}`);
    }
  }

  /** Entry-wise: g ⊙ coef ⊙ Π factors, then summed when the operand is a scalar broadcast into a matrix. */
  private entrywise(e: MExpr, operand: MExpr, g: Grad, factors: readonly Factor[], coef: Rational = ONE): void {
    if (!operand.dep) return;
    let h = scaleQ(broadcast(g, e.shape), coef);
    for (const f of factors) h = hadBy(h, f.base, f.exp);
    this.run(operand, operand.shape.kind === 'scalar' ? collapse(h) : h);
  }

  private binary(e: Extract<MExpr, { k: 'bin' }>, g: Grad): void {
    const { a, b } = e;
    switch (e.op) {
      case '+':
        this.entrywise(e, a, g, []);
        this.entrywise(e, b, g, []);
        return;
      case '-':
        this.entrywise(e, a, g, []);
        this.entrywise(e, b, g, [], Q.MINUS_ONE);
        return;
      case '.*':
        this.entrywise(e, a, g, [{ base: b, exp: ONE }]);
        this.entrywise(e, b, g, [{ base: a, exp: ONE }]);
        return;
      case './':
      case '/':
        this.entrywise(e, a, g, [{ base: b, exp: Q.MINUS_ONE }]);
        this.entrywise(e, b, g, [{ base: a, exp: ONE }, { base: b, exp: Q.rat(-2) }], Q.MINUS_ONE);
        return;
      case '^':
      case '.^': {
        const p = constantRational(b, this.constants);
        if (!p) throw new Error('the exponent must be a rational constant');
        if (Q.isZero(p)) return;
        if (a.k === 'reduce' && a.f === 'norm') {
          // d‖M‖^p = p‖M‖^{p−2} ⟨M, dM⟩: no division by ‖M‖ (2M for p = 2).
          let h = scaleQ(g, p);
          if (!Q.equals(p, Q.rat(2))) h = scaleBy(h, a, Q.sub(p, Q.rat(2)));
          this.run(a.a, hadBy(broadcast(h, a.a.shape), a.a, ONE));
          return;
        }
        const q = Q.sub(p, ONE);
        this.entrywise(e, a, g, Q.isZero(q) ? [] : [{ base: a, exp: q }], p);
        return;
      }
      case '*': {
        if (a.shape.kind === 'scalar' || b.shape.kind === 'scalar') {
          this.entrywise(e, a, g, [{ base: b, exp: ONE }]);
          this.entrywise(e, b, g, [{ base: a, exp: ONE }]);
          return;
        }
        if (a.dep) this.run(a, rightMul(broadcast(g, e.shape), mkTr(b)));
        if (b.dep) this.run(b, leftMul(broadcast(g, e.shape), mkTr(a)));
        return;
      }
    }
  }

  private app(e: Extract<MExpr, { k: 'app' }>, g: Grad): void {
    const [u, v] = e.args as [MExpr, MExpr | undefined];
    const f1 = (base: MExpr, exp: Rational = ONE): Factor => ({ base, exp });
    const square = (x: MExpr): MExpr => ({ k: 'bin', op: x.shape.kind === 'scalar' ? '^' : '.^', a: x, b: num(Q.rat(2)), shape: x.shape, dep: x.dep });
    switch (e.f) {
      case 'relu':
        return this.entrywise(e, u, g, [f1(mkApp('heaviside', [u]))]);
      case 'abs':
        return this.entrywise(e, u, g, [f1(mkApp('sign', [u]))]);
      case 'sign':
      case 'heaviside':
        return; // 0 wherever f is differentiable through them
      case 'exp':
        return this.entrywise(e, u, g, [f1(e)]);
      case 'log':
        return this.entrywise(e, u, g, [f1(u, Q.MINUS_ONE)]);
      case 'sin':
        return this.entrywise(e, u, g, [f1(mkApp('cos', [u]))]);
      case 'cos':
        return this.entrywise(e, u, g, [f1(mkApp('sin', [u]))], Q.MINUS_ONE);
      case 'tanh':
        return this.entrywise(e, u, g, [f1(mkSub(num(ONE), square(e)))]);
      case 'sigmoid':
        return this.entrywise(e, u, g, [f1(e), f1(mkSub(num(ONE), e))]);
      case 'softplus':
        return this.entrywise(e, u, g, [f1(mkApp('sigmoid', [u]))]);
      case 'sqrt':
        return this.entrywise(e, u, g, [f1(e, Q.MINUS_ONE)], Q.HALF);
      case 'max':
      case 'min': {
        // max(a, b): H(a − b) on a, H(b − a) on b; min(a, b): H(b − a) on a, H(a − b) on b.
        const weight = (x: MExpr, y: MExpr): MExpr => mkApp('heaviside', [e.f === 'max' ? mkSub(x, y) : mkSub(y, x)]);
        this.entrywise(e, u, g, [f1(weight(u, v!))]);
        this.entrywise(e, v!, g, [f1(weight(v!, u))]);
        return;
      }
    }
  }

  private reduce(e: Extract<MExpr, { k: 'reduce' }>, g: Grad): void {
    const a = e.a;
    const h = broadcast(g, a.shape);
    switch (e.f) {
      case 'sum':
        return this.run(a, h);
      case 'trace':
        return this.run(a, hadBy(h, { k: 'eye', shape: a.shape, dep: false }, ONE));
      case 'norm':
        return this.run(a, hadBy(scaleBy(h, e, Q.MINUS_ONE), a, ONE));
      case 'max':
      case 'min':
        return this.run(a, hadBy(h, { k: 'unit', f: e.f, a, shape: a.shape, dep: a.dep }, ONE));
    }
  }
}

/** Like terms (same scalars and entries, in any order) added. */
function combine(terms: readonly Term[]): Term[] {
  const byKey = new Map<string, Term>();
  const factorKeys = (fs: readonly Factor[]): string => fs.map((f) => `${keyOf(f.base)}^${Q.toText(f.exp)}`).sort().join(' ');
  for (const t of terms) {
    const key = `${factorKeys(t.scalars)}|${factorKeys(t.entries)}`;
    const old = byKey.get(key);
    byKey.set(key, old ? { ...old, coef: Q.add(old.coef, t.coef) } : t);
  }
  return [...byKey.values()].filter((t) => !Q.isZero(t.coef));
}

// ---------------------------------------------------------------- where the formula applies

/**
 * Every check on the forward tree at a point: false where a kinked primitive's
 * switch is 0, at a tie of max/min, at a zero norm or a non-unique extremum,
 * outside a domain, or where a value is not finite.
 */
function applies(e: MExpr, at: PointEvaluator, underPower = false): boolean {
  if (!e.dep) return true;
  const value = at.value(e);
  if (!finite(value)) return false;
  const zero = (v: Val): boolean => some(v, (x) => x === 0);
  switch (e.k) {
    case 'X':
      return true;
    case 'neg':
    case 'tr':
      return applies(e.a, at);
    case 'bin': {
      if (!applies(e.a, at, (e.op === '^' || e.op === '.^') && e.a.k === 'reduce' && e.a.f === 'norm' && powerAtLeastTwo(e.b)) || !applies(e.b, at)) return false;
      if ((e.op === '/' || e.op === './') && zero(at.value(e.b))) return false;
      if (e.op === '^' || e.op === '.^') {
        const p = at.value(e.b) as number;
        const base = at.value(e.a);
        if (Number.isInteger(p)) return !(p < 0 && zero(base));
        return !some(base, (x) => (p > 1 ? x < 0 : x <= 0));
      }
      return true;
    }
    case 'app': {
      if (!e.args.every((x) => applies(x, at))) return false;
      const [u, v] = e.args.map((x) => at.value(x));
      switch (e.f) {
        case 'relu':
        case 'abs':
        case 'sign':
        case 'heaviside':
          return !zero(u!);
        case 'max':
        case 'min':
          return !zero(zipSub(u!, v!));
        case 'log':
        case 'sqrt':
          return !some(u!, (x) => x <= 0);
        default:
          return true;
      }
    }
    case 'reduce': {
      if (!applies(e.a, at)) return false;
      const a = at.value(e.a);
      if (e.f === 'norm') return underPower || !zero(value);
      if ((e.f === 'max' || e.f === 'min') && isMat(a)) return extremum(a, e.f).unique;
      return true;
    }
    default:
      return true;
  }
}

function powerAtLeastTwo(b: MExpr): boolean {
  return b.k === 'num' && Q.compare(b.q, Q.rat(2)) >= 0;
}

function zipSub(a: Val, b: Val): Val {
  if (!isMat(a) && !isMat(b)) return a - b;
  const m = isMat(a) ? a : (b as Mat);
  const d = new Float64Array(m.d.length);
  for (let i = 0; i < d.length; i++) d[i] = (isMat(a) ? a.d[i]! : a) - (isMat(b) ? b.d[i]! : b);
  return { r: m.r, c: m.c, d };
}

// ---------------------------------------------------------------- the entry point

/**
 * ∇f for a scalar-valued f(X) given as a parsed expression (`source` is its
 * text, for error positions). Throws a KinkproofError on shape errors, a
 * matrix-valued f, or a construct without a rule (a non-constant exponent,
 * a norm other than 'fro').
 */
export function matrixGradient(expr: Expr, source: string, constants: ReadonlyMap<string, ConstantMatrix>): MatrixGradient {
  const f = toMatrixExpr(expr, source, constants);
  if (f.shape.kind !== 'scalar')
    throw new KinkproofError('input', 'f must be scalar-valued, got a matrix: reduce it with sum, trace or norm', expr.span, source);
  const bp = new Backprop(constants);
  bp.run(f, [{ coef: ONE, scalars: [], entries: [], shape: SCALAR_SHAPE }]);
  const terms = combine(bp.out);
  const printable = terms.map((t) => ({
    coef: t.coef,
    scalars: t.scalars,
    core: t.shape.kind === 'scalar' ? null : coreOf(t.entries, t.shape),
  }));
  const constantDims = (X: Mat): void => {
    // X's shape must agree with the dimensions the constants fix.
    const probe = toXShape(f);
    if (probe && ((typeof probe.rows === 'number' && probe.rows !== X.r) || (typeof probe.cols === 'number' && probe.cols !== X.c)))
      throw new Error(`X is ${X.r}x${X.c}, but the expression needs ${probe.rows}x${probe.cols}`);
  };
  let values: ReadonlyMap<string, Val> | undefined;
  return {
    text: sumText(printable),
    latex: sumLatex(printable),
    continuous: printable.every((t) => t.scalars.every(continuousFactor) && (t.core === null || continuousIn(t.core))),
    evaluate(rows: number[][]): number[][] | null {
      const X = matFrom(rows);
      constantDims(X);
      const at = new PointEvaluator(X, (values ??= constantValues(constants)));
      if (!applies(f, at)) return null;
      const G = fill(X.r, X.c, 0);
      for (let i = 0; i < printable.length; i++) {
        const t = printable[i]!;
        let c = Q.toNumber(t.coef);
        for (const s of t.scalars) c *= Math.pow(at.value(s.base) as number, Q.toNumber(s.exp));
        if (!t.core) return null; // a scalar term cannot be a gradient with respect to a matrix
        const v = at.value(t.core);
        if (isMat(v)) for (let k = 0; k < G.d.length; k++) G.d[k] += c * v.d[k]!;
        else for (let k = 0; k < G.d.length; k++) G.d[k] += c * v;
      }
      return finite(G) ? matTo(G) : null;
    },
  };
}

/** base^exp is continuous: a constant base, or a continuous one to a power that is not negative or that never vanishes. */
const continuousFactor = (f: Factor): boolean => !f.base.dep || ((Q.sign(f.exp) >= 0 || positive(f.base)) && continuousIn(f.base));

/** Is e > 0 for every X, by its form (exp(X)/sum(exp(X)) divides by such a sum)? */
function positive(e: MExpr): boolean {
  switch (e.k) {
    case 'num':
      return Q.sign(e.q) > 0;
    case 'app':
      return e.f === 'exp' || e.f === 'sigmoid' || e.f === 'softplus';
    case 'reduce':
      return e.f !== 'norm' && positive(e.a);
    case 'bin':
      if (e.op === '+') return (positive(e.a) && nonnegative(e.b)) || (nonnegative(e.a) && positive(e.b));
      if (e.op === '.*' || e.op === '/' || e.op === './') return positive(e.a) && positive(e.b);
      if (e.op === '^' || e.op === '.^') return positive(e.a);
      return false;
    default:
      return false;
  }
}

/** Is e ≥ 0 for every X, by its form? */
function nonnegative(e: MExpr): boolean {
  if (positive(e)) return true;
  switch (e.k) {
    case 'app':
      return e.f === 'relu' || e.f === 'abs';
    case 'reduce':
      return e.f === 'norm' || nonnegative(e.a);
    case 'bin':
      if (e.op === '+' || e.op === '.*') return nonnegative(e.a) && nonnegative(e.b);
      return (e.op === '^' || e.op === '.^') && e.b.k === 'num' && e.b.q.den === 1n && e.b.q.num % 2n === 0n;
    default:
      return false;
  }
}

/** Is a formula continuous in X everywhere (MatrixGradient.continuous)? */
function continuousIn(e: MExpr): boolean {
  if (!e.dep) return true;
  switch (e.k) {
    case 'neg':
    case 'tr':
    case 'reduce':
      return continuousIn(e.a);
    case 'unit':
      return false;
    case 'had':
      return e.fs.every(continuousFactor);
    case 'app':
      return e.f !== 'heaviside' && e.f !== 'sign' && e.args.every(continuousIn);
    case 'bin':
      if ((e.op === '/' || e.op === './') && e.b.dep) return positive(e.b) && continuousIn(e.a) && continuousIn(e.b);
      if (e.op === '^' || e.op === '.^') {
        // c^g(X) is continuous with g; g(X)^p only for a known p ≥ 0.
        if (!e.a.dep) return continuousIn(e.b);
        return e.b.k === 'num' && (Q.sign(e.b.q) >= 0 || positive(e.a)) && continuousIn(e.a);
      }
      return continuousIn(e.a) && continuousIn(e.b);
    default:
      return true;
  }
}

/** The shape of X as the tree fixed it (numbers where constants fixed them). */
function toXShape(e: MExpr): { rows: number | string; cols: number | string } | null {
  if (e.k === 'X') return e.shape.kind === 'matrix' ? { rows: e.shape.rows, cols: e.shape.cols } : null;
  const kids: MExpr[] =
    e.k === 'neg' || e.k === 'tr' || e.k === 'reduce' || e.k === 'unit' ? [e.a] : e.k === 'bin' ? [e.a, e.b] : e.k === 'app' ? [...e.args] : [];
  for (const k of kids) {
    const s = toXShape(k);
    if (s) return s;
  }
  return null;
}
