/**
 * Exact evaluation of a matrix expression at a given X whose entries are exact
 * constants. This is the checker's second line for expressions that are not
 * entry-wise (matrix products, traces, constant matrices): values are
 * canonical constants, so two sides differ only when a sign is proved.
 */
import { fromPoly, lookupPrimitive, lookupConstant, P, primitives, Q, signOfConstant, toPoly } from '../../symbolic/index.js';
import type { ConstantMatrix, Expr, Poly, PrimitiveName } from '../../symbolic/index.js';

export type Val = { readonly kind: 'scalar'; readonly v: Poly } | { readonly kind: 'matrix'; readonly m: Poly[][] };

/** No value at this point: none exists (1/0, log 0: `real` false), or it cannot be decided. */
export class NoValue extends Error {
  constructor(
    message: string,
    /** The expression provably has no real value here (rather than: undecided). */
    readonly undefinedHere = false,
  ) {
    super(message);
  }
}

const CONSTANT = { tPositive: false };
const scalar = (v: Poly): Val => ({ kind: 'scalar', v });

function map(a: Val, f: (x: Poly) => Poly): Val {
  return a.kind === 'scalar' ? scalar(f(a.v)) : { kind: 'matrix', m: a.m.map((r) => r.map(f)) };
}

function zip(a: Val, b: Val, f: (x: Poly, y: Poly) => Poly): Val {
  if (a.kind === 'scalar') return map(b, (y) => f(a.v, y));
  if (b.kind === 'scalar') return map(a, (x) => f(x, b.v));
  if (a.m.length !== b.m.length || a.m[0]!.length !== b.m[0]!.length) throw new NoValue('shapes differ');
  return { kind: 'matrix', m: a.m.map((r, i) => r.map((x, j) => f(x, b.m[i]![j]!))) };
}

const entries = (a: Val): Poly[] => (a.kind === 'scalar' ? [a.v] : a.m.flat());
const divide = (x: Poly, y: Poly): Poly => P.mul(x, P.pow(y, Q.MINUS_ONE, CONSTANT));

function exponentOf(v: Val): Q.Rational {
  const q = v.kind === 'scalar' ? P.asRational(v.v) : undefined;
  if (!q) throw new NoValue('the exponent is not a rational constant');
  return q;
}

function matrixProduct(a: Poly[][], b: Poly[][]): Val {
  if (a[0]!.length !== b.length) throw new NoValue('shapes differ');
  return {
    kind: 'matrix',
    m: a.map((row) => b[0]!.map((_, j) => P.sum(row.map((x, k) => P.mul(x, b[k]![j]!))))),
  };
}

/** The largest (smallest) of exact numbers; NoValue when an order is not decided. */
function extremum(xs: readonly Poly[], which: 'max' | 'min'): Poly {
  let best = xs[0]!;
  for (const x of xs.slice(1)) {
    const s = signOfConstant(P.sub(x, best));
    if (s === undefined) throw new NoValue(`cannot decide which entry is the ${which}`);
    if (which === 'max' ? s > 0 : s < 0) best = x;
  }
  return best;
}

/** A primitive at constant arguments, through its own split rule or elementary rule. */
export function applyPrimitive(name: PrimitiveName, args: readonly Poly[]): Poly {
  const spec = primitives[name];
  if ('split' in spec && spec.split) {
    const as = args.map(fromPoly);
    const side = signOfConstant(toPoly(spec.split.switchOf(as), CONSTANT));
    if (side === undefined) throw new NoValue(`cannot decide the sign inside ${name}`);
    return toPoly(spec.split.branch(as, side), CONSTANT);
  }
  if (!('elementary' in spec) || !spec.elementary) throw new NoValue(`${name} has no rule`);
  return spec.elementary(args[0] ?? P.ZERO, CONSTANT);
}

class Evaluator {
  constructor(
    private readonly X: Poly[][],
    private readonly constants: ReadonlyMap<string, ConstantMatrix>,
  ) {}

  value(e: Expr): Val {
    switch (e.kind) {
      case 'number':
        return scalar(P.constant(Q.fromDecimal(e.text)));
      case 'string':
        throw new NoValue(`unexpected string '${e.value}'`);
      case 'symbol':
        return this.symbol(e.name);
      case 'unary':
        return e.op === '-' ? map(this.value(e.arg), P.neg) : this.value(e.arg);
      case 'transpose': {
        const a = this.value(e.arg);
        return a.kind === 'scalar' ? a : { kind: 'matrix', m: a.m[0]!.map((_, j) => a.m.map((r) => r[j]!)) };
      }
      case 'binary':
        return this.binary(e.op, this.value(e.left), this.value(e.right));
      case 'call':
        return this.call(e);
    }
  }

  private symbol(name: string): Val {
    if (name === 'X') return { kind: 'matrix', m: this.X };
    const named = lookupConstant(name);
    if (named) return scalar(applyPrimitive(named, []));
    const c = this.constants.get(name);
    if (!c) throw new NoValue(`unknown name ${name}`);
    const m = c.exact.map((r) => r.map((q) => P.constant(q))); // as written: 0.1 is 1/10
    return c.rows === 1 && c.cols === 1 ? scalar(m[0]![0]!) : { kind: 'matrix', m };
  }

  private binary(op: Extract<Expr, { kind: 'binary' }>['op'], a: Val, b: Val): Val {
    switch (op) {
      case '+':
        return zip(a, b, P.add);
      case '-':
        return zip(a, b, P.sub);
      case '.*':
        return zip(a, b, P.mul);
      case './':
        return zip(a, b, divide);
      case '/':
        if (b.kind !== 'scalar') throw new NoValue('division by a matrix');
        return zip(a, b, divide);
      case '^':
      case '.^': {
        const q = exponentOf(b);
        return map(a, (x) => P.pow(x, q, CONSTANT));
      }
      case '*':
        return a.kind === 'matrix' && b.kind === 'matrix' ? matrixProduct(a.m, b.m) : zip(a, b, P.mul);
    }
  }

  private call(e: Extract<Expr, { kind: 'call' }>): Val {
    const args = e.args.filter((a) => a.kind !== 'string').map((a) => this.value(a));
    const [first] = args;
    if (!first) throw new NoValue(`${e.name} needs an argument`);
    // One argument: mathjs's max/min over all entries (as in shape inference); two: the entry-wise primitive.
    if ((e.name === 'max' || e.name === 'min') && args.length === 1) return scalar(extremum(entries(first), e.name));
    switch (e.name) {
      case 'sum':
        return scalar(P.sum(entries(first)));
      case 'trace':
        if (first.kind === 'scalar') return first;
        return scalar(P.sum(first.m.map((r, i) => r[i] ?? P.ZERO)));
      case 'norm': {
        // Only norm(R,'fro'): norm(R), norm(R,1), norm(R,'inf') keep mathjs's (non-separable) meanings and are refused earlier.
        const kind = e.args[1];
        if (kind?.kind !== 'string' || kind.value !== 'fro') throw new NoValue(`norm other than norm(.,'fro')`);
        return scalar(P.pow(P.sum(entries(first).map((x) => P.mul(x, x))), Q.HALF, CONSTANT));
      }
      case 'sqrt':
        return map(first, (x) => P.pow(x, Q.HALF, CONSTANT));
      default: {
        const name = lookupPrimitive(e.name);
        if (!name) throw new NoValue(`unknown function ${e.name}`);
        const second = args[1];
        return second ? zip(first, second, (x, y) => applyPrimitive(name, [x, y])) : map(first, (x) => applyPrimitive(name, [x]));
      }
    }
  }
}

/** The exact value of e at X; throws NoValue where there is none (or it cannot be decided). */
export function evaluate(e: Expr, X: Poly[][], constants: ReadonlyMap<string, ConstantMatrix>): Val {
  try {
    return new Evaluator(X, constants).value(e);
  } catch (err) {
    if (err instanceof P.Undefined) throw new NoValue(err.message, true);
    if (err instanceof P.TooLarge) throw new NoValue(err.message);
    throw err;
  }
}

/** A value as a rows×cols matrix (a scalar fills it: MATLAB's scalar expansion). */
export function broadcast(v: Val, rows: number, cols: number): Poly[][] | null {
  if (v.kind === 'scalar') return Array.from({ length: rows }, () => Array.from({ length: cols }, () => v.v));
  return v.m.length === rows && v.m[0]!.length === cols ? v.m : null;
}

/** The value at X, or null where it provably has none; throws NoValue when undecided. */
export function evaluateOrNull(e: Expr, X: Poly[][], constants: ReadonlyMap<string, ConstantMatrix>): Val | null {
  try {
    return evaluate(e, X, constants);
  } catch (err) {
    if (err instanceof NoValue && err.undefinedHere) return null;
    throw err;
  }
}
