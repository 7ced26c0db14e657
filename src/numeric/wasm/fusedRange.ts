/**
 * The fast range kernel of compile.ts's fused pass in WebAssembly SIMD, for φ
 * and ψ whose emitted statements translate (expression.ts: arithmetic, abs,
 * sqrt, max, min, sign). The JavaScript kernel sums a range as two halves,
 * each entry after entry, and adds the halves' sums at the end; here lane 0
 * runs the first half and lane 1 the second, side by side, so every sum is
 * formed exactly as there: the same numbers (a NaN may come out with the
 * other sign bit, which nothing reads: a sum that is not finite sends the
 * pass to the careful kernel). An entry
 * within reach of a kink adds +0 instead of being skipped, which leaves every
 * sum as it is (sums start at +0, and a sum in round-to-nearest is −0 only
 * when both terms are). What it saves is V8's per-entry overhead on typed
 * arrays and the spills of a loop with thirty live doubles.
 *
 * WebAssembly reads its own memory only, so the returned JavaScript copies a
 * range's entries in (the direction already rotated) and its sums out, a few
 * percent of the pass; the memory grows to the longest range it is given.
 */
import { UNIT_ROUNDOFF } from '../errorModel.js';
import { append, i32, localGet, localSet, memarg, module, OP, simd, SIMD, TYPE } from './encode.js';
import type { Bytes, ValueType } from './encode.js';
import { parseDeclarations, splatConstant, translate, Untranslatable } from './expression.js';

/** The totals and sign buckets of compile.ts (TOTAL_SLOTS, SIGN_BUCKETS). */
const TOTALS = 12;
const BUCKETS = 256 * 3;

/**
 * What the kernel's statements define (compile.ts fusedKernel) for an entry t: φ(t ± h) and φ(t ± 2h),
 * ψ(t), and the rounding bounds of φ(t) and ψ(t).
 */
const RESULTS = ['a1', 'b1', 'a2', 'b2', 'g', 'phiError', 'gError'] as const;

/** run(length, half, factor, step, step2, near, x, d, signs): the last three are byte offsets of the copied range. */
const PARAM = { length: 0, half: 1, factor: 2, step: 3, step2: 4, near: 5, x: 6, d: 7, signs: 8 } as const;
const PARAMS: readonly ValueType[] = [TYPE.i32, TYPE.i32, TYPE.f64, TYPE.f64, TYPE.f64, TYPE.f64, TYPE.i32, TYPE.i32, TYPE.i32];

/** Byte offsets of the fixed part of memory: hoisted constants, the sums as pairs (first half, second half), both halves' buckets; ranges after it. */
function layout(constants: number): { sums: number; first: number; second: number; ranges: number } {
  const sums = Math.ceil(constants / 2) * 16;
  const first = sums + 16 * TOTALS;
  const second = first + 8 * BUCKETS;
  return { sums, first, second, ranges: second + 8 * BUCKETS };
}

/**
 * The WebAssembly function `run`. `statements`: the JavaScript kernel's
 * per-entry statements (in t, step, step2 and the hoisted constants), which
 * define RESULTS.
 */
function kernelFunction(statements: string, constants: readonly string[], kinks: readonly number[], at: ReturnType<typeof layout>) {
  const declarations = parseDeclarations(statements);
  const locals: ValueType[] = [];
  const fresh = (type: ValueType) => (): number => PARAMS.length + locals.push(type) - 1;
  const vector = fresh(TYPE.v128);
  const integer = fresh(TYPE.i32);
  const [j, full, x2, d2, signs2] = [integer(), integer(), integer(), integer(), integer()];
  const sums = Array.from({ length: TOTALS }, vector);
  const body: Bytes = [];
  // Loop invariants: the parameters and constants as pairs, where the second half starts.
  const splat = (param: number): number => {
    const local = vector();
    body.push(...localGet(param), ...simd(SIMD.f64x2Splat), ...localSet(local));
    return local;
  };
  const factor = splat(PARAM.factor);
  const inputs = new Map<string, number>([
    ['step', splat(PARAM.step)],
    ['step2', splat(PARAM.step2)],
  ]);
  const near = splat(PARAM.near);
  const absMask = vector();
  // Each lane little-endian: every bit but the top one (the sign).
  const lane = [...Array<number>(7).fill(0xff), 0x7f];
  body.push(...simd(SIMD.const), ...lane, ...lane, ...localSet(absMask));
  constants.forEach((name, k) => {
    const local = vector();
    body.push(...i32(0), OP.f64Load, ...memarg(3, 8 * k), ...simd(SIMD.f64x2Splat), ...localSet(local));
    inputs.set(name, local);
  });
  const zero = [...simd(SIMD.const), ...Array<number>(16).fill(0)];
  for (const sum of sums) body.push(...zero, ...localSet(sum));
  const offsetBy = (base: number, scale: number, local: number): Bytes => [...localGet(base), ...localGet(PARAM.half), ...i32(scale), OP.i32Mul, OP.i32Add, ...localSet(local)];
  body.push(...offsetBy(PARAM.x, 8, x2), ...offsetBy(PARAM.d, 8, d2), ...offsetBy(PARAM.signs, 1, signs2));
  body.push(...localGet(PARAM.length), ...localGet(PARAM.half), OP.i32Sub, ...localSet(full));

  /** Entry j of each half; `both`: the second half has an entry j too (else only lane 0 counts). */
  const pair = (both: boolean): Bytes => {
    const code: Bytes = [];
    const byte = integer();
    code.push(...localGet(j), ...i32(3), OP.i32Shl, ...localSet(byte));
    const load = (first: number, second: number): number => {
      const local = vector();
      code.push(...localGet(first), ...localGet(byte), OP.i32Add, OP.f64Load, ...memarg(3, 0), ...simd(SIMD.f64x2Splat));
      code.push(...localGet(second), ...localGet(byte), OP.i32Add, OP.f64Load, ...memarg(3, 0), ...simd(SIMD.f64x2ReplaceLane), 1, ...localSet(local));
      return local;
    };
    const x = load(PARAM.x, x2);
    const d = load(PARAM.d, d2);
    const t = vector();
    code.push(...localGet(factor), ...localGet(x), ...simd(SIMD.f64x2Mul), ...localSet(t));
    // Kept: no kink within reach (|t − c| ≤ near leaves the entry out, as the JavaScript kernel's `continue`), and lane 1 only with `both`.
    const keep = vector();
    code.push(...simd(SIMD.const), ...Array<number>(8).fill(0xff), ...Array<number>(8).fill(both ? 0xff : 0));
    for (const c of kinks)
      code.push(...localGet(t), ...splatConstant(c), ...simd(SIMD.f64x2Sub), ...localGet(absMask), ...simd(SIMD.and), ...localGet(near), ...simd(SIMD.f64x2Le), ...simd(SIMD.not), ...simd(SIMD.and));
    code.push(...localSet(keep));
    const scope = new Map(inputs);
    scope.set('t', t);
    const translated = translate(declarations, scope, { fresh: vector, absMask });
    append(code, translated.code);
    const named = (name: string): number => {
      const local = scope.get(name);
      if (local === undefined || translated.masks.has(name)) throw new Untranslatable(`no number ${name}`);
      return local;
    };
    const define = (parts: Bytes): number => {
      const local = vector();
      code.push(...parts, ...localSet(local));
      return local;
    };
    const op = (a: number, b: number, o: number): Bytes => [...localGet(a), ...localGet(b), ...simd(o)];
    const abs = (a: number): number => define([...localGet(a), ...localGet(absMask), ...simd(SIMD.and)]);
    const [a1, b1, a2, b2, g, phiError, gError] = RESULTS.map(named) as [number, number, number, number, number, number, number];
    const e1 = define(op(a1, b1, SIMD.f64x2Sub));
    const e2 = define(op(a2, b2, SIMD.f64x2Sub));
    const ad = abs(d);
    const de1 = define(op(d, e1, SIMD.f64x2Mul));
    const de2 = define(op(d, e2, SIMD.f64x2Mul));
    const dg = define(op(d, g, SIMD.f64x2Mul));
    const u = splatConstant(UNIT_ROUNDOFF);
    const absDe1 = abs(de1);
    const absDe2 = abs(de2);
    const absDg = abs(dg);
    // ad·(φ error) + u·(|d·e1| + |d·e2|) and ad·(ψ error) + u·|d·ψ|, as the JavaScript kernel adds them.
    const dPhiError = define([...op(ad, phiError, SIMD.f64x2Mul), ...u, ...op(absDe1, absDe2, SIMD.f64x2Add), ...simd(SIMD.f64x2Mul), ...simd(SIMD.f64x2Add)]);
    const dGradientError = define([...op(ad, gError, SIMD.f64x2Mul), ...u, ...localGet(absDg), ...simd(SIMD.f64x2Mul), ...simd(SIMD.f64x2Add)]);
    const one = define(splatConstant(1));
    // In the order of compile.ts TOTAL.
    const terms = [phiError, abs(e1), gError, abs(g), one, dPhiError, absDe1, dGradientError, absDg, de1, de2, dg];
    terms.forEach((term, s) => code.push(...localGet(sums[s]!), ...op(term, keep, SIMD.and), ...simd(SIMD.f64x2Add), ...localSet(sums[s]!)));
    // Sign buckets: each half's own, entry after entry.
    const bucket = integer();
    for (const lane of both ? [0, 1] : [0]) {
      code.push(...localGet(lane === 0 ? PARAM.signs : signs2), ...localGet(j), OP.i32Add, OP.i32Load8u, ...memarg(0, 0), ...i32(24), OP.i32Mul, ...localSet(bucket));
      [e1, e2, g].forEach((term, k) => {
        const offset = (lane === 0 ? at.first : at.second) + 8 * k;
        code.push(...localGet(bucket), ...localGet(bucket), OP.f64Load, ...memarg(3, offset), ...op(term, keep, SIMD.and), ...simd(SIMD.f64x2ExtractLane), lane, OP.f64Add);
        code.push(OP.f64Store, ...memarg(3, offset));
      });
    }
    return code;
  };

  // Entries j of both halves while the second has one, then the first half's last entry alone (an odd length).
  body.push(OP.block, OP.empty, OP.loop, OP.empty);
  body.push(...localGet(j), ...localGet(full), OP.i32GeU, OP.brIf, 1);
  append(body, pair(true));
  body.push(...localGet(j), ...i32(1), OP.i32Add, ...localSet(j), OP.br, 0, OP.end, OP.end);
  body.push(...localGet(j), ...localGet(PARAM.half), OP.i32LtU, OP.if, OP.empty);
  append(body, pair(false));
  body.push(OP.end);
  sums.forEach((sum, s) => body.push(...i32(0), ...localGet(sum), ...simd(SIMD.store), ...memarg(4, at.sums + 16 * s)));
  return { params: PARAMS, locals, body };
}

/** Base64 of the module: short to parse, where an array literal of its bytes takes V8 tens of milliseconds. */
function base64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

/**
 * The range kernel (compile.ts RangeKernel) backed by the WebAssembly module,
 * as JavaScript: `fn`, and the `prelude` that builds the module, to follow
 * the emitter's `hoisted` constant statements (compile.ts functionSource);
 * undefined when the statements do not translate or this engine has no
 * WebAssembly SIMD.
 */
export function wasmRange(statements: string, hoisted: readonly string[], kinks: readonly number[]): { prelude: string; fn: string } | undefined {
  const constants = hoisted.map((line) => /^const (\w+) =/.exec(line)?.[1]).filter((name): name is string => name !== undefined);
  const at = layout(constants.length);
  let bytes: Uint8Array;
  try {
    bytes = module(kernelFunction(statements, constants, kinks, at), 1);
  } catch (error) {
    // Outside the grammar, or nested deeper than this thread's stack: the JavaScript kernel does the same work.
    if (error instanceof Untranslatable || error instanceof RangeError) return undefined;
    throw error;
  }
  // Looked up at run time: an engine without WebAssembly, or without its SIMD, keeps the JavaScript kernel.
  const engine = (globalThis as { WebAssembly?: { validate: (bytes: Uint8Array) => boolean } }).WebAssembly;
  if (!engine?.validate(bytes)) return undefined;
  const [sums, first, second] = [at.sums / 8, at.first / 8, at.second / 8];
  const prelude = `const $exports = new WebAssembly.Instance(new WebAssembly.Module(Uint8Array.from(atob("${base64(bytes)}"), (c) => c.charCodeAt(0))), {}).exports;
const $memory = $exports.memory, $run = $exports.run;
let $f64, $u8, $capacity = -1;
// Room for a range of the given length after the fixed part: x and d (one entry more each, read as a pair), the sign bytes.
function $room(length) {
  const bytes = ${at.ranges} + 16 * (length + 1) + length + 16;
  if (bytes > $memory.buffer.byteLength) $memory.grow(Math.ceil((bytes - $memory.buffer.byteLength) / 65536));
  $f64 = new Float64Array($memory.buffer);
  $u8 = new Uint8Array($memory.buffer);
  $f64.set([${constants.join(', ')}], 0);
  $capacity = length;
}
$room(${1 << 16});`;
  const fn = `function range(x, factor, d, shift, signs, h, reach, slack, from, to, out, at) {
  const n = x.length, wrap = n - shift, step = h, step2 = 2 * h, near = reach + slack;
  const length = Math.max(0, to - from), half = Math.ceil(length / 2), split = Math.min(to, Math.max(from, wrap));
  if (length > $capacity) $room(length);
  const xAt = ${at.ranges / 8}, dAt = xAt + length + 1, signsAt = 8 * (dAt + length + 1);
  $f64.set(x.subarray(from, to), xAt);
  $u8.set(signs.subarray(from, to), signsAt);
  // D_i = d[(i + shift) mod n]: below n − shift, and from there on.
  if (from < split) $f64.set(d.subarray(from + shift, split + shift), dAt);
  if (split < to) $f64.set(d.subarray(split + shift - n, to + shift - n), dAt + split - from);
  $f64.fill(0, ${first}, ${second + BUCKETS});
  $run(length, half, factor, step, step2, near, 8 * xAt, 8 * dAt, signsAt);
  for (let s = 0; s < ${TOTALS}; s++) out[at + s] = $f64[${sums} + 2 * s] + $f64[${sums} + 2 * s + 1];
  for (let b = 0; b < ${BUCKETS}; b++) out[at + ${TOTALS} + b] = $f64[${first} + b] + $f64[${second} + b];
}`;
  return { prelude, fn };
}
