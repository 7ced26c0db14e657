/**
 * The verifier's bulk random draws over a run of an array, from an xoshiro128**
 * state of four 32-bit words (rng.ts seeds it): standard normals, Rademacher
 * sign bytes, and the mixed test point's placements. A large test set is drawn
 * block by block (points.ts), each block from its own states, by whichever
 * thread is free: the helper threads compile these functions from their source
 * (helperJobs.ts). So every function here refers to nothing but its arguments,
 * globals and the other functions of this module, under their own names.
 */

/** One xoshiro128** step (Blackman and Vigna) on the state s: the next word, as a signed 32-bit integer. */
export function xoshiroNext(s: Int32Array): number {
  const s1 = s[1]!;
  const m = Math.imul(s1, 5);
  const result = Math.imul((m << 7) | (m >>> 25), 9);
  const t = s1 << 9;
  const s2 = s[2]! ^ s[0]!;
  const s3 = s[3]! ^ s1;
  s[1] = s1 ^ s2;
  s[0] = s[0]! ^ s3;
  s[2] = s2 ^ t;
  s[3] = (s3 << 11) | (s3 >>> 21);
  return result;
}

/** xoshiro128**'s jump polynomial (Blackman and Vigna): 2^64 steps. */
const JUMP = [0x8764000b, 0xf542d2d3, 0x6fa035c3, 0x77f2db5b] as const;

/**
 * Advances s by 2^64 steps (xoshiroNext), as Blackman and Vigna's jump(): the
 * blocks of a stream (points.ts) are its states 2^64 steps apart, so they
 * never overlap. (Called on the calling thread only: it may use module constants.)
 */
export function xoshiroJump(s: Int32Array): void {
  const jumped = new Int32Array(4);
  for (const word of JUMP)
    for (let b = 0; b < 32; b++) {
      if ((word >>> b) & 1) for (let j = 0; j < 4; j++) jumped[j] = jumped[j]! ^ s[j]!;
      xoshiroNext(s);
    }
  s.set(jumped);
}

/**
 * The ziggurat's 256 layers (Doornik 2005), each of area 0.00492867323399 under
 * exp(−x²/2): width[i] is the half-width of layer i (layer 0 the base strip with
 * the tail beyond R = width[1], its width the area over the density at R);
 * width[256] = 0. density[i] = exp(−width[i]²/2); ratio[i] = width[i+1]/width[i],
 * the part of layer i inside the curve at every height.
 */
export interface Ziggurat {
  readonly width: Float64Array;
  readonly density: Float64Array;
  readonly ratio: Float64Array;
}

export function zigguratTables(): Ziggurat {
  const r = 3.6541528853610088;
  const area = 0.00492867323399;
  const f = (x: number): number => Math.exp(-0.5 * x * x);
  const width = new Float64Array(257);
  width[0] = area / f(r);
  width[1] = r;
  for (let i = 2; i < 256; i++) width[i] = Math.sqrt(-2 * Math.log(area / width[i - 1]! + f(width[i - 1]!)));
  const density = width.map(f);
  const ratio = Float64Array.from({ length: 256 }, (_, i) => width[i + 1]! / width[i]!);
  return { width, density, ratio };
}

/**
 * out[from … to − 1]: independent standard normal samples by the ziggurat of
 * Marsaglia and Tsang (2000). Each sample takes one 32-bit word: its low 8 bits
 * choose the layer, its high 24 bits a signed uniform u in [−1, 1) (so a sample
 * is a multiple of its layer's width·2⁻²³, far finer than any difference step),
 * and 98.8% of samples are accepted at once (|u| below the layer's ratio); the
 * rest take the wedge test or Marsaglia's tail method (zigguratEdge), with more
 * words. About four times cheaper than the polar method's logarithm and square
 * root per pair.
 */
export function gaussianRun(s: Int32Array, out: Float64Array, from: number, to: number, tables: Ziggurat): void {
  const { width, ratio } = tables;
  let s0 = s[0]!;
  let s1 = s[1]!;
  let s2 = s[2]!;
  let s3 = s[3]!;
  for (let i = from; i < to; i++) {
    // One xoshiro128** step, inline (as xoshiroNext; a call per sample costs a third of the loop).
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
    if (Math.abs(u) < ratio[layer]!) {
      out[i] = u * width[layer]!;
      continue;
    }
    s[0] = s0;
    s[1] = s1;
    s[2] = s2;
    s[3] = s3;
    out[i] = zigguratEdge(s, layer, u, tables);
    s0 = s[0]!;
    s1 = s[1]!;
    s2 = s[2]!;
    s3 = s[3]!;
  }
  s[0] = s0;
  s[1] = s1;
  s[2] = s2;
  s[3] = s3;
}

/** Uniform on the open interval (0, 1), 32 bits of resolution. */
export function uniformNext(s: Int32Array): number {
  return ((xoshiroNext(s) >>> 0) + 0.5) / 0x100000000;
}

/** A sample whose first try fell outside its layer's inner rectangle: the tail (layer 0) or the wedge test, then fresh tries. */
function zigguratEdge(s: Int32Array, layer: number, u: number, tables: Ziggurat): number {
  const { width, density, ratio } = tables;
  const r = width[1]!;
  for (;;) {
    const x = u * width[layer]!;
    if (layer === 0) {
      // Beyond R: Marsaglia (1964), x = R + a with a ~ Exp(R)-weighted, accepted when 2b ≥ a².
      let a: number;
      let b: number;
      do {
        a = -Math.log(uniformNext(s)) / r;
        b = -Math.log(uniformNext(s));
      } while (b + b < a * a);
      return u < 0 ? -(r + a) : r + a;
    }
    if (density[layer]! + uniformNext(s) * (density[layer + 1]! - density[layer]!) < Math.exp(-0.5 * x * x)) return x;
    const w = xoshiroNext(s);
    layer = w & 0xff;
    u = (w >> 8) * 2 ** -23;
    if (Math.abs(u) < ratio[layer]!) return u * width[layer]!;
  }
}

/** Runs the rare paths of gaussianRun once, so that the optimized loop of a long run has met them (see compile.ts warmUp). */
export function warmUpGaussian(tables: Ziggurat): void {
  gaussianRun(Int32Array.of(1, 2, 3, 4), new Float64Array(4096), 0, 4096, tables);
}

/**
 * out[from … to − 1]: eight Rademacher (±1) directions at once, bit j of
 * out[i] the sign of direction j at entry i; four entries a word, then one a
 * word for the last to − from mod 4.
 */
export function signRun(s: Int32Array, out: Uint8Array, from: number, to: number): void {
  let s0 = s[0]!;
  let s1 = s[1]!;
  let s2 = s[2]!;
  let s3 = s[3]!;
  let i = from;
  for (; i + 3 < to; i += 4) {
    // One xoshiro128** step, inline (as in gaussianRun: through a buffer of words this loop takes twice as long).
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
  s[0] = s0;
  s[1] = s1;
  s[2] = s2;
  s[3] = s3;
  for (; i < to; i++) out[i] = xoshiroNext(s) & 0xff;
}

/**
 * x[from … to − 1] of the mixed test point, one word an entry: bits 0–15 choose
 * the category (on a breakpoint, beside one, or the Gaussian entry z[i] — a
 * third each), 16–30 the breakpoint, 31 the side. Per category and side,
 * offsets holds the offset from the breakpoint and weights the weight of z[i].
 */
export function placementRun(
  s: Int32Array,
  x: Float64Array,
  z: Float64Array,
  from: number,
  to: number,
  kinks: Float64Array,
  offsets: Float64Array,
  weights: Float64Array,
): void {
  let s0 = s[0]!;
  let s1 = s[1]!;
  let s2 = s[2]!;
  let s3 = s[3]!;
  for (let i = from; i < to; i++) {
    // One xoshiro128** step, inline (as in gaussianRun: through a buffer of words this loop takes a third longer).
    const m = Math.imul(s1, 5);
    const w = Math.imul((m << 7) | (m >>> 25), 9);
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    // Arithmetic selection, exact because one of the two terms is ±0: a branch here would mispredict.
    const slot = 2 * (((w & 0xffff) * 3) >>> 16) + (w >>> 31);
    const kink = kinks[(((w >>> 16) & 0x7fff) * kinks.length) >>> 15]!;
    const weight = weights[slot]!;
    x[i] = weight * z[i]! + (1 - weight) * (kink + offsets[slot]!);
  }
  s[0] = s0;
  s[1] = s1;
  s[2] = s2;
  s[3] = s3;
}

/** The xoshiro states a block of a test set is drawn from, one per array it fills. */
export interface BlockStates {
  readonly gaussian: Int32Array;
  readonly signs: Int32Array;
  readonly placement: Int32Array;
}

/** What a test set's blocks are drawn into, and from (points.ts). */
export interface DrawJob {
  /** The Gaussian sample, the sign bytes, and the mixed point (length 0: none). */
  readonly z: Float64Array;
  readonly signs: Uint8Array;
  readonly mixed: Float64Array;
  readonly kinks: Float64Array;
  readonly offsets: Float64Array;
  readonly weights: Float64Array;
  /** Entries a block (the last may have fewer). */
  readonly block: number;
  readonly states: readonly BlockStates[];
}

/** Draws block k of a test set. */
export function drawBlock(job: DrawJob, k: number, tables: Ziggurat): void {
  const from = k * job.block;
  const to = Math.min(job.z.length, from + job.block);
  // Copies: a block taken over from a stalled thread starts from its first states again.
  const { gaussian, signs, placement } = job.states[k]!;
  gaussianRun(gaussian.slice(), job.z, from, to, tables);
  signRun(signs.slice(), job.signs, from, to);
  if (job.mixed.length > 0) placementRun(placement.slice(), job.mixed, job.z, from, to, job.kinks, job.offsets, job.weights);
}

/** The functions the helper threads' script embeds (not xoshiroJump): each declares itself under the name the others call it by. */
export const DRAW_FUNCTIONS: readonly ((...args: never[]) => unknown)[] = [
  xoshiroNext,
  zigguratTables,
  gaussianRun,
  uniformNext,
  zigguratEdge,
  warmUpGaussian,
  signRun,
  placementRun,
  drawBlock,
];
