/**
 * Check records are data, and their wording is the verifier's old text: the
 * CLI and the JSON output (`worst`) print exactly what they printed when the
 * verifier wrote claims and points as strings.
 */
import { describe, expect, it } from 'vitest';
import type { Check, SubgradientMatrix, TestMatrix } from '../../src/numeric/checkRecord.js';
import { claimText, pointText, printedRecord } from '../../src/numeric/checkText.js';
import { verifyAnalysis } from '../../src/numeric/verifyAnalysis.js';
import { analyzeSymbolic } from '../../src/symbolic/derive.js';

const evidenceOf = (f: string) => verifyAnalysis(analyzeSymbolic(f), undefined, 1);

const gaussian: TestMatrix = { kind: 'gaussian', sigma: 0.01, rows: 3, cols: 4 };
const mixed: TestMatrix = { kind: 'mixed', offset: 0.0078125, rows: 3, cols: 4 };
const block: SubgradientMatrix = { rows: 9, cols: 9, block: 64, entries: 'on-or-near', room: 0.125 };
const near: SubgradientMatrix = { rows: 3, cols: 4, entries: 'near', room: 0.125 };
const on: SubgradientMatrix = { rows: 3, cols: 4, entries: 'on', room: 0.125 };
const relu = { kind: 'gradient', formula: '2*relu(X)' } as const;
const steps = { first: 2 ** -6, last: 2 ** -17 };
const sqrt2 = { at: 'sqrt(2)', lo: '0', hi: '2*sqrt(2)' };

/** One check of every kind and shape, with the text the verifier wrote for it before records were typed. */
const CASES: [Check, string, string][] = [
  [
    { kind: 'gradient-direction', claim: relu, point: { kind: 'direction', matrix: gaussian, direction: { kind: 'rademacher', index: 5, count: 8 } } },
    '∇f = 2*relu(X)',
    'X ~ N(0, 0.01²) 3x4, Rademacher direction 5 of 8',
  ],
  [
    { kind: 'gradient-direction', claim: relu, point: { kind: 'direction', matrix: mixed, direction: { kind: 'gaussian' } } },
    '∇f = 2*relu(X)',
    'X with each entry on a breakpoint, ± 0.0078125 from one, or drawn from N(0, 1) 3x4, Gaussian direction',
  ],
  [
    { kind: 'gradient-entry', claim: relu, point: { kind: 'entry', matrix: gaussian, row: 1, col: 2, value: 0.023190056754645052 } },
    '∇f = 2*relu(X)',
    'X ~ N(0, 0.01²) 3x4, entry (1, 2) = 0.023190056754645052',
  ],
  [{ kind: 'gradient-entry', claim: relu, point: { kind: 'breakpoint-entry', at: '0' } }, '∇f = 2*relu(X)', 'an entry equal to the breakpoint, t = 0'],
  [{ kind: 'value', claim: { kind: 'value', at: '-1', value: '1' }, point: { kind: 'at', at: '-1' } }, 'φ(-1) = 1', 't = -1'],
  [
    {
      kind: 'value',
      claim: { kind: 'limit', of: 'φ', at: '1/3', side: 1, limit: { kind: 'finite', value: 'sqrt(3)/9' } },
      point: { kind: 'sequence', at: '1/3', side: 1, steps },
    },
    'φ(t) → sqrt(3)/9 as t → 1/3⁺',
    't = 1/3 + δ, δ = 2^-6 … 2^-17',
  ],
  [
    {
      kind: 'one-sided',
      claim: { kind: 'one-sided-derivative', at: '-sqrt(2)', side: -1, value: { kind: 'finite', value: '-2*sqrt(2)' } },
      point: { kind: 'sequence', at: '-sqrt(2)', side: -1, steps },
    },
    "φ'₋(-sqrt(2)) = -2*sqrt(2)",
    't = -sqrt(2) − δ, δ = 2^-6 … 2^-17',
  ],
  [
    {
      kind: 'one-sided',
      claim: { kind: 'one-sided-derivative', at: '1', side: -1, value: { kind: 'infinite', sign: 1 } },
      point: { kind: 'sequence', at: '1', side: -1, steps: { first: 2 ** -6, last: 2 ** -33 }, divergence: { kind: 'jump', at: '1', value: -9.99989e-10, tolerance: 4.4e-12 } },
    },
    "φ'₋(1) = +∞",
    't = 1 − δ, δ = 2^-6 … 2^-33; φ(t) − φ(1) → -9.99989e-10 ± 4.4e-12, a jump',
  ],
  [
    {
      kind: 'one-sided',
      claim: { kind: 'one-sided-derivative', at: '-2', side: -1, value: { kind: 'infinite', sign: -1 } },
      point: { kind: 'sequence', at: '-2', side: -1, steps: { first: 2 ** -5, last: 2 ** -32 }, divergence: { kind: 'leading-term', exponent: '-1/2', sign: -1 } },
    },
    "φ'₋(-2) = −∞",
    't = -2 − δ, δ = 2^-5 … 2^-32; the δ^(-1/2) term has sign − once the known terms δ^γ, γ > -1/2, are differenced out',
  ],
  [
    { kind: 'one-sided', claim: { kind: 'differentiable', at: '1/7' }, point: { kind: 'at', at: '1/7' } },
    "φ'₋(1/7) = φ'₊(1/7): φ is differentiable at 1/7",
    't = 1/7',
  ],
  [
    {
      kind: 'derivative-continuity',
      claim: { kind: 'limit', of: 'φ′', at: '0', side: -1, limit: { kind: 'finite', value: '0' } },
      point: { kind: 'sequence', at: '0', side: -1, steps, slope: { kind: 'claimed-gradient', formula: '2*relu(t)' } },
    },
    'φ′(t) → 0 as t → 0⁻',
    't = 0 − δ, δ = 2^-6 … 2^-17; φ′ from the claimed gradient 2*relu(t)',
  ],
  [
    {
      kind: 'derivative-continuity',
      claim: { kind: 'limit', of: 'φ′', at: '-2', side: 1, limit: { kind: 'infinite', sign: 1 } },
      point: {
        kind: 'sequence',
        at: '-2',
        side: 1,
        steps: { first: 2 ** -5, last: 2 ** -16 },
        slope: { kind: 'piece-derivative', formula: '0.25/sqrt(t + 2)' },
        divergence: { kind: 'leading-term', exponent: '-1/2', sign: 1 },
      },
    },
    'φ′(t) → +∞ as t → -2⁺',
    "t = -2 + δ, δ = 2^-5 … 2^-16; φ′ from the piece's derivative 0.25/sqrt(t + 2); the δ^(-1/2) term has sign + once the known terms δ^γ, γ > -1/2, are differenced out",
  ],
  [
    {
      kind: 'clarke-endpoint',
      claim: { kind: 'subdifferential-end', side: 1, end: 'upper', set: sqrt2, subdifferential: 'convex', frechetEmpty: false },
      point: { kind: 'sequence', at: 'sqrt(2)', side: 1, steps, slope: { kind: 'central-differences' } },
    },
    'φ′(t) → 2*sqrt(2) as t → sqrt(2)⁺, the upper end of ∂φ(sqrt(2)) = [0, 2*sqrt(2)] (convex)',
    't = sqrt(2) + δ, δ = 2^-6 … 2^-17; φ′ from central differences of φ with step δ/8',
  ],
  [
    {
      kind: 'clarke-endpoint',
      claim: { kind: 'subdifferential-end', side: -1, end: 'upper', set: { at: '0', lo: '-1', hi: '0' }, subdifferential: 'Clarke', frechetEmpty: true },
      point: { kind: 'sequence', at: '0', side: -1, steps, slope: { kind: 'central-differences' } },
    },
    'φ′(t) → 0 as t → 0⁻, the upper end of ∂φ(0) = [-1, 0] (Clarke; φ′₋ > φ′₊, so no Fréchet subgradient)',
    't = 0 − δ, δ = 2^-6 … 2^-17; φ′ from central differences of φ with step δ/8',
  ],
  [
    {
      kind: 'clarke-endpoint',
      claim: { kind: 'subdifferential-end', side: 1, end: 'only', set: { at: '0', lo: '0', hi: '0' }, subdifferential: 'convex', frechetEmpty: false },
      point: { kind: 'sequence', at: '0', side: 1, steps, slope: { kind: 'central-differences' } },
    },
    'φ′(t) → 0 as t → 0⁺, ∂φ(0) = {0} (convex)',
    't = 0 + δ, δ = 2^-6 … 2^-17; φ′ from central differences of φ with step δ/8',
  ],
  [
    {
      kind: 'support-function',
      claim: { kind: 'support-function', sets: [{ at: '-sqrt(2)', lo: '-2*sqrt(2)', hi: '0' }, sqrt2], more: 0 },
      point: { kind: 'support-direction', matrix: near, direction: { kind: 'gaussian', index: 3, count: 3 } },
    },
    'f′(X; D) = max over G ∈ ∂f(X) of ⟨G, D⟩ with ∂φ(-sqrt(2)) = [-2*sqrt(2), 0], ∂φ(sqrt(2)) = [0, 2*sqrt(2)]',
    'X 3x4, entries at a breakpoint c ± (0.125 + |N(0, 1)|)·max(1, |c|), Gaussian D 3 of 3',
  ],
  [
    {
      kind: 'support-function',
      claim: { kind: 'support-function', sets: ['-1', '0', '1', '2'].map((at) => ({ at, lo: '-5', hi: '5' })), more: 1 },
      point: { kind: 'support-direction', matrix: block, direction: { kind: 'rademacher', index: 1, count: 3 } },
    },
    'f′(X; D) = max over G ∈ ∂f(X) of ⟨G, D⟩ with ∂φ(-1) = [-5, 5], ∂φ(0) = [-5, 5], ∂φ(1) = [-5, 5], ∂φ(2) = [-5, 5], 1 more',
    'X 9x9, its first 64 entries (D and Y − X vanish on the rest), entries on breakpoints or at a breakpoint c ± (0.125 + |N(0, 1)|)·max(1, |c|), Rademacher D 1 of 3',
  ],
  [
    {
      kind: 'support-function',
      claim: { kind: 'support-function', sets: [], more: 0 },
      point: { kind: 'support-direction', matrix: on, direction: { kind: 'ones', sign: -1 } },
    },
    'f′(X; D) = max over G ∈ ∂f(X) of ⟨G, D⟩',
    'X 3x4, every entry on a breakpoint, D = −𝟙',
  ],
  [
    {
      kind: 'subgradient-inequality',
      claim: { kind: 'subgradient-inequality', sets: [{ at: '0', lo: '0', hi: '0' }], more: 0 },
      point: { kind: 'displacement', matrix: on, subgradient: { kind: 'lower-corner' }, scale: 2 ** -8, against: false },
    },
    'f(Y) − f(X) ≥ ⟨G, Y − X⟩ for G ∈ ∂f(X) with ∂φ(0) = {0}',
    'X 3x4, every entry on a breakpoint, G = the lower corner of ∂f(X), Y = X + 2^-8·Z, Z ~ N(0, 1)',
  ],
  [
    {
      kind: 'subgradient-inequality',
      claim: { kind: 'subgradient-inequality', sets: [sqrt2], more: 0 },
      point: { kind: 'displacement', matrix: near, subgradient: { kind: 'random-point', index: 2 }, scale: 32, against: true },
    },
    'f(Y) − f(X) ≥ ⟨G, Y − X⟩ for G ∈ ∂f(X) with ∂φ(sqrt(2)) = [0, 2*sqrt(2)]',
    'X 3x4, entries at a breakpoint c ± (0.125 + |N(0, 1)|)·max(1, |c|), G = random point 2 of ∂f(X), Y = X + 32·S|Z|, S the signs against G (down at lower ends, up at upper ends)',
  ],
  [
    { kind: 'piece-value', claim: { kind: 'piece', of: 'φ', formula: '0', interval: { hi: '0' } }, point: { kind: 'probe', t: -0.5 } },
    'φ(t) = 0 for −∞ < t < 0',
    't = -0.5',
  ],
  [
    {
      kind: 'piece-derivative',
      claim: { kind: 'piece', of: 'φ′', formula: '2*t', interval: { lo: '0' } },
      point: { kind: 'central-differences', t: 1.5000000000000002e30, steps: { first: 2 ** 94, last: 2 ** 83 } },
    },
    'φ′(t) = 2*t for 0 < t < ∞',
    't = 1.5000000000000002e+30, central differences of φ with step h = 2^94 … 2^83',
  ],
  [
    {
      kind: 'piece-smoothness',
      claim: { kind: 'smooth', property: 'continuous', t: 0, interval: {} },
      point: { kind: 'gap', t: 0, of: 'φ', steps: { first: 2 ** -6, last: 2 ** -14 }, shrink: 16 },
    },
    'φ is continuous at t = 0, inside the claimed piece for −∞ < t < ∞',
    't = 0 ± δ, δ = 2^-6 … 2^-14, shrinking by 16; φ(t + δ) − φ(t − δ)',
  ],
  [
    {
      kind: 'piece-smoothness',
      claim: { kind: 'smooth', property: 'differentiable', t: 1, interval: { lo: '-1', hi: 'sqrt(2)' } },
      point: { kind: 'gap', t: 1, of: 'φ′', steps: { first: 2 ** -6, last: 2 ** -42 }, shrink: 16 },
    },
    'φ is differentiable at t = 1, inside the claimed piece for -1 < t < sqrt(2)',
    't = 1 ± δ, δ = 2^-6 … 2^-42, shrinking by 16; φ′(t + δ) − φ′(t − δ), φ′ from central differences with step δ/8',
  ],
];

describe('checkText: every check kind is worded as the verifier wrote it', () => {
  it.each(CASES.map(([check, claim, point]) => [`${check.kind} (${check.claim.kind} at ${check.point.kind})`, check, claim, point] as const))(
    '%s',
    (_, check, claim, point) => {
      expect(claimText(check)).toBe(claim);
      expect(pointText(check)).toBe(point);
    },
  );

  it('prints a record for JSON with the fields, in the order, of the old string records', () => {
    const worst = evidenceOf("norm(relu(X),'fro')^2").worst!;
    const printed = printedRecord(worst);
    expect(Object.keys(printed)).toEqual(['kind', 'claim', 'point', 'symbolic', 'numeric', 'relError', 'tolerance', 'passed', 'relation']);
    expect(printed).toMatchObject({ claim: claimText(worst), point: pointText(worst) });
  });
});

describe('check records are typed', () => {
  it('a divergence at a breakpoint: kind one-sided, side +1, point c, value +∞', () => {
    const records = evidenceOf('sum(sqrt(abs(X)))').records;
    const right = records.find((r) => r.kind === 'one-sided' && r.claim.kind === 'one-sided-derivative' && r.claim.side === 1);
    expect(right).toMatchObject({
      kind: 'one-sided',
      claim: { kind: 'one-sided-derivative', at: '0', side: 1, value: { kind: 'infinite', sign: 1 } },
      point: { kind: 'sequence', at: '0', side: 1, steps: { first: 2 ** -6 } },
      symbolic: Infinity,
      passed: true,
    });
  });

  it('the gradient at test matrices and on a breakpoint', () => {
    const records = evidenceOf("norm(relu(X),'fro')^2").records;
    const claim = { kind: 'gradient', formula: '2*relu(X)' };
    expect(records).toContainEqual(expect.objectContaining({ kind: 'gradient-entry', claim, point: { kind: 'breakpoint-entry', at: '0' } }));
    const directions = records.filter((r) => r.kind === 'gradient-direction');
    expect(directions.map((r) => r.point.matrix)).toContainEqual({ kind: 'gaussian', sigma: 100, rows: 3, cols: 4 });
    expect(directions.some((r) => r.point.direction.kind === 'rademacher' && r.point.direction.count === 8)).toBe(true);
    const entries = records.filter((r) => r.kind === 'gradient-entry' && r.point.kind === 'entry');
    expect(entries.length).toBeGreaterThan(0);
  });

  it('the ends of a claimed subdifferential, and the limits of φ′ from the claimed gradient', () => {
    const records = evidenceOf('sum(abs(X))').records;
    expect(records).toContainEqual(
      expect.objectContaining({
        kind: 'clarke-endpoint',
        claim: { kind: 'subdifferential-end', side: 1, end: 'upper', set: { at: '0', lo: '-1', hi: '1' }, subdifferential: 'convex', frechetEmpty: false },
        symbolic: 1,
      }),
    );
    const limits = evidenceOf('sum(abs(X-1).^(3/2))').records.filter((r) => r.kind === 'derivative-continuity');
    expect(limits.map((r) => r.point.slope)).toContainEqual({ kind: 'claimed-gradient', formula: '1.5*sqrt(abs(t - 1))*sign(t - 1)' });
  });
});
