import { describe, expect, it } from 'vitest';
import { KinkproofError } from '../../src/diagnostics.js';
import { MAX_FAILURES, MAX_RECORDS } from '../../src/numeric/evidence.js';
import { testSet } from '../../src/numeric/points.js';
import { verify } from '../../src/numeric/verify.js';
import type { Evidence, VerifyInput } from '../../src/numeric/verify.js';
import * as P from '../../src/symbolic/exact/poly.js';
import { mulS } from '../../src/symbolic/scalar/build.js';
import { call, int, num } from '../../src/symbolic/scalar/expr.js';
import * as Q from '../../src/symbolic/exact/rational.js';
import { printText } from '../../src/symbolic/scalar/print.js';
import { CATALOGUE, RELU_SQUARED, RELU_SQUARED_GRADIENT, abs, input, pow, t } from './subjects.js';
import { claimText, pointText, printedRecord } from '../../src/numeric/checkText.js';

const founding = (rows = 3, cols = 4, seed = 1): VerifyInput => input(RELU_SQUARED, rows, cols, seed, RELU_SQUARED_GRADIENT);

const describeFailures = (e: Evidence): string =>
  e.failures.map((f) => `${claimText(f)} at ${pointText(f)}: ${f.symbolic} vs ${f.numeric} (${f.relError} > ${f.tolerance})`).join('\n');

describe('verify: the founding example f(X) = ‖relu(X)‖_F²', () => {
  const evidence = verify(founding());

  it('passes with a maximal relative error of at most 1e-8', () => {
    expect(evidence.status, describeFailures(evidence)).toBe('passed');
    expect(evidence.maxRelError).toBeLessThanOrEqual(1e-8);
    expect(evidence.failures).toEqual([]);
    expect(evidence.seed).toBe(1);
  });

  it('checks the gradient on entries exactly at the kink and the one-sided derivatives there', () => {
    const claims = evidence.records.map((r) => `${r.kind} | ${claimText(r)} | ${pointText(r)}`);
    expect(claims).toContain('gradient-entry | ∇f = 2*relu(X) | an entry equal to the breakpoint, t = 0');
    expect(claims.some((c) => c.startsWith("one-sided | φ'₊(0) = 0 | t = 0 + δ"))).toBe(true);
    expect(claims.some((c) => c.startsWith("one-sided | φ'₋(0) = 0 | t = 0 − δ"))).toBe(true);
    expect(claims.some((c) => c.startsWith('derivative-continuity | φ′(t) → 0 as t → 0⁺'))).toBe(true);
    expect(claims.some((c) => c.startsWith('value | φ(0) = 0 | t = 0'))).toBe(true);
    expect(claims.some((c) => c.includes('X with each entry on a breakpoint'))).toBe(true);
  });

  it('tests points that have entries exactly on the breakpoint', () => {
    const x = new Float64Array(12);
    testSet(3, 4, 1, [0]).points.at(-1)!.fill(x);
    expect(x.filter((v) => v === 0).length).toBeGreaterThan(0);
  });

  it('keeps bounded, representative records', () => {
    expect(evidence.records.length).toBeGreaterThan(10);
    expect(evidence.records.length).toBeLessThanOrEqual(MAX_RECORDS);
    expect(evidence.checks).toBeGreaterThan(evidence.records.length);
    expect(new Set(evidence.records.map((r) => r.kind))).toEqual(
      new Set(['gradient-direction', 'gradient-entry', 'one-sided', 'derivative-continuity', 'value', 'piece-value', 'piece-derivative']),
    );
  });
});

describe('verify: wrong claims fail, naming the claim, the point and both numbers', () => {
  it('a wrong gradient (2·t instead of 2·relu(t))', () => {
    const e = verify(input(RELU_SQUARED, 3, 4, 1, mulS(int(2), t)));
    expect(e.status).toBe('failed');
    expect(e.failures.length).toBeLessThanOrEqual(MAX_FAILURES);
    expect(e.worst?.passed).toBe(false);
    expect(e.failures.some((f) => f.kind === 'gradient-direction' && claimText(f) === '∇f = 2*X')).toBe(true);
    // Entry by entry the offending entries are the negative ones: ψ says 2x, the differences say 0.
    const entry = e.failures.find((f) => f.kind === 'gradient-entry' && f.point.kind === 'entry' && f.point.value < 0);
    expect(entry, describeFailures(e)).toBeDefined();
    const x = entry!.point.kind === 'entry' ? entry!.point.value : NaN;
    expect(pointText(entry!)).toMatch(/^X ~ N\(0, [0-9.]+²\) 3x4, entry \(\d, \d\) = /);
    expect(entry!.symbolic).toBeCloseTo(2 * x, 12);
    expect(Math.abs(entry!.numeric)).toBeLessThan(1e-12);
  });

  it('a wrong finite one-sided derivative', () => {
    const good = input(RELU_SQUARED);
    const [b] = good.entry.breakpoints;
    const entry = { ...good.entry, breakpoints: [{ ...b!, rightDerivative: { kind: 'finite', value: P.ONE } as const }] };
    const e = verify({ ...good, entry });
    expect(e.status).toBe('failed');
    const [f] = e.failures;
    expect(e.failures).toHaveLength(1);
    expect(f && printedRecord(f)).toMatchObject({ kind: 'one-sided', claim: "φ'₊(0) = 1", symbolic: 1, passed: false });
    expect(pointText(f!)).toMatch(/^t = 0 \+ δ/);
    expect(Math.abs(f!.numeric)).toBeLessThan(1e-9);
  });

  it('a gradient without a finite value where the differences have one', () => {
    const e = verify(input(RELU_SQUARED, 3, 4, 1, pow(t, -1)));
    const atKink = e.failures.find((f) => pointText(f) === 'an entry equal to the breakpoint, t = 0');
    expect(atKink && printedRecord(atKink)).toMatchObject({ kind: 'gradient-entry', claim: '∇f = 1./X', symbolic: Infinity, relError: 1 });
  });

  it('a wrong gradient of a fast-oscillating φ still fails where φ is smooth at the step (sin(t³) claimed 3.03t²·cos(t³))', () => {
    const phi = call('sin', pow(t, 3));
    const wrong = mulS(num(Q.rat(303, 100)), pow(t, 2), call('cos', pow(t, 3)));
    const e = verify(input(phi, 3, 4, 1, wrong));
    expect(e.status).toBe('failed');
    expect(e.failures.some((f) => f.kind.startsWith('gradient'))).toBe(true);
  });

  it('a claimed divergence where the quotients converge', () => {
    const good = input(abs(t));
    const [b] = good.entry.breakpoints;
    const entry = { ...good.entry, breakpoints: [{ ...b!, leftDerivative: { kind: 'infinite', sign: -1 } as const }] };
    const e = verify({ ...good, entry });
    expect(e.failures.map((f) => claimText(f))).toEqual(["φ'₋(0) = −∞"]);
    expect(e.failures[0]!.symbolic).toBe(-Infinity);
    expect(e.failures[0]!.numeric).toBeCloseTo(-1, 12);
  });
});

describe('verify: correct claims pass', () => {
  it.each(CATALOGUE.map((phi) => [printText(phi), phi] as const))('%s with its chain-rule gradient', (_name, phi) => {
    for (const [rows, cols] of [[3, 4], [1, 1], [2, 7], [7, 2]] as const) {
      const e = verify(input(phi, rows, cols, 5));
      expect(e.status, `${rows}x${cols}\n${describeFailures(e)}`).toBe('passed');
    }
  });

  it('claimed divergence where it is real: sign and √|t| at 0', () => {
    for (const phi of [CATALOGUE[2]!, CATALOGUE[4]!]) {
      const e = verify(input(phi));
      const divergent = e.records.filter((r) => r.symbolic === Infinity || r.symbolic === -Infinity);
      expect(divergent.length).toBeGreaterThan(0);
      expect(divergent.every((r) => r.passed && r.relError === 0)).toBe(true);
    }
  });

  it('without a gradient only the breakpoint claims are checked', () => {
    const e = verify(input(abs(t), 3, 4, 1, null));
    expect(e.status).toBe('passed');
    expect(e.records.every((r) => !r.kind.startsWith('gradient'))).toBe(true);
    expect(e.records.some((r) => pointText(r).includes("φ′ from the piece's derivative"))).toBe(true);
  });

  it('a large matrix gets directional checks only', () => {
    const e = verify(founding(700, 600));
    expect(e.status).toBe('passed');
    expect(e.records.some((r) => r.kind === 'gradient-entry' && pointText(r).includes('entry ('))).toBe(false);
    expect(e.maxRelError).toBeLessThanOrEqual(1e-8);
  });
});

describe('verify: reproducible and defensive', () => {
  it('gives byte-identical evidence for the same seed', () => {
    expect(JSON.stringify(verify(founding(4, 5, 9)))).toBe(JSON.stringify(verify(founding(4, 5, 9))));
    expect(JSON.stringify(verify(founding(4, 5, 9)))).not.toBe(JSON.stringify(verify(founding(4, 5, 10))));
  });

  it('reports progress from 0 to the total', () => {
    const calls: [number, number][] = [];
    verify(founding(), (done, total) => calls.push([done, total]));
    const total = calls[0]![1];
    expect(calls.map(([d]) => d)).toEqual(Array.from({ length: total + 1 }, (_, i) => i));
    expect(calls.every(([, n]) => n === total)).toBe(true);
  });

  it.each([
    ['a non-finite offset', { offset: Infinity }, 'input'],
    ['an offset that is not a number', { offset: NaN }, 'input'],
    ['zero rows', { rows: 0 }, 'input'],
    ['a fractional shape', { cols: 2.5 }, 'input'],
    ['a negative seed', { seed: -1 }, 'input'],
    ['a seed beyond 2^53', { seed: 2 ** 53 }, 'input'],
    ['too many entries', { rows: 5000, cols: 5000 }, 'limit'],
  ] as const)('rejects %s', (_what, change, kind) => {
    const run = (): Evidence => verify({ ...founding(), ...change });
    expect(run).toThrow(KinkproofError);
    try {
      run();
    } catch (e) {
      expect((e as KinkproofError).kind).toBe(kind);
    }
  });
});
