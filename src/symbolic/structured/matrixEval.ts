/**
 * Matrix expressions in doubles: row-major Float64Array loops, each distinct
 * subexpression (by its text) computed once per point.
 */
import * as Q from '../exact/rational.js';
import { primitives } from '../primitives/registry.js';
import type { ConstantMatrix } from '../shapes.js';
import type { Dim, MExpr } from './matrixExpr.js';
import { keyOf } from './matrixPrint.js';

export interface Mat {
  readonly r: number;
  readonly c: number;
  readonly d: Float64Array;
}
export type Val = number | Mat;

export const isMat = (v: Val): v is Mat => typeof v !== 'number';

export function matFrom(rows: readonly (readonly number[])[]): Mat {
  const r = rows.length;
  const c = rows[0]?.length ?? 0;
  const d = new Float64Array(r * c);
  for (let i = 0; i < r; i++) {
    const row = rows[i]!;
    if (row.length !== c) throw new Error(`row ${i} has ${row.length} entries, expected ${c}`);
    for (let j = 0; j < c; j++) d[i * c + j] = row[j]!;
  }
  return { r, c, d };
}

export function matTo(m: Mat): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < m.r; i++) out.push(Array.from(m.d.subarray(i * m.c, (i + 1) * m.c)));
  return out;
}

/** a ∘ b entry-wise, a scalar broadcast. */
function zip(a: Val, b: Val, f: (x: number, y: number) => number): Val {
  if (!isMat(a) && !isMat(b)) return f(a, b);
  const shape = isMat(a) ? a : (b as Mat);
  if (isMat(a) && isMat(b) && (a.r !== b.r || a.c !== b.c)) throw new Error('shape mismatch');
  const d = new Float64Array(shape.r * shape.c);
  if (isMat(a) && isMat(b)) for (let i = 0; i < d.length; i++) d[i] = f(a.d[i]!, b.d[i]!);
  else if (isMat(a)) for (let i = 0; i < d.length; i++) d[i] = f(a.d[i]!, b as number);
  else for (let i = 0; i < d.length; i++) d[i] = f(a, (b as Mat).d[i]!);
  return { r: shape.r, c: shape.c, d };
}

function map(a: Val, f: (x: number) => number): Val {
  if (!isMat(a)) return f(a);
  const d = new Float64Array(a.d.length);
  for (let i = 0; i < d.length; i++) d[i] = f(a.d[i]!);
  return { r: a.r, c: a.c, d };
}

function matmul(a: Mat, b: Mat): Mat {
  if (a.c !== b.r) throw new Error('shape mismatch in a product');
  const r = a.r;
  const c = b.c;
  const k = a.c;
  const ad = a.d;
  const bd = b.d;
  const d = new Float64Array(r * c);
  // i-p-j order: the inner loop runs along rows of b and d (contiguous).
  for (let i = 0; i < r; i++) {
    const row = i * c;
    const arow = i * k;
    for (let p = 0; p < k; p++) {
      const x = ad[arow + p]!;
      if (x === 0) continue;
      const brow = p * c;
      for (let j = 0; j < c; j++) d[row + j]! += x * bd[brow + j]!;
    }
  }
  return { r, c, d };
}

function transpose(a: Mat): Mat {
  const d = new Float64Array(a.d.length);
  for (let i = 0; i < a.r; i++) for (let j = 0; j < a.c; j++) d[j * a.r + i] = a.d[i * a.c + j]!;
  return { r: a.c, c: a.r, d };
}

export function fill(r: number, c: number, x: number): Mat {
  return { r, c, d: new Float64Array(r * c).fill(x) };
}

/** Where the maximum (or minimum) of the entries is, and whether it is attained once. */
export function extremum(a: Mat, f: 'max' | 'min'): { index: number; unique: boolean } {
  let index = 0;
  let unique = true;
  for (let i = 1; i < a.d.length; i++) {
    const x = a.d[i]!;
    const best = a.d[index]!;
    if (x === best) unique = false;
    else if (f === 'max' ? x > best : x < best) {
      index = i;
      unique = true;
    }
  }
  return { index, unique };
}

const power = (x: number, p: number): number => (p === 1 ? x : p === 2 ? x * x : p === -1 ? 1 / x : Math.pow(x, p));

/** The constants in doubles (a 1×1 constant is a scalar). */
export function constantValues(constants: ReadonlyMap<string, ConstantMatrix>): Map<string, Val> {
  const out = new Map<string, Val>();
  for (const [name, c] of constants) out.set(name, c.rows === 1 && c.cols === 1 ? c.data[0]![0]! : matFrom(c.data));
  return out;
}

/** An evaluator at one point X: `value(e)` memoised by the node's text. */
export class PointEvaluator {
  private readonly memo = new Map<string, Val>();

  /** `consts` from `constantValues`, converted once for every point. */
  constructor(
    readonly X: Mat,
    private readonly consts: ReadonlyMap<string, Val>,
  ) {}

  dim(d: Dim): number {
    return typeof d === 'number' ? d : d === 'm' ? this.X.r : this.X.c;
  }

  value(e: MExpr): Val {
    const key = keyOf(e);
    const hit = this.memo.get(key);
    if (hit !== undefined) return hit;
    const v = this.compute(e);
    this.memo.set(key, v);
    return v;
  }

  private compute(e: MExpr): Val {
    switch (e.k) {
      case 'X':
        return this.X;
      case 'const': {
        const v = this.consts.get(e.name);
        if (v === undefined) throw new Error(`no value for ${e.name}`);
        return v;
      }
      case 'num':
        return Q.toNumber(e.q);
      case 'pi':
        return Math.PI;
      case 'neg':
        return map(this.value(e.a), (x) => -x);
      case 'tr': {
        const a = this.value(e.a);
        return isMat(a) ? transpose(a) : a;
      }
      case 'bin': {
        const a = this.value(e.a);
        const b = this.value(e.b);
        switch (e.op) {
          case '+':
            return zip(a, b, (x, y) => x + y);
          case '-':
            return zip(a, b, (x, y) => x - y);
          case '.*':
            return zip(a, b, (x, y) => x * y);
          case './':
          case '/':
            return zip(a, b, (x, y) => x / y);
          case '^':
          case '.^':
            return zip(a, b, power);
          case '*':
            return isMat(a) && isMat(b) ? matmul(a, b) : zip(a, b, (x, y) => x * y);
        }
        break;
      }
      case 'app': {
        const args = e.args.map((x) => this.value(x));
        if (e.f === 'sqrt') return map(args[0]!, Math.sqrt);
        const f = primitives[e.f].evaluate;
        return args.length === 2 ? zip(args[0]!, args[1]!, f) : map(args[0]!, (x) => f(x, 0));
      }
      case 'reduce': {
        const a = this.value(e.a);
        if (!isMat(a)) return e.f === 'norm' ? Math.abs(a) : a;
        switch (e.f) {
          case 'sum': {
            let s = 0;
            for (let i = 0; i < a.d.length; i++) s += a.d[i]!;
            return s;
          }
          case 'trace': {
            let s = 0;
            for (let i = 0; i < Math.min(a.r, a.c); i++) s += a.d[i * a.c + i]!;
            return s;
          }
          case 'norm': {
            let s = 0;
            for (let i = 0; i < a.d.length; i++) s += a.d[i]! * a.d[i]!;
            return Math.sqrt(s);
          }
          case 'max':
          case 'min':
            return a.d[extremum(a, e.f).index]!;
        }
        break;
      }
      case 'ones':
      case 'eye': {
        if (e.shape.kind === 'scalar') return 1;
        const m = fill(this.dim(e.shape.rows), this.dim(e.shape.cols), e.k === 'ones' ? 1 : 0);
        if (e.k === 'eye') for (let i = 0; i < Math.min(m.r, m.c); i++) m.d[i * m.c + i] = 1;
        return m;
      }
      case 'unit': {
        const a = this.value(e.a);
        if (!isMat(a)) return 1;
        const m = fill(a.r, a.c, 0);
        m.d[extremum(a, e.f).index] = 1;
        return m;
      }
      case 'had': {
        let acc: Val = 1;
        for (const f of e.fs) {
          const p = Q.toNumber(f.exp);
          const b = this.value(f.base);
          acc = p === 1 ? zip(acc, b, (x, y) => x * y) : p === -1 ? zip(acc, b, (x, y) => x / y) : zip(acc, b, (x, y) => x * power(y, p));
        }
        return acc;
      }
    }
    throw new Error('unreachable');
  }
}

/** Is every entry finite? */
export const finite = (v: Val): boolean => (isMat(v) ? v.d.every(Number.isFinite) : Number.isFinite(v));

/** Does some entry satisfy the predicate? */
export const some = (v: Val, p: (x: number) => boolean): boolean => (isMat(v) ? v.d.some(p) : p(v));
