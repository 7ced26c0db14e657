/**
 * Typed matrix expressions for matrix calculus: the parsed `Expr` with every
 * node's shape (scalar, or rows × cols with m, n the free dimensions of X),
 * plus the nodes only a gradient needs (the all-ones matrix, the identity, the
 * unit matrix at an arg max, and entry-wise products of powers).
 *
 * Unlike `inferShapes`, a one-argument max(M) / min(M) is mathjs's reduction
 * over all entries (issue 12); max(a, b) / min(a, b) stay entry-wise.
 */
import { KinkproofError } from '../../diagnostics.js';
import * as Q from '../exact/rational.js';
import type { Rational } from '../exact/rational.js';
import { lookupConstant, lookupPrimitive, primitives } from '../primitives/registry.js';
import type { ConstantMatrix } from '../shapes.js';
import type { Expr, Span } from '../syntax/ast.js';

export type Dim = number | 'm' | 'n';
export type MShape = { readonly kind: 'scalar' } | { readonly kind: 'matrix'; readonly rows: Dim; readonly cols: Dim };

export const SCALAR_SHAPE: MShape = { kind: 'scalar' };
export const matrixShape = (rows: Dim, cols: Dim): MShape => ({ kind: 'matrix', rows, cols });

/** Entry-wise functions: the registry's primitives (but pi) and sqrt. */
export type EntryFn = 'relu' | 'abs' | 'sign' | 'heaviside' | 'max' | 'min' | 'exp' | 'log' | 'sin' | 'cos' | 'tanh' | 'sigmoid' | 'softplus' | 'sqrt';
export type ReductionFn = 'sum' | 'trace' | 'norm' | 'max' | 'min';
export type MatrixOp = '+' | '-' | '*' | '/' | '^' | '.*' | './' | '.^';

/** base^exp: entry-wise (.^) in an entry-wise product, ^ among scalar factors. */
export interface Factor {
  readonly base: MExpr;
  readonly exp: Rational;
}

interface Node {
  readonly shape: MShape;
  /** Does the node read X? */
  readonly dep: boolean;
}

export type MExpr =
  | (Node & { readonly k: 'X' })
  | (Node & { readonly k: 'const'; readonly name: string })
  | (Node & { readonly k: 'num'; readonly q: Rational })
  | (Node & { readonly k: 'pi' })
  | (Node & { readonly k: 'neg'; readonly a: MExpr })
  | (Node & { readonly k: 'bin'; readonly op: MatrixOp; readonly a: MExpr; readonly b: MExpr })
  | (Node & { readonly k: 'tr'; readonly a: MExpr })
  | (Node & { readonly k: 'app'; readonly f: EntryFn; readonly args: readonly MExpr[] })
  | (Node & { readonly k: 'reduce'; readonly f: ReductionFn; readonly a: MExpr })
  /** The all-ones matrix of its shape. */
  | (Node & { readonly k: 'ones' })
  /** The identity of its (square) shape. */
  | (Node & { readonly k: 'eye' })
  /** The unit matrix E_ij at the (unique) arg max / arg min of `a`. */
  | (Node & { readonly k: 'unit'; readonly f: 'max' | 'min'; readonly a: MExpr })
  /** Entry-wise product of entry-wise powers (at least two factors, or one with exponent ≠ 1). */
  | (Node & { readonly k: 'had'; readonly fs: readonly Factor[] });

export const num = (q: Rational): MExpr => ({ k: 'num', q, shape: SCALAR_SHAPE, dep: false });

/** The shape of an entry-wise combination (a scalar broadcasts). */
export const broadcastShape = (shapes: readonly MShape[]): MShape => shapes.find((s) => s.kind === 'matrix') ?? SCALAR_SHAPE;

export const transposeShape = (s: MShape): MShape => (s.kind === 'scalar' ? s : matrixShape(s.cols, s.rows));

/** The exact value of a constant scalar expression built from numbers and 1×1 constants, if it is rational. */
export function constantRational(e: MExpr, constants: ReadonlyMap<string, ConstantMatrix>): Rational | null {
  switch (e.k) {
    case 'num':
      return e.q;
    case 'const': {
      const c = constants.get(e.name);
      return c && c.rows === 1 && c.cols === 1 ? c.exact[0]![0]! : null;
    }
    case 'neg': {
      const a = constantRational(e.a, constants);
      return a && Q.neg(a);
    }
    case 'bin': {
      if (e.shape.kind !== 'scalar') return null;
      const a = constantRational(e.a, constants);
      const b = constantRational(e.b, constants);
      if (!a || !b) return null;
      switch (e.op) {
        case '+':
          return Q.add(a, b);
        case '-':
          return Q.sub(a, b);
        case '*':
        case '.*':
          return Q.mul(a, b);
        case '/':
        case './':
          return Q.isZero(b) ? null : Q.div(a, b);
        case '^':
        case '.^':
          if (!Q.isInteger(b) || (Q.isZero(a) && Q.sign(b) < 0) || b.num > 64n || b.num < -64n) return null;
          return Q.sign(b) >= 0 ? Q.powInt(a, b.num) : Q.inv(Q.powInt(a, -b.num));
      }
      return null;
    }
    case 'tr':
      return e.shape.kind === 'scalar' ? constantRational(e.a, constants) : null;
    default:
      return null;
  }
}

/**
 * The typed tree of a parsed expression. Shapes unify like types (A*X fixes m);
 * errors are KinkproofErrors with the span of the offending part.
 */
export function toMatrixExpr(expr: Expr, source: string, constants: ReadonlyMap<string, ConstantMatrix>): MExpr {
  const bound = new Map<'m' | 'n', Dim>();
  const resolve = (d: Dim): Dim => {
    let x = d;
    while (typeof x === 'string' && bound.has(x)) x = bound.get(x)!;
    return x;
  };
  const fail = (message: string, span: Span): never => {
    throw new KinkproofError('input', message, span, source);
  };
  const unsupported = (message: string, span: Span): never => {
    throw new KinkproofError('unsupported', message, span, source);
  };
  const show = (s: MShape): string => (s.kind === 'scalar' ? 'a scalar' : `${resolve(s.rows)}x${resolve(s.cols)}`);
  const unify = (a: Dim, b: Dim, what: () => string, span: Span): void => {
    const x = resolve(a);
    const y = resolve(b);
    if (x === y) return;
    if (typeof x === 'string') bound.set(x, y);
    else if (typeof y === 'string') bound.set(y, x);
    else fail(`shape mismatch: ${what()}`, span);
  };
  const sameShape = (a: MShape, b: MShape, op: string, span: Span): void => {
    if (a.kind === 'scalar' || b.kind === 'scalar') return;
    unify(a.rows, b.rows, () => `${op} needs equal shapes, got ${show(a)} and ${show(b)}`, span);
    unify(a.cols, b.cols, () => `${op} needs equal shapes, got ${show(a)} and ${show(b)}`, span);
  };

  // Pass 1 unifies the dimensions; pass 2 builds the tree with them resolved.
  let final = false;
  const shapeOf = (s: MShape): MShape => (final && s.kind === 'matrix' ? matrixShape(resolve(s.rows), resolve(s.cols)) : s);

  const visit = (e: Expr): MExpr => {
    switch (e.kind) {
      case 'number':
        return num(Q.fromDecimal(e.text));
      case 'string':
        return fail(`a string ('${e.value}') is only allowed as the second argument of norm`, e.span);
      case 'symbol': {
        if (e.name === 'X') return { k: 'X', shape: shapeOf(matrixShape('m', 'n')), dep: true };
        if (lookupConstant(e.name) === 'pi') return { k: 'pi', shape: SCALAR_SHAPE, dep: false };
        const c = constants.get(e.name);
        if (!c) return fail(`unknown name '${e.name}' (the variable is X; give constants with --const ${e.name}=[[...]])`, e.span);
        const shape = c.rows === 1 && c.cols === 1 ? SCALAR_SHAPE : matrixShape(c.rows, c.cols);
        return { k: 'const', name: e.name, shape, dep: false };
      }
      case 'unary': {
        const a = visit(e.arg);
        return e.op === '+' ? a : { k: 'neg', a, shape: a.shape, dep: a.dep };
      }
      case 'transpose': {
        const a = visit(e.arg);
        return a.shape.kind === 'scalar' ? a : { k: 'tr', a, shape: shapeOf(transposeShape(a.shape)), dep: a.dep };
      }
      case 'binary':
        return binary(e);
      case 'call':
        return call(e);
    }
  };

  const binary = (e: Extract<Expr, { kind: 'binary' }>): MExpr => {
    const a = visit(e.left);
    const b = visit(e.right);
    const dep = a.dep || b.dep;
    const node = (shape: MShape): MExpr => ({ k: 'bin', op: e.op, a, b, shape: shapeOf(shape), dep });
    switch (e.op) {
      case '+':
      case '-':
      case '.*':
      case './':
        sameShape(a.shape, b.shape, `'${e.op}'`, e.span);
        return node(broadcastShape([a.shape, b.shape]));
      case '^':
      case '.^':
        if (e.op === '^' && a.shape.kind !== 'scalar')
          fail(`'^' on a matrix is a matrix power; use '.^' for an entry-wise power (in LaTeX ^{\\circ k})`, e.span);
        if (b.shape.kind !== 'scalar') fail(`the exponent of '${e.op}' must be a scalar`, e.right.span);
        if (b.dep || !constantRational(b, constants)) unsupported(`the exponent of '${e.op}' must be a rational constant for the gradient`, e.right.span);
        return node(a.shape);
      case '/':
        if (b.shape.kind !== 'scalar') fail(`division by a matrix is not supported; use './' for entry-wise division`, e.span);
        return node(a.shape);
      case '*':
        if (a.shape.kind === 'scalar') return node(b.shape);
        if (b.shape.kind === 'scalar') return node(a.shape);
        unify(a.shape.cols, b.shape.rows, () => `cannot multiply ${show(a.shape)} by ${show(b.shape)}`, e.span);
        return node(matrixShape(a.shape.rows, b.shape.cols));
    }
  };

  const call = (e: Extract<Expr, { kind: 'call' }>): MExpr => {
    const arity = (allowed: readonly number[]): void => {
      if (!allowed.includes(e.args.length))
        fail(`${e.name} takes ${allowed.join(' or ')} argument${allowed.at(-1) === 1 ? '' : 's'}, got ${e.args.length}`, e.span);
    };
    const reduce = (f: ReductionFn, a: MExpr): MExpr => ({ k: 'reduce', f, a, shape: SCALAR_SHAPE, dep: a.dep });
    const prim = lookupPrimitive(e.name);
    if (e.name === 'sum' || e.name === 'trace') {
      arity([1]);
      const a = visit(e.args[0]!);
      if (a.shape.kind === 'scalar') return a;
      if (e.name === 'trace') unify(a.shape.rows, a.shape.cols, () => `trace needs a square matrix, got ${show(a.shape)}`, e.span);
      return reduce(e.name, a);
    }
    if (e.name === 'norm') {
      arity([1, 2]);
      const kind = e.args[1];
      if (!kind || kind.kind !== 'string' || kind.value !== 'fro')
        unsupported(`only the Frobenius norm norm(R,'fro') has a gradient here (mathjs's norm(R) is the spectral norm)`, kind?.span ?? e.span);
      const a = visit(e.args[0]!);
      // The Frobenius norm of a scalar is its absolute value.
      if (a.shape.kind === 'scalar') return { k: 'app', f: 'abs', args: [a], shape: SCALAR_SHAPE, dep: a.dep };
      return reduce('norm', a);
    }
    if ((prim === 'max' || prim === 'min') && e.args.length === 1) {
      const a = visit(e.args[0]!);
      return a.shape.kind === 'scalar' ? a : reduce(prim, a);
    }
    if (e.name === 'sqrt') {
      arity([1]);
      const a = visit(e.args[0]!);
      return { k: 'app', f: 'sqrt', args: [a], shape: a.shape, dep: a.dep };
    }
    if (!prim) return fail(`unknown function '${e.name}'`, e.nameSpan);
    const spec = primitives[prim];
    if (prim === 'pi' || spec.arity === 0) return fail(`${e.name} is a constant, not a function: write ${e.name} without parentheses`, e.span);
    arity([spec.arity]);
    const args = e.args.map(visit);
    if (args.length === 2) sameShape(args[0]!.shape, args[1]!.shape, e.name, e.span);
    return { k: 'app', f: prim, args, shape: shapeOf(broadcastShape(args.map((x) => x.shape))), dep: args.some((x) => x.dep) };
  };

  visit(expr);
  final = true;
  return visit(expr);
}

/** A node's matrix shape (throws on a scalar: callers know). */
export function dims(s: MShape): { rows: Dim; cols: Dim } {
  if (s.kind === 'scalar') throw new Error('expected a matrix shape');
  return { rows: s.rows, cols: s.cols };
}
