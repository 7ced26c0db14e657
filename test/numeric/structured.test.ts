import { describe, expect, it } from 'vitest';
import { analyzeFunction } from '../../src/api/analyze.js';
import { crossCheck } from '../../src/api/crossCheck.js';
import { claimText, pointText } from '../../src/numeric/checkText.js';
import type { Evidence } from '../../src/numeric/evidence.js';
import { compileStructured } from '../../src/numeric/structured/evaluate.js';
import { verifyStructured } from '../../src/numeric/structured/verifyStructured.js';
import { matrixFromNumbers } from '../../src/symbolic/shapes.js';
import type { ConstantMatrix, Matrix, Probe, SetAnswer, SetPart, StructuredClaims, StructuredPoint } from '../../src/symbolic/index.js';

// ---------------------------------------------------------------- helpers

const failures = (e: Evidence): string => e.failures.map((f) => `${claimText(f)} at ${pointText(f)}: ${f.symbolic} vs ${f.numeric}`).join('\n');

const constants = (named: Record<string, number[][]>): Map<string, ConstantMatrix> =>
  new Map(Object.entries(named).map(([k, v]) => [k, matrixFromNumbers(v)]));

const map = (m: Matrix, f: (x: number, i: number, j: number) => number): Matrix => m.map((r, i) => r.map((x, j) => f(x, i, j)));
const zeros = (rows: number, cols: number): Matrix => Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
const unit = (rows: number, cols: number, i: number, j: number): Matrix => map(zeros(rows, cols), (_x, a, b) => (a === i && b === j ? 1 : 0));
const relu = (m: Matrix): Matrix => map(m, (x) => Math.max(x, 0));
const times = (m: Matrix, c: number): Matrix => map(m, (x) => c * x);
const transpose = (m: Matrix): Matrix => m[0]!.map((_, j) => m.map((r) => r[j]!));
const product = (a: Matrix, b: Matrix): Matrix => a.map((r) => b[0]!.map((_, j) => r.reduce((s, x, k) => s + x * b[k]![j]!, 0)));
const plus = (a: Matrix, b: Matrix): Matrix => map(a, (x, i, j) => x + b[i]![j]!);
const fro = (m: Matrix): number => Math.sqrt(m.flat().reduce((s, x) => s + x * x, 0));

interface ClaimsInput {
  readonly input: string;
  readonly shape: [number, number];
  readonly gradientAt: (X: Matrix) => Matrix | null;
  readonly formula?: string;
  readonly probes?: Probe[];
  readonly at?: StructuredPoint[];
}

/** A hand-built analysis: only what the verifier reads is filled in. */
function claimsOf(c: ClaimsInput): StructuredClaims {
  const undecided = { value: null, basis: null, reason: 'not stated in this test' };
  return {
    json: {
      input: c.input,
      separable: false,
      shape: c.shape,
      shapeWasFree: false,
      structure: [],
      surfaces: [],
      differentiable: undecided,
      differentiableWhere: { text: '', latex: '', exact: false },
      continuous: undecided,
      smoothness: undecided,
      convex: undecided,
      gradient: c.formula ? { text: c.formula, latex: c.formula, where: 'differentiable' } : null,
      subdifferential: null,
      at: c.at ?? [],
    },
    shape: c.shape,
    probes: c.probes ?? [],
    gradientAt: c.gradientAt,
  };
}

function verified(c: ClaimsInput, named: Record<string, number[][]> = {}, seed = 7): Evidence {
  const f = compileStructured(c.input, constants(named), c.shape);
  return verifyStructured(claimsOf(c), f, seed);
}

const describeFailures = (e: Evidence): string =>
  e.failures.map((f) => `${f.kind}: ${claimText(f)} at ${pointText(f)}: ${f.symbolic} vs ${f.numeric} (${f.relError} > ${f.tolerance})`).join('\n');

function expectPassed(e: Evidence): void {
  expect(describeFailures(e)).toBe('');
  expect(e.status).toBe('passed');
  expect(e.checks).toBeGreaterThan(0);
}

const convexEqual = (center: Matrix, parts: SetPart[], text: string): SetAnswer => ({
  kind: 'convex',
  relation: 'equal',
  rule: 'test',
  center,
  parts,
  text,
  latex: text,
});

// ---------------------------------------------------------------- the evaluator

describe('the structured evaluator', () => {
  const A = [
    [1, 2, 3],
    [4, 5, 6],
  ];
  const X = [
    [1, -2],
    [0, 3],
    [-1, 0.5],
  ];
  const x = Float64Array.from(X.flat());
  const named = { A, c: [[2.5]] };
  const at = (text: string, shape: [number, number] = [3, 2]): number[] => Array.from(compileStructured(text, constants(named), shape).evaluate(x));
  const scalar = (text: string): number => compileStructured(text, constants(named), [3, 2]).value(x);

  it('evaluates the matrix product, transpose and trace', () => {
    expect(at('A*X')).toEqual(product(A, X).flat());
    expect(at("X'")).toEqual(transpose(X).flat());
    expect(at("A'")).toEqual(transpose(A).flat());
    expect(scalar('trace(A*X)')).toBe(1 * 1 + 2 * 0 + 3 * -1 + (4 * -2 + 5 * 3 + 6 * 0.5));
    expect(scalar("trace(X'*X)")).toBe(X.flat().reduce((s, v) => s + v * v, 0));
  });

  it('evaluates the reductions: sum, norm fro, one-argument max and min over all entries', () => {
    expect(scalar('sum(X)')).toBe(1.5);
    expect(scalar("norm(X,'fro')")).toBeCloseTo(fro(X), 15);
    expect(scalar('max(X)')).toBe(3);
    expect(scalar('min(X)')).toBe(-2);
    expect(scalar('max(A*X)')).toBe(Math.max(...product(A, X).flat()));
    expect(scalar('sum(A)')).toBe(21);
  });

  it('evaluates entry-wise operators, scalars, pi and the primitives of the registry', () => {
    expect(at('X.*X')).toEqual(X.flat().map((v) => v * v));
    expect(at('X.^2')).toEqual(X.flat().map((v) => v * v));
    expect(at('X./2')).toEqual(X.flat().map((v) => v / 2));
    expect(at('X/4')).toEqual(X.flat().map((v) => v / 4));
    expect(at('2*X - 1')).toEqual(X.flat().map((v) => 2 * v - 1));
    expect(at('-X + X')).toEqual(X.flat().map(() => 0));
    expect(at('c*X')).toEqual(X.flat().map((v) => 2.5 * v));
    expect(at('max(X, 0)')).toEqual(X.flat().map((v) => Math.max(v, 0)));
    expect(at('pos(X)')).toEqual(X.flat().map((v) => Math.max(v, 0)));
    expect(at('abs(X)')).toEqual(X.flat().map(Math.abs));
    expect(at('min(X, 1)')).toEqual(X.flat().map((v) => Math.min(v, 1)));
    expect(at('sqrt(abs(X))')).toEqual(X.flat().map((v) => Math.sqrt(Math.abs(v))));
    expect(scalar('pi*sum(X)')).toBe(Math.PI * 1.5);
    expect(scalar('2^3 + sum(X)^2')).toBe(8 + 2.25);
    expect(scalar('log(sum(exp(X)))')).toBeCloseTo(Math.log(X.flat().reduce((s, v) => s + Math.exp(v), 0)), 14);
  });

  it('bounds its own rounding and refuses what it does not evaluate', () => {
    const f = compileStructured("norm(relu(A*X+B)-Y,'fro')^2", constants({ A, B: [[0.1, -0.2], [0, 0.5]], Y: [[0.3, 0.7], [1, -1]] }), [3, 2]);
    const { value, error } = f.withError(x);
    expect(value).toBe(f.value(x));
    expect(error).toBeGreaterThan(0);
    expect(error).toBeLessThan(1e-12 * Math.max(1, value));
    expect(() => compileStructured('norm(X)', constants({}), [3, 2])).toThrow(/spectral/);
    expect(() => compileStructured('A*X', constants({ A: [[1, 2]] }), [3, 2])).toThrow(/multiply/);
    expect(() => compileStructured('X', constants({}), [3, 2]).value(x)).toThrow(/not a scalar/);
  });
});

// ---------------------------------------------------------------- the gradient formula

describe('verifyStructured: the gradient formula', () => {
  it('confirms ∇‖σ(X)‖² = 2σ(X) and refutes σ(X), naming the point', () => {
    const base = { input: "norm(relu(X),'fro')^2", shape: [3, 4] as [number, number], formula: '2*relu(X)' };
    expectPassed(verified({ ...base, gradientAt: (X) => times(relu(X), 2) }));
    const wrong = verified({ ...base, formula: 'relu(X)', gradientAt: (X) => relu(X) });
    expect(wrong.status).toBe('failed');
    const failure = wrong.failures[0]!;
    expect(failure.kind).toBe('structured-gradient');
    expect(claimText(failure)).toBe('∇f = relu(X)');
    expect(pointText(failure)).toMatch(/^X ~ N\(0, .*²\) 3x4, sample \d+ = \[\[/);
  });

  it('confirms 2Aᵀσ(AX + B) for a linear layer and refutes the formula that forgets Aᵀ', () => {
    const A = [
      [1, -2],
      [0.5, 1],
      [-1, 0.25],
    ];
    const B = [
      [0.1, -0.3, 0.2],
      [0, 0.4, -0.1],
      [0.3, 0, 0.5],
    ];
    const named = { A, B };
    const base = { input: "norm(relu(A*X+B),'fro')^2", shape: [2, 3] as [number, number] };
    const layer = (X: Matrix): Matrix => relu(plus(product(A, X), B));
    expectPassed(verified({ ...base, formula: "2*A'*relu(A*X+B)", gradientAt: (X) => times(product(transpose(A), layer(X)), 2) }, named));
    // Without Aᵀ the formula is 3x3, not the shape of X.
    const wrongShape = verified({ ...base, formula: '2*relu(A*X+B)', gradientAt: (X) => times(layer(X), 2) }, named);
    expect(wrongShape.status).toBe('failed');
    expect(pointText(wrongShape.failures[0]!)).toMatch(/^X ~ N/);
    // A square A: forgetting Aᵀ keeps the shape, and the numbers refute it.
    const S = [
      [1, 2],
      [-1, 0.5],
    ];
    const square = { input: "norm(relu(S*X+C),'fro')^2", shape: [2, 3] as [number, number] };
    const C = [
      [0.2, -0.1, 0],
      [0.1, 0.3, -0.2],
    ];
    const z = (X: Matrix): Matrix => relu(plus(product(S, X), C));
    expectPassed(verified({ ...square, formula: "2*S'*relu(S*X+C)", gradientAt: (X) => times(product(transpose(S), z(X)), 2) }, { S, C }));
    const forgot = verified({ ...square, formula: '2*relu(S*X+C)', gradientAt: (X) => times(z(X), 2) }, { S, C });
    expect(forgot.status).toBe('failed');
    expect(forgot.failures.every((f) => f.kind === 'structured-gradient')).toBe(true);
  });

  it('is inconclusive, not passed, when nothing can be checked', () => {
    const e = verified({ input: 'sum(X)', shape: [2, 2], gradientAt: () => null });
    expect(e.status).toBe('inconclusive');
    expect(e.checks).toBe(0);
  });

  it('gives byte-identical evidence for the same seed', () => {
    const c = { input: "norm(relu(X),'fro')^2", shape: [3, 4] as [number, number], formula: 'relu(X)', gradientAt: (X: Matrix) => relu(X) };
    expect(JSON.stringify(verified(c, {}, 11))).toBe(JSON.stringify(verified(c, {}, 11)));
    expect(JSON.stringify(verified(c, {}, 11))).not.toBe(JSON.stringify(verified(c, {}, 12)));
  });
});

// ---------------------------------------------------------------- probes

describe('verifyStructured: probes', () => {
  const [m, n] = [2, 3];
  const units = (): Matrix[] => Array.from({ length: m * n }, (_, k) => unit(m, n, Math.floor(k / n), k % n));
  const normGradient = (X: Matrix): Matrix | null => {
    const r = relu(X);
    const size = fro(r);
    if (size > 0) return times(r, 1 / size);
    return X.flat().every((x) => x < 0) ? zeros(m, n) : null;
  };
  const normProbe = (parts: SetPart[]): Probe => ({
    X: zeros(m, n),
    origin: 'at',
    differentiable: false,
    gradient: null,
    subdifferential: convexEqual(zeros(m, n), parts, '{G >= 0, ||G||_F <= 1}'),
  });
  const norm = (probe: Probe): Evidence =>
    verified({ input: "norm(relu(X),'fro')", shape: [m, n], formula: 'relu(X)/norm(relu(X),fro)', gradientAt: normGradient, probes: [probe] });

  it('‖σ(X)‖_F at 0: the nonnegative part of the ball is confirmed, the whole ball refuted', () => {
    const components = (nonnegative: boolean, lo: number) => units().map((matrix) => ({ matrix, lo, hi: 1, nonnegative }));
    const right = norm(normProbe([{ kind: 'ball', radius: 1, components: components(true, 0) }]));
    expectPassed(right);
    expect(right.records.some((r) => r.kind === 'support-function')).toBe(true);
    expect(right.records.some((r) => r.kind === 'differentiability' && r.passed)).toBe(true);
    const ball = norm(normProbe([{ kind: 'ball', radius: 1, components: components(false, 1) }]));
    expect(ball.status).toBe('failed');
    const failure = ball.failures.find((f) => f.kind === 'support-function')!;
    expect(claimText(failure)).toContain('f′(X; D) = h_S(D)');
    expect(pointText(failure)).toContain('X = probe 1 = [[0, 0, 0], [0, 0, 0]]');
  });

  it('max(X) at a tie: the hull of the tied unit matrices is confirmed, a wrong hull refuted', () => {
    const X = [
      [1, 3],
      [3, 0],
    ];
    const gradientAt = (Y: Matrix): Matrix | null => {
      const flat = Y.flat();
      const top = Math.max(...flat);
      const where = flat.flatMap((v, k) => (v === top ? [k] : []));
      return where.length === 1 ? unit(2, 2, Math.floor(where[0]! / 2), where[0]! % 2) : null;
    };
    const probe = (vertices: Matrix[]): Probe => ({
      X,
      origin: 'at',
      differentiable: false,
      gradient: null,
      subdifferential: convexEqual(zeros(2, 2), [{ kind: 'hull', vertices }], 'conv{E_ij : x_ij = max}'),
    });
    const run = (vertices: Matrix[]): Evidence => verified({ input: 'max(X)', shape: [2, 2], formula: 'E_(argmax)', gradientAt, probes: [probe(vertices)] });
    expectPassed(run([unit(2, 2, 0, 1), unit(2, 2, 1, 0)]));
    expect(run([unit(2, 2, 0, 1), unit(2, 2, 1, 1)]).status).toBe('failed');
    expect(run([unit(2, 2, 0, 1)]).status).toBe('failed');
    expect(run([unit(2, 2, 0, 0), unit(2, 2, 0, 1), unit(2, 2, 1, 0)]).status).toBe('failed');
  });

  it("a claim 'differentiable' at a kink fails, with or without a gradient; a claimed kink where f is smooth fails", () => {
    const X = [
      [0, 1.5],
      [-2, 0.5],
    ];
    const sign = (Y: Matrix): Matrix | null => (Y.flat().includes(0) ? null : map(Y, Math.sign));
    const claims = (probe: Partial<Probe>): ClaimsInput => ({
      input: 'sum(abs(X))',
      shape: [2, 2],
      formula: 'sign(X)',
      gradientAt: sign,
      probes: [{ X, origin: 'at', differentiable: true, gradient: null, subdifferential: null, ...probe }],
    });
    const withGradient = verified(claims({ gradient: map(X, Math.sign) }));
    expect(withGradient.status).toBe('failed');
    expect(withGradient.failures.some((f) => f.kind === 'structured-gradient' && f.claim.kind === 'probe-gradient')).toBe(true);
    const bare = verified(claims({}));
    expect(bare.status).toBe('failed');
    expect(bare.failures[0]!.kind).toBe('differentiability');
    // Off the kinks the same claims hold.
    expectPassed(verified({ ...claims({ gradient: [[1, 1], [-1, 1]] }), probes: [{ X: [[0.25, 1.5], [-2, 0.5]], origin: 'smooth', differentiable: true, gradient: [[1, 1], [-1, 1]], subdifferential: null }] }));
    // sum(relu(X)) + sum(min(X,0)) = sum(X): smooth at 0 although each term has a kink there.
    const cancelled = verified({
      input: 'sum(relu(X)) + sum(min(X,0))',
      shape: [1, 2],
      gradientAt: () => [[1, 1]],
      probes: [{ X: zeros(1, 2), origin: 'surface', differentiable: false, gradient: null, subdifferential: null }],
    });
    expect(cancelled.status).toBe('failed');
    expect(cancelled.failures[0]!.kind).toBe('differentiability');
  });

  it('an outer bound of the Clarke set (sum rule) is confirmed as an inclusion, a set too small is refuted', () => {
    const segments = (hi: number): SetPart[] => [0, 1].map((j) => ({ kind: 'segment', matrix: unit(1, 2, 0, j), lo: 0, hi }));
    const probe = (hi: number): Probe => ({
      X: zeros(1, 2),
      origin: 'surface',
      differentiable: null,
      gradient: null,
      subdifferential: { kind: 'clarke', relation: 'subset', rule: 'sum rule', center: zeros(1, 2), parts: segments(hi), text: '[0,2] x [0,2]', latex: '' },
    });
    const run = (hi: number): Evidence => verified({ input: 'sum(relu(X)) + sum(min(X,0))', shape: [1, 2], gradientAt: () => [[1, 1]], probes: [probe(hi)] });
    expectPassed(run(2));
    const small = run(0.5);
    expect(small.status).toBe('failed');
    expect(small.failures.some((f) => f.kind === 'support-function' && f.claim.kind === 'set-support' && f.claim.bound === 'upper')).toBe(true);
  });

  it('checks the value at each --at point', () => {
    const X = [
      [1, -1],
      [2, 0],
    ];
    const point = (value: number): StructuredPoint => ({
      X,
      value,
      exact: { text: { X: [], value: null, gradient: null }, latex: { X: [], value: null, gradient: null } },
      notLipschitz: null,
      differentiable: null,
      gradient: null,
      subdifferential: null,
      reason: 'test',
    });
    const run = (value: number): Evidence => verified({ input: "norm(relu(X),'fro')^2", shape: [2, 2], gradientAt: () => null, at: [point(value)] });
    expectPassed(run(5));
    const wrong = run(5.001);
    expect(wrong.status).toBe('failed');
    expect(claimText(wrong.failures[0]!)).toBe('f(X) = 5.001 at point 1 given with --at');
  });
});

describe('verifyStructured: correct derivations at scales no step resolves', () => {
  // Each was derived correctly and failed its cross-check (exit 1): the steps crossed a kink surface
  // 10⁻²⁰ away, or f bends within the smallest step (the claim's own gradient changes there).
  it.each([
    ['relu(sum(X))+relu(sum(X)+1e-20)', {}],
    ['sum(relu(A*X+B))', { A: [[1, 1], [1, 1]], B: [[0, 0], [1e-20, 1e-20]] }],
    ['sum(abs(A*X+B))', { A: [[1, 1], [1, 1]], B: [[0, 0], [1e-20, 1e-20]] }],
    ['sqrt(sum(X.^2)+1e-30)', {}],
    ['sum(relu(X)).^2+sqrt(sum(X.^2)+1e-30)', {}],
    ['softplus(1e8*sum(X))', {}],
    ['softplus(1e9*sum(X)+1)', {}],
  ] as const)('%s passes', async (input, named) => {
    const analysis = analyzeFunction(input, { constants: constants(named as Record<string, number[][]>) });
    const e = await crossCheck(analysis, { seed: 1 });
    expect(e.status, failures(e)).toBe('passed');
    expect(e.checks).toBeGreaterThan(20);
  });

  it('the same kinds of f at resolvable scales are still checked at their probes, and pass', async () => {
    for (const input of ['relu(sum(X))+relu(sum(X)+0.5)', 'sqrt(sum(X.^2)+1)', 'softplus(1e3*sum(X))']) {
      const e = await crossCheck(analyzeFunction(input, {}), { seed: 1 });
      expect(e.status, `${input}: ${failures(e)}`).toBe('passed');
      expect(e.records.some((r) => r.kind === 'structured-gradient' || r.kind === 'support-function'), input).toBe(true);
    }
  });
});
