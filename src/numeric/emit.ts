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
 * error analysis, first order): the bound of a node is its children's bounds
 * carried through its local derivative, plus u·|result| for its own rounding.
 */
import * as Q from '../symbolic/exact/rational.js';
import type { Rational } from '../symbolic/exact/rational.js';
import { primitives } from '../symbolic/primitives/registry.js';
import type { RoundingRule } from '../symbolic/primitives/spec.js';
import { dependsOnT, keyOf } from '../symbolic/scalar/expr.js';
import type { Scalar } from '../symbolic/scalar/expr.js';
import { UNIT_ROUNDOFF } from './errorModel.js';

/** Integer powers up to this size are written as products. */
const MAX_PRODUCT_POWER = 8;

const NUMERIC_LITERAL = /^-?[0-9]+(\.[0-9]+)?(e[+-][0-9]+)?$/;

/** A finite double as JavaScript source that reads back as exactly the same double. */
export function literal(x: number): string {
  const text = Object.is(x, -0) ? '-0' : String(x);
  if (!Number.isFinite(x) || !NUMERIC_LITERAL.test(text)) throw new RangeError(`not a finite number: ${text}`);
  return `(${text})`;
}

const U = literal(UNIT_ROUNDOFF);
/** Added to a denominator so that an exact zero over an exact zero stays an exact zero. */
const TINY = literal(Number.MIN_VALUE);
const abs = (v: string): string => `Math.abs(${v})`;

// Source builders that fold exact zeros: most error terms vanish when an input is exact.
const product = (...factors: string[]): string => (factors.includes('0') ? '0' : `(${factors.join(' * ')})`);
const quotient = (numerator: string, denominator: string): string => (numerator === '0' ? '0' : `(${numerator} / ${denominator})`);
const sum = (...terms: string[]): string => {
  const kept = terms.filter((t) => t !== '0');
  return kept.length === 0 ? '0' : kept.length === 1 ? kept[0]! : `(${kept.join(' + ')})`;
};
/** The rounding of `count` operations whose results are at most `magnitude`. */
const roundings = (count: number, magnitude: string): string => (count > 0 ? product(U, String(count), magnitude) : '0');

/** A computed node: the name (or literal) of its value and of its error bound. */
export interface Operand {
  readonly v: string;
  readonly e: string;
}

/**
 * Error propagation through a primitive, from its registry `rounding` rule.
 * Only arithmetic and Math.abs: V8 compiles Math.sign, Math.max and Math.min
 * with branches, which mispredict on entries of random sign and make a pass
 * twice as slow.
 */
function propagate(rule: RoundingRule, v: string, args: readonly Operand[]): string {
  const carried = args.map((a) => {
    switch (rule.slope) {
      case 'one':
        return a.e;
      case 'passed': // v/|a|: 1 where the argument is passed through, 0 where flat
        return quotient(product(a.e, v), `(${abs(a.v)} + ${TINY})`);
      case 'zero': // entries near a switch are kept out of every check
        return '0';
      case 'value':
        return product(abs(v), a.e);
      case 'reciprocal':
        return quotient(a.e, abs(a.v));
    }
  });
  return sum(...carried, roundings(rule.rounds, abs(v)));
}

function valueSource(s: Exclude<Scalar, { kind: 'const' | 'var' }>, ops: readonly Operand[]): string {
  switch (s.kind) {
    case 'add':
      return `(${ops.map((o) => o.v).join(' + ')})`;
    case 'mul':
      return `(${ops.map((o) => o.v).join(' * ')})`;
    case 'pow':
      return power(ops[0]!.v, s.exponent);
    case 'call':
      return `(${primitives[s.fn].kernel(ops[0]!.v, ops[1]?.v ?? '0')})`;
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

/** Error bound source of a node with value v computed from ops ('0' when the result is exact). */
function errorSource(s: Exclude<Scalar, { kind: 'const' | 'var' }>, ops: readonly Operand[], v: string): string {
  switch (s.kind) {
    case 'add':
      return sum(...ops.map((o) => o.e), roundings(ops.length - 1, sum(...ops.map((o) => abs(o.v)))));
    case 'mul': {
      const carried = ops.map((o, i) => product(o.e, ...ops.filter((_, j) => j !== i).map((p) => abs(p.v))));
      return sum(...carried, roundings(ops.length - 1, abs(v)));
    }
    case 'pow': {
      const [a] = ops;
      const e = s.exponent;
      if (Q.isInteger(e) && e.num > 0n && e.num <= BigInt(MAX_PRODUCT_POWER)) {
        const n = Number(e.num);
        const slope = n === 1 ? '1' : abs(Array.from({ length: n - 1 }, () => a!.v).join(' * '));
        return sum(product(String(n), slope, a!.e), roundings(n - 1, abs(v)));
      }
      // |d(a^p)| = |p|·|a^p|/|a|; products, 1/x, sqrt and Math.pow round at most |p| + 1 times.
      const p = Math.abs(Q.toNumber(e));
      const carried = quotient(product(literal(p), abs(v), a!.e), `(${abs(a!.v)} + ${TINY})`);
      return sum(carried, roundings(Math.ceil(p) + 1, abs(v)));
    }
    case 'call':
      return propagate(primitives[s.fn].rounding, v, ops);
  }
}

/** Statements computing φ, plus the constants hoisted out of every loop. */
export class Emitter {
  readonly hoisted: string[] = [];
  private readonly constants = new Map<string, Operand>();

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
        const exact = Q.equals(Q.fromNumber(x), s.value);
        return { v: literal(x), e: exact ? '0' : literal(UNIT_ROUNDOFF * Math.abs(x)) };
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
      const error = childErrors ? errorSource(s, ops, name) : '0';
      if (error !== '0') out.push(`const ${name}e = ${error};`);
      const operand = { v: name, e: error === '0' ? '0' : `${name}e` };
      names.set(key, operand);
      return operand;
    };
    return visit(root, withError);
  }
}
