/**
 * The test set is drawn block by block, each block from streams of its own
 * (points.ts), so that any thread can draw any block. Checked here against the
 * plain Rng, independently of how the blocks are shared out: a matrix of one
 * block is what its streams give, and block k of a larger one is what stream
 * k gives; the mixed point takes a third of its entries from each category.
 */
import { describe, expect, it } from 'vitest';
import { testSet } from '../../src/numeric/points.js';
import { Rng, STREAM } from '../../src/numeric/rng.js';
import { stepFor } from '../../src/numeric/errorModel.js';

const BLOCK = 1 << 16;

/** Byte-for-byte equality (toEqual walks 65536 entries one by one). */
const same = (a: ArrayBufferView, b: ArrayBufferView): boolean =>
  Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

/** The stream `block` jumps of 2^64 draws in. */
const blockRng = (seed: number, stream: number, block: number): Rng => {
  const rng = new Rng(seed, stream);
  for (let k = 0; k < block; k++) rng.jump();
  return rng;
};

const gaussian = (seed: number, stream: number, block: number, length: number): Float64Array => {
  const z = new Float64Array(length);
  blockRng(seed, stream, block).fillGaussian(z);
  return z;
};

const signBytes = (seed: number, block: number, length: number): Uint8Array => {
  const s = new Uint8Array(length);
  blockRng(seed, STREAM.signs, block).fillSignBytes(s);
  return s;
};

describe('test set blocks', () => {
  it('draws a one-block matrix from the streams themselves', () => {
    const set = testSet(256, 256, 9, [0]);
    expect(same(set.points[0]!.values, gaussian(9, STREAM.points, 0, BLOCK))).toBe(true);
    expect(same(set.signs, signBytes(9, 0, BLOCK))).toBe(true);
  });

  it('draws block k of a larger matrix from each stream k jumps in, the last block short', () => {
    const [rows, cols] = [301, 500]; // 150500 entries: blocks of 65536, 65536 and 19428
    const set = testSet(rows, cols, 4, [-1, 2]);
    const z = set.points[0]!.values;
    for (const [k, length] of [[0, BLOCK], [1, BLOCK], [2, rows * cols - 2 * BLOCK]] as const) {
      expect(same(z.subarray(k * BLOCK, k * BLOCK + length), gaussian(4, STREAM.points, k, length))).toBe(true);
      expect(same(set.signs.subarray(k * BLOCK, k * BLOCK + length), signBytes(4, k, length))).toBe(true);
    }
    // Blocks are not copies of each other.
    expect(same(z.subarray(0, 100), z.subarray(BLOCK, BLOCK + 100))).toBe(false);
  });

  it('places the mixed point on, beside or off the breakpoints, a third each, in every block', () => {
    const kinks = [-1, 2];
    const set = testSet(301, 500, 4, kinks);
    const mixed = set.points.at(-1)!.values;
    const z = set.points[0]!.values;
    const delta = 16 * stepFor(1);
    for (let k = 0; k < 3; k++) {
      const counts = { on: 0, beside: 0, gaussian: 0 };
      const to = Math.min(mixed.length, (k + 1) * BLOCK);
      for (let i = k * BLOCK; i < to; i++) {
        const x = mixed[i]!;
        if (kinks.includes(x)) counts.on++;
        else if (kinks.some((c) => x === c - delta || x === c + delta)) counts.beside++;
        else if (x === z[i]) counts.gaussian++;
      }
      const total = to - k * BLOCK;
      expect(counts.on + counts.beside + counts.gaussian).toBe(total);
      for (const count of Object.values(counts)) expect(Math.abs(count / total - 1 / 3)).toBeLessThan(0.02);
    }
  });

  it('keeps the Gaussian direction independent of the point: it is the sample turned by half its length', () => {
    const set = testSet(301, 500, 4, []);
    expect(set.direction.values).toBe(set.points[0]!.values);
    expect(set.direction.shift).toBe(Math.ceil((301 * 500) / 2));
    expect(set.points.map((p) => p.factor)).toEqual([0.01, 1, 100]);
  });
});
