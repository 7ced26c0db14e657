import { describe, expect, it } from 'vitest';
import { cli, parsed } from './inProcess.js';

describe('kinkproof check --claim', () => {
  it('accepts 2*max(X,0) for the founding example (exit 0)', async () => {
    const r = await cli(['check', "norm(relu(X),'fro')^2", '--claim', '2*max(X,0)', '--json']);
    expect(r.code).toBe(0);
    expect(parsed(r)).toMatchObject({ verdict: 'correct', method: 'exact', counterexample: null, subgradientSelection: null });
  });

  it('refutes X with a 1x1 counterexample (exit 1)', async () => {
    const r = await cli(['check', "norm(relu(X),'fro')^2", '--claim', 'X', '--json']);
    expect(r.code).toBe(1);
    const out = parsed(r);
    expect(out).toMatchObject({ verdict: 'incorrect', method: 'exact', counterexample: { X: [[1]], lhs: [[1]], rhs: [[2]], where: 't > 0' } });
    expect(Object.keys(out)).toEqual(expect.arrayContaining(['verdict', 'method', 'counterexample', 'cases', 'explanation', 'subgradientSelection']));
  });

  it('prints a verdict line, the cases, the counterexample and the explanation', async () => {
    const r = await cli(['check', "norm(relu(X),'fro')^2", '--claim', 'X']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^incorrect: the claim is not the gradient of f \(exact\)\n/);
    expect(r.stdout).toContain("  where   claim   phi'(t)");
    expect(r.stdout).toContain('  t > 0   t       2*t       DIFFER');
    expect(r.stdout).toContain('counterexample (t > 0):\n  X        = [[1]]\n  claim    = [[1]]\n  gradient = [[2]]');
    expect(r.stdout).toContain('The claim differs from');
  });

  it('reports the subgradient selection at the kinks', async () => {
    const r = await cli(['check', 'sum(abs(X))', '--claim', 'sign(X)']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('subgradient selection: yes\n  t = 0: claim 0; one-sided derivatives -1, 1: subgradient');
  });

  it('exits 3 when it cannot decide', async () => {
    const r = await cli(['check', 'sum(X.^2)', '--claim', "X*X'*0 + 2*X", '--json']);
    expect(r.code).toBe(3);
    expect(parsed(r)).toMatchObject({ verdict: 'unknown', method: 'numeric', counterexample: null });
  });
});

describe('kinkproof check --equal', () => {
  it('refutes relu(X) = (sign(X)+1)/2 with a counterexample (exit 1)', async () => {
    const r = await cli(['check', '--equal', 'relu(X)', '(sign(X)+1)/2', '--json']);
    expect(r.code).toBe(1);
    expect(parsed(r)).toMatchObject({ verdict: 'incorrect', method: 'exact', counterexample: { X: [[2]], lhs: [[2]], rhs: [[1]] } });
  });

  it('proves abs(X) = max(X,-X) exactly (exit 0)', async () => {
    const r = await cli(['check', '--equal', 'abs(X)', 'max(X,-X)', '--json']);
    expect(r.code).toBe(0);
    const out = parsed(r);
    expect(out).toMatchObject({ verdict: 'correct', method: 'exact', counterexample: null });
    expect(out.cases).toHaveLength(3);
  });

  it('prints the human form', async () => {
    const r = await cli(['check', '--equal', 'abs(sign(X))', '1']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('incorrect: the two sides are not equal (exact)');
    expect(r.stdout).toContain('counterexample (t = 0):\n  X          = [[0]]\n  left side  = [[0]]\n  right side = [[1]]');
  });
});

describe('kinkproof check: bad input exits 2', () => {
  it.each([
    [['check', 'sum(X)'], /needs exactly one --claim/],
    [['check', '--equal', 'X'], /needs two expressions, got 1/],
    [['check', '--equal', 'X', 'X', '--claim', 'X'], /do not mix/],
    [['check', 'sum(X', '--claim', 'X'], /unmatched/],
    [['check', 'relu(X)', '--claim', 'X'], /f must be scalar-valued/],
    [['check', '--equal', 'sum(X)', 'X'], /scalar function of X and the other a matrix/],
  ])('%j', async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });
});
