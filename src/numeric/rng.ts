/**
 * Seeded pseudo-random numbers for the verifier: xoshiro128** (Blackman and
 * Vigna) on 32-bit integers, seeded through splitmix32. Everything is integer
 * arithmetic plus Math.log / Math.sqrt, so a seed gives the same numbers on
 * every run and every machine running the same Node.
 */

/** One splitmix32 step: a well-mixed 32-bit word from a counter. */
function splitmix32(state: number): number {
  let z = (state + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** Independent streams of one seed, so adding a check never shifts another check's numbers. */
export const STREAM = { points: 1, placement: 2, signs: 3 } as const;

export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  /** `seed`: a non-negative safe integer; `stream` selects an independent sequence. */
  constructor(seed: number, stream: number) {
    const low = seed % 0x100000000;
    const high = Math.floor(seed / 0x100000000);
    let counter = splitmix32(low ^ Math.imul(stream, 0x632be5ab)) ^ splitmix32(high + stream);
    const word = (): number => {
      counter = (counter + 0x9e3779b9) | 0;
      return splitmix32(counter) | 0;
    };
    this.s0 = word();
    this.s1 = word();
    this.s2 = word();
    this.s3 = word();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1; // the all-zero state is a fixed point
  }

  /** Uniform on [0, 2³²). */
  nextUint32(): number {
    const m = Math.imul(this.s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
    return result;
  }

  /** Uniform on the open interval (0, 1), 32 bits of resolution. */
  uniform(): number {
    return (this.nextUint32() + 0.5) / 0x100000000;
  }

  /** Independent standard normal samples: Marsaglia's polar form of Box–Muller (no trigonometry). */
  fillGaussian(out: Float64Array): void {
    for (let i = 0; i < out.length; i += 2) {
      let a: number;
      let b: number;
      let q: number;
      do {
        a = 2 * this.uniform() - 1;
        b = 2 * this.uniform() - 1;
        q = a * a + b * b;
      } while (q >= 1); // a, b are odd multiples of 2⁻³², never 0, so q > 0
      const factor = Math.sqrt((-2 * Math.log(q)) / q);
      out[i] = a * factor;
      if (i + 1 < out.length) out[i + 1] = b * factor;
    }
  }

  /** Eight Rademacher (±1) directions at once: bit j of out[i] is the sign of direction j at entry i. */
  fillSignBytes(out: Uint8Array): void {
    let i = 0;
    for (; i + 3 < out.length; i += 4) {
      const w = this.nextUint32();
      out[i] = w & 0xff;
      out[i + 1] = (w >>> 8) & 0xff;
      out[i + 2] = (w >>> 16) & 0xff;
      out[i + 3] = w >>> 24;
    }
    for (; i < out.length; i++) out[i] = this.nextUint32() & 0xff;
  }
}
