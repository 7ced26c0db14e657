/**
 * Names, arities and shapes. X is m×n with m, n free unless fixed; constants
 * have the shape of their matrix; shapes unify like types (A*X fixes m).
 */
import { KinkproofError } from '../diagnostics.js';
import * as Q from './exact/rational.js';
import type { Rational } from './exact/rational.js';
import type { Expr, Span } from './syntax/ast.js';
import { lookupPrimitive, lookupConstant, primitives } from './primitives/registry.js';

export type Dim = number | 'm' | 'n';
export type Shape = { readonly kind: 'scalar' } | { readonly kind: 'matrix'; readonly rows: Dim; readonly cols: Dim };

/**
 * A matrix the user wrote (a constant or an --at point). `exact` holds the
 * numbers as written (the decimal 0.1 is 1/10): every decision reads it.
 * `data` holds the nearest doubles, for numeric work only.
 */
export interface ConstantMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: readonly (readonly number[])[];
  readonly exact: readonly (readonly Rational[])[];
}

/**
 * A matrix from a program's doubles: each entry means the shortest decimal
 * that prints as that double (0.1 means 1/10, as the user wrote it).
 */
export function matrixFromNumbers(data: readonly (readonly number[])[]): ConstantMatrix {
  return {
    rows: data.length,
    cols: data[0]?.length ?? 0,
    data,
    exact: data.map((row) => row.map((x) => Q.fromShortestDecimal(x))),
  };
}

export interface ShapeEnv {
  readonly constants: ReadonlyMap<string, ConstantMatrix>;
  /** m and n when fixed by --shape or --at. */
  readonly shape?: readonly [number, number];
}

/** Reductions to a scalar, with their allowed argument counts. */
export const REDUCTIONS = { sum: [1], trace: [1], norm: [1, 2] } as const;
export type ReductionName = keyof typeof REDUCTIONS;
export const isReduction = (name: string): name is ReductionName => Object.hasOwn(REDUCTIONS, name);

const SCALAR: Shape = { kind: 'scalar' };
const dimText = (d: Dim): string => `${d}`;
export const shapeText = (s: Shape): string => (s.kind === 'scalar' ? 'a scalar' : `${dimText(s.rows)}x${dimText(s.cols)}`);

export interface Typed {
  readonly shape: Shape;
  /** m and n after unification (numbers when fixed, else still free). */
  readonly dims: { readonly m: Dim; readonly n: Dim };
}

export function inferShapes(expr: Expr, env: ShapeEnv, source: string): Typed {
  const bound = new Map<'m' | 'n', Dim>();
  if (env.shape) {
    bound.set('m', env.shape[0]);
    bound.set('n', env.shape[1]);
  }
  const resolve = (d: Dim): Dim => {
    while (typeof d === 'string' && bound.has(d)) d = bound.get(d)!;
    return d;
  };
  const fail = (message: string, span: Span): never => {
    throw new KinkproofError('input', message, span, source);
  };
  const unsupported = (message: string, span: Span): never => {
    throw new KinkproofError('unsupported', message, span, source);
  };
  const unify = (a: Dim, b: Dim, what: () => string, span: Span): void => {
    const x = resolve(a);
    const y = resolve(b);
    if (x === y) return;
    if (typeof x === 'string') bound.set(x, y);
    else if (typeof y === 'string') bound.set(y, x);
    else fail(`shape mismatch: ${what()}`, span);
  };
  const show = (s: Shape): string =>
    s.kind === 'scalar' ? 'a scalar' : `${dimText(resolve(s.rows))}x${dimText(resolve(s.cols))}`;
  const sameShape = (a: Shape, b: Shape, op: string, span: Span): Shape => {
    if (a.kind === 'scalar') return b;
    if (b.kind === 'scalar') return a;
    unify(a.rows, b.rows, () => `${op} needs equal shapes, got ${show(a)} and ${show(b)}`, span);
    unify(a.cols, b.cols, () => `${op} needs equal shapes, got ${show(a)} and ${show(b)}`, span);
    return a;
  };

  const visit = (e: Expr): Shape => {
    switch (e.kind) {
      case 'number':
        return SCALAR;
      case 'string':
        return fail(`a string ('${e.value}') is only allowed as the second argument of norm`, e.span);
      case 'symbol': {
        // LaTeX reads x_{ij} as an entry of X: with a constant x it could as well be that constant's entry.
        if (e.name === 'X' && source[e.span.start] === 'x' && env.constants.has('x'))
          fail(`x_{ij} reads as an entry of the variable X here, and x is also a constant: name the constant otherwise`, e.span);
        if (e.name === 'X') return { kind: 'matrix', rows: 'm', cols: 'n' };
        if (lookupConstant(e.name)) return SCALAR;
        const c = env.constants.get(e.name);
        if (c) return c.rows === 1 && c.cols === 1 ? SCALAR : { kind: 'matrix', rows: c.rows, cols: c.cols };
        return fail(`unknown name '${e.name}' (the variable is X; give constants with --const ${e.name}=[[...]])`, e.span);
      }
      case 'unary':
        return visit(e.arg);
      case 'transpose': {
        const s = visit(e.arg);
        return s.kind === 'scalar' ? s : { kind: 'matrix', rows: s.cols, cols: s.rows };
      }
      case 'binary':
        return binary(e);
      case 'call':
        return call(e);
    }
  };

  const binary = (e: Extract<Expr, { kind: 'binary' }>): Shape => {
    const a = visit(e.left);
    const b = visit(e.right);
    switch (e.op) {
      case '+':
      case '-':
      case '.*':
      case './':
        return sameShape(a, b, `'${e.op}'`, e.span);
      case '.^':
        if (b.kind !== 'scalar') fail(`the exponent of '.^' must be a scalar`, e.right.span);
        return a;
      case '^':
        if (a.kind !== 'scalar') fail(`'^' on a matrix is a matrix power; use '.^' for an entry-wise power (in LaTeX ^{\\circ k})`, e.span);
        if (b.kind !== 'scalar') fail(`the exponent of '^' must be a scalar`, e.right.span);
        return SCALAR;
      case '/':
        if (b.kind !== 'scalar') fail(`division by a matrix is not supported; use './' for entry-wise division`, e.span);
        return a;
      case '*':
        if (a.kind === 'scalar') return b;
        if (b.kind === 'scalar') return a;
        unify(a.cols, b.rows, () => `cannot multiply ${show(a)} by ${show(b)}`, e.span);
        return { kind: 'matrix', rows: a.rows, cols: b.cols };
    }
  };

  /**
   * norm keeps mathjs's matrix meanings: norm(R) and norm(R,2) are the spectral
   * norm, norm(R,1) the largest absolute column sum, norm(R,'inf') the largest
   * absolute row sum, norm(R,'fro') the Frobenius norm. Only 'fro' is
   * separable; the others are refused with the spelling of what is supported,
   * never read as something else.
   */
  const normKind = (e: Extract<Expr, { kind: 'call' }>): void => {
    const [arg, kind] = e.args;
    if (!arg || (kind?.kind === 'string' && kind.value === 'fro')) return;
    const r = source.slice(arg.span.start, arg.span.end);
    const written = source.slice(e.span.start, e.span.end);
    const instead = `for the Frobenius norm write norm(${r},'fro'), for the entry-wise l1 norm sum(abs(${r}))`;
    const refuse = (meaning: string): never =>
      unsupported(`${written} means ${meaning} in mathjs, not an entry-wise norm; ${instead}`, kind?.span ?? e.span);
    if (!kind || (kind.kind === 'number' && kind.value === 2)) refuse('the spectral norm (largest singular value)');
    if (kind.kind === 'number' && kind.value === 1) refuse('the largest absolute column sum');
    if (kind.kind === 'string' && kind.value === 'inf') refuse('the largest absolute row sum');
    fail(`norm's second argument is 1, 2, 'inf' or 'fro' (as in mathjs), got ${source.slice(kind.span.start, kind.span.end)}; only norm(R,'fro') is supported`, kind.span);
  };

  const call = (e: Extract<Expr, { kind: 'call' }>): Shape => {
    // LaTeX reads H(X) as heaviside(X): with a constant H it could as well mean H times X.
    const written = source.slice(e.nameSpan.start, e.nameSpan.end);
    if (written !== e.name && env.constants.has(written))
      fail(`${written}(...) reads as the function ${e.name} here, and ${written} is also a constant: write ${written} \\cdot (...) for the product, or name the constant otherwise`, e.nameSpan);
    const arity = (allowed: readonly number[]): void => {
      if (!allowed.includes(e.args.length))
        fail(`${e.name} takes ${allowed.join(' or ')} argument${allowed.at(-1) === 1 ? '' : 's'}, got ${e.args.length}`, e.span);
    };
    if (isReduction(e.name)) {
      arity(REDUCTIONS[e.name]);
      const arg = visit(e.args[0]!);
      if (e.name === 'trace' && arg.kind === 'matrix')
        unify(arg.rows, arg.cols, () => `trace needs a square matrix, got ${show(arg)}`, e.span);
      if (e.name === 'norm') normKind(e);
      return SCALAR;
    }
    // One argument: mathjs's max/min over all entries (two arguments: the entry-wise primitive).
    if (e.name === 'max' || e.name === 'min') {
      arity([1, 2]);
      if (e.args.length === 1) {
        visit(e.args[0]!);
        return SCALAR;
      }
    }
    if (e.name === 'sqrt') {
      arity([1]);
      return visit(e.args[0]!);
    }
    const prim = lookupPrimitive(e.name);
    if (!prim) return fail(`unknown function '${e.name}'`, e.nameSpan);
    if (primitives[prim].arity === 0) return fail(`${e.name} is a constant, not a function: write ${e.name} without parentheses`, e.span);
    arity([primitives[prim].arity]);
    const shapes = e.args.map(visit);
    return shapes.reduce((acc, s) => sameShape(acc, s, e.name, e.span), SCALAR);
  };

  const shape = visit(expr);
  const fix = (s: Shape): Shape => (s.kind === 'scalar' ? s : { kind: 'matrix', rows: resolve(s.rows), cols: resolve(s.cols) });
  return { shape: fix(shape), dims: { m: resolve('m'), n: resolve('n') } };
}
