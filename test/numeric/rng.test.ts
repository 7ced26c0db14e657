import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/numeric/rng.js';

const draw = (seed: number, stream: number, n = 8): number[] => {
  const rng = new Rng(seed, stream);
  return Array.from({ length: n }, () => rng.nextUint32());
};

describe('Rng', () => {
  it('repeats exactly for the same seed and stream', () => {
    expect(draw(42, 1)).toEqual(draw(42, 1));
    const a = new Float64Array(1001);
    const b = new Float64Array(1001);
    new Rng(7, 2).fillGaussian(a);
    new Rng(7, 2).fillGaussian(b);
    expect(Buffer.from(a.buffer).equals(Buffer.from(b.buffer))).toBe(true);
  });

  it('gives different sequences for different seeds, streams and seeds beyond 32 bits', () => {
    const seen = new Set([draw(1, 1), draw(2, 1), draw(1, 2), draw(2 ** 32 + 1, 1), draw(0, 1)].map((xs) => xs.join()));
    expect(seen.size).toBe(5);
  });

  it('jumps 2^64 draws ahead: a jump commutes with a draw and is linear in the state, and leaves a fresh sequence', () => {
    const [a, b] = [new Rng(42, 1), new Rng(42, 1)];
    a.jump();
    a.nextUint32();
    b.nextUint32();
    b.jump();
    expect(Array.from(a.state)).toEqual(Array.from(b.state));
    // Linear over GF(2): jump(s ^ t) = jump(s) ^ jump(t).
    const [s, t, st] = [new Rng(1, 1), new Rng(2, 2), new Rng(1, 1)];
    st.state.forEach((w, j) => (st.state[j] = w ^ t.state[j]!));
    [s, t, st].forEach((r) => r.jump());
    expect(Array.from(st.state)).toEqual(Array.from(s.state, (w, j) => w ^ t.state[j]!));
    const jumped = new Rng(42, 1);
    jumped.jump();
    const words = Array.from({ length: 8 }, () => jumped.nextUint32());
    expect(words).not.toEqual(draw(42, 1));
    expect(new Set(words).size).toBe(8);
  });

  it('draws 32-bit words and uniforms strictly inside (0, 1)', () => {
    const rng = new Rng(3, 1);
    for (let i = 0; i < 10000; i++) {
      const w = rng.nextUint32();
      expect(Number.isInteger(w) && w >= 0 && w < 2 ** 32).toBe(true);
      const u = rng.uniform();
      expect(u > 0 && u < 1).toBe(true);
    }
  });

  it('draws standard normal samples (mean, variance and tails)', () => {
    const z = new Float64Array(200001); // odd: the last pair is cut in half
    new Rng(11, 1).fillGaussian(z);
    const mean = z.reduce((s, v) => s + v, 0) / z.length;
    const variance = z.reduce((s, v) => s + (v - mean) ** 2, 0) / z.length;
    const beyond2 = z.filter((v) => Math.abs(v) > 2).length / z.length;
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(Math.abs(variance - 1)).toBeLessThan(0.02);
    expect(Math.abs(beyond2 - 0.0455)).toBeLessThan(0.003);
    expect(z.every(Number.isFinite)).toBe(true);
  });

  it('fills sign bytes with each bit set half of the time', () => {
    const signs = new Uint8Array(40003);
    new Rng(5, 3).fillSignBytes(signs);
    for (let j = 0; j < 8; j++) {
      const ones = signs.reduce((n, b) => n + ((b >> j) & 1), 0) / signs.length;
      expect(Math.abs(ones - 0.5)).toBeLessThan(0.02);
    }
  });
});
