/**
 * A double-precision evaluator of the parsed expression tree over concrete
 * matrices, independent of the symbolic reduction: what the structured
 * verifier (verifyStructured.ts) differentiates numerically. The tree is
 * compiled once into a list of kernels over Float64Array buffers that are
 * reused on every call (a verification evaluates f thousands of times).
 *
 * Meanings follow mathjs, as the parser's: `*` is the matrix product (or a
 * scaling when one side is a scalar), `^` a scalar power, `.^` and `./`
 * entry-wise; sum, trace, norm(R,'fro') reduce to a scalar; max(R) and min(R)
 * with one argument are the largest and smallest entry, max(a,b) the
 * registry's entry-wise primitive. A 1x1 constant is a scalar.
 *
 * Every call can also carry a running error bound (first order, as
 * emit.ts does for φ): each node's error is what its operands' errors make of
 * it through its local slope, plus its own roundings, u·|result| each; sums
 * of m terms add √m·u·Σ|terms| (Higham and Mary); a matrix product
 * C = AB adds |A|·e_B + e_A·|B| + (√k + 1)·u·|A||B|. X's entries carry
 * u·|x| (a point X + hD is itself rounded), constants u·|a| (decimal input),
 * non-integer numbers u·|v|. The bound is computed only when asked for
 * (`withError`), so the plain value costs one pass.
 */
import { KinkproofError } from '../../diagnostics.js';
import { lookupConstant, lookupPrimitive, parseInput, primitives } from '../../symbolic/index.js';
import type { ConstantMatrix, Expr, PrimitiveSpec } from '../../symbolic/index.js';
import type { Matrix } from '../../symbolic/index.js';
import { UNIT_ROUNDOFF } from '../errorModel.js';

const u = UNIT_ROUNDOFF;
/** The largest jump of a primitive with slope 'zero' (sign: from −1 to 1), as emit.ts. */
const SWITCH_JUMP = 2;

/** A node's value (and error bound) as a row-major buffer; a scalar is 1x1. */
interface Node {
  readonly rows: number;
  readonly cols: number;
  readonly val: Float64Array;
  readonly err: Float64Array;
  /** Recomputes val (and err when `withError`) from the operands' buffers. */
  readonly run: (withError: boolean) => void;
}

/** A value with a bound on its distance from the exact value of the expression at the given X. */
export interface Bounded {
  readonly value: number;
  readonly error: number;
}

/** f compiled for one shape of X: the value, and the value with its running error bound. */
export interface CompiledExpression {
  readonly rows: number;
  readonly cols: number;
  /** Shape of the result (1x1 for a scalar f). */
  readonly resultRows: number;
  readonly resultCols: number;
  /** f(X) for x = X row-major (length rows·cols); throws when the result is not a scalar. */
  value(x: Float64Array): number;
  /** f(X) with its running error bound (several times the cost of `value`). */
  withError(x: Float64Array): Bounded;
  /** The whole result, row-major (a view of an internal buffer: copy it before the next call). */
  evaluate(x: Float64Array): Float64Array;
}

const fail = (message: string): never => {
  throw new KinkproofError('input', message);
};

const isScalar = (n: Node): boolean => n.rows === 1 && n.cols === 1;

function leaf(rows: number, cols: number, val: Float64Array, err: Float64Array): Node {
  return { rows, cols, val, err, run: () => undefined };
}

function make(rows: number, cols: number, run: (out: Node, withError: boolean) => void): Node {
  const node: Node = { rows, cols, val: new Float64Array(rows * cols), err: new Float64Array(rows * cols), run: (w) => run(node, w) };
  return node;
}

/** a ∘ b entry-wise, a scalar broadcast. */
function broadcast(a: Node, b: Node, what: string): [number, number] {
  if (isScalar(a)) return [b.rows, b.cols];
  if (isScalar(b) || (a.rows === b.rows && a.cols === b.cols)) return [a.rows, a.cols];
  return fail(`${what} needs equal shapes, got ${a.rows}x${a.cols} and ${b.rows}x${b.cols}`);
}

type EntryOp = (a: number, b: number) => number;
/** Error of one entry: operands a, b with errors ea, eb and result v. */
type EntryError = (a: number, ea: number, b: number, eb: number, v: number) => number;

function entrywise(a: Node, b: Node, what: string, op: EntryOp, error: EntryError): Node {
  const [rows, cols] = broadcast(a, b, what);
  const sa = isScalar(a) ? 0 : 1;
  const sb = isScalar(b) ? 0 : 1;
  return make(rows, cols, (out, withError) => {
    const av = a.val;
    const bv = b.val;
    const ov = out.val;
    const n = ov.length;
    for (let i = 0; i < n; i++) ov[i] = op(av[i * sa]!, bv[i * sb]!);
    if (!withError) return;
    const ae = a.err;
    const be = b.err;
    const oe = out.err;
    for (let i = 0; i < n; i++) oe[i] = bound(error(av[i * sa]!, ae[i * sa]!, bv[i * sb]!, be[i * sb]!, ov[i]!));
  });
}

/** A non-finite or NaN bound is no bound. */
const bound = (e: number): number => (e >= 0 ? e : Infinity);

const ADD: EntryError = (_a, ea, _b, eb, v) => ea + eb + u * Math.abs(v);
const MUL: EntryError = (a, ea, b, eb, v) => Math.abs(a) * eb + ea * (Math.abs(b) + eb) + u * Math.abs(v);
const DIV: EntryError = (_a, ea, b, eb, v) =>
  Math.abs(b) > eb ? (ea + Math.abs(v) * eb) / (Math.abs(b) - eb) + u * Math.abs(v) : ea === 0 && eb === 0 ? u * Math.abs(v) : Infinity;

/**
 * |(a + ε)^p − a^p| for |ε| ≤ ea, first order where a^p is smooth, Hölder
 * near 0 for 0 < p < 1, plus Math.pow's rounding (taken as 2u·|v|) and the
 * exponent's error through |v·log|a||.
 */
function powerError(a: number, ea: number, p: number, ep: number, v: number): number {
  const size = Math.abs(a);
  let carried = 0;
  if (ea > 0 && p !== 0) {
    if (p >= 1) carried = p * Math.pow(size + ea, p - 1) * ea;
    else if (p > 0) carried = size > ea ? (p * ea * Math.abs(v)) / (size - ea) : Math.pow(2 * ea, p);
    else carried = size > ea ? -p * ea * Math.pow(size - ea, p - 1) : Infinity;
  }
  // v = 0 (a = 0, p > 0): a perturbed exponent leaves 0^p' = 0, and 0·|log 0| must not become NaN.
  const exponent = ep > 0 && v !== 0 ? Math.abs(v) * Math.abs(Math.log(size)) * ep : 0;
  return carried + exponent + 2 * u * Math.abs(v);
}

const POWER: EntryError = (a, ea, p, ep, v) => powerError(a, ea, p, ep, v);

/** The registry's rounding rule of a primitive as an entry error (emit.ts's propagate, as numbers). */
function primitiveError(spec: PrimitiveSpec): EntryError {
  const { slope, rounds } = spec.rounding;
  const carried = (a: number, ea: number, v: number): number => {
    if (ea === 0) return 0;
    switch (slope) {
      case 'one':
        return ea;
      case 'passed':
        return Math.abs(a) > ea ? (ea * Math.abs(v)) / Math.abs(a) : ea;
      case 'zero':
        return Math.abs(a) > ea ? 0 : SWITCH_JUMP;
      case 'value':
        return Math.abs(v) * ea;
      case 'reciprocal':
        return Math.abs(a) > ea ? ea / (Math.abs(a) - ea) : Infinity;
    }
  };
  return (a, ea, b, eb, v) => carried(a, ea, v) + (spec.arity === 2 ? carried(b, eb, v) : 0) + rounds * u * Math.abs(v);
}

function unaryMap(a: Node, op: (x: number) => number, error: (x: number, e: number, v: number) => number): Node {
  return make(a.rows, a.cols, (out, withError) => {
    const av = a.val;
    const ov = out.val;
    for (let i = 0; i < ov.length; i++) ov[i] = op(av[i]!);
    if (!withError) return;
    for (let i = 0; i < ov.length; i++) out.err[i] = bound(error(av[i]!, a.err[i]!, ov[i]!));
  });
}

/** |√(a ± e) − √a| ≤ min(√e, e/√a), plus one rounding. */
const sqrtError = (a: number, e: number, v: number): number => (a > 0 ? Math.min(Math.sqrt(e), e / Math.sqrt(a)) : Math.sqrt(e)) + u * v;

/**
 * C = A·B (r×k times k×c) over row-major buffers: B is first transposed into
 * `bt` (k·c scratch), then each entry is a dot product of two contiguous rows
 * with four accumulators (V8 keeps them in registers; several times faster
 * than the i-k-j loop on a 200x200 by 200x50 product).
 */
function multiplyInto(out: Float64Array, a: Float64Array, b: Float64Array, bt: Float64Array, r: number, k: number, c: number): void {
  for (let l = 0; l < k; l++) for (let j = 0; j < c; j++) bt[j * k + l] = b[l * c + j]!;
  for (let i = 0; i < r; i++) {
    const ar = i * k;
    for (let j = 0; j < c; j++) {
      const br = j * k;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let l = 0;
      for (; l + 3 < k; l += 4) {
        s0 += a[ar + l]! * bt[br + l]!;
        s1 += a[ar + l + 1]! * bt[br + l + 1]!;
        s2 += a[ar + l + 2]! * bt[br + l + 2]!;
        s3 += a[ar + l + 3]! * bt[br + l + 3]!;
      }
      for (; l < k; l++) s0 += a[ar + l]! * bt[br + l]!;
      out[i * c + j] = s0 + s1 + (s2 + s3);
    }
  }
}

/** |a| entry-wise into out. */
function absInto(out: Float64Array, a: Float64Array): Float64Array {
  for (let i = 0; i < a.length; i++) out[i] = Math.abs(a[i]!);
  return out;
}

/** A·B + error: |A|·e_B + e_A·|B| + (√k + 1)·u·|A||B|. */
function matmul(a: Node, b: Node): Node {
  if (a.cols !== b.rows) fail(`cannot multiply ${a.rows}x${a.cols} by ${b.rows}x${b.cols}`);
  const [r, k, c] = [a.rows, a.cols, b.cols];
  const scratch = new Float64Array(r * c);
  const absA = new Float64Array(r * k);
  const absB = new Float64Array(k * c);
  const bt = new Float64Array(k * c);
  const factor = (Math.sqrt(k) + 1) * u;
  return make(r, c, (out, withError) => {
    multiplyInto(out.val, a.val, b.val, bt, r, k, c);
    if (!withError) return;
    absInto(absA, a.val);
    absInto(absB, b.val);
    multiplyInto(out.err, absA, b.err, bt, r, k, c);
    multiplyInto(scratch, a.err, absB, bt, r, k, c);
    for (let i = 0; i < scratch.length; i++) out.err[i] += scratch[i]!;
    multiplyInto(scratch, absA, absB, bt, r, k, c);
    for (let i = 0; i < scratch.length; i++) out.err[i] = bound(out.err[i]! + factor * scratch[i]! + u * Math.abs(out.val[i]!));
  });
}

function transpose(a: Node): Node {
  return make(a.cols, a.rows, (out, withError) => {
    const { rows, cols } = a;
    for (let i = 0; i < rows; i++)
      for (let j = 0; j < cols; j++) {
        out.val[j * rows + i] = a.val[i * cols + j]!;
        if (withError) out.err[j * rows + i] = a.err[i * cols + j]!;
      }
  });
}

/** Σ over the entries at `indices` (all when undefined): Σe + √m·u·Σ|terms|. */
function summation(a: Node, indices?: readonly number[]): Node {
  const count = indices?.length ?? a.val.length;
  const root = Math.sqrt(count);
  return make(1, 1, (out, withError) => {
    let s = 0;
    let sizes = 0;
    let e = 0;
    const n = indices ? indices.length : a.val.length;
    for (let t = 0; t < n; t++) {
      const i = indices ? indices[t]! : t;
      const x = a.val[i]!;
      s += x;
      if (withError) {
        sizes += Math.abs(x);
        e += a.err[i]!;
      }
    }
    out.val[0] = s;
    if (withError) out.err[0] = bound(e + root * u * sizes);
  });
}

/** ‖R‖_F: Lipschitz 1 in R, so ‖e‖₂ carried, plus (√m + 2)·u·value. */
function frobenius(a: Node): Node {
  const root = Math.sqrt(a.val.length);
  return make(1, 1, (out, withError) => {
    let s = 0;
    for (let i = 0; i < a.val.length; i++) s += a.val[i]! * a.val[i]!;
    const v = Math.sqrt(s);
    out.val[0] = v;
    if (!withError) return;
    let e2 = 0;
    for (let i = 0; i < a.err.length; i++) e2 += a.err[i]! * a.err[i]!;
    out.err[0] = bound(Math.sqrt(e2) + (root + 2) * u * v);
  });
}

/** The largest (sign 1) or smallest (−1) entry: exact, each entry's error carried (at most the largest). */
function extreme(a: Node, sign: 1 | -1): Node {
  return make(1, 1, (out, withError) => {
    let best = sign * a.val[0]!;
    let e = 0;
    for (let i = 1; i < a.val.length; i++) best = Math.max(best, sign * a.val[i]!);
    if (withError) for (let i = 0; i < a.err.length; i++) e = Math.max(e, a.err[i]!);
    out.val[0] = sign * best;
    if (withError) out.err[0] = bound(e);
  });
}

function scalarConstant(value: number, exact: boolean): Node {
  return leaf(1, 1, Float64Array.of(value), Float64Array.of(exact ? 0 : u * Math.abs(value)));
}

/** Compiles `expr` for X of shape rows×cols; `constants` by name (their doubles `.data`). */
export function compileExpression(expr: Expr, constants: ReadonlyMap<string, ConstantMatrix>, shape: readonly [number, number]): CompiledExpression {
  const [rows, cols] = shape;
  if (!Number.isSafeInteger(rows) || !Number.isSafeInteger(cols) || rows < 1 || cols < 1) fail(`the shape must be two positive integers, not ${rows}x${cols}`);
  const n = rows * cols;
  const xVal = new Float64Array(n);
  const xErr = new Float64Array(n);
  const xNode = leaf(rows, cols, xVal, xErr);
  const order: Node[] = [];
  const constantNodes = new Map<string, Node>();

  const constant = (name: string, c: ConstantMatrix): Node => {
    let node = constantNodes.get(name);
    if (!node) {
      const val = Float64Array.from(c.data.flat());
      node = leaf(c.rows, c.cols, val, val.map((a) => u * Math.abs(a)));
      constantNodes.set(name, node);
    }
    return node;
  };

  const push = (node: Node): Node => {
    order.push(node);
    return node;
  };

  const visit = (e: Expr): Node => {
    switch (e.kind) {
      case 'number':
        return scalarConstant(e.value, Number.isInteger(e.value) && Math.abs(e.value) <= 2 ** 53 && /^\d+$/.test(e.text));
      case 'string':
        return fail(`a string ('${e.value}') is only allowed as the second argument of norm`);
      case 'symbol': {
        if (e.name === 'X') return xNode;
        const c = constants.get(e.name);
        if (c) return constant(e.name, c);
        const prim = lookupConstant(e.name);
        if (prim) return scalarConstant(primitives[prim].evaluate(0, 0), false);
        return fail(`unknown name '${e.name}'`);
      }
      case 'unary': {
        const a = visit(e.arg);
        return e.op === '+' ? a : push(unaryMap(a, (x) => -x, (_x, err) => err));
      }
      case 'transpose': {
        const a = visit(e.arg);
        return isScalar(a) ? a : push(transpose(a));
      }
      case 'binary':
        return push(binary(e.op, visit(e.left), visit(e.right)));
      case 'call':
        return call(e);
    }
  };

  const binary = (op: Extract<Expr, { kind: 'binary' }>['op'], a: Node, b: Node): Node => {
    switch (op) {
      case '+':
        return entrywise(a, b, "'+'", (x, y) => x + y, ADD);
      case '-':
        return entrywise(a, b, "'-'", (x, y) => x - y, ADD);
      case '.*':
        return entrywise(a, b, "'.*'", (x, y) => x * y, MUL);
      case './':
        return entrywise(a, b, "'./'", (x, y) => x / y, DIV);
      case '*':
        return isScalar(a) || isScalar(b) ? entrywise(a, b, "'*'", (x, y) => x * y, MUL) : matmul(a, b);
      case '/':
        if (!isScalar(b)) fail("division by a matrix is not supported; use './' for entry-wise division");
        return entrywise(a, b, "'/'", (x, y) => x / y, DIV);
      case '^':
        if (!isScalar(a)) fail("'^' on a matrix is a matrix power; use '.^' for an entry-wise power");
        if (!isScalar(b)) fail("the exponent of '^' must be a scalar");
        return entrywise(a, b, "'^'", Math.pow, POWER);
      case '.^':
        if (!isScalar(b)) fail("the exponent of '.^' must be a scalar");
        return entrywise(a, b, "'.^'", Math.pow, POWER);
    }
  };

  const call = (e: Extract<Expr, { kind: 'call' }>): Node => {
    const arity = (k: number): void => {
      if (e.args.length !== k) fail(`${e.name} takes ${k} argument${k === 1 ? '' : 's'}, got ${e.args.length}`);
    };
    switch (e.name) {
      case 'sum':
        arity(1);
        return push(summation(visit(e.args[0]!)));
      case 'trace': {
        arity(1);
        const a = visit(e.args[0]!);
        if (a.rows !== a.cols) fail(`trace needs a square matrix, got ${a.rows}x${a.cols}`);
        return push(summation(a, Array.from({ length: a.rows }, (_, i) => i * a.cols + i)));
      }
      case 'norm': {
        const kind = e.args[1];
        if (e.args.length < 1 || e.args.length > 2) fail(`norm takes 1 or 2 arguments, got ${e.args.length}`);
        if (kind?.kind !== 'string' || kind.value !== 'fro') fail("only norm(R,'fro') is evaluated (norm(R) and norm(R,2) are spectral in mathjs)");
        return push(frobenius(visit(e.args[0]!)));
      }
      case 'sqrt':
        arity(1);
        return push(unaryMap(visit(e.args[0]!), Math.sqrt, sqrtError));
    }
    if ((e.name === 'max' || e.name === 'min') && e.args.length === 1) return push(extreme(visit(e.args[0]!), e.name === 'max' ? 1 : -1));
    const name = lookupPrimitive(e.name);
    if (!name) return fail(`unknown function '${e.name}'`);
    const spec: PrimitiveSpec = primitives[name];
    if (spec.arity === 0) fail(`${e.name} is a constant, not a function`);
    arity(spec.arity);
    const a = visit(e.args[0]!);
    const b = spec.arity === 2 ? visit(e.args[1]!) : scalarConstant(0, true);
    return push(entrywise(a, b, e.name, spec.evaluate, primitiveError(spec)));
  };

  const result = visit(expr);
  const kernels = order.slice();
  const load = (x: Float64Array, withError: boolean): void => {
    if (x.length !== n) fail(`X has ${x.length} entries, not ${rows}x${cols}`);
    xVal.set(x);
    if (withError) for (let i = 0; i < n; i++) xErr[i] = u * Math.abs(x[i]!);
    for (const k of kernels) k.run(withError);
  };
  const scalar = (): void => {
    if (!isScalar(result)) fail(`f is ${result.rows}x${result.cols}, not a scalar`);
  };
  return {
    rows,
    cols,
    resultRows: result.rows,
    resultCols: result.cols,
    value(x) {
      scalar();
      load(x, false);
      return result.val[0]!;
    },
    withError(x) {
      scalar();
      load(x, true);
      return { value: result.val[0]!, error: result.err[0]! };
    },
    evaluate(x) {
      load(x, false);
      return result.val;
    },
  };
}

/** Parses `text` (ASCII or, once loaded, LaTeX) and compiles it (see compileExpression). */
export function compileStructured(text: string, constants: ReadonlyMap<string, ConstantMatrix>, shape: readonly [number, number]): CompiledExpression {
  return compileExpression(parseInput(text), constants, shape);
}

/** Row-major doubles of a Matrix (number[][]), checked against the shape. */
export function flatten(m: Matrix, rows: number, cols: number): Float64Array {
  if (m.length !== rows || m.some((r) => r.length !== cols)) fail(`a matrix of shape ${rows}x${cols} was expected`);
  return Float64Array.from(m.flat());
}

/** A Matrix (number[][]) from row-major doubles. */
export function unflatten(x: Float64Array, rows: number, cols: number): Matrix {
  return Array.from({ length: rows }, (_, i) => Array.from(x.subarray(i * cols, (i + 1) * cols)));
}
