/**
 * Minimal reproductions of bugs the fuzzers found, one test each, asserting
 * the behaviour the README promises. Each was failing when written; they pass
 * once src is fixed. (The CLI runs in-process.)
 */
import { describe, expect, it } from 'vitest';
import { hygiene, oneLineError, run } from './oracle.js';
import type { Outcome } from './oracle.js';

const json = (o: Outcome): Record<string, unknown> => JSON.parse(o.stdout) as Record<string, unknown>;
const verdict = (o: Outcome): unknown => json(o)['verdict'];
interface Point {
  value: number;
  gradient: number[][] | null;
}
const at = (o: Outcome): Point => (json(o)['at'] as Point[])[0]!;

describe('BUG 1: simplification drops domain restrictions (a wrong answer instead of "not supported")', () => {
  // sqrt(x)^2 = x and 0*log(x) = 0 only where the left side is defined; for x < 0
  // (x <= 0) f has no real value, so kinkproof must refuse, as it does for sum(sqrt(X)).
  it.each([
    ['sum(sqrt(X).^2)'],
    ["norm(sqrt(X),'fro')^2"],
    ["norm(X.^1.5,'fro')^2"],
    ["trace((X.^1.5)'*(X.^1.5))"],
    ['sum(0*log(X))'],
    ['sum(X./X)'],
    ['sum((sqrt((X) .* 4)).^0)'],
    ["norm((sqrt(abs((X).^2.5))).^0,'fro')^2"],
  ])('derive %s is refused (exit 2, not supported: not defined on all of R)', async (f) => {
    const o = await run(['derive', f, '--json']);
    expect(o.code, o.stdout.slice(0, 300)).toBe(2);
    expect(o.stderr).toMatch(/not supported yet: .*not defined/);
  });

  it("derive norm(sign(-X).^0.5,'fro')^2 does not report a negative sum of squares", async () => {
    const o = await run(['derive', "norm(sign(-X).^0.5,'fro')^2", '--json', '--at', '[[1]]']);
    // sign(-1)^0.5 has no real value; today kinkproof derives phi = sign(-t) and says f([[1]]) = -1.
    expect(o.code, o.stdout.slice(0, 300)).toBe(2);
  });

  it('check --equal "sqrt(X).^2" "X" is not correct (at X = -1 the left side has no real value)', async () => {
    const o = await run(['check', '--equal', 'sqrt(X).^2', 'X', '--json']);
    expect(verdict(o)).not.toBe('correct');
  });
});

describe('BUG 2: the gradient formula overflows to NaN where f is finite, so verification fails (exit 1)', () => {
  // heaviside(-exp(9x)) is 0 for every x, but at x ~ 100 the formula computes 0 * exp(900) = 0 * Inf = NaN.
  // Likewise exp(2.5x)^2/exp(x)^2 = Inf/Inf at x ~ 150, where f = sum exp(3x) is finite.
  it.each([['sum(min(exp(9*X), 0) + abs(X))'], ['-(sum(abs(exp(min(pos(X), X.^4)))))'], ["norm(exp(2.5*X) ./ exp(X),'fro')^2"]])('derive %s verifies', async (f) => {
    const o = await run(['derive', f, '--json']);
    expect(o.code, JSON.stringify(json(o)['verification'])).toBe(0);
  });
});

describe('BUG 3: the printed gradient writes * (matrix product) where .* is meant', () => {
  it('derive sum(exp(X) * 2^0.5 .* X): the printed gradient is accepted by check --claim', async () => {
    const f = 'sum(exp(X) * 2^0.5 .* X)';
    const d = await run(['derive', f, '--json', '--no-verify']);
    const gradient = json(d)['gradient'] as string; // today: "exp(X)*sqrt(2)*X + exp(X)*sqrt(2)"
    const o = await run(['check', f, '--claim', gradient, '--json']);
    expect(verdict(o), `${gradient}: ${o.stdout.slice(0, 400)}`).toBe('correct');
  });
});

describe('BUG 4: --at gives wrong values and gradients when exact constants get large', () => {
  it('derive sum(sqrt(1 + X.^20)) --at [[1.1]] reports the gradient 10*1.1^19/sqrt(1 + 1.1^20) = 22.03…', async () => {
    const o = await run(['derive', 'sum(sqrt(1 + X.^20))', '--json', '--no-verify', '--at', '[[1.1]]']);
    const g = 10 * 1.1 ** 19 / Math.sqrt(1 + 1.1 ** 20);
    expect(at(o).gradient![0]![0]).toBeCloseTo(g, 8); // today: 0
  });

  it('derive sum(sqrt(1 + X.^20)) --at [[0.1]] reports f = 1.0000…', async () => {
    const o = await run(['derive', 'sum(sqrt(1 + X.^20))', '--json', '--no-verify', '--at', '[[0.1]]']);
    expect(at(o).value).toBeCloseTo(1, 12); // today: 0
  });
});

describe('BUG 5: exceptions kinkproof did not expect (P.TooLarge, P.Undefined) become "internal error"', () => {
  it.each([
    [['derive', 'sum((X+1).^65)']], // P.TooLarge: power 65 of a sum is too large to expand
    [['check', 'sum((X+1).^65)', '--claim', 'X']],
    [['derive', 'sum(log(1 + X.^2).^6)', '--at', '[[1.8166196091588032]]']], // P.TooLarge: product has more than 2000 terms
    [['derive', 'sum(X.^((-1)^0.5))']], // P.Undefined from the constant exponent: fractional power of a negative number
    [['derive', 'sum(X.^log(0))']], // P.Undefined: log of a non-positive number
    [['derive', 'sum(X.^(0^-1))']], // P.Undefined: 0 to a non-positive power
    [['check', 'sum(X.^log(0))', '--claim', 'X']],
  ])('%j: a one-line limit / not-supported / input error, no internal error', async (argv) => {
    const o = await run(argv);
    expect(hygiene(o)).toEqual([]);
    if (o.code === 2) expect(o.stderr).toMatch(/^kinkproof: (limit error|not supported yet|input error): /);
  });
});

describe('BUG 6: the verifier rejects correct analyses (numerics), so derive exits 1', () => {
  it.each([
    // A jump of 0.001 beside slope -200: the one-sided quotient is 0.001/δ - 200, still negative at δ = 2^-17, so "+∞" looks refuted.
    [['derive', 'sum(0.001*sign(X) - 200*X)']],
    // The breakpoint 1 - 0.02*sqrt(2495) is ~0.001, phi there ~1e-6: approximate() of the exact value loses 4 digits to cancellation.
    [['derive', 'sum(max(2*X - 0.002, X.^2))']],
    [['derive', "norm(log(1 + (sigma(X - 0.25) - 0.1).^2),'fro')^2", '--seed', '9', '--shape', '3,3']],
    // At x = -92.8, 8*exp(8x) is subnormal (3.6e-322); the difference quotient is -8.5e-322, and the tolerance is 0.
    [['derive', 'sum(exp(8*X))', '--seed', '645245']],
    // At x = 33.3 the gradient is ~1e-28: the formula gives 0 (log(e^x + 1) - x cancels), differences 2.8e-25; relative error 1.
    [['derive', "4*norm(log(1 + exp(relu(X))) - X,'fro')^2", '--seed', '76590734']],
    // Fuzz seed 12345: ½√|t+2| diverges in φ′ at −2 behind a slope of −10¹¹ whose rounding hides the growth; the leading term shows it.
    [['derive', "sum((sqrt(abs((X) + 2))) / 2) + trace((((relu(X)) + ((X) .* 10)).^4)'*(((relu(X)) + ((X) .* 10)).^4))"]],
    // Fuzz seed 777: e^{−30}·√|t+20| diverges in φ′ at −20 too weakly for any double δ to show (10⁻⁹ against rounding 10⁻⁷): inconclusive, not failed.
    [['derive', "sum(-(max(((X + (-0))) + 0, ((X + (0/1))) + (X)))) + trace((relu(sqrt(abs(((X + 2e1)).^1))))*((exp((X) ./ (2 + relu(X)))).^3)')", '--seed', '0']],
    // Fuzz seed 777: exp(−1000)² underflows to 0 with a first-order error bound of 0 too, so sign(·) = 0 looked exact where it is 1.
    [['derive', "-(norm(sign((exp(X)).^2),'fro')^2)", '--seed', '0']],
    // Fuzz seed 777 again: heaviside(√|t+20|) jumps by ½e^{−30} at −20; the quotient's J/δ stays below rounding at every double δ.
    [['derive', "sum(-(max(((X + (-0))) + 0, ((X + (0/1))) + (X)))) + trace((heaviside(sqrt(abs(((X + 2e1)).^1))))*((exp((X) ./ (2 + relu(X)))).^3)')", '--seed', '0']],
  ])('%j verifies (exit 0)', async (argv) => {
    const o = await run([...argv, '--json']);
    expect(o.code, JSON.stringify(json(o)['verification'])).toBe(0);
  });
});

describe('BUG 7: a merged piece is displayed with a formula that is only valid on part of it', () => {
  it('derive sum((2*sqrt(abs(X))).^4): no sqrt(t) on t < 0, and verification passes', async () => {
    // Today: one piece "-inf < t < inf: phi(t) = (2*sqrt(t))^4, phi'(t) = 4*(2*sqrt(t))^3/sqrt(t)", NaN for t < 0, exit 1.
    const o = await run(['derive', 'sum((2*sqrt(abs(X))).^4)', '--json']);
    expect(o.code, JSON.stringify(json(o)['verification'])).toBe(0);
    const pieces = json(o)['pieces'] as { from: string; expr: string; derivative: string }[];
    for (const p of pieces.filter((q) => q.from === '-inf')) expect(`${p.expr} ${p.derivative}`).not.toMatch(/sqrt\(t\)/);
  });
});

describe('BUG 8: check --equal E E is not "correct" when the exact case split fails', () => {
  it.each([['sqrt(X)'], ['log(X)'], ['X.^-1'], ['sign(X - exp(X))'], ['relu(sqrt(abs(X)))'], ['max(relu((X - 3.75).^3), X)']])(
    'check --equal %s (itself) is correct',
    async (e) => {
      const o = await run(['check', '--equal', e, e, '--json']);
      expect(o.code, o.stdout.slice(0, 400)).toBe(0); // today: exit 3, "unknown"
    },
  );
});

describe('BUG 9: error messages echo user text with raw newlines (not one line)', () => {
  it.each([[['derive', 'sum(X\n)X']], [['derive', '(X\n+1)(X)']], [['foo\nbar']]])('%j: one line on stderr (plus the caret block)', async (argv) => {
    const o = await run(argv);
    expect(o.code).toBe(2);
    expect(oneLineError(o)).toEqual([]);
  });
});

describe('BUG 10: time exponential in the nesting of abs/relu/sign/heaviside', () => {
  // toPiecewise builds the argument's piecewise form twice per call (once as the argument,
  // once as the switch): 16 nested abs take ~4 s, 20 hit the default budget, 190 never finish.
  it('derive sum(abs(abs(...20 levels...(X)))) finishes well within a 5 s budget', { timeout: 30_000 }, async () => {
    const f = `sum(${'abs('.repeat(20)}X${')'.repeat(20)})`;
    const o = await run(['derive', f, '--no-verify', '--timeout', '5']);
    expect(o.code, o.stderr).toBe(0);
  });
});

describe('BUG 11: --at costs tens of milliseconds per entry (exact arithmetic), so a 20x20 point exceeds the budget', () => {
  it('derive sum(sqrt(1 + X.^2)) --at <20x20> finishes within a 5 s budget', { timeout: 30_000 }, async () => {
    const X = Array.from({ length: 20 }, (_, i) => Array.from({ length: 20 }, (_, j) => 3 * Math.sin(20 * i + j + 0.5)));
    const o = await run(['derive', 'sum(sqrt(1 + X.^2))', '--no-verify', '--json', '--timeout', '5', '--at', JSON.stringify(X)]);
    expect(o.code, o.stderr).toBe(0);
  });
});

describe('BUG 12: the structured path (functions that are not separable)', () => {
  it('a constant entry of an entry-wise function is kept, not replaced by 0: trace(sqrt|X| + X.^0 * X)', async () => {
    const o = await run(['derive', 'trace((sqrt(abs((X + 0)))) + ((X).^0) * X)', '--json', '--at', '[[1,2],[3,4]]', '--seed', '0']);
    // f = sqrt|x11| + sqrt|x22| + (x11 + x21) + (x12 + x22) = 1 + 2 + 4 + 6 = 13
    expect(o.code, o.stdout.slice(0, 300)).toBe(0);
    expect(at(o).value).toBeCloseTo(13, 12);
  });

  it('x − x cancelling inside a sum does not leak into a constant: a product of two sums is refused', async () => {
    const o = await run(['derive', 'sum((-(X)) .* ((X + (-0)))) * sum(((0*X) + (X)) + ((X) + 1))', '--json']);
    expect(o.code).toBe(2);
    expect(o.stderr).toMatch(/not supported yet: .*several reductions/);
  });

  it.each([
    ['sum((sign(X)) + ((0*X) + (-0)))^2', '3,3'],
    ['trace(relu(sign((X + 1e-3))))', '1,1'],
    ['sqrt(sum((relu((X) - (X))).^(3/2)))', '1,1'],
    ['exp(sum((sqrt(relu(X))) ./ (1 + abs(X))))', '2,2'], // an infinite one-sided slope is evidence of the claimed kink
  ])('derive %s --shape %s verifies (jumps are evidence of a kink; a constant f is still checked)', async (f, shape) => {
    const o = await run(['derive', f, '--json', '--shape', shape, '--seed', '0']);
    expect(o.code, JSON.stringify(json(o)['verification'])).toBe(0);
    expect((json(o)['verification'] as { status: string }).status).toBe('passed');
  });

  it('max of two scalars on the same rank-one form: max(sum(X), -sum(X)) is |sum(X)|, a ridge function', async () => {
    const o = await run(['derive', 'max(sum(X), sum(-X))', '--json', '--at', '[[1,-1],[0,0]]', '--no-verify']);
    expect(o.code).toBe(0);
    expect(at(o).value).toBe(0);
    expect((json(o)['differentiable'] as { value: unknown }).value).toBe(false);
  });
});

describe('BUG 13: what a second review found in the structured path', () => {
  it.each([["norm(X,'fro')^3"], ['sum(X.^2)^(3/2)']])('%s is derived (not refused): at X = 0 it is differentiable with gradient 0', async (f) => {
    const o = await run(['derive', f, '--json', '--at', '[[0,0],[0,0]]']);
    expect(o.code, o.stderr).toBe(0);
    expect(at(o).gradient).toEqual([[0, 0], [0, 0]]);
  });

  it.each([['relu(log(sum(exp(X))))'], ['abs(log(sum(exp(X))))']])('%s is derived: the sum is positive, so log is read through exp', async (f) => {
    const o = await run(['derive', f, '--json', '--at', '[[0,0],[0,0]]']);
    expect(o.code, o.stderr).toBe(0);
    // f = |log 4| or relu(log 4) = log 4 > 0 there; ∇f = exp(X)/sum(exp(X)) = 1/4 everywhere in X.
    expect(at(o).value).toBeCloseTo(Math.log(4), 12);
    expect(at(o).gradient).toEqual([[0.25, 0.25], [0.25, 0.25]]);
  });

  it('a neighbouring kink a millionth away and a large f: the kink claim is not refuted by rounding noise', async () => {
    const o = await run(['derive', 'sum(abs(X-B))', '--json', '--const', 'B=[[0.000001,0],[0,1000000]]']);
    expect(o.code, JSON.stringify(json(o)['verification'])).toBe(0);
  });
});

describe('a convex and a concave kink meeting at X: decided by an exact witness of non-linearity where one exists', () => {
  it.each([
    ['sum(relu(X)) + min(X)', false], // f′(0; D) = σ(d₁) + σ(d₂) + min(d₁, d₂): at D = (1, 1) and −D the sum is 2
    ['sum(abs(X)) - norm(X,\'fro\')', false], // ‖D‖₁ − ‖D‖₂ is even and not 0
    ['sum(relu(X)) - sum(relu(-X))', true], // Σ x: the kinks cancel
  ])('%s at X = 0', async (f, differentiable) => {
    const o = await run(['derive', f, '--json', '--at', '[[0,0]]']);
    expect(o.code, JSON.stringify(json(o)['verification'])).toBe(0);
    const p = (json(o)['at'] as { differentiable: boolean | null; reason: string | null }[])[0]!;
    expect(p.differentiable, p.reason ?? '').toBe(differentiable);
  });
});

describe('an inner sum that is 0 by symmetry, which exact arithmetic does not see (tanh(1) + tanh(-1))', () => {
  const X = '[[1,0],[-1,0]]';
  it.each([['exp(sum(tanh(X)))'], ['sum(tanh(X))^2'], ['exp(sum(sin(X)))']])('%s: a smooth outer function needs no sign there', async (f) => {
    const o = await run(['derive', f, '--json', '--at', X]);
    expect(o.code, JSON.stringify(json(o)['verification'])).toBe(0);
    expect((json(o)['at'] as { differentiable: boolean }[])[0]!.differentiable).toBe(true);
    // ∂f/∂x_12 = h'(0)·1: exp'(0) = 1, (s²)' = 0 at s = 0.
    expect(at(o).gradient![0]![1]).toBeCloseTo(f.startsWith('sum(tanh') ? 0 : 1, 12);
    expect(at(o).value).toBeCloseTo(f.startsWith('sum(tanh') ? 0 : 1, 12);
  });

  it('relu(sum(tanh(X))): the value is not decided, said so, and is no verification failure', async () => {
    const o = await run(['derive', 'relu(sum(tanh(X)))', '--at', X]);
    expect(o.code, o.stdout).toBe(0);
    expect(o.stdout).toContain('f = not decided, differentiability there not decided');
    expect(o.stdout).not.toContain('NaN');
    const j = await run(['derive', 'relu(sum(tanh(X)))', '--json', '--at', X]);
    expect(at(j).value).toBeNull();
  });
});

describe('where f is differentiable: called exact only where the condition is also necessary', () => {
  it.each([
    // |s| with s = Σx²: h has a kink at s(0) = 0, yet f = Σx² is differentiable there
    ['abs(sum(X.^2))', false, '[[0,0],[0,0]]'],
    // max(−|x11|, 0, …) over X·W: −|x11| attains at x11 = 0 with a kink, yet f ≡ 0
    ['max(-abs(X*W))', false, '[[0,1],[0,0]]'],
    ['max(X)', true, null],
    ['exp(max(X))', true, null],
    ["norm(abs(X),'fro')", true, null],
  ] as const)('%s: exact %s', async (f, exact, point) => {
    const o = await run(['derive', f, '--json', '--shape', '2,2', '--const', 'W=[[1,0],[0,0]]', ...(point ? ['--at', point] : [])]);
    expect(o.code, o.stderr).toBe(0);
    expect((json(o)['differentiableWhere'] as { exact: boolean }).exact).toBe(exact);
    // Where the condition is not necessary, a point outside it is differentiable all the same.
    if (point) expect((json(o)['at'] as { differentiable: boolean | null }[])[0]!.differentiable).not.toBe(false);
  });
});

describe('structured text reads as written mathematics', () => {
  it('a subtracted term with its own sign is parenthesized: max(-abs(X))-(-abs(X)), not --abs(X)', async () => {
    const o = await run(['derive', 'max(-abs(X))', '--json', '--no-verify']);
    const text = (json(o)['gradient'] as { text: string }).text;
    expect(text).toContain('max(-abs(X))-(-abs(X))');
    expect(text).not.toMatch(/[-+]-/);
  });

  it('a constant f is convex because it is constant, not for an empty reason', async () => {
    const o = await run(['derive', 'max(X)-min(X)', '--shape', '1,1', '--no-verify']);
    expect(o.stdout).toContain('convex:         yes  [theorem: f does not depend on X, and a constant is convex]');
  });
});

it('a structured f without a matrix formula for its gradient says so, and --at still gives it exactly', async () => {
  // max(A*X) with equal rows of A: the max's formula would count the same entry twice.
  const o = await run(['derive', 'max(A*X)', '--const', 'A=[[1,0],[1,0]]', '--no-verify', '--at', '[[1,2],[3,4]]']);
  expect(o.code, o.stderr).toBe(0);
  expect(o.stdout).toContain('gradient:       no formula in matrix notation for this f (--at gives the exact gradient at a point)');
  // f = max(x11, x12) = 2 at x12: ∇f = E_12.
  expect(o.stdout).toContain('at #1: X = [[1, 2], [3, 4]], f = 2, gradient [[0, 1], [0, 0]]');
});
