/**
 * check --claim for f that is not separable (issue 12): exact proofs for sums
 * of ridge functions, honest `unknown` beyond them, and small exact
 * counterexamples, each re-checked here by finite differences of f computed
 * independently in doubles.
 */
import { describe, expect, it } from 'vitest';
import { analyzeAny } from '../../src/symbolic/index.js';
import { checkGradient } from '../../src/api/check.js';
import { parseConstants } from '../../src/cli/optionValues.js';
import { parseProof } from '../../src/check/proofs/parseProof.js';
import { checkProof } from '../../src/check/proofs/checkProof.js';
import type { GradientCheck } from '../../src/check/result/checkResult.js';
import { cli, parsed } from '../cli/inProcess.js';

type M = number[][];

const A3 = [[1, 2], [0, -1], [1, 1]];
const B3 = [[0, 1], [1, 0], [-1, 0]];
const A2 = [[1, 2], [-1, 1]];
const B2 = [[0, 1], [1, -1]];
const text = (m: M): string => `[${m.map((r) => `[${r.join(',')}]`).join(',')}]`;
const consts = (c: Record<string, M>): ReturnType<typeof parseConstants> => parseConstants(Object.entries(c).map(([k, v]) => `${k}=${text(v)}`));

const mul = (a: M, b: M): M => a.map((r) => b[0]!.map((_, j) => r.reduce((s, x, k) => s + x * b[k]![j]!, 0)));
const add = (a: M, b: M): M => a.map((r, i) => r.map((x, j) => x + b[i]![j]!));
const map = (a: M, f: (x: number) => number): M => a.map((r) => r.map(f));
const tr = (a: M): M => a[0]!.map((_, j) => a.map((r) => r[j]!));
const relu = (x: number): number => Math.max(x, 0);
const frob2 = (a: M): number => a.flat().reduce((s, x) => s + x * x, 0);

/** Central differences of f at X, entry by entry. */
function fd(f: (X: M) => number, X: M, h = 1e-6): M {
  return X.map((r, i) =>
    r.map((_, j) => {
      const at = (d: number): number => f(X.map((row, p) => row.map((x, q) => (p === i && q === j ? x + d : x))));
      return (at(h) - at(-h)) / (2 * h);
    }),
  );
}

const close = (a: M, b: M, tol = 1e-5): boolean =>
  a.length === b.length && a.every((r, i) => r.length === b[i]!.length && r.every((x, j) => Math.abs(x - b[i]![j]!) <= tol));

/**
 * The counterexample, checked independently: f's gradient by finite
 * differences equals the reported gradient, and the claim computed by hand
 * (null: no real value) is what was reported and differs from it.
 */
function expectCounterexample(r: GradientCheck, f: (X: M) => number, claim: (X: M) => M | null): M {
  expect(r.verdict).toBe('incorrect');
  const c = r.counterexample!;
  expect(c).not.toBeNull();
  const X = c.X;
  // Small: simple rationals.
  expect(X.flat().every((x) => Number.isInteger(4 * x) && Math.abs(x) <= 3)).toBe(true);
  const g = fd(f, X);
  expect(close(g, c.rhs as M)).toBe(true);
  const mine = claim(X);
  if (mine === null) expect(c.lhs).toBeNull();
  else {
    expect(close(mine, c.lhs as M, 1e-12)).toBe(true);
    expect(close(mine, g, 1e-3)).toBe(false);
  }
  return X;
}

const layer = (A: M, B: M) => (X: M): number => frob2(map(add(mul(A, X), B), relu));

describe('check --claim, f not separable: correct claims (exact proof)', () => {
  const c3 = consts({ A: A3, B: B3 });

  it('linear layer: 2*A\'*relu(A*X+B) is the gradient of norm(relu(A*X+B),\'fro\')^2', () => {
    const r = checkGradient("norm(relu(A*X+B),'fro')^2", "2*A'*relu(A*X+B)", { constants: c3 });
    expect(r).toMatchObject({ verdict: 'correct', method: 'exact', counterexample: null, kinks: [], subgradientSelection: null });
    expect(r.explanation).toContain('Exact proof');
  });

  it('linear layer, the claim written another way: A\'*((A*X+B)+abs(A*X+B))', () => {
    expect(checkGradient("norm(relu(A*X+B),'fro')^2", "A'*((A*X+B)+abs(A*X+B))", { constants: c3 }).verdict).toBe('correct');
  });

  it('data matrix: 2*(X-A) for norm(X-A,\'fro\')^2', () => {
    const r = checkGradient("norm(X-A,'fro')^2", '2*(X-A)', { constants: consts({ A: [[1, 2.5], [3, -4]] }) });
    expect(r).toMatchObject({ verdict: 'correct', method: 'exact' });
  });

  it('smooth least squares: linear parts spread over other directions still add up (2*A\'*A*X - 2*A\'*Y)', () => {
    const r = checkGradient("norm(A*X-Y,'fro')^2", "2*A'*A*X - 2*A'*Y", { constants: consts({ A: A3, Y: [[1], [0], [2]] }) });
    expect(r).toMatchObject({ verdict: 'correct', method: 'exact' });
  });

  it("l1 regression: A'*sign(A*X-Y) for sum(abs(A*X-Y))", () => {
    const r = checkGradient('sum(abs(A*X-Y))', "A'*sign(A*X-Y)", { constants: consts({ A: A3, Y: [[1], [0], [2]] }) });
    expect(r).toMatchObject({ verdict: 'correct', method: 'exact' });
  });

  it("data used entry-wise: A.*heaviside(X) for trace(A'*relu(X))", () => {
    const r = checkGradient("trace(A'*relu(X))", 'A.*heaviside(X)', { constants: consts({ A: [[1, -2], [3, 0.5]] }) });
    expect(r).toMatchObject({ verdict: 'correct', method: 'exact' });
  });
});

describe('check --claim, f not separable: beyond the proof, numeric evidence only (unknown)', () => {
  it("norm without the square: a claim right everywhere, including where relu(X) = 0, is not called correct without a proof", () => {
    const r = checkGradient("norm(relu(X),'fro')", "relu(X)./(norm(relu(X),'fro')+1-sign(norm(relu(X),'fro')))");
    expect(r).toMatchObject({ verdict: 'unknown', method: 'numeric', counterexample: null });
    expect(r.explanation).toMatch(/no exact proof .*norm, maximum or outer-function part/);
    expect(r.explanation).toContain('found no difference');
  });

  it('max(X): the formula derive prints is not refuted, and stays unknown', () => {
    const a = analyzeAny('max(X)');
    if (a.kind !== 'structured') throw new Error('expected a structured analysis');
    const formula = a.json.gradient!.text;
    const r = checkGradient('max(X)', formula);
    expect(r).toMatchObject({ verdict: 'unknown', method: 'numeric', counterexample: null });
  });
});

describe('check --claim, f not separable: refutations with small exact counterexamples', () => {
  it("forgotten A' with A 3x2: the claim is 3x2, X is 2x2 — refuted for every X, no crash", () => {
    const r = checkGradient("norm(relu(A*X+B),'fro')^2", '2*relu(A*X+B)', { constants: consts({ A: A3, B: B3 }) });
    expect(r).toMatchObject({ verdict: 'incorrect', method: 'exact' });
    expect(r.explanation).toContain('the claim is 3x2 but X, and so the gradient of f, is 2x2');
    const c = r.counterexample!;
    expect((c.lhs as M).length).toBe(3);
    expect(close(fd(layer(A3, B3), c.X), c.rhs as M)).toBe(true);
    expect(close(c.lhs as M, map(map(add(mul(A3, c.X), B3), relu), (x) => 2 * x))).toBe(true);
  });

  it("forgotten A' with A square (shapes agree): refuted at a small point", () => {
    const r = checkGradient("norm(relu(A*X+B),'fro')^2", '2*relu(A*X+B)', { constants: consts({ A: A2, B: B2 }) });
    expectCounterexample(r, layer(A2, B2), (X) => map(map(add(mul(A2, X), B2), relu), (x) => 2 * x));
    expect(r.method).toBe('numeric');
  });

  it('wrong factor: 3*A\'*relu(A*X+B)', () => {
    const r = checkGradient("norm(relu(A*X+B),'fro')^2", "3*A'*relu(A*X+B)", { constants: consts({ A: A3, B: B3 }) });
    expectCounterexample(r, layer(A3, B3), (X) => map(mul(tr(A3), map(add(mul(A3, X), B3), relu)), (x) => 3 * x));
  });

  it('wrong sign: -2*A\'*relu(A*X+B)', () => {
    const r = checkGradient("norm(relu(A*X+B),'fro')^2", "-2*A'*relu(A*X+B)", { constants: consts({ A: A3, B: B3 }) });
    expectCounterexample(r, layer(A3, B3), (X) => map(mul(tr(A3), map(add(mul(A3, X), B3), relu)), (x) => -2 * x));
  });

  it('data matrix, wrong factor on the data: 2*X-A', () => {
    const A = [[1, 2], [3, 4]];
    const r = checkGradient("norm(X-A,'fro')^2", '2*X-A', { constants: consts({ A }) });
    const X = expectCounterexample(r, (Y) => frob2(add(Y, map(A, (x) => -x))), (Y) => add(map(Y, (x) => 2 * x), map(A, (x) => -x)));
    expect(X).toEqual([[0, 0], [0, 0]]);
  });

  it("correct only where X > 0: A for trace(A'*relu(X))", () => {
    const A = [[1, -2], [3, 0.5]];
    const r = checkGradient("trace(A'*relu(X))", 'A', { constants: consts({ A }) });
    const f = (X: M): number => X.reduce((s, row, i) => s + row.reduce((t, x, j) => t + A[i]![j]! * relu(x), 0), 0);
    const X = expectCounterexample(r, f, () => A);
    expect(X.flat().some((x) => x < 0)).toBe(true);
  });

  it("norm without the square: relu(X)/norm(relu(X),'fro') has no value where relu(X) = 0, yet f is differentiable there (gradient 0)", () => {
    const r = checkGradient("norm(relu(X),'fro')", "relu(X)/norm(relu(X),'fro')");
    const X = expectCounterexample(r, (Y) => Math.sqrt(frob2(map(Y, relu))), () => null);
    expect(X).toEqual([[-1]]);
    expect(r.counterexample!.rhs).toEqual([[0]]);
  });

  it("norm without the square: relu(X) forgets the division", () => {
    const r = checkGradient("norm(relu(X),'fro')", 'relu(X)');
    expectCounterexample(r, (Y) => Math.sqrt(frob2(map(Y, relu))), (Y) => map(Y, relu));
  });

  it('max(X): sign(X) is refuted', () => {
    const r = checkGradient('max(X)', 'sign(X)');
    expectCounterexample(r, (Y) => Math.max(...Y.flat()), (Y) => map(Y, Math.sign));
  });
});

describe('kinkproof check (CLI), f not separable: exit codes', () => {
  const args = ['--const', `A=${text(A3)}`, '--const', `B=${text(B3)}`];
  it('exit 0 for the correct claim, 1 for a refuted one, 3 when undecided', async () => {
    expect((await cli(['check', "norm(relu(A*X+B),'fro')^2", '--claim', "2*A'*relu(A*X+B)", ...args])).code).toBe(0);
    const wrong = await cli(['check', "norm(relu(A*X+B),'fro')^2", '--claim', '2*relu(A*X+B)', ...args, '--json']);
    expect(wrong.code).toBe(1);
    expect(parsed(wrong)).toMatchObject({ verdict: 'incorrect', method: 'exact' });
    const undecided = await cli(['check', 'max(X)', '--claim', '1-sign(max(X)-X)']);
    expect(undecided.code).toBe(3);
    expect(undecided.stdout).toMatch(/^unknown: not decided \(numeric\)/);
  });
});

describe('proof files, f not separable', () => {
  const constants = consts({ A: A3, B: B3 });
  const prove = (t: string) => checkProof(parseProof(t, 'p.proof', constants), { constants }).steps;

  it('checks gradient statements and expected refutations', () => {
    const steps = prove("function: norm(relu(A*X+B),'fro')^2\ngradient: 2*A'*relu(A*X+B)\nrefute gradient: 2*A'*relu(A*X)\nrefute gradient: 2*relu(A*X+B)\n");
    expect(steps.map((s) => `${s.line}:${s.status}`)).toEqual(['1:pass', '2:pass', '3:pass', '4:pass']);
    expect(steps[0]!.note).toContain('not separable');
    expect(steps[2]!.counterexample).toMatch(/^X = \[\[/);
  });

  it('fails a wrong gradient with its counterexample, and leaves separable-only statements undecided', () => {
    const steps = prove("function: norm(relu(A*X+B),'fro')^2\ngradient: 3*A'*relu(A*X+B)\nkinks: none\n");
    expect(steps[1]!.status).toBe('fail');
    expect(steps[1]!.counterexample).toMatch(/^X = .*claim .*gradient/);
    expect(steps[2]!.status).toBe('unknown');
  });

  it('does not pass a subgradient statement at kinks it cannot check', () => {
    const steps = checkProof(parseProof("function: sum(abs(A*X-Y))\nsubgradient: A'*sign(A*X-Y)\n", 'p.proof', consts({ A: A3, Y: [[1], [0], [2]] })), {
      constants: consts({ A: A3, Y: [[1], [0], [2]] }),
    }).steps;
    expect(steps[1]!.status).toBe('unknown');
    expect(steps[1]!.note).toContain('not checked');
  });
});
