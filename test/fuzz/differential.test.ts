/**
 * Differential test of the symbolic analysis against an independent numeric
 * detector. Seeded random separable expressions (test/fuzz/differentialGen.ts)
 * are analysed by kinkproof; φ is evaluated from the expression as typed by
 * our own evaluator (never kinkproof's kernels or pieces), and
 * test/fuzz/kinkDetector.ts checks, with one-sided difference quotients at
 * shrinking steps:
 *  - between and beyond the claimed breakpoints, that φ has no jump, kink or
 *    class change the analysis missed;
 *  - at every claimed breakpoint, the claims continuous / differentiable and
 *    the class C^k (k ≤ 2: φ^{(k)} continuous, φ^{(k+1)} not), in both
 *    directions (nothing missed, nothing invented).
 * Only robust numeric evidence counts; everything unclear is counted as a skip.
 *
 * KINKPROOF_DIFF_SEED (default 1) and KINKPROOF_DIFF_RUNS (default 400) size it;
 * the README's "Tests and fuzzing" section gives the full-size command.
 */
import { describe, expect, it } from 'vitest';
import { create, all } from 'mathjs';
import { deriveAnalysis, KinkproofError } from '../../src/index.js';
import type { Analysis } from '../../src/index.js';
import { approximate } from '../../src/symbolic/exact/calculus.js';
import { asRational } from '../../src/symbolic/exact/poly.js';
import { Rng, rat, separableCase, subtrees, sumCase } from './differentialGen.js';
import type { Case, Node, Rat } from './differentialGen.js';
import { examinePoint, firstDiffer, scanInterval } from './kinkDetector.js';
import type { Phi, ScanStats, Verdict } from './kinkDetector.js';

const SEED = Number(process.env['KINKPROOF_DIFF_SEED'] ?? 1);
/**
 * kinkproof's analysis costs ~5-25 ms per random input (a few take seconds), so 2,000 inputs
 * take 50-100 s on a busy 2-core machine: `npm test` runs 400 (~5-15 s), the full size is set
 * with KINKPROOF_DIFF_RUNS (README).
 */
const RUNS = Number(process.env['KINKPROOF_DIFF_RUNS'] ?? 400);
/** Nesting depths, cycled: mostly shallow (cheap to analyse), every fifth input deeper. */
const DEPTHS = [1, 2, 1, 2, 3] as const;
/** Per-input budget for the symbolic work; slower inputs are refused ('limit') and counted as refused. */
const TIMEOUT_SECONDS = 1;

interface Counts {
  generated: number;
  analysed: number;
  refused: Record<string, number>;
  breakpointsChecked: number;
  intervalsScanned: number;
  classConfirmed: number;
  skips: Record<string, number>;
}

interface Failure {
  readonly input: string;
  readonly what: string;
  readonly at: number;
  readonly claim: string;
  readonly seen: string;
}

const fmt = (x: number): string => (Number.isFinite(x) ? Number(x.toPrecision(6)).toString() : String(x));
const skip = (c: Counts, why: string): void => {
  c.skips[why] = (c.skips[why] ?? 0) + 1;
};

type Outcome = { kind: 'refused'; reason: string } | { kind: 'analysed'; analysis: Analysis } | { kind: 'crash'; message: string };

function analyse(text: string): Outcome {
  try {
    return { kind: 'analysed', analysis: deriveAnalysis(text, { verify: false, timeoutSeconds: TIMEOUT_SECONDS }) };
  } catch (e) {
    if (e instanceof KinkproofError) return { kind: 'refused', reason: e.kind };
    return { kind: 'crash', message: e instanceof Error ? e.message : String(e) };
  }
}

const phiOf = (n: Node): Phi => (t, mag) => n.num(t, mag);

const ORDER_NAME = ['a jump in φ', 'a kink (φ′ jumps or is infinite)', 'a jump in φ″', 'a jump in φ‴'];
const verdicts = (o: readonly Verdict[]): string => o.map((v, m) => `φ${"'".repeat(m)}:${v}`).join(' ');

/** Examine one analysed case; returns the discrepancies (empty: consistent). */
function examine(c: Case, analysis: Analysis, counts: Counts): Failure[] {
  const failures: Failure[] = [];
  const phi = phiOf(c.phi);
  const fail = (what: string, at: number, claim: string, seen: string): void => {
    failures.push({ input: c.text, what, at, claim, seen });
  };
  const bps = analysis.entry.breakpoints.map((b) => ({ b, x: approximate(b.at), exact: asRational(b.at) }));
  if (bps.some((p) => !Number.isFinite(p.x) || Math.abs(p.x) > 1e6)) {
    skip(counts, 'breakpoint out of range');
    return failures;
  }
  for (let i = 1; i < bps.length; i++)
    if (!(bps[i]!.x > bps[i - 1]!.x)) {
      skip(counts, 'breakpoints not separated in floating point');
      return failures;
    }

  // ------------------------------------------------ claimed breakpoints
  bps.forEach(({ b, x, exact }, i) => {
    const gap = Math.min(i > 0 ? x - bps[i - 1]!.x : Infinity, i + 1 < bps.length ? bps[i + 1]!.x - x : Infinity);
    const h0 = Math.min(1e-2, gap / 12);
    if (!(h0 > 1e-6)) return skip(counts, 'breakpoints too close');
    const r = examinePoint(phi, x, h0);
    counts.breakpointsChecked++;
    const O = r.orders;
    const seen = `${verdicts(O)}; limits ${fmt(r.leftValue)} | ${fmt(r.rightValue)}, slopes ${fmt(r.leftSlope)} | ${fmt(r.rightSlope)}`;
    // φ(c) exactly, where the breakpoint is rational and φ(c) is too
    let pv: number | null = null;
    if (exact) {
      const v = c.phi.exact(rat(exact.num, exact.den) as Rat);
      if (v !== null) pv = Number(v.n) / Number(v.d);
    }
    const tol = 1e-7 * Math.max(1, Math.abs(r.leftValue), Math.abs(r.rightValue));
    const pointMatches = pv !== null && r.limitsSettled && Math.abs(pv - r.leftValue) <= tol && Math.abs(pv - r.rightValue) <= tol;
    const pointDiffers = pv !== null && O[0] === 'agree' && r.limitsSettled && Math.abs(pv - (r.leftValue + r.rightValue) / 2) > 1e3 * tol;
    const where = `${fmt(x)}${pv !== null ? `, φ(c) = ${fmt(pv)}` : ''}`;
    const claim = `continuous ${b.continuous}, differentiable ${b.differentiable}, class ${b.order === -1 ? 'discontinuous' : `C${b.order}`}`;
    const before = failures.length;

    if (b.continuous === true) {
      if (O[0] === 'differ') fail('missed jump at a breakpoint', x, claim, seen);
      else if (pointDiffers) fail('missed removable discontinuity', x, claim, `${seen}; φ(${where})`);
    } else if (b.continuous === false) {
      if (O[0] === 'agree' && pointMatches) fail('invented jump', x, claim, `${seen}; φ(${where})`);
      else if (O[0] === 'agree' && pv === null) skip(counts, 'continuity: φ(c) not exactly computable');
    } else skip(counts, 'continuity undecided by the analysis');

    if (failures.length === before) {
      if (b.differentiable === true) {
        if (O[0] === 'differ' || O[1] === 'differ') fail('missed kink at a breakpoint', x, claim, seen);
      } else if (b.differentiable === false) {
        const continuousHere = pointMatches || (pv === null && b.continuous === true);
        if (O[0] === 'agree' && O[1] === 'agree' && continuousHere) fail('invented kink', x, claim, seen);
      } else skip(counts, 'differentiability undecided by the analysis');
    }

    if (failures.length === before) {
      const k = b.order;
      if (k === 'inf' || (typeof k === 'number' && k >= 0)) {
        const top = k === 'inf' ? 3 : Math.min(k, 3);
        const m = O.slice(0, top + 1).indexOf('differ');
        if (m >= 0) fail(`class too high: claimed ${k === 'inf' ? 'C∞' : `C${k}`}, but ${ORDER_NAME[m]}`, x, claim, seen);
        else if (typeof k === 'number' && k <= 2) {
          if (O[k + 1] === 'differ') counts.classConfirmed++;
          else if (O[k + 1] === 'agree' && O.slice(0, k + 1).every((v) => v === 'agree') && (k > 0 || b.continuous === true))
            fail(`class too low: claimed exactly C${k}, but φ${"'".repeat(k + 1)} is continuous`, x, claim, seen);
          else skip(counts, 'class: not numerically reliable');
        } else if (typeof k === 'number') skip(counts, 'class: k > 2');
      } else if (k === null) skip(counts, 'class undecided by the analysis');
    }
  });

  // ------------------------------------------------ between and beyond the breakpoints
  const xs = bps.map((p) => p.x);
  const lo = Math.min(-6, (xs[0] ?? 0) - 3);
  const hi = Math.max(6, (xs[xs.length - 1] ?? 0) + 3);
  const ends = [lo, ...xs, hi];
  const stats: ScanStats = { points: 0, candidates: 0 };
  for (let i = 0; i + 1 < ends.length; i++) {
    const features = scanInterval(phi, ends[i]!, ends[i + 1]!, stats);
    counts.intervalsScanned++;
    for (const f of features)
      fail(
        `missed breakpoint: ${ORDER_NAME[f.order]}`,
        f.at,
        `no breakpoint in (${fmt(ends[i]!)}, ${fmt(ends[i + 1]!)}); class ${analysis.entry.smoothness === 'inf' ? 'C∞' : `C${analysis.entry.smoothness}`}`,
        `${verdicts(f.report.orders)}; limits ${fmt(f.report.leftValue)} | ${fmt(f.report.rightValue)}, slopes ${fmt(f.report.leftSlope)} | ${fmt(f.report.rightSlope)}`,
      );
  }
  return failures;
}

/** The smallest sub-expression E of a failing case for which sum(E) still fails. */
function shrink(c: Case): { case: Case; failures: Failure[] } | undefined {
  const candidates = c.parts.flatMap(subtrees).sort((a, b) => a.text.length - b.text.length);
  const scratch: Counts = { generated: 0, analysed: 0, refused: {}, breakpointsChecked: 0, intervalsScanned: 0, classConfirmed: 0, skips: {} };
  for (const n of candidates) {
    const small = sumCase(n);
    const o = analyse(small.text);
    if (o.kind !== 'analysed') continue;
    const f = examine(small, o.analysis, scratch);
    if (f.length > 0) return { case: small, failures: f };
  }
  return undefined;
}

describe('differential: symbolic results against an independent numeric kink detector', () => {
  it(`${RUNS} seeded random separable expressions (seed ${SEED}): no missed or invented jump, kink or class`, () => {
    const counts: Counts = { generated: 0, analysed: 0, refused: {}, breakpointsChecked: 0, intervalsScanned: 0, classConfirmed: 0, skips: {} };
    const rng = new Rng(SEED);
    const failures: Failure[] = [];
    const failingCases = new Map<string, Case>();
    const crashes: string[] = [];
    for (let run = 0; run < RUNS; run++) {
      const c = separableCase(rng, DEPTHS[run % DEPTHS.length]!);
      counts.generated++;
      const o = analyse(c.text);
      if (o.kind === 'refused') {
        counts.refused[o.reason] = (counts.refused[o.reason] ?? 0) + 1;
        continue;
      }
      if (o.kind === 'crash') {
        crashes.push(`${c.text}: ${o.message}`);
        continue;
      }
      counts.analysed++;
      const found = examine(c, o.analysis, counts);
      if (found.length > 0) failingCases.set(c.text, c);
      failures.push(...found);
    }

    // minimal reproductions for the report
    const seenInputs = new Set<string>();
    const minimal: string[] = [];
    for (const f of failures) {
      if (seenInputs.has(f.input) || minimal.length >= 25) continue;
      seenInputs.add(f.input);
      minimal.push(`${f.input}\n    ${f.what} at t ≈ ${fmt(f.at)}; analysis: ${f.claim}; detector: ${f.seen}`);
    }
    const shrunk = new Map<string, string>();
    for (const f of failures.slice(0, 200)) {
      if (shrunk.size >= 25) break;
      const parts = failingCases.get(f.input);
      if (!parts || shrunk.has(f.input)) continue;
      const s = shrink(parts);
      if (s) {
        const g = s.failures[0]!;
        shrunk.set(f.input, `${s.case.text}: ${g.what} at t ≈ ${fmt(g.at)}; analysis: ${g.claim}; detector: ${g.seen}`);
      }
    }
    const distinctMinimal = [...new Set(shrunk.values())];

    console.log(
      [
        `differential (seed ${SEED}, ${RUNS} runs): generated ${counts.generated}, analysed ${counts.analysed}, ` +
          `refused ${JSON.stringify(counts.refused)}, crashes ${crashes.length}`,
        `  breakpoints checked ${counts.breakpointsChecked}, classes confirmed ${counts.classConfirmed}, intervals scanned ${counts.intervalsScanned}`,
        `  skips ${JSON.stringify(counts.skips)}`,
        `  discrepancies ${failures.length} in ${seenInputs.size} inputs`,
        ...minimal.slice(0, 10).map((m) => `  - ${m}`),
        ...(distinctMinimal.length > 0 ? ['  minimal reproductions:', ...distinctMinimal.map((m) => `  * ${m}`)] : []),
        ...crashes.slice(0, 10).map((m) => `  crash: ${m}`),
      ].join('\n'),
    );

    // it really examined something
    expect(counts.generated).toBe(RUNS);
    expect(counts.analysed).toBeGreaterThanOrEqual(Math.floor(RUNS * 0.5));
    expect(counts.breakpointsChecked).toBeGreaterThanOrEqual(Math.floor(RUNS * 0.3));
    expect(counts.intervalsScanned).toBeGreaterThanOrEqual(counts.analysed);
    expect(crashes, crashes.slice(0, 10).join('\n')).toEqual([]);
    expect(distinctMinimal.length > 0 ? distinctMinimal : minimal, 'discrepancies between the analysis and the numeric detector').toEqual([]);
  }, 60_000 + RUNS * 200);

  // The detector is only as good as the evaluator: the printed text and the tree it evaluates must be the same function.
  it('the generator evaluates what it prints (mathjs evaluates the same text at 1x1 matrices)', () => {
    const math = create(all, {});
    const step = (x: number): number => (x > 0 ? 1 : x < 0 ? 0 : 0.5);
    // the single entry of a 1x1 matrix (or a scalar)
    const one = (v: unknown): number => (typeof v === 'number' ? v : (math.flatten(v as any) as any).get([0]));
    math.import(
      {
        relu: math.typed('relu', { number: (x: number) => Math.max(x, 0), Matrix: (m: any) => math.map(m, (x: number) => Math.max(x, 0)) }),
        pos: math.typed('pos', { number: (x: number) => Math.max(x, 0), Matrix: (m: any) => math.map(m, (x: number) => Math.max(x, 0)) }),
        heaviside: math.typed('heaviside', { number: step, Matrix: (m: any) => math.map(m, step) }),
        emax: (a: unknown, b: unknown) => math.map(math.matrix([[0]]), () => Math.max(one(a), one(b))),
        emin: (a: unknown, b: unknown) => math.map(math.matrix([[0]]), () => Math.min(one(a), one(b))),
      },
      { override: true },
    );
    const rng = new Rng(SEED);
    let compared = 0;
    const mismatches: string[] = [];
    for (let run = 0; run < 300; run++) {
      const c = separableCase(rng, DEPTHS[run % DEPTHS.length]!);
      // kinkproof's max/min are entry-wise (README); mathjs's reduce over all elements: rename to entry-wise versions.
      const code = math.compile(c.text.replaceAll('max(', 'emax(').replaceAll('min(', 'emin('));
      for (const t of [-2.7, -1, -0.35, 0, 0.2, 0.5, 1.3, 2, 3.1]) {
        const mine = c.phi.num(t, { max: 0 });
        if (!Number.isFinite(mine)) continue;
        let theirs: unknown;
        try {
          theirs = code.evaluate({ X: math.matrix([[t]]) });
        } catch {
          continue;
        }
        if (typeof theirs !== 'number' || !Number.isFinite(theirs)) continue; // complex (fractional power of a rounded negative) etc.
        compared++;
        if (Math.abs(theirs - mine) > 1e-9 * Math.max(1, Math.abs(mine))) mismatches.push(`${c.text} at ${t}: mathjs ${theirs}, generator ${mine}`);
      }
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(compared).toBeGreaterThan(1000);
  });

  // The detector must be able to see what it is meant to see, and nothing else (hand-derived truths).
  it('the detector finds known jumps, kinks, cusps and class changes, and nothing in smooth functions', () => {
    const f = (g: (t: number) => number): Phi => (t, mag) => {
      const v = g(t);
      mag.max = Math.max(mag.max, Math.abs(v));
      return v;
    };
    const found = (g: (t: number) => number): { at: number; order: number }[] =>
      scanInterval(f(g), -6, 6, { points: 0, candidates: 0 }).map((x) => ({ at: Number(x.at.toFixed(3)), order: x.order }));
    expect(found((t) => Math.abs(t - 1))).toEqual([{ at: 1, order: 1 }]);
    expect(found((t) => (t > 0.1 ? 1 : 0) + t * t)).toEqual([{ at: 0.1, order: 0 }]);
    expect(found((t) => Math.abs(t - 1) ** 3)).toEqual([{ at: 1, order: 3 }]);
    expect(found((t) => Math.max(t + 0.5, 0) ** 2)).toEqual([{ at: -0.5, order: 2 }]);
    expect(found((t) => ((t - 1) ** 2) ** (1 / 3))).toEqual([{ at: 1, order: 1 }]);
    expect(found((t) => Math.sqrt(Math.abs(t + 2)) + Math.exp(t / 2))).toEqual([{ at: -2, order: 1 }]);
    for (const smooth of [(t: number) => t * t, (t: number) => Math.exp(4 * t), (t: number) => 1 / (1 + t * t), (t: number) => Math.log(1 + Math.exp(3 * t)), (t: number) => Math.sqrt(1 + t ** 4)])
      expect(found(smooth)).toEqual([]);
    // at a point: class C^k exactly
    const at = (g: (t: number) => number, c: number): number => firstDiffer(examinePoint(f(g), c, 1e-2));
    expect(at((t) => Math.abs(t), 0)).toBe(1);
    expect(at((t) => Math.max(t, 0) ** 2, 0)).toBe(2);
    expect(at((t) => Math.abs(t) ** 3, 0)).toBe(3);
    expect(at((t) => Math.sign(t), 0)).toBe(0);
    expect(at((t) => Math.abs(t) ** 1.5, 0)).toBe(2);
    expect(at((t) => Math.exp(t), 0.3)).toBe(-1);
    // C^1 with a slowly converging slope (t^{1/2}): never a false 'differ'
    expect(examinePoint(f((t) => Math.max(t, 0) ** 1.5), 0, 1e-2).orders.slice(0, 2)).not.toContain('differ');
    expect(examinePoint(f((t) => Math.max(t, 0) ** 2), 0, 1e-2).orders.slice(0, 2)).toEqual(['agree', 'agree']);
  });
});
