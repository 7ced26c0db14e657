/**
 * Issue 10, class 2: every decimal the user writes means that exact decimal —
 * in --at points, in --const values and in proof files — and decisions (is an
 * entry at a kink? does a claim equal the gradient?) use it. JSON numbers stay
 * the nearest doubles. Expected answers are derived by hand in each comment.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, parsed } from './inProcess.js';

interface Point {
  readonly X: number[][];
  readonly value: number | null;
  readonly differentiable: boolean;
  readonly gradient: number[][] | null;
  readonly subdifferential: [number, number][][] | null;
}

async function pointsOf(f: string, ...extra: string[]): Promise<Point[]> {
  const o = await cli(['derive', f, '--json', '--no-verify', ...extra]);
  expect(o.code, o.stderr).toBe(0);
  return parsed<{ at: Point[] }>(o).at;
}

describe('--at: points are exact decimals', () => {
  it('relu(X-0.1) at 0.1 is exactly at the kink: no gradient, subdifferential [0,1] (the issue\'s example)', async () => {
    const [p] = await pointsOf('sum(relu(X-0.1))', '--at', '[[0.1]]');
    expect(p).toMatchObject({ X: [[0.1]], value: 0, differentiable: false, gradient: null, subdifferential: [[[0, 1]]] });
  });

  it('a decimal one part in 10^20 beside the kink is off it, though its double is the same', async () => {
    // 0.10000000000000000001 > 1/10: phi' = 1; 0.09999999999999999999 < 1/10: phi' = 0.
    const [p] = await pointsOf('sum(relu(X-0.1))', '--at', '[[0.10000000000000000001, 0.09999999999999999999]]');
    expect(p!.X).toEqual([[0.1, 0.1]]); // printed as the nearest doubles
    expect(p).toMatchObject({ differentiable: true, gradient: [[1, 0]] });
    expect(p!.value).toBeCloseTo(1e-20, 30);
  });

  it('1e-7 in exponent form: abs(X - 1e-7) has a kink exactly there', async () => {
    // phi(t) = |t - 1/10^7|: at 1e-7, [-1, 1]; at 0 (left of it), -1.
    const [p] = await pointsOf('sum(abs(X - 1e-7))', '--at', '[[1e-7, 0]]');
    expect(p).toMatchObject({ differentiable: false, gradient: null, subdifferential: [[[-1, 1], [-1, -1]]] });
  });

  it('-2.5 in a column layout, and -2.5000000000000000001 just left of the kink of max(X, -2.5)', async () => {
    // phi(t) = max(t, -5/2): slope 0 left, 1 right; at -5/2 the interval [0, 1].
    const [p] = await pointsOf('sum(max(X, -2.5))', '--at', '[[-2.5], [-2.5000000000000000001], [-2.4999999999999999999]]');
    expect(p).toMatchObject({ X: [[-2.5], [-2.5], [-2.5]], differentiable: false, subdifferential: [[[0, 1]], [[0, 0]], [[1, 1]]] });
  });

  it('0.3333 is the kink of abs(X - 0.3333), not a double beside it', async () => {
    const [p] = await pointsOf('sum(abs(X - 0.3333))', '--at', '0.3333');
    expect(p).toMatchObject({ X: [[0.3333]], value: 0, differentiable: false, subdifferential: [[[-1, 1]]] });
  });

  it('1/3 is no decimal: 0.3333333333333333 lies left of it, 0.33333333333333334 right of it (one double for both)', async () => {
    // |t - 1/3| at 3333333333333333/10^16 (slope -1) and 33333333333333334/10^17 (slope +1);
    // value (1/3 - 0.3333333333333333) + (0.33333333333333334 - 1/3) = 4/10^17.
    const [p] = await pointsOf('sum(abs(X - 1/3))', '--at', '[0.3333333333333333, 0.33333333333333334]');
    expect(p).toMatchObject({ X: [[1 / 3, 1 / 3]], differentiable: true, gradient: [[-1, 1]] });
    expect(p!.value).toBe(4e-17);
  });

  it('a tie at a jump: sign(X - 0.7) at 0.7 has no subdifferential; just right of it, gradient 0', async () => {
    const [at, right] = await pointsOf('sum(sign(X - 0.7))', '--at', '[[0.7]]', '--at', '[[0.70000000000000000001]]');
    expect(at).toMatchObject({ value: 0, differentiable: false, gradient: null, subdifferential: null });
    expect(right).toMatchObject({ value: 1, differentiable: true, gradient: [[0]] });
  });

  it('the same decimal in every spelling is the same point: 0.1, 1e-1, 0.10e0, 10E-2', async () => {
    const points = await pointsOf('sum(relu(X-0.1))', '--at', '[[0.1, 1e-1, 0.10e0, 10E-2]]');
    expect(points[0]).toMatchObject({ differentiable: false, subdifferential: [[[0, 1], [0, 1], [0, 1], [0, 1]]] });
  });

  it('values are computed from the exact entries: relu(X - 0.1) at 0.3 is 0.2 (not 0.19999999999999998)', async () => {
    const [p] = await pointsOf('sum(relu(X-0.1))', '--at', '[[0.3]]');
    expect(p).toMatchObject({ value: 0.2, gradient: [[1]] });
  });
});

describe('--const: constants are exact decimals', () => {
  it('check sum(X.^2)*c --claim X/5 --const c=0.1 is correct (the issue\'s example)', async () => {
    const o = await cli(['check', 'sum(X.^2)*c', '--claim', 'X/5', '--const', 'c=0.1', '--json']);
    expect(o.code, o.stdout).toBe(0);
    expect(parsed(o)).toMatchObject({ verdict: 'correct', method: 'exact', counterexample: null });
  });

  it('c = 0.10000000000000000001 is not 1/10: X/5 is then refuted exactly', async () => {
    const o = await cli(['check', 'sum(X.^2)*c', '--claim', 'X/5', '--const', 'c=0.10000000000000000001', '--json']);
    expect(o.code).toBe(1);
    expect(parsed(o)).toMatchObject({ verdict: 'incorrect', method: 'exact' });
  });

  it('a 1x1 matrix constant [[0.1]] is the scalar 1/10 in check --equal', async () => {
    for (const c of ['c=0.1', 'c=[[0.1]]', 'c=1e-1']) {
      const o = await cli(['check', '--equal', 'c*X', 'X/10', '--const', c, '--json']);
      expect(o.code, c).toBe(0);
    }
  });

  it('derive: the kink of relu(X - c) with c = 0.3333 is exactly 0.3333, and --at 0.3333 sits on it', async () => {
    const o = await cli(['derive', 'sum(relu(X - c))', '--const', 'c=0.3333', '--at', '[[0.3333, 0.3334]]', '--json', '--no-verify']);
    expect(o.code, o.stderr).toBe(0);
    const r = parsed<{ kinks: { exact: string }[]; at: Point[] }>(o);
    expect(r.kinks.map((k) => k.exact)).toEqual(['0.3333']);
    expect(r.at[0]).toMatchObject({ differentiable: false, subdifferential: [[[0, 1], [1, 1]]] });
  });

  it('check: the sign pattern at the exact kink 0.3333 selects a subgradient; at 1/3 it is wrong between them', async () => {
    const ok = await cli(['check', 'sum(abs(X - c))', '--claim', 'sign(X - 3333/10000)', '--const', 'c=0.3333', '--json']);
    expect(ok.code).toBe(0);
    const bad = await cli(['check', 'sum(abs(X - c))', '--claim', 'sign(X - 1/3)', '--const', 'c=0.3333', '--json']);
    expect(bad.code).toBe(1);
  });

  it('matrix constants are exact in the point search: (A*J)*X with A = [0.1, 0.2] is never refuted against 0.3*X', async () => {
    // A*J = [[0.1 + 0.2]] = [[3/10]] exactly (as doubles, 0.30000000000000004).
    const consts = ['--const', 'A=[[0.1,0.2]]', '--const', 'J=[[1],[1]]'];
    const same = await cli(['check', '--equal', '(A*J)*X', '0.3*X', ...consts, '--json']);
    expect(parsed(same)['verdict']).not.toBe('incorrect');
    const other = await cli(['check', '--equal', '(A*J)*X', '0.30000000000000004*X', ...consts, '--json']);
    expect(other.code).toBe(1);
  });
});

describe('proof files: points and constants are exact', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kinkproof-exact-'));
  const proof = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('--const c=0.1 with kinks: 0.1 and subdifferential at the kink', async () => {
    const file = proof(
      'c.proof',
      ['function: sum(relu(X - c))', 'kinks: 0.1', 'subdifferential at [[0.1, 0.2, 1e-1]]: [[[0, 1], 1, [0, 1]]]', 'subgradient: heaviside(X - 0.1)'].join('\n'),
    );
    const o = await cli(['prove', file, '--const', 'c=0.1', '--json']);
    expect(o.code, o.stdout).toBe(0);
    expect(parsed(o)).toMatchObject({ ok: true, fail: 0 });
  });

  it('a point 10^-20 off the kink gets the one-sided set, in a proof as in --at', async () => {
    const file = proof('near.proof', ['function: sum(abs(X - 0.3))', 'subdifferential at [[0.30000000000000000001, 0.3]]: [[1, [-1, 1]]]'].join('\n'));
    const o = await cli(['prove', file, '--json']);
    expect(o.code, o.stdout).toBe(0);
  });
});
