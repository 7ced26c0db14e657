import { describe, expect, it } from 'vitest';
import { EvidenceBuilder } from '../../src/numeric/evidence.js';
import type { Check } from '../../src/numeric/evidence.js';
import { BLOCK } from '../../src/numeric/subgradientChecks.js';
import type { KnownSubdifferential } from '../../src/numeric/subgradientChecks.js';
import { verify } from '../../src/numeric/verify.js';
import type { CheckRecord, Evidence, VerifyInput } from '../../src/numeric/verify.js';
import { analyzeSymbolic } from '../../src/symbolic/derive.js';
import * as P from '../../src/symbolic/exact/poly.js';
import * as Q from '../../src/symbolic/exact/rational.js';
import type { BreakpointSet } from '../../src/symbolic/subdifferential.js';
import { claimText, pointText, printedRecord } from '../../src/numeric/checkText.js';

function subject(f: string, rows = 3, cols = 4, seed = 1): VerifyInput {
  const a = analyzeSymbolic(f);
  return { phi: a.separable.phi, offset: 0, gradient: a.gradient, entry: a.entry, rows, cols, seed, subdifferential: a.subdifferential };
}

const known = (input: VerifyInput): KnownSubdifferential => {
  const sub = input.subdifferential!;
  if (sub.kind === null) throw new Error(`no subdifferential: ${sub.reason}`);
  return sub;
};

/** The same input with breakpoint `index`'s set replaced. */
function claiming(input: VerifyInput, change: Partial<BreakpointSet>, index = 0): VerifyInput {
  const sub = known(input);
  const breakpoints = sub.breakpoints.map((b, i) => (i === index ? { ...b, ...change } : b));
  return { ...input, subdifferential: { ...sub, breakpoints } };
}

const half = P.constant(Q.rat(1, 2));
const kinds = (e: Evidence): Set<string> => new Set(e.records.map((r) => r.kind));
const describeFailures = (e: Evidence): string =>
  e.failures.map((f) => `${f.kind}: ${claimText(f)} at ${pointText(f)}: ${f.symbolic} vs ${f.numeric} (${f.relError} > ${f.tolerance})`).join('\n');
const SUBGRADIENT_KINDS = ['support-function', 'subgradient-inequality', 'clarke-endpoint'];
const failuresOf = (e: Evidence, kind: string): CheckRecord[] => e.failures.filter((f) => f.kind === kind);

describe('subgradient checks: convex f', () => {
  it.each(['sum(relu(X))', 'sum(abs(X))', 'sum(max(X,0.2*X))', 'sum(abs(X)+X.^2)', 'sum(relu(1-X))', 'sum(relu(X).^2)', 'sum(abs(X-1/3))'])(
    '%s: f′(X; D) is the support function, the subgradient inequality holds, the ends are limits of φ′',
    (f) => {
      const input = subject(f);
      expect(known(input).kind).toBe('convex');
      for (const [rows, cols] of [[3, 4], [1, 1], [2, 7], [7, 2]] as const) {
        const e = verify({ ...input, rows, cols });
        expect(e.status, `${rows}x${cols}\n${describeFailures(e)}`).toBe('passed');
        for (const kind of SUBGRADIENT_KINDS) expect(kinds(e)).toContain(kind);
      }
    },
  );

  it('puts entries exactly on the breakpoint and tests both ends of every interval', () => {
    const e = verify(subject('sum(abs(X))'));
    const support = e.records.filter((r) => r.kind === 'support-function');
    expect(support.some((r) => pointText(r).startsWith('X 3x4, every entry on a breakpoint'))).toBe(true);
    expect(claimText(support[0]!)).toBe('f′(X; D) = max over G ∈ ∂f(X) of ⟨G, D⟩ with ∂φ(0) = [-1, 1]');
    const ends = e.records.filter((r) => r.kind === 'clarke-endpoint').map((r) => [claimText(r), r.symbolic]);
    expect(ends).toEqual([
      ['φ′(t) → -1 as t → 0⁻, the lower end of ∂φ(0) = [-1, 1] (convex)', -1],
      ['φ′(t) → 1 as t → 0⁺, the upper end of ∂φ(0) = [-1, 1] (convex)', 1],
    ]);
    expect(e.maxRelError).toBeLessThan(1e-8);
  });

  it('a breakpoint that is not a double: entries stay off it, the ends are still checked', () => {
    const e = verify(subject('sum(abs(X-1/3))'));
    expect(e.records.some((r) => pointText(r).includes('every entry on a breakpoint'))).toBe(false);
    expect(e.records.filter((r) => r.kind === 'clarke-endpoint')).toHaveLength(2);
  });
});

describe('subgradient checks: Clarke sets', () => {
  it.each(['sum(-relu(X))', 'sum(min(max(X,0),1))', 'sum(abs(X.^2-2))'])('%s: the ends are the limits of φ′ from the two sides', (f) => {
    const input = subject(f);
    expect(known(input).kind).toBe('clarke');
    const e = verify(input);
    expect(e.status, describeFailures(e)).toBe('passed');
    expect(kinds(e)).toContain('clarke-endpoint');
    expect(kinds(e)).not.toContain('support-function');
    expect(kinds(e)).not.toContain('subgradient-inequality');
  });

  it('−relu at 0: the left limit is the upper end, and the Fréchet subdifferential is empty', () => {
    const e = verify(subject('sum(-relu(X))'));
    const ends = e.records.filter((r) => r.kind === 'clarke-endpoint').map((r) => claimText(r));
    expect(ends).toEqual([
      'φ′(t) → 0 as t → 0⁻, the upper end of ∂φ(0) = [-1, 0] (Clarke; φ′₋ > φ′₊, so no Fréchet subgradient)',
      'φ′(t) → -1 as t → 0⁺, the lower end of ∂φ(0) = [-1, 0] (Clarke; φ′₋ > φ′₊, so no Fréchet subgradient)',
    ]);
  });
});

describe('subgradient checks: wrong intervals are rejected, naming the claim, the point and both numbers', () => {
  it('relu at 0 claimed [0, 1/2]', () => {
    const e = verify(claiming(subject('sum(relu(X))'), { hi: half }));
    expect(e.status).toBe('failed');
    const [end, ...others] = failuresOf(e, 'clarke-endpoint');
    expect(others).toEqual([]);
    expect(end && printedRecord(end)).toMatchObject({ claim: 'φ′(t) → 0.5 as t → 0⁺, the upper end of ∂φ(0) = [0, 0.5] (convex)', symbolic: 0.5, passed: false });
    expect(pointText(end!)).toMatch(/^t = 0 \+ δ, δ = 2\^-6 … 2\^-17/);
    expect(end!.numeric).toBeCloseTo(1, 9);
    // Along D = 𝟙 with every entry on the kink: σ = 12·(1/2), f′(X; D) = 12.
    const support = failuresOf(e, 'support-function').find((f) => pointText(f) === 'X 3x4, every entry on a breakpoint, D = 𝟙');
    expect(support && printedRecord(support), describeFailures(e)).toMatchObject({ claim: 'f′(X; D) = max over G ∈ ∂f(X) of ⟨G, D⟩ with ∂φ(0) = [0, 0.5]', symbolic: 6 });
    expect(support!.numeric).toBeCloseTo(12, 9);
    expect(failuresOf(e, 'subgradient-inequality')).toEqual([]); // [0, 1/2] ⊂ ∂φ(0): every G in it is a subgradient
  });

  it('abs at 0 claimed [−1, 0]', () => {
    const e = verify(claiming(subject('sum(abs(X))'), { hi: P.ZERO }));
    const ends = failuresOf(e, 'clarke-endpoint');
    expect(ends.map((f) => [claimText(f), f.symbolic])).toEqual([['φ′(t) → 0 as t → 0⁺, the upper end of ∂φ(0) = [-1, 0] (convex)', 0]]);
    expect(ends[0]!.numeric).toBeCloseTo(1, 9);
    const support = failuresOf(e, 'support-function');
    expect(support.length).toBeGreaterThan(0);
    expect(support.every((f) => f.numeric > f.symbolic)).toBe(true);
  });

  it('relu at 0 claimed [−1/2, 1], too wide: the subgradient inequality fails for the lower corner', () => {
    const e = verify(claiming(subject('sum(relu(X))'), { lo: P.neg(half) }));
    const inequality = failuresOf(e, 'subgradient-inequality');
    expect(inequality.length, describeFailures(e)).toBeGreaterThan(0);
    expect(inequality.every((f) => claimText(f) === 'f(Y) − f(X) ≥ ⟨G, Y − X⟩ for G ∈ ∂f(X) with ∂φ(0) = [-0.5, 1]')).toBe(true);
    expect(inequality.every((f) => f.numeric < f.symbolic)).toBe(true);
    // Every entry on the kink, G = −1/2 there, Y below X: f(Y) − f(X) = 0 but ⟨G, Y − X⟩ > 0.
    const against = 'X 3x4, every entry on a breakpoint, G = the lower corner of ∂f(X), Y = X + 2^-8·S|Z|, S the signs against G';
    const tight = inequality.find((f) => pointText(f).startsWith(against));
    expect(tight, describeFailures(e)).toMatchObject({ numeric: 0, passed: false });
    expect(tight!.symbolic).toBeGreaterThan(0);
    expect(failuresOf(e, 'clarke-endpoint').map((f) => f.symbolic)).toEqual([-0.5]);
  });

  it('−relu at 0 with the Fréchet claim flipped (φ′₋ < φ′₊)', () => {
    const e = verify(claiming(subject('sum(-relu(X))'), { frechetEmpty: false }));
    expect(failuresOf(e, 'clarke-endpoint').map((f) => [f.symbolic, f.numeric])).toEqual([
      [-1, 0],
      [0, -1],
    ]);
  });

  it('min(max(t, 0), 1) claimed [0, 1/2] at 1', () => {
    const e = verify(claiming(subject('sum(min(max(X,0),1))'), { hi: half }, 1));
    const [f, ...others] = failuresOf(e, 'clarke-endpoint');
    expect(others).toEqual([]);
    expect(f).toMatchObject({ symbolic: 0.5, numeric: 1 });
    expect(pointText(f!)).toMatch(/^t = 1 − δ/);
  });
});

describe('subgradient checks: when they run', () => {
  it('not at all without a subdifferential (√relu, heaviside at 0)', () => {
    for (const f of ['sum(sqrt(relu(X)))', 'sum(heaviside(X))']) {
      const input = subject(f);
      expect(input.subdifferential!.kind).toBeNull();
      const e = verify(input);
      for (const kind of SUBGRADIENT_KINDS) expect(kinds(e)).not.toContain(kind);
      expect(e.checks).toBe(verify({ ...input, subdifferential: undefined }).checks);
    }
  });

  it('an inequality check fails only on a shortfall beyond its tolerance', () => {
    const b = new EvidenceBuilder();
    const matrix = { rows: 1, cols: 1, entries: 'on', room: 0 } as const;
    // The scale tells the three checks apart.
    const check = (scale: number): Check => ({
      kind: 'subgradient-inequality',
      claim: { kind: 'subgradient-inequality', sets: [], more: 0 },
      point: { kind: 'displacement', matrix, subgradient: { kind: 'lower-corner' }, scale, against: false },
    });
    b.atLeast(check(1), { symbolic: 1, numeric: 5, tolerance: 0, scale: 0 }); // a surplus
    b.atLeast(check(2), { symbolic: 1, numeric: 1 - 1e-12, tolerance: 1e-11, scale: 0 }); // within tolerance
    b.atLeast(check(3), { symbolic: 2, numeric: 1, tolerance: 1e-11, scale: 0 }); // a shortfall
    const e = b.finish(0);
    expect(e.checks).toBe(3);
    expect(e.failures.map((f) => [f.point.kind === 'displacement' && f.point.scale, f.relError])).toEqual([[3, 0.5]]);
  });
});

describe('subgradient checks: reproducible and cheap', () => {
  it('gives byte-identical evidence for the same seed', () => {
    const run = (seed: number): string => JSON.stringify(verify(subject('sum(abs(X)+X.^2)', 4, 5, seed)));
    expect(run(9)).toBe(run(9));
    expect(run(9)).not.toBe(run(10));
  });

  it('uses at most BLOCK entries of a large matrix', () => {
    const e = verify(subject('sum(relu(X))', 700, 600));
    expect(e.status, describeFailures(e)).toBe('passed');
    const support = e.records.find((r) => r.kind === 'support-function');
    expect(pointText(support!)).toContain(`X 700x600, its first ${BLOCK} entries (D and Y − X vanish on the rest)`);
  });

  it('counts its work in the progress total', () => {
    const calls: [number, number][] = [];
    verify(subject('sum(min(max(X,0),1))'), (done, total) => calls.push([done, total]));
    const total = calls[0]![1];
    expect(calls.map(([d]) => d)).toEqual(Array.from({ length: total + 1 }, (_, i) => i));
  });
});

describe('subgradient checks: Clarke sets at the kinks of a φ that jumps elsewhere', () => {
  // |t − 1| + |t + 1| + H(t − 2): kinks at ±1 with sets [−2, 0] and [0, 2]; a jump at 2, where no set exists.
  const input = subject('sum(abs(X-1)+abs(X+1)+heaviside(X-2))');

  it('confirms both ends at both kinks (four checks more than without the sets) and none at the jump', () => {
    const sub = input.subdifferential!;
    expect(sub.kind).toBeNull();
    if (sub.kind !== null) return;
    expect(sub.breakpoints.map((b) => [b.lo.key, b.hi.key])).toEqual([[P.integer(-2).key, P.ZERO.key], [P.ZERO.key, P.integer(2).key]]);
    const e = verify(input);
    expect(e.status, describeFailures(e)).toBe('passed');
    expect(e.checks).toBe(verify({ ...input, subdifferential: undefined }).checks + 4);
  });

  it('refutes a wrong end at a kink beside the jump', () => {
    const sub = input.subdifferential!;
    if (sub.kind !== null) throw new Error('expected a partial subdifferential');
    const breakpoints = sub.breakpoints.map((b, i) => (i === 1 ? { ...b, hi: P.constant(Q.rat(3, 1)) } : b));
    const e = verify({ ...input, subdifferential: { ...sub, breakpoints } });
    expect(e.status).toBe('failed');
    expect(failuresOf(e, 'clarke-endpoint').length).toBeGreaterThan(0);
  });
});
