/**
 * The straight-line JavaScript that emit.ts writes for φ and its rounding
 * bounds, translated to WebAssembly SIMD: every name holds two entries' values
 * (f64x2), every comparison a mask of two lanes. The source is only ever the
 * emitter's own, so the grammar is just what it writes: declarations
 * `const a = e, b = e;` of numbers, names, + − * /, unary − and !,
 * comparisons, && || & on comparisons, ?: on a comparison, and Math.abs,
 * sqrt, max, min, sign and PI. Anything else (Math.exp, a power by Math.pow)
 * throws `Untranslatable`, and the caller keeps the JavaScript kernel.
 *
 * Each lane computes exactly what JavaScript computes for its entry: the
 * f64x2 operations are the IEEE operations of JavaScript's numbers (without
 * fused multiply-add), a comparison is true in the same cases (false with a
 * NaN, but for !==), a boolean used as a number is 1 or 0, and a conditional
 * evaluates both branches and keeps the one its condition picks (the other
 * has no effect: these expressions cannot trap).
 */
import { append, float64, localGet, localSet, OP, simd, SIMD } from './encode.js';
import type { Bytes } from './encode.js';

export class Untranslatable extends Error {}

type Expr =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'name'; readonly name: string }
  | { readonly kind: 'unary'; readonly op: '-' | '!'; readonly arg: Expr }
  | { readonly kind: 'binary'; readonly op: string; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'conditional'; readonly test: Expr; readonly then: Expr; readonly otherwise: Expr }
  | { readonly kind: 'call'; readonly fn: string; readonly args: readonly Expr[] };

const TOKEN = /\s*(?:([0-9]+(?:\.[0-9]+)?(?:e[+-]?[0-9]+)?)|([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)?)|(===|!==|>=|<=|&&|\|\||--|[-+*/()<>?:,!&=;]))/y;

function tokens(source: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(source);
    if (!m) {
      if (/^\s*$/.test(source.slice(at))) break;
      throw new Untranslatable(`unexpected text at ${at}: ${source.slice(at, at + 20)}`);
    }
    out.push(m[0].trim());
  }
  return out;
}

/** Binding power of each binary operator, as in JavaScript. */
const PRECEDENCE: Readonly<Record<string, number>> = {
  '||': 1,
  '&&': 2,
  '&': 3,
  '===': 4,
  '!==': 4,
  '<': 5,
  '>': 5,
  '<=': 5,
  '>=': 5,
  '+': 6,
  '-': 6,
  '*': 7,
  '/': 7,
};

class Parser {
  private at = 0;
  constructor(private readonly list: readonly string[]) {}

  private peek(): string | undefined {
    return this.list[this.at];
  }

  private take(expected?: string): string {
    const token = this.list[this.at++];
    if (token === undefined || (expected !== undefined && token !== expected))
      throw new Untranslatable(`expected ${expected ?? 'more'}, found ${token ?? 'the end'}`);
    return token;
  }

  /** `const a = e, b = e;` … to the end. */
  declarations(): [string, Expr][] {
    const out: [string, Expr][] = [];
    while (this.peek() !== undefined) {
      this.take('const');
      for (;;) {
        const name = this.take();
        this.take('=');
        out.push([name, this.expression()]);
        if (this.peek() === ',') this.take(',');
        else break;
      }
      this.take(';');
    }
    return out;
  }

  private expression(): Expr {
    const test = this.binary(1);
    if (this.peek() !== '?') return test;
    this.take('?');
    const then = this.expression();
    this.take(':');
    return { kind: 'conditional', test, then, otherwise: this.expression() };
  }

  private binary(least: number): Expr {
    let left = this.unary();
    for (;;) {
      const op = this.peek();
      const power = op === undefined ? undefined : PRECEDENCE[op];
      if (power === undefined || power < least) return left;
      this.take();
      left = { kind: 'binary', op: op!, left, right: this.binary(power + 1) };
    }
  }

  private unary(): Expr {
    const token = this.take();
    if (token === '-' || token === '!') return { kind: 'unary', op: token, arg: this.unary() };
    if (token === '(') {
      const inner = this.expression();
      this.take(')');
      return inner;
    }
    if (/^[0-9]/.test(token)) return { kind: 'number', value: Number(token) };
    if (token === 'Infinity') return { kind: 'number', value: Infinity };
    if (token === 'Math.PI') return { kind: 'number', value: Math.PI };
    if (token.startsWith('Math.')) {
      this.take('(');
      const args: Expr[] = [];
      while (this.peek() !== ')') {
        args.push(this.expression());
        if (this.peek() === ',') this.take(',');
      }
      this.take(')');
      return { kind: 'call', fn: token.slice(5), args };
    }
    if (/^[A-Za-z_$]/.test(token)) return { kind: 'name', name: token };
    throw new Untranslatable(`unexpected ${token}`);
  }
}

/** The declarations of `source`, in order. */
export const parseDeclarations = (source: string): [string, Expr][] => new Parser(tokens(source)).declarations();

/** What a value on the stack is: two doubles, or a mask of two lanes (all ones where true). */
type Kind = 'number' | 'mask';

const COMPARISON: Readonly<Record<string, number>> = {
  '===': SIMD.f64x2Eq,
  '!==': SIMD.f64x2Ne,
  '<': SIMD.f64x2Lt,
  '>': SIMD.f64x2Gt,
  '<=': SIMD.f64x2Le,
  '>=': SIMD.f64x2Ge,
};
const ARITHMETIC: Readonly<Record<string, number>> = { '+': SIMD.f64x2Add, '-': SIMD.f64x2Sub, '*': SIMD.f64x2Mul, '/': SIMD.f64x2Div };
const LOGIC: Readonly<Record<string, number>> = { '&&': SIMD.and, '||': SIMD.or, '&': SIMD.and };

export const splatConstant = (x: number): Bytes => [OP.f64Const, ...float64(x), ...simd(SIMD.f64x2Splat)];

/** Local variables of v128 values, allocated as the code needs them. */
export interface Locals {
  /** A new v128 local's index. */
  readonly fresh: () => number;
  /**
   * A local holding every bit but the sign bits: |a| is a & it (what f64x2.abs does, but V8 loads the
   * constant of its f64x2.abs from memory each time, one instruction more).
   */
  readonly absMask: number;
}

/**
 * Code that leaves the value of each declaration in a local: `scope` maps the
 * names already known (inputs, constants) to v128 locals holding numbers, and
 * gets the declared ones. Returns the code, and the declared names that hold
 * masks (a comparison's value, a boolean in JavaScript), not numbers.
 */
export function translate(declarations: readonly [string, Expr][], scope: Map<string, number>, locals: Locals): { code: Bytes; masks: ReadonlySet<string> } {
  const kinds = new Map<string, Kind>();
  const code: Bytes = [];
  const kindOf = (e: Expr): Kind => {
    switch (e.kind) {
      case 'number':
      case 'call':
        return 'number';
      case 'name':
        return kinds.get(e.name) ?? 'number';
      case 'unary':
        return e.op === '-' ? 'number' : 'mask';
      case 'binary':
        return e.op in COMPARISON || e.op in LOGIC ? 'mask' : 'number';
      case 'conditional': {
        // A boolean in one branch and a number in the other would have to stay apart (=== tells them apart).
        const kind = kindOf(e.then);
        if (kindOf(e.otherwise) !== kind) throw new Untranslatable('a conditional of a number and a comparison');
        return kind;
      }
    }
  };
  /** Appends e's value as `want` (a mask is 1 or 0 as a number, as a JavaScript boolean is). */
  const emit = (e: Expr, want: Kind): void => {
    const kind = kindOf(e);
    if (want === 'mask' && kind !== 'mask') throw new Untranslatable('a number where a comparison belongs');
    switch (e.kind) {
      case 'number':
        append(code, splatConstant(e.value));
        break;
      case 'name': {
        const local = scope.get(e.name);
        if (local === undefined) throw new Untranslatable(`unknown name ${e.name}`);
        append(code, localGet(local));
        break;
      }
      case 'unary':
        emit(e.arg, e.op === '-' ? 'number' : 'mask');
        append(code, simd(e.op === '-' ? SIMD.f64x2Neg : SIMD.not));
        break;
      case 'binary': {
        const operands: Kind = e.op in LOGIC ? 'mask' : 'number';
        // JavaScript compares a boolean with === by type, and `true === 1` is false: only numbers are compared here.
        if (e.op in COMPARISON && (kindOf(e.left) === 'mask' || kindOf(e.right) === 'mask'))
          throw new Untranslatable(`a comparison of a comparison by ${e.op}`);
        emit(e.left, operands);
        emit(e.right, operands);
        append(code, simd(COMPARISON[e.op] ?? LOGIC[e.op] ?? ARITHMETIC[e.op]!));
        break;
      }
      case 'conditional':
        // Both branches, then the condition's mask picks one per lane.
        emit(e.then, kind);
        emit(e.otherwise, kind);
        emit(e.test, 'mask');
        append(code, simd(SIMD.bitselect));
        break;
      case 'call':
        call(e.fn, e.args);
        break;
    }
    if (want === 'number' && kind === 'mask') append(code, [...splatConstant(1), ...simd(SIMD.and)]);
  };
  const call = (fn: string, args: readonly Expr[]): void => {
    const binaryOps: Readonly<Record<string, number>> = { max: SIMD.f64x2Max, min: SIMD.f64x2Min };
    if (fn === 'abs' && args.length === 1) {
      emit(args[0]!, 'number');
      append(code, [...localGet(locals.absMask), ...simd(SIMD.and)]);
    } else if (fn === 'sqrt' && args.length === 1) {
      emit(args[0]!, 'number');
      append(code, simd(SIMD.f64x2Sqrt));
    } else if (fn in binaryOps && args.length === 2) {
      emit(args[0]!, 'number');
      emit(args[1]!, 'number');
      append(code, simd(binaryOps[fn]!));
    } else if (fn === 'sign' && args.length === 1) {
      // 1 where a > 0, −1 where a < 0, else a itself (±0 and NaN, as Math.sign).
      const a = locals.fresh();
      emit(args[0]!, 'number');
      append(code, [...localSet(a), ...splatConstant(1), ...splatConstant(-1), ...localGet(a)]);
      append(code, [...localGet(a), ...splatConstant(0), ...simd(SIMD.f64x2Lt), ...simd(SIMD.bitselect)]);
      append(code, [...localGet(a), ...splatConstant(0), ...simd(SIMD.f64x2Gt), ...simd(SIMD.bitselect)]);
    } else throw new Untranslatable(`Math.${fn} with ${args.length} arguments`);
  };

  for (const [name, e] of declarations) {
    const local = locals.fresh();
    const kind = kindOf(e);
    emit(e, kind);
    append(code, localSet(local));
    kinds.set(name, kind);
    scope.set(name, local);
  }
  return { code, masks: new Set([...kinds].filter(([, kind]) => kind === 'mask').map(([name]) => name)) };
}
