/**
 * Seeded pseudo-random numbers for the verifier: xoshiro128** (Blackman and
 * Vigna) on 32-bit integers, seeded through splitmix32; the bulk draws are in
 * draws.ts. Everything is integer arithmetic plus Math.log / Math.sqrt /
 * Math.exp (tables built once), so a seed gives the same numbers on every run
 * and every machine running the same Node.
 */
import { gaussianRun, signRun, uniformNext, warmUpGaussian, xoshiroJump, xoshiroNext, zigguratTables } from './draws.js';

/** One splitmix32 step: a well-mixed 32-bit word from a counter. */
function splitmix32(state: number): number {
  let z = (state + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** Independent streams of one seed, so adding a check never shifts another check's numbers. */
export const STREAM = { points: 1, placement: 2, signs: 3 } as const;

/** The ziggurat's layers, built once (draws.ts). */
export const ZIGGURAT = zigguratTables();

let gaussianWarm = false;

/** Makes sure this thread's Gaussian loop has met its rare paths (once per process). */
export function warmGaussian(): void {
  if (gaussianWarm) return;
  gaussianWarm = true;
  warmUpGaussian(ZIGGURAT);
}

export class Rng {
  /** The xoshiro128** state. */
  readonly state = new Int32Array(4);

  /** `seed`: a non-negative safe integer; `stream` selects an independent sequence. */
  constructor(seed: number, stream: number) {
    const low = seed % 0x100000000;
    const high = Math.floor(seed / 0x100000000);
    let counter = splitmix32(low ^ Math.imul(stream, 0x632be5ab)) ^ splitmix32(high + stream);
    for (let k = 0; k < 4; k++) {
      counter = (counter + 0x9e3779b9) | 0;
      this.state[k] = splitmix32(counter);
    }
    if (this.state.every((w) => w === 0)) this.state[0] = 1; // the all-zero state is a fixed point
  }

  /** Skips 2^64 draws: the start of the next of the stream's non-overlapping blocks. */
  jump(): void {
    xoshiroJump(this.state);
  }

  /** Uniform on [0, 2³²). */
  nextUint32(): number {
    return xoshiroNext(this.state) >>> 0;
  }

  /** Uniform on the open interval (0, 1), 32 bits of resolution. */
  uniform(): number {
    return uniformNext(this.state);
  }

  /** Independent standard normal samples (draws.ts gaussianRun). */
  fillGaussian(out: Float64Array): void {
    warmGaussian();
    gaussianRun(this.state, out, 0, out.length, ZIGGURAT);
  }

  /** Eight Rademacher (±1) directions at once: bit j of out[i] is the sign of direction j at entry i. */
  fillSignBytes(out: Uint8Array): void {
    signRun(this.state, out, 0, out.length);
  }
}
