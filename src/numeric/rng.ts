/**
 * Seeded pseudo-random numbers for the verifier: xoshiro128** (Blackman and
 * Vigna) on 32-bit integers, seeded through splitmix32. Everything is integer
 * arithmetic plus Math.log / Math.sqrt / Math.exp (tables built once), so a seed gives the same numbers on
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

  /**
   * Independent standard normal samples: the ziggurat of Marsaglia and Tsang
   * (2000) with 256 layers as Doornik (2005) sets it up. Each sample takes one
   * 32-bit word: its low 8 bits choose the layer, its high 24 bits a signed
   * uniform u in [−1, 1) (so a sample is a multiple of its layer's width·2⁻²³,
   * far finer than any difference step), and 98.8% of samples are accepted
   * at once (|u| below the ratio of the layer's widths); the rest take the
   * wedge test or Marsaglia's tail method, with more words. About four times
   * cheaper than the polar method's logarithm and square root per pair.
   */
  fillGaussian(out: Float64Array): void {
    if (!warm && out.length > WARM_SAMPLES) {
      // Type feedback for the rare paths first: an optimized loop that meets a path that never ran is thrown away (see compile.ts).
      warm = true;
      new Rng(0, 0).fillGaussian(new Float64Array(WARM_SAMPLES));
    }
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    let s3 = this.s3;
    const n = out.length;
    for (let i = 0; i < n; i++) {
      // One xoshiro128** step, inline (as nextUint32; a method call per sample costs a third of the loop).
      const m = Math.imul(s1, 5);
      const w = Math.imul((m << 7) | (m >>> 25), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      const layer = w & 0xff;
      const u = (w >> 8) * 2 ** -23;
      if (Math.abs(u) < ZIGGURAT.ratio[layer]!) {
        out[i] = u * ZIGGURAT.width[layer]!;
        continue;
      }
      this.s0 = s0;
      this.s1 = s1;
      this.s2 = s2;
      this.s3 = s3;
      out[i] = this.zigguratEdge(layer, u);
      s0 = this.s0;
      s1 = this.s1;
      s2 = this.s2;
      s3 = this.s3;
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
  }

  /** A sample whose first try fell outside its layer's inner rectangle: the tail (layer 0) or the wedge test, then fresh tries. */
  private zigguratEdge(layer: number, u: number): number {
    const { width, density } = ZIGGURAT;
    for (;;) {
      const x = u * width[layer]!;
      if (layer === 0) {
        // Beyond R: Marsaglia (1964), x = R + a with a ~ Exp(R)-weighted, accepted when 2b ≥ a².
        let a: number;
        let b: number;
        do {
          a = -Math.log(this.uniform()) / ZIGGURAT_R;
          b = -Math.log(this.uniform());
        } while (b + b < a * a);
        return u < 0 ? -(ZIGGURAT_R + a) : ZIGGURAT_R + a;
      }
      if (density[layer]! + this.uniform() * (density[layer + 1]! - density[layer]!) < Math.exp(-0.5 * x * x)) return x;
      const w = this.nextUint32() | 0;
      layer = w & 0xff;
      u = (w >> 8) * 2 ** -23;
      if (Math.abs(u) < ZIGGURAT.ratio[layer]!) return u * width[layer]!;
    }
  }

  /** Eight Rademacher (±1) directions at once: bit j of out[i] is the sign of direction j at entry i. */
  fillSignBytes(out: Uint8Array): void {
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    let s3 = this.s3;
    let i = 0;
    for (; i + 3 < out.length; i += 4) {
      // One xoshiro128** step, inline (as nextUint32).
      const m = Math.imul(s1, 5);
      const w = Math.imul((m << 7) | (m >>> 25), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      out[i] = w & 0xff;
      out[i + 1] = (w >>> 8) & 0xff;
      out[i + 2] = (w >>> 16) & 0xff;
      out[i + 3] = w >>> 24;
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
    for (; i < out.length; i++) out[i] = this.nextUint32() & 0xff;
  }

  /** Uniform 32-bit words (as nextUint32, inline). */
  fillWords(out: Uint32Array): void {
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    let s3 = this.s3;
    for (let i = 0; i < out.length; i++) {
      const m = Math.imul(s1, 5);
      out[i] = Math.imul((m << 7) | (m >>> 25), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
  }
}

/** Samples of the warm-up run of fillGaussian (once per process, before the first long fill). */
const WARM_SAMPLES = 4096;
let warm = false;

/** The start of the tail: the ziggurat's 256 layers of area ZIGGURAT_AREA each (Doornik 2005). */
const ZIGGURAT_R = 3.6541528853610088;
const ZIGGURAT_AREA = 0.00492867323399;

/**
 * width[i]: the half-width of layer i (layer 0 the base strip with the tail,
 * its width the area over the density at R); width[256] = 0. density[i] the
 * unnormalized density exp(−x²/2) at width[i]; ratio[i] = width[i+1]/width[i]:
 * the part of layer i inside the curve for every height.
 */
const ZIGGURAT = ((): { width: Float64Array; density: Float64Array; ratio: Float64Array } => {
  const f = (x: number): number => Math.exp(-0.5 * x * x);
  const width = new Float64Array(257);
  width[0] = ZIGGURAT_AREA / f(ZIGGURAT_R);
  width[1] = ZIGGURAT_R;
  for (let i = 2; i < 256; i++) width[i] = Math.sqrt(-2 * Math.log(ZIGGURAT_AREA / width[i - 1]! + f(width[i - 1]!)));
  const density = width.map(f);
  const ratio = Float64Array.from({ length: 256 }, (_, i) => width[i + 1]! / width[i]!);
  return { width, density, ratio };
})();
