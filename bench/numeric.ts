/**
 * `npm run bench`: the compiled kernels of src/numeric against the same work
 * written by hand (branch-free), for φ(t) = relu(t)², f(X) = ‖relu(X)‖_F².
 * Prints one fixed table (times are medians), the time of a whole `verify`
 * per size (first run and median), the targets of issues 3 and 16, and the
 * structured path's point decision for a 200×200 linear layer (issue 12).
 */
import os from 'node:os';
import * as Q from '../src/symbolic/exact/rational.js';
import { VAR, call, int } from '../src/symbolic/scalar/expr.js';
import { mulS, powS } from '../src/symbolic/scalar/build.js';
import { compileEntry, compileFused, compileSum, directionSums, SIGN_BUCKETS, TOTAL_SLOTS } from '../src/numeric/compile.js';
import { kinkMargin, stepFor } from '../src/numeric/errorModel.js';
import { Rng } from '../src/numeric/rng.js';
import { verify } from '../src/numeric/verify.js';
import { rangesRunByHelpers } from '../src/numeric/fusedPasses.js';
import { blocksDrawnByHelpers } from '../src/numeric/points.js';
import { helperThreadCount, setHelperThreads } from '../src/numeric/threads.js';
import { analyzeEntry } from '../src/symbolic/analyze.js';
import { toPiecewise } from '../src/symbolic/piecewise.js';
import { structuredBench } from './structured.js';

const SIZES = [100, 1000, 2000] as const;
const DIRECTIONS = 8;
const PHI = powS(call('relu', VAR), Q.rat(2));
const PSI = mulS(int(2), call('relu', VAR));
const KINKS = [0];
const H = stepFor(1);
const REACH = kinkMargin(H);

/** Untimed runs (at least 3, for at least this many ms) so that hand-written and compiled loops are both optimized. */
const WARM_MS = 50;

/** Whole verifications per size (the first is reported on its own: a CLI run verifies once). */
const VERIFY_REPEATS = 5;

/** Median wall time in ms of `run`. */
function median(run: () => void, repeats: number): number {
  const start = performance.now();
  for (let r = 0; r < 3 || performance.now() - start < WARM_MS; r++) run();
  const times: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(repeats / 2)]!;
}

/** Results are added here so that no run can be optimized away. */
let sink = 0;

function handSum(x: Float64Array): number {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0, i = 0;
  const n = x.length;
  for (; i + 3 < n; i += 4) {
    const a = x[i]!, b = x[i + 1]!, c = x[i + 2]!, d = x[i + 3]!;
    const ra = 0.5 * (a + Math.abs(a)), rb = 0.5 * (b + Math.abs(b)), rc = 0.5 * (c + Math.abs(c)), rd = 0.5 * (d + Math.abs(d));
    s0 += ra * ra; s1 += rb * rb; s2 += rc * rc; s3 += rd * rd;
  }
  for (; i < n; i++) {
    const r = 0.5 * (x[i]! + Math.abs(x[i]!));
    s0 += r * r;
  }
  return s0 + s1 + (s2 + s3);
}

const U = 2 ** -53;
const TINY = Number.MIN_VALUE;

const relu2 = (y: number): number => {
  const r = 0.5 * (y + Math.abs(y));
  return r * r;
};

/** Running error bound of relu(t)² when t is off by up to e (as emit.ts derives it). */
const relu2Error = (t: number, e: number): number => {
  const r = 0.5 * (t + Math.abs(t));
  return 2 * r * ((e * r) / (Math.abs(t) + TINY)) + U * r * r;
};

/** The fused pass of compileFused (eight Rademacher directions and the Gaussian one, D_i = z[(i + shift) mod n]), by hand. */
function handDirections(x: Float64Array, z: Float64Array, shift: number, signs: Uint8Array, h: number, near: number, buckets: Float64Array, totals: Float64Array): void {
  buckets.fill(0);
  const n = x.length;
  let phiErrors = 0, differences = 0, gradientErrors = 0, gradient = 0, used = 0;
  let dPhiErrors = 0, dDifferences = 0, dGradientErrors = 0, dGradient = 0, s1 = 0, s2 = 0, inner = 0;
  for (let part = 0; part < 2; part++) {
    const from = part === 0 ? 0 : n - shift, to = part === 0 ? n - shift : n, offset = part === 0 ? shift : shift - n;
    for (let i = from; i < to; i++) {
      const t = x[i]!;
      if (Math.abs(t) <= near) continue;
      const a1 = relu2(t + h), b1 = relu2(t - h), a2 = relu2(t + 2 * h), b2 = relu2(t - 2 * h);
      const g = t + Math.abs(t);
      const e1 = a1 - b1, e2 = a2 - b2;
      const phiError = relu2Error(t, U * (Math.abs(t) + 2 * h)), gError = U * Math.abs(g);
      phiErrors += phiError;
      differences += Math.abs(e1);
      gradientErrors += gError;
      gradient += Math.abs(g);
      used++;
      const b = 3 * signs[i]!;
      buckets[b] += e1;
      buckets[b + 1] += e2;
      buckets[b + 2] += g;
      const di = z[i + offset]!, ad = Math.abs(di), de1 = di * e1, de2 = di * e2, dg = di * g;
      dPhiErrors += ad * phiError + U * (Math.abs(de1) + Math.abs(de2));
      dDifferences += Math.abs(de1);
      dGradientErrors += ad * gError + U * Math.abs(dg);
      dGradient += Math.abs(dg);
      s1 += de1;
      s2 += de2;
      inner += dg;
    }
  }
  totals.set([phiErrors, differences, gradientErrors, gradient, used, dPhiErrors, dDifferences, dGradientErrors, dGradient, s1, s2, inner]);
}

/** Every partial derivative: extrapolated central difference against ψ; returns the largest deviation. */
function entrywise(x: Float64Array, phi: (t: number) => number, psi: (t: number) => number, h: number): number {
  let worst = 0;
  for (let i = 0; i < x.length; i++) {
    const t = x[i]!;
    if (Math.abs(t) <= REACH) continue;
    const d1 = (phi(t + h) - phi(t - h)) / (2 * h);
    const d2 = (phi(t + 2 * h) - phi(t - 2 * h)) / (4 * h);
    worst = Math.max(worst, Math.abs((4 * d1 - d2) / 3 - psi(t)));
  }
  return worst;
}

function handEntrywise(x: Float64Array, h: number): number {
  let worst = 0;
  for (let i = 0; i < x.length; i++) {
    const t = x[i]!;
    if (Math.abs(t) <= REACH) continue;
    const d1 = (relu2(t + h) - relu2(t - h)) / (2 * h);
    const d2 = (relu2(t + 2 * h) - relu2(t - 2 * h)) / (4 * h);
    worst = Math.max(worst, Math.abs((4 * d1 - d2) / 3 - (t + Math.abs(t))));
  }
  return worst;
}

interface Row {
  readonly size: string;
  readonly task: string;
  readonly compiled: number;
  readonly hand: number;
  /** Bytes read per run (for effective GB/s). */
  readonly bytes: number;
}

function measure(m: number): Row[] {
  const n = m * m;
  const x = new Float64Array(n);
  new Rng(1, 1).fillGaussian(x);
  const signs = new Uint8Array(n);
  new Rng(1, 2).fillSignBytes(signs);
  const repeats = n >= 1e6 ? 15 : 51;
  const size = `${m}x${m}`;
  const shift = Math.ceil(n / 2);
  const buckets = new Float64Array(SIGN_BUCKETS);
  const totals = new Float64Array(TOTAL_SLOTS);
  const sums = { step1: new Float64Array(DIRECTIONS), step2: new Float64Array(DIRECTIONS), inner: new Float64Array(DIRECTIONS) };
  const sum = compileSum(PHI, 0);
  const fused = compileFused(PHI, PSI, KINKS);
  const rows: Row[] = [
    {
      size,
      task: 'f evaluation',
      compiled: median(() => (sink += sum(x)), repeats),
      hand: median(() => (sink += handSum(x)), repeats),
      bytes: 8 * n,
    },
    {
      size,
      task: `${DIRECTIONS} Rademacher + 1 Gaussian, fused`,
      compiled: median(() => {
        fused.directions(x, 1, x, shift, signs, H, REACH, 0, buckets, totals);
        directionSums(buckets, DIRECTIONS, sums);
      }, repeats),
      hand: median(() => {
        handDirections(x, x, shift, signs, H, REACH, buckets, totals);
        directionSums(buckets, DIRECTIONS, sums);
      }, repeats),
      bytes: 17 * n,
    },
  ];
  if (m === 100) {
    const phi = compileEntry(PHI);
    const psi = compileEntry(PSI);
    rows.push({
      size,
      task: 'every partial derivative',
      compiled: median(() => (sink += entrywise(x, phi, psi, H)), repeats),
      hand: median(() => (sink += handEntrywise(x, H)), repeats),
      bytes: 8 * n,
    });
  }
  return rows;
}

const cell = (text: string, width: number): string => text.padStart(width);
const ms = (t: number): string => t.toFixed(3);
const gbs = (bytes: number, t: number): string => (bytes / (t * 1e6)).toFixed(1);

function main(): void {
  console.log(`kinkproof numeric bench: phi(t) = relu(t)^2, f(X) = ||relu(X)||_F^2`);
  console.log(`node ${process.version}, ${os.cpus().length} cpus, ${os.cpus()[0]?.model ?? 'unknown cpu'}`);
  console.log('');
  console.log(`${'size'.padEnd(10)}${'task'.padEnd(34)}${cell('compiled ms', 12)}${cell('hand ms', 10)}${cell('ratio', 7)}${cell('compiled GB/s', 15)}${cell('hand GB/s', 11)}`);
  const all: Row[] = [];
  for (const m of SIZES) {
    for (const r of measure(m)) {
      all.push(r);
      const line = `${r.size.padEnd(10)}${r.task.padEnd(34)}${cell(ms(r.compiled), 12)}${cell(ms(r.hand), 10)}${cell((r.compiled / r.hand).toFixed(2), 7)}`;
      console.log(`${line}${cell(gbs(r.bytes, r.compiled), 15)}${cell(gbs(r.bytes, r.hand), 11)}`);
    }
  }
  const engine = compileFused(PHI, PSI, KINKS).source.includes('WebAssembly') ? 'WebAssembly SIMD (src/numeric/wasm)' : 'JavaScript';
  console.log(`compiled fused pass: ${engine}; hand: the same pass written in JavaScript`);
  const entry = analyzeEntry(toPiecewise(PHI));
  const verifyOnce = (m: number): { ms: number; text: string } => {
    const t0 = performance.now();
    const evidence = verify({ phi: PHI, offset: 0, gradient: PSI, entry, rows: m, cols: m, seed: 1 });
    const t = performance.now() - t0;
    return { ms: t, text: `${evidence.checks} checks, ${evidence.status}` };
  };
  const timed = (m: number): { m: number; first: number; median: number; text: string } => {
    const first = verifyOnce(m);
    const times = [first.ms, ...Array.from({ length: VERIFY_REPEATS - 1 }, () => verifyOnce(m).ms)].sort((a, b) => a - b);
    return { m, first: first.ms, median: times[Math.floor(times.length / 2)]!, text: `${first.text}, blocks drawn and ranges run by helpers in the last run: ${blocksDrawnByHelpers()}, ${rangesRunByHelpers()}` };
  };
  const line = (v: ReturnType<typeof timed>): string =>
    `${`${v.m}x${v.m}`.padEnd(10)}${cell(ms(v.first), 12)} ms first${cell(ms(v.median), 12)} ms median   (${v.text})`;
  const verifyTimes = SIZES.map(timed);
  console.log('');
  console.log(`whole verification (verify(), every check; first run and median of ${VERIFY_REPEATS}; ${helperThreadCount()} helper threads for 2^18 entries and more):`);
  for (const v of verifyTimes) console.log(line(v));
  setHelperThreads(0);
  console.log(`the same on the calling thread alone:`);
  console.log(line(timed(2000)));
  setHelperThreads(undefined);
  const whole = verifyTimes.find((v) => v.m === 2000)!;
  const at2000 = (task: string): Row => all.find((r) => r.size === '2000x2000' && r.task.startsWith(task))!;
  const directional = at2000(`${DIRECTIONS} Rademacher`);
  const evaluation = at2000('f evaluation');
  const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT MET');
  console.log('');
  console.log(`target: ${DIRECTIONS} directional checks at 2000x2000 <= 150 ms: ${ms(directional.compiled)} ms, ${verdict(directional.compiled <= 150)}`);
  console.log(`target: whole verification at 2000x2000 <= 250 ms (median): ${ms(whole.median)} ms, ${verdict(whole.median <= 250)}`);
  const ratio = evaluation.compiled / evaluation.hand;
  console.log(`target: compiled f evaluation within 1.5x of hand-written at 2000x2000: ${ratio.toFixed(2)}x, ${verdict(ratio <= 1.5)}`);
  const layer = structuredBench();
  console.log('');
  console.log(`structured: norm(relu(A*X+B)-Y,'fro')^2, A 200x200, X 200x50, exact point decision and gradient (no verification):`);
  console.log(`${cell(ms(layer.first), 12)} ms first${cell(ms(layer.median), 12)} ms median   (differentiable at the point: ${layer.differentiable})`);
  console.log(`target: point decision and gradient for that layer < 2000 ms: ${ms(layer.median)} ms, ${verdict(layer.median < 2000)}`);
}

main();
