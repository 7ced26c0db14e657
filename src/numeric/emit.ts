/**
 * JavaScript source for an entry function φ (a `Scalar` tree): straight-line
 * statements with shared subexpressions computed once and t-independent
 * subtrees hoisted out of loops. The source is built only from the tree:
 * numbers become checked numeric literals, primitives contribute their
 * registry `kernel` snippet, everything else is fixed text.
 *
 * Semantics match the symbolic layer: x^(1/2) is Math.sqrt, x^(−1) is 1/x,
 * small integer powers are repeated products, other powers Math.pow, and each
 * primitive's kernel has the symbolic value at its switching points
 * (sign(0) = 0, heaviside(0) = ½).
 *
 * On request each value comes with a running error bound (Wilkinson's running
 * error analysis): the bound of a node is its children's bounds carried
 * through its local behaviour, plus u·|result| for its own rounding. The
 * carrying is first order where that is safe and exact where the first-order
 * term can vanish or blow up while the true error does not (a computed value
 * that cancelled to 0 but is not 0). Away from those points each rule is the
 * first-order one or larger, and none depends on the exact rounding errors of
 * the point itself: the bound at x stands for the whole difference stencil
 * around x (compile.ts). Then:
 * - products carry Σᵢ eᵢ·Π_{j<i}(|aⱼ| + eⱼ)·Π_{j>i}|aⱼ| (exact telescoping),
 *   powers aⁿ carry n·(|a| + e)ⁿ⁻¹·e (mean value theorem), so (0 ± e)² errs
 *   by e², not 0;
 * - relu passes e where the sign of its argument is uncertain (|a| ≤ e);
 *   sign and heaviside are flat where the sign of the argument is decided
 *   (|a| > e, or e = 0: an exact 0 stays decided) and may be off by their largest jump, 2, where it is not:
 *   exp(−t²) underflows to 0 for |t| > 27, and heaviside of it is ½, not 1
 *   (an argument that is exactly 0 on a whole interval, such as
 *   heaviside(log(1 + heaviside(t)²)) for t < 0, then gets the jump too:
 *   checks there say nothing, they do not fail);
 * - 1/a, log a and a^p with p < 0 are carried with |a| − e in place of |a|,
 *   and are unbounded (Infinity) once the argument's error reaches its size;
 *   a^p with 0 < p < 1 is bounded by (2e)^p there.
 * Every rounding that can underflow adds an absolute UNDERFLOW_FLOOR: in the
 * subnormal range u·|result| is not a bound.
 *
 * A non-finite value gets the bound 0 when it is what the formula really
 * gives at the exact input (a pole hit exactly, 1/0 or log 0, or operands
 * that are themselves exactly non-finite), and Infinity when it comes from
 * rounding: an overflow of finite operands, or operands not known well enough
 * (a NaN from √ of a value that only rounding made negative). So a
 * non-finite bound marks a value the numbers say nothing about, and a
 * non-finite value with a finite bound is a genuine property of the formula.
 */
import { dependsOnT, keyOf, primitives, Q } from '../symbolic/index.js';
import type { Rational, RoundingRule, Scalar } from '../symbolic/index.js';
import { KinkproofError } from '../diagnostics.js';
import { UNIT_ROUNDOFF } from './errorModel.js';

/** Integer powers up to this size are written as products. */
const MAX_PRODUCT_POWER = 8;

const NUMERIC_LITERAL = /^-?[0-9]+(\.[0-9]+)?(e[+-][0-9]+)?$/;

/** A constant beyond the doubles (10^400, exact in the symbolic layer): a limit of the numeric checks, not of the derivation. */
export const beyondDoubles = (): KinkproofError =>
  new KinkproofError('limit', 'the numeric checks compute in doubles, and a constant of this function is beyond them (above 1.8e308); --no-verify derives without them');

/** A finite double as JavaScript source that reads back as exactly the same double. */
export function literal(x: number): string {
  const text = Object.is(x, -0) ? '-0' : String(x);
  if (x === Infinity || x === -Infinity) throw beyondDoubles();
  if (!Number.isFinite(x) || !NUMERIC_LITERAL.test(text)) throw new RangeError(`not a finite number: ${text}`);
  return `(${text})`;
}

const U = literal(UNIT_ROUNDOFF);
/**
 * Absolute error allowed per rounding that can underflow. Below 2⁻¹⁰²² a
 * result errs by up to 2⁻¹⁰⁷⁵ whatever its size, so u·|result| is no bound
 * there; the floor is carried on like any other error (an underflow to 0 in
 * exp(2.5x)² is then divided by exp(x)² ≈ 10⁻¹³² and matters). 2⁻⁹⁶⁰ is far
 * more than 2⁻¹⁰⁷⁵ and far less than anything a check resolves, and being a
 * normal number it keeps the bound arithmetic out of the subnormal range,
 * whose microcode assists made a Gaussian-direction pass over relu(X)² twice
 * as slow.
 */
export const UNDERFLOW_FLOOR = 2 ** -960;
const abs = (v: string): string => `Math.abs(${v})`;
/** The largest jump of a primitive with slope 'zero' (sign: from −1 to 1). */
const SWITCH_JUMP = 2;

// Source builders that fold exact zeros: most error terms vanish when an input is exact.
const product = (...factors: string[]): string => (factors.includes('0') ? '0' : `(${factors.join(' * ')})`);
const sum = (...terms: string[]): string => {
  const kept = terms.filter((t) => t !== '0');
  return kept.length === 0 ? '0' : kept.length === 1 ? kept[0]! : `(${kept.join(' + ')})`;
};
/** The rounding of `count` operations whose results are at most `magnitude`. */
const roundings = (count: number, magnitude: string): string => (count > 0 ? product(U, String(count), magnitude) : '0');
/**
 * The rounding of `count` operations that can underflow (products, powers,
 * divisions, exp), with `operands` whose exact 0 makes the result exact (0·x,
 * 0ⁿ): UNDERFLOW_FLOOR more per rounding unless one of them is 0. The test is
 * arithmetic on comparisons, not a branch (the operand is 0 on half the
 * entries of relu(X)², at random).
 */
const underflowing = (count: number, magnitude: string, operands: readonly string[]): string => {
  if (count === 0) return '0';
  const tests = operands.filter((o) => !o.startsWith('(')).map((o) => `(${o} !== 0)`);
  const floor = literal(count * UNDERFLOW_FLOOR);
  return sum(roundings(count, magnitude), tests.length === 0 ? floor : `(${floor} * (${tests.join(' & ')}))`);
};
/** `x` to a small positive integer power, as a product. */
const repeated = (x: string, n: number): string => (n === 0 ? '1' : n === 1 ? x : `(${Array.from({ length: n }, () => x).join(' * ')})`);
/** `then` where the argument a (error e) is farther than its error from 0, else `otherwise`; `then` alone when e is exact. */
const awayFromZero = (a: Operand, then: string, otherwise: string): string =>
  a.e === '0' ? then : `(${abs(a.v)} > ${a.e} ? ${then} : ${otherwise})`;

/** A computed node: the name (or literal) of its value and of its error bound. */
export interface Operand {
  readonly v: string;
  readonly e: string;
}

/**
 * Error propagation through a primitive, from its registry `rounding` rule.
 * Only arithmetic, Math.abs and conditionals that almost always go the same
 * way: V8 compiles Math.sign, Math.max and Math.min with branches, which
 * mispredict on entries of random sign and make a pass twice as slow.
 */
function propagate(rule: RoundingRule, v: string, args: readonly Operand[]): string {
  const carried = args.map((a) => {
    if (a.e === '0') return '0';
    switch (rule.slope) {
      case 'one':
        return a.e;
      case 'passed': // v/|a|: 1 where the argument is passed through, 0 where flat; e where the side is uncertain
        return `(${abs(a.v)} > ${a.e} ? ${a.e} * ${v} / ${abs(a.v)} : ${a.e})`;
      case 'zero': // flat where the switch is decided; where the argument is within its error of 0, up to the jump
        return `(${abs(a.v)} > ${a.e} || ${a.e} === 0 ? 0 : ${literal(SWITCH_JUMP)})`;
      case 'value':
        return product(abs(v), a.e);
      case 'reciprocal': // |log(a ± e) − log a| ≤ e/(|a| − e)
        return `(${abs(a.v)} > ${a.e} ? ${a.e} / (${abs(a.v)} - ${a.e}) : Infinity)`;
    }
  });
  // Of the rounding primitives only exp (slope 'value') can underflow; log(1) = 0 is exact.
  return sum(...carried, rule.slope === 'value' ? underflowing(rule.rounds, abs(v), []) : roundings(rule.rounds, abs(v)));
}

function valueSource(s: Exclude<Scalar, { kind: 'const' | 'algebraic' | 'var' }>, ops: readonly Operand[]): string {
  switch (s.kind) {
    case 'add':
      return `(${ops.map((o) => o.v).join(' + ')})`;
    case 'mul':
      return `(${ops.map((o) => o.v).join(' * ')})`;
    case 'pow':
      return power(ops[0]!.v, s.exponent);
    case 'call':
      return `(${primitives[s.fn].kernel(ops[0]?.v ?? '0', ops[1]?.v ?? '0')})`;
  }
}

function power(base: string, e: Rational): string {
  if (Q.isInteger(e)) {
    const n = Number(e.num);
    if (n === 0) return '1';
    const k = Math.abs(n);
    const magnitude = k <= MAX_PRODUCT_POWER ? Array.from({ length: k }, () => base).join(' * ') : `Math.pow(${base}, ${k})`;
    return n > 0 ? `(${magnitude})` : `(1 / (${magnitude}))`;
  }
  if (Q.equals(e, Q.HALF)) return `Math.sqrt(${base})`;
  if (Q.equals(e, Q.neg(Q.HALF))) return `(1 / Math.sqrt(${base}))`;
  return `Math.pow(${base}, ${literal(Q.toNumber(e))})`;
}

/**
 * A bound that stays above 0 when an operand is inexact: first-order terms such
 * as 2·|a|·ε at a = 0 and products of two tiny errors underflow to 0, and a
 * bound of 0 would call exp(−1000)² exact (it is e^{−2000}, not 0), so that
 * sign(exp(−1000)²) looked decided at 0. UNDERFLOW_FLOOR keeps it inexact: it
 * is normal (the smallest subnormal did too, but every product with it took a
 * microcode assist, which made the bound of relu(t)² most of a fused pass over
 * relu(X)²: 140 ms of 2000×2000 against 60 ms), and like every other floor far
 * below anything a check resolves.
 */
const inexact = (bound: string, ops: readonly Operand[]): string => {
  const errors = ops.map((o) => o.e).filter((e) => e !== '0');
  return errors.length === 0 ? bound : `(${bound} + (${sum(...errors)} !== 0) * ${literal(UNDERFLOW_FLOOR)})`;
};

/** Error bound source of a node with finite value v computed from ops ('0' when the result is exact). */
function errorSource(s: Exclude<Scalar, { kind: 'const' | 'algebraic' | 'var' }>, ops: readonly Operand[], v: string): string {
  switch (s.kind) {
    case 'add':
      return sum(...ops.map((o) => o.e), roundings(ops.length - 1, sum(...ops.map((o) => abs(o.v)))));
    case 'mul': {
      // Π(aᵢ + εᵢ) − Π aᵢ = Σᵢ εᵢ·Π_{j<i}(aⱼ + εⱼ)·Π_{j>i} aⱼ.
      const carried = ops.map((o, i) =>
        product(o.e, ...ops.map((p, j) => (j < i ? sum(abs(p.v), p.e) : abs(p.v))).filter((_, j) => j !== i)),
      );
      return inexact(sum(...carried, underflowing(ops.length - 1, abs(v), ops.map((o) => o.v))), ops);
    }
    case 'pow':
      return inexact(powerError(ops[0]!, s.exponent, v), ops);
    case 'call':
      return propagate(primitives[s.fn].rounding, v, ops);
  }
}

/** Error bound of a^p computed as `power` computes it (v its value). */
function powerError(a: Operand, e: Rational, v: string): string {
  const p = Q.toNumber(e);
  const n = Q.isInteger(e) ? Math.abs(Number(e.num)) : 0;
  const products = n > 0 && n <= MAX_PRODUCT_POWER;
  const sqrt = Q.equals(e, Q.HALF) || Q.equals(e, Q.neg(Q.HALF));
  // Roundings: n − 1 products (and a division for p < 0), or a square root (and a division), or Math.pow.
  const rounds = products ? n - 1 + (p < 0 ? 1 : 0) : sqrt ? (p < 0 ? 2 : 1) : Math.ceil(Math.abs(p)) + 1;
  // √ never underflows; a^p with p > 0 is exact at a = 0; 1/a is 0 only by underflow.
  const own = p === 0.5 ? roundings(rounds, abs(v)) : underflowing(rounds, abs(v), p > 0 ? [a.v] : []);
  if (a.e === '0' || p === 0) return p === 0 ? '0' : own;
  const ae = a.e;
  const size = abs(a.v);
  const below = `(${size} - ${ae})`; // the least |a| can be, where positive
  let carried: string;
  if (p > 0 && Q.isInteger(e)) {
    // |(a + ε)ⁿ − aⁿ| ≤ n·(|a| + e)ⁿ⁻¹·e.
    const base = `(${size} + ${ae})`;
    carried = product(String(n), products ? repeated(base, n - 1) : `Math.pow(${base}, ${n - 1})`, ae);
  } else if (p > 1) {
    carried = product(literal(p), `Math.pow(${size} + ${ae}, ${literal(p - 1)})`, ae);
  } else if (p > 0) {
    // Concave: the drop a^p − (|a| − e)^p ≤ p·e·a^p/(|a| − e) dominates; near 0, |x^p − y^p| ≤ |x − y|^p.
    const near0 = p === 0.5 ? `Math.sqrt(2 * ${ae})` : `Math.pow(2 * ${ae}, ${literal(p)})`;
    carried = awayFromZero(a, `${literal(p)} * ${ae} * ${abs(v)} / ${below}`, near0);
  } else {
    // |(|a| ± e)^p − |a|^p| ≤ |p|·e·(|a| − e)^(p−1); unbounded when 0 is within the error.
    const slope = products ? `1 / ${repeated(below, n + 1)}` : `Math.pow(${below}, ${literal(p - 1)})`;
    carried = awayFromZero(a, `${literal(-p)} * ${ae} * ${slope}`, 'Infinity');
  }
  return sum(carried, own);
}

/**
 * The bound of a node whose value is not finite: 0 when it is the formula's
 * own value (every operand that matters is exact, and the node did not
 * overflow), Infinity otherwise. An operand is settled when it is exactly
 * known (error 0) or, being finite, farther from 0 than its error (a sum
 * needs nothing of its finite operands: ∞ + x = ∞ for every finite x). An
 * overflow is a non-finite result of finite operands that is not a pole hit
 * exactly (1/0, log 0 with an exact 0).
 */
function exceptionalSource(s: Exclude<Scalar, { kind: 'const' | 'algebraic' | 'var' }>, ops: readonly Operand[], v: string): string {
  const finite = (x: string): string => `${x} - ${x} === 0`;
  const settled = ops
    .filter((o) => o.e !== '0')
    .map((o) => `(${o.e} === 0 || ${finite(o.v)}${s.kind === 'add' ? '' : ` && ${abs(o.v)} > ${o.e}`})`);
  const pole = (s.kind === 'pow' && Q.sign(s.exponent) < 0) || (s.kind === 'call' && primitives[s.fn].rounding.slope === 'reciprocal');
  const operandsFinite = ops.map((o) => `(${finite(o.v)})`).join(' && ') || 'true';
  const overflow = `(${abs(v)} === Infinity && ${operandsFinite}${pole ? ` && ${ops[0]!.v} !== 0` : ''})`;
  return `(${[...settled, `!${overflow}`].join(' && ')} ? 0 : Infinity)`;
}

/** Statements computing φ, plus the constants hoisted out of every loop. */
export class Emitter {
  readonly hoisted: string[] = [];
  private readonly constants = new Map<string, Operand>();

  /**
   * `guarded`: bounds of non-finite values are 0 or Infinity as exceptionalSource
   * says. Unguarded, a non-finite value gets whatever its regular bound
   * computes (non-finite wherever it matters, as every non-finite value starts
   * at a rounding u·|∞| = ∞), for kernels that redo a pass guarded when any
   * sum comes out non-finite (compileFused).
   */
  constructor(private readonly guarded = true) {}

  /**
   * Appends to `body` the statements for `root` at `input` and returns its
   * value; with `inputError` (a name or literal: the error of the input), also
   * the error bound of the result.
   */
  emit(root: Scalar, input: string, prefix: string, body: string[], inputError?: string): Operand {
    const local = new Map<string, Operand>();
    const withError = inputError !== undefined;
    const visit = (s: Scalar, errors: boolean): Operand => {
      if (s.kind === 'const') {
        const x = Q.toNumber(s.value);
        const v = literal(x);
        const exact = Q.equals(Q.fromNumber(x), s.value);
        return { v, e: exact ? '0' : literal(UNIT_ROUNDOFF * Math.abs(x)) };
      }
      if (s.kind === 'algebraic') {
        // The nearest double, within an ulp: a bound of 2u·|x|.
        const x = s.root.approximate();
        return { v: literal(x), e: literal(2 * UNIT_ROUNDOFF * Math.abs(x)) };
      }
      if (s.kind === 'var') return { v: input, e: inputError ?? '0' };
      const constant = !dependsOnT(s);
      const names = constant ? this.constants : local;
      const key = keyOf(s);
      const known = names.get(key);
      if (known) return known;
      // Hoisted constants always carry their error: they are computed once.
      const childErrors = constant || errors;
      const ops = (s.kind === 'add' ? s.terms : s.kind === 'mul' ? s.factors : s.kind === 'pow' ? [s.base] : s.args).map((c) =>
        visit(c, childErrors),
      );
      const name = constant ? `k${names.size}` : `${prefix}${names.size}`;
      const out = constant ? this.hoisted : body;
      out.push(`const ${name} = ${valueSource(s, ops)};`);
      const regular = childErrors ? errorSource(s, ops, name) : '0';
      // Finite values get the regular bound, the rest 0 or Infinity (exceptionalSource); an exact node stays exact.
      const error = regular === '0' || !this.guarded ? regular : `(${name} - ${name} === 0 ? ${regular} : ${exceptionalSource(s, ops, name)})`;
      if (error !== '0') out.push(`const ${name}e = ${error};`);
      const operand = { v: name, e: error === '0' ? '0' : `${name}e` };
      names.set(key, operand);
      return operand;
    };
    return visit(root, withError);
  }
}
