/**
 * The WebAssembly fused kernel (src/numeric/wasm) against the JavaScript one
 * it replaces on passes over 2^18 entries and more: two implementations of the same arithmetic,
 * compared number for number (Object.is: the sign bit of a NaN may differ,
 * and nothing reads it) on random entry functions, inputs with every kind of
 * special value, odd and even ranges, and directions rotated across the
 * wrap. A function outside its grammar keeps the JavaScript kernel.
 */
import { describe, expect, it } from 'vitest';
import { compileFused, PARTIAL_SLOTS } from '../../src/numeric/compile.js';
import type { RangeKernel } from '../../src/numeric/compile.js';
import { parseDeclarations, Untranslatable } from '../../src/numeric/wasm/expression.js';
import { wasmRange } from '../../src/numeric/wasm/fusedRange.js';
import * as Q from '../../src/symbolic/exact/rational.js';
import { addS, mulS, powS } from '../../src/symbolic/scalar/build.js';
import { VAR, call, num } from '../../src/symbolic/scalar/expr.js';
import type { Scalar } from '../../src/symbolic/scalar/expr.js';
import { RELU_SQUARED, RELU_SQUARED_GRADIENT } from './subjects.js';

/** A small seeded generator (mulberry32), so that every case is reproducible. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 2 ** 32;
  };
}

const TRANSLATED = ['relu', 'abs', 'sign', 'heaviside'] as const;
const KEPT_IN_JAVASCRIPT = ['exp', 'tanh', 'log', 'sin'] as const;

/** A random entry function of about `depth` levels, from the translated primitives (and, with `other`, one that is not). */
function randomScalar(random: () => number, depth: number, other?: (typeof KEPT_IN_JAVASCRIPT)[number]): Scalar {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const constant = (): Scalar => num(Q.rat(Math.floor(random() * 9) - 4, pick([1, 2, 3, 10])));
  const build = (level: number): Scalar => {
    if (level === 0) return random() < 0.7 ? VAR : constant();
    const child = (): Scalar => build(level - 1);
    switch (Math.floor(random() * 7)) {
      case 0:
        return addS(child(), child());
      case 1:
        return mulS(child(), child());
      case 2:
        return powS(child(), Q.rat(pick([2, 3, -1, 1, 5])));
      case 3:
        return powS(addS(call('abs', child()), num(Q.rat(1, 10))), Q.rat(pick([1, -1]), 2));
      case 4:
        return call(pick(['max', 'min'] as const), child(), child());
      default:
        return call(pick(TRANSLATED), child());
    }
  };
  const s = build(depth);
  return other ? addS(s, call(other, VAR)) : s;
}

/** Entries with every kind of special value among ordinary ones. */
function randomEntries(random: () => number, n: number, kinks: readonly number[]): Float64Array {
  const special = [0, -0, NaN, Infinity, -Infinity, 1e-310, -1e300, 1e300, 2 ** -1074, ...kinks];
  return Float64Array.from({ length: n }, () => {
    const r = random();
    if (r < 0.05) return special[Math.floor(random() * special.length)]!;
    if (r < 0.15) return kinks[Math.floor(random() * kinks.length)]! + (random() - 0.5) * 1e-6;
    return (random() - 0.5) * 10 ** (Math.floor(random() * 7) - 3);
  });
}

/** Both kernels over one range; every slot identical (NaN equal to NaN, −0 told from +0). */
function expectSameRange(wasm: RangeKernel, js: RangeKernel, random: () => number, n: number, kinks: readonly number[]): void {
  const x = randomEntries(random, n, kinks);
  const d = randomEntries(random, n, [0]);
  const signs = Uint8Array.from({ length: n }, () => Math.floor(random() * 256));
  const shift = Math.floor(random() * (n + 1));
  const from = Math.floor(random() * n);
  const to = from + Math.floor(random() * (n - from + 1));
  const [factor, h] = [random() < 0.5 ? 1 : 0.01 + random() * 100, 2 ** -(10 + Math.floor(random() * 20))];
  const args = [x, factor, d, shift, signs, h, 8 * h, h / 4, from, to] as const;
  const a = new Float64Array(PARTIAL_SLOTS + 3).fill(7);
  const b = new Float64Array(PARTIAL_SLOTS + 3).fill(7);
  wasm(...args, a, 2);
  js(...args, b, 2);
  const differing = Array.from(a.keys()).filter((i) => !Object.is(a[i], b[i]));
  expect(differing, `slots that differ, range ${from}…${to} of ${n}`).toEqual([]);
}

const usesWasm = (source: string): boolean => source.includes('WebAssembly.Instance');

describe('the WebAssembly fused kernel', () => {
  it('computes the JavaScript kernel’s sums exactly on random functions and inputs', () => {
    const random = generator(20261203);
    let translated = 0;
    for (let k = 0; k < 60; k++) {
      const phi = randomScalar(random, 1 + (k % 4));
      const psi = randomScalar(random, 1 + ((k + 1) % 3));
      const kinks = [0, ...(k % 2 ? [1.5, -2] : [])];
      const long = compileFused(phi, psi, kinks);
      const short = compileFused(phi, psi, kinks, 100);
      expect(usesWasm(short.source)).toBe(false);
      if (!usesWasm(long.source)) continue;
      translated++;
      for (const n of [1, 2, 3, 64, 301]) expectSameRange(long.range, short.range, random, n, kinks);
    }
    // Powers above 8 and the bounds of x^(−1/2) are written with Math.pow, which keeps JavaScript: 43 of 60 translate.
    expect(translated).toBeGreaterThanOrEqual(40);
  });

  it('keeps the JavaScript kernel for what it cannot translate, with the same results', () => {
    const random = generator(7);
    for (const other of KEPT_IN_JAVASCRIPT) {
      const phi = randomScalar(random, 2, other);
      const kernels = compileFused(phi, phi, [0]);
      expect(usesWasm(kernels.source)).toBe(false);
      expectSameRange(kernels.range, compileFused(phi, phi, [0], 100).range, random, 101, [0]);
    }
  });

  it('grows its memory for a range longer than a pass’s ranges, and still agrees', () => {
    const long = compileFused(RELU_SQUARED, RELU_SQUARED_GRADIENT, [0]);
    expect(usesWasm(long.source)).toBe(true);
    const short = compileFused(RELU_SQUARED, RELU_SQUARED_GRADIENT, [0], 100);
    const random = generator(11);
    for (let k = 0; k < 3; k++) expectSameRange(long.range, short.range, random, 200_003, [0]);
  });

  it('takes functions of hundreds of nodes (statements and modules past V8’s argument limit), and agrees', () => {
    const shifted = (k: number): Scalar => addS(VAR, num(Q.rat(-(k + 1), 7)));
    // A product of 120 factors: its rounding bound is one statement of about 120² terms.
    const product = mulS(...Array.from({ length: 120 }, (_, k) => shifted(k)));
    // 20 cubed relus: a module of about 60 KB.
    const cubes = addS(...Array.from({ length: 20 }, (_, k) => powS(call('relu', shifted(k)), Q.rat(3))));
    const random = generator(5);
    for (const [phi, psi] of [[RELU_SQUARED, product], [cubes, product], [cubes, cubes]] as const) {
      const long = compileFused(phi, psi, [0]);
      expect(usesWasm(long.source)).toBe(true);
      expectSameRange(long.range, compileFused(phi, psi, [0], 100).range, random, 257, [0]);
    }
  });

  it('gives an empty range’s zeros for from > to, as the JavaScript kernel does', () => {
    const long = compileFused(RELU_SQUARED, RELU_SQUARED_GRADIENT, [0]);
    const x = Float64Array.of(1, 2, 3, 4, 5);
    const out = new Float64Array(PARTIAL_SLOTS).fill(7);
    long.range(x, 1, x, 2, new Uint8Array(5), 2 ** -20, 2 ** -17, 0, 4, 2, out, 0);
    expect(out.every((v) => v === 0)).toBe(true);
  });

  it('refuses what JavaScript reads differently: booleans compared with numbers, a boolean result, --', () => {
    const results = 'const a1 = t, b1 = t, a2 = t, b2 = t, phiError = t, gError = t';
    for (const g of ['(t > 0) === 1', '((t > 0) & (t < 5)) === (t > 0)', '(t > 9 ? 1 : t > 0) * 2', 't > 0', '--t'])
      expect(wasmRange(`${results}, g = ${g};`, [], [0]), g).toBeUndefined();
    expect(wasmRange(`${results}, g = (t > 0) * 2;`, [], [0])).toBeDefined();
  });

  it('reads only the emitter’s grammar, and refuses the rest', () => {
    expect(parseDeclarations('const a = (1.5) * (t + Math.abs(t)), b = a > 0 ? a : -a;').map(([name]) => name)).toEqual(['a', 'b']);
    for (const source of ['const a = t ** 2;', 'const a = t;; b', 'let a = 1;', 'const a = t[0];', 'const a = "t";'])
      expect(() => parseDeclarations(source), source).toThrow(Untranslatable);
  });
});
