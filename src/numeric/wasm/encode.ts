/**
 * The few pieces of the WebAssembly binary format (core spec 1.0 with the
 * fixed-width SIMD proposal, both in every Node ≥ 16) that the verifier's
 * kernels need: LEB128 integers, the opcodes they use, and a module of one
 * exported function and one exported memory.
 */

export type Bytes = number[];

/** Unsigned LEB128. */
export function unsigned(n: number): Bytes {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not an unsigned integer: ${n}`);
  const out: Bytes = [];
  do {
    let byte = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) byte |= 0x80;
    out.push(byte);
  } while (n > 0);
  return out;
}

/** Signed LEB128 of a 32-bit integer. */
export function signed(n: number): Bytes {
  if (!Number.isInteger(n) || n < -(2 ** 31) || n >= 2 ** 31) throw new RangeError(`not a 32-bit integer: ${n}`);
  const out: Bytes = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    const done = (n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

/** i32.const n */
export const i32 = (n: number): Bytes => [OP.i32Const, ...signed(n)];

/** The 8 little-endian bytes of a double. */
const scratch = new DataView(new ArrayBuffer(8));
export function float64(x: number): Bytes {
  scratch.setFloat64(0, x, true);
  return [0, 1, 2, 3, 4, 5, 6, 7].map((k) => scratch.getUint8(k));
}

export const TYPE = { i32: 0x7f, f64: 0x7c, v128: 0x7b } as const;
export type ValueType = (typeof TYPE)[keyof typeof TYPE];

/** Scalar opcodes. */
export const OP = {
  block: 0x02,
  loop: 0x03,
  if: 0x04,
  /** The block type of a block without results. */
  empty: 0x40,
  end: 0x0b,
  br: 0x0c,
  brIf: 0x0d,
  localGet: 0x20,
  localSet: 0x21,
  f64Load: 0x2b,
  i32Load8u: 0x2d,
  f64Store: 0x39,
  i32Const: 0x41,
  f64Const: 0x44,
  i32LtU: 0x49,
  i32GeU: 0x4f,
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i32Mul: 0x6c,
  i32Shl: 0x74,
  f64Add: 0xa0,
} as const;

/** Opcodes after the SIMD prefix 0xfd (written as LEB128). */
export const SIMD = {
  store: 0x0b,
  const: 0x0c,
  f64x2Splat: 0x14,
  f64x2ExtractLane: 0x21,
  f64x2ReplaceLane: 0x22,
  f64x2Eq: 0x47,
  f64x2Ne: 0x48,
  f64x2Lt: 0x49,
  f64x2Gt: 0x4a,
  f64x2Le: 0x4b,
  f64x2Ge: 0x4c,
  not: 0x4d,
  and: 0x4e,
  or: 0x50,
  bitselect: 0x52,
  f64x2Neg: 0xed,
  f64x2Sqrt: 0xef,
  f64x2Add: 0xf0,
  f64x2Sub: 0xf1,
  f64x2Mul: 0xf2,
  f64x2Div: 0xf3,
  f64x2Min: 0xf4,
  f64x2Max: 0xf5,
} as const;

export const simd = (op: number): Bytes => [0xfd, ...unsigned(op)];

/** A memory immediate: alignment (log2 bytes) and a constant offset. */
export const memarg = (alignLog2: number, offset: number): Bytes => [...unsigned(alignLog2), ...unsigned(offset)];

/**
 * Appends `bytes` to `out`, in a loop: a function body is too long for push(...bytes) (V8's argument
 * limit) and slow to build with spreads or flat().
 */
export function append(out: Bytes, bytes: Bytes): void {
  for (const b of bytes) out.push(b);
}

/** The bytes of `parts` one after another. */
function concat(...parts: readonly Bytes[]): Bytes {
  const out: Bytes = [];
  for (const part of parts) append(out, part);
  return out;
}

/** local.get and local.set of a local's index. */
export const localGet = (local: number): Bytes => [OP.localGet, ...unsigned(local)];
export const localSet = (local: number): Bytes => [OP.localSet, ...unsigned(local)];
const vector = (items: readonly Bytes[]): Bytes => concat(unsigned(items.length), ...items);
const section = (id: number, content: Bytes): Bytes => concat([id], unsigned(content.length), content);
const name = (text: string): Bytes => vector(Array.from(text, (c) => [c.charCodeAt(0)]));

export interface FunctionSpec {
  readonly params: readonly ValueType[];
  /** Locals after the parameters, in order. */
  readonly locals: readonly ValueType[];
  /** The body, without its final `end`. */
  readonly body: Bytes;
}

/**
 * A module with one function of no results, exported as "run", and one
 * memory of `pages` 64 KiB pages, exported as "memory".
 */
export function module(fn: FunctionSpec, pages: number): Uint8Array {
  const type = [0x60, ...vector(fn.params.map((t) => [t])), 0x00];
  // Locals as runs of one type.
  const runs: Bytes[] = [];
  for (let i = 0; i < fn.locals.length; ) {
    let j = i;
    while (j < fn.locals.length && fn.locals[j] === fn.locals[i]) j++;
    runs.push([...unsigned(j - i), fn.locals[i]!]);
    i = j;
  }
  const code = concat(vector(runs), fn.body, [OP.end]);
  return Uint8Array.from(
    concat(
      [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
      section(1, vector([type])),
      section(3, vector([[0]])),
      section(5, vector([[0x00, ...unsigned(pages)]])),
      section(7, vector([[...name('run'), 0x00, 0], [...name('memory'), 0x02, 0]])),
      section(10, vector([concat(unsigned(code.length), code)])),
    ),
  );
}
