/**
 * An independent floating-point evaluator of the input language, for the fuzz
 * oracle: it evaluates f(X) literally (matrix products, transposes, traces,
 * norms) with no simplification and no separable reduction, so a value that
 * kinkproof's exact pipeline reports can be compared with the expression the
 * user actually typed. Only kinkproof's parser is shared.
 */
import { parse } from '../../src/symbolic/syntax/parse.js';
import type { Expr } from '../../src/symbolic/syntax/ast.js';

export type Value = number | number[][];

/** f has no real value at this X (√ of a negative, log of a non-positive, division by 0, 0^negative). */
export class RefUndefined extends Error {}
/**
 * A zero divisor or log argument that came through exp, log or a root: the
 * float may be an underflow (log(1 + e^(−60)) is 0 in doubles, not exactly),
 * so it proves nothing either way.
 */
export class RefUnsure extends Error {}

/** Does the subtree go through a function whose float value may round to 0 when the exact one is not? */
function roundsThrough(e: Expr): boolean {
  switch (e.kind) {
    case 'number':
    case 'string':
    case 'symbol':
      return false;
    case 'unary':
    case 'transpose':
      return roundsThrough(e.arg);
    case 'binary':
      return (e.op === '^' || e.op === '.^' || roundsThrough(e.left)) || roundsThrough(e.right);
    case 'call':
      return ['exp', 'log', 'sqrt', 'norm'].includes(e.name) || e.args.some(roundsThrough);
  }
}
/** The expression is not something the reference understands (kinkproof must refuse it too). */
export class RefInvalid extends Error {}

export interface Evaluation {
  readonly value: Value;
  /** Largest magnitude of any intermediate number: scales the round-off we tolerate. */
  readonly magnitude: number;
}

const isMatrix = (v: Value): v is number[][] => typeof v !== 'number';

class Evaluator {
  magnitude = 0;
  constructor(private readonly X: readonly (readonly number[])[]) {}

  private note(x: number): number {
    const a = Math.abs(x);
    if (a > this.magnitude) this.magnitude = a;
    return x;
  }

  private map(v: Value, f: (x: number) => number): Value {
    return isMatrix(v) ? v.map((r) => r.map((x) => this.note(f(x)))) : this.note(f(v));
  }

  private zip(a: Value, b: Value, f: (x: number, y: number) => number): Value {
    if (!isMatrix(a) && !isMatrix(b)) return this.note(f(a, b));
    if (!isMatrix(a)) return (b as number[][]).map((r) => r.map((y) => this.note(f(a, y))));
    if (!isMatrix(b)) return a.map((r) => r.map((x) => this.note(f(x, b))));
    if (a.length !== b.length || a[0]!.length !== b[0]!.length) throw new RefInvalid('shape mismatch');
    return a.map((r, i) => r.map((x, j) => this.note(f(x, b[i]![j]!))));
  }

  eval(e: Expr): Value {
    switch (e.kind) {
      case 'number':
        return this.note(e.value);
      case 'string':
        throw new RefInvalid('string');
      case 'symbol':
        if (e.name !== 'X') throw new RefInvalid(`name ${e.name}`);
        return this.X.map((r) => r.map((x) => this.note(x)));
      case 'unary': {
        const v = this.eval(e.arg);
        return e.op === '-' ? this.map(v, (x) => -x) : v;
      }
      case 'transpose': {
        const v = this.eval(e.arg);
        return isMatrix(v) ? v[0]!.map((_, j) => v.map((r) => r[j]!)) : v;
      }
      case 'binary':
        return this.binary(e);
      case 'call':
        return this.call(e);
    }
  }

  private binary(e: Extract<Expr, { kind: 'binary' }>): Value {
    const a = this.eval(e.left);
    const b = this.eval(e.right);
    switch (e.op) {
      case '+':
        return this.zip(a, b, (x, y) => x + y);
      case '-':
        return this.zip(a, b, (x, y) => x - y);
      case '.*':
        return this.zip(a, b, (x, y) => x * y);
      case './':
        return this.zip(a, b, divideBy(e.right));
      case '/':
        if (isMatrix(b)) throw new RefInvalid('division by a matrix');
        return this.zip(a, b, divideBy(e.right));
      case '^':
        if (isMatrix(a) || isMatrix(b)) throw new RefInvalid('matrix power');
        return this.note(power(a, b));
      case '.^':
        if (isMatrix(b)) throw new RefInvalid('matrix exponent');
        return this.map(a, (x) => power(x, b));
      case '*': {
        if (!isMatrix(a) || !isMatrix(b)) return this.zip(a, b, (x, y) => x * y);
        const inner = a[0]!.length;
        if (inner !== b.length) throw new RefInvalid('product shapes');
        return a.map((row) => b[0]!.map((_, j) => this.note(row.reduce((s, x, k) => s + x * b[k]![j]!, 0))));
      }
    }
  }

  private call(e: Extract<Expr, { kind: 'call' }>): Value {
    const args = e.args.map((a) => (a.kind === 'string' ? a.value : this.eval(a)));
    const one = (): Value => {
      if (args.length !== 1 || typeof args[0] === 'string') throw new RefInvalid(`${e.name} arity`);
      return args[0]!;
    };
    const all = (v: Value): number[] => (isMatrix(v) ? v.flat() : [v]);
    switch (e.name) {
      case 'relu':
      case 'pos':
      case 'sigma':
        return this.map(one(), (x) => (x > 0 ? x : 0));
      case 'abs':
        return this.map(one(), Math.abs);
      case 'sign':
        return this.map(one(), (x) => (x > 0 ? 1 : x < 0 ? -1 : 0));
      case 'heaviside':
        return this.map(one(), (x) => (x > 0 ? 1 : x < 0 ? 0 : 0.5));
      case 'exp':
        return this.map(one(), Math.exp);
      case 'log':
        return this.map(one(), (x) => {
          if (!(x > 0)) throw x === 0 && roundsThrough(e.args[0]!) ? new RefUnsure(`log(${x})`) : new RefUndefined(`log(${x})`);
          return Math.log(x);
        });
      case 'sqrt':
        return this.map(one(), (x) => power(x, 0.5));
      case 'max':
      case 'min': {
        if (args.length !== 2 || typeof args[0] === 'string' || typeof args[1] === 'string') throw new RefInvalid(`${e.name} arity`);
        return this.zip(args[0]!, args[1]!, e.name === 'max' ? Math.max : Math.min);
      }
      case 'sum':
        return this.note(all(one()).reduce((s, x) => s + x, 0));
      case 'trace': {
        const v = one();
        if (!isMatrix(v)) return v;
        if (v.length !== v[0]!.length) throw new RefInvalid('trace of a non-square matrix');
        return this.note(v.reduce((s, r, i) => s + r[i]!, 0));
      }
      case 'norm': {
        const [v, kind] = args;
        if (v === undefined || typeof v === 'string' || args.length > 2) throw new RefInvalid('norm arity');
        // mathjs's meanings: only 'fro' is the Frobenius norm; norm(R) and norm(R,2) are spectral, norm(R,1) the largest column sum.
        if (kind === 'fro') return this.note(Math.sqrt(all(v).reduce((s, x) => s + x * x, 0)));
        if (kind === 1 && isMatrix(v)) return this.note(v[0]!.reduce((m, _, j) => Math.max(m, v.reduce((s, r) => s + Math.abs(r[j]!), 0)), 0));
        throw new RefInvalid('norm kind');
      }
      default:
        throw new RefInvalid(`unknown function ${e.name}`);
    }
  }
}

const divideBy =
  (divisor: Expr) =>
  (x: number, y: number): number => {
    if (y === 0) throw roundsThrough(divisor) ? new RefUnsure(`${x}/0`) : new RefUndefined(`${x}/0`);
    return x / y;
  };

/** Below this, a negative float is taken for a rounded 0 (x + 0.1 - 0.1 - x), never for a point outside the domain. */
const ROUNDED_ZERO = 1e-12;

/** x^k with kinkproof's conventions: t^0 = 1; no real value for 0^(k<0) or a negative base with non-integer k. */
function power(x: number, k: number): number {
  if (x < 0 && x > -ROUNDED_ZERO && !Number.isInteger(k)) x = 0;
  if (x === 0 && k < 0) throw new RefUndefined(`0^${k}`);
  if (x < 0 && !Number.isInteger(k)) throw new RefUndefined(`${x}^${k}`);
  return Math.pow(x, k);
}

/** f(X) as the user wrote it, in floating point. Throws RefUndefined or RefInvalid. */
export function evaluateReference(source: string, X: readonly (readonly number[])[]): Evaluation {
  const ev = new Evaluator(X);
  const value = ev.eval(parse(source));
  return { value, magnitude: ev.magnitude };
}
