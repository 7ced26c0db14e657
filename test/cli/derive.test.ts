import { describe, expect, it } from 'vitest';
import { cli, parsed } from './inProcess.js';

describe('kinkproof derive --json', () => {
  it('reports the founding example as C1, differentiable, gradient 2*relu(X)', async () => {
    const r = await cli(['derive', "norm(relu(X),'fro')^2", '--json', '--at', '[[2.5,-1],[0,4]]']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('}');
    const out = parsed(r);
    expect(out).toMatchObject({
      input: "norm(relu(X),'fro')^2",
      separable: true,
      smoothness: 'C1',
      differentiable: true,
      continuous: true,
      kinks: [],
      gradient: '2*relu(X)',
      gradientLatex: "2 \\sigma(X)",
      breakpoints: [{ exact: '0', value: 0 }],
      pieces: [
        { from: '-inf', to: '0', expr: '0' },
        { from: '0', to: 'inf', expr: 't^2' },
      ],
    });
    expect(out.at).toEqual([
      { X: [[2.5, -1], [0, 4]], value: 22.25, differentiable: true, gradient: [[5, 0], [0, 8]], subdifferential: null, subdifferentialKind: null, reason: null },
    ]);
  });

  it('reports sum(relu(X)) with a kink at 0 and no gradient', async () => {
    const out = parsed(await cli(['derive', 'sum(relu(X))', '--json']));
    expect(out).toMatchObject({ smoothness: 'C0', differentiable: false, kinks: [{ exact: '0', value: 0 }], gradient: null });
  });

  it('prints a human summary without --json', async () => {
    const r = await cli(['derive', 'sum(relu(X - 2).^3)']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('class:          C2 (not C3)');
    expect(r.stdout).toContain('gradient:       3*relu(X - 2).^2');
    expect(r.stdout).toContain('t = 2:');
  });
});

describe('kinkproof derive: bad input exits 2 with one clear line', () => {
  const errors: [string, string[], RegExp][] = [
    ['syntax error with a caret', ['sum(relu(X)'], /syntax error: unmatched '\(' \(column 4\)/],
    ['unknown function', ['sum(foo(X))'], /unknown function 'foo' \(column 5\)/],
    ['wrong arity', ['sum(max(X, 1, 2))'], /max takes 1 or 2 arguments, got 3/],
    ['shape mismatch', ['sum(A*X)', '--const', 'A=[[1,2],[3,4]]', '--shape', '3,3'], /shape mismatch: cannot multiply 2x2 by 3x3/],
    ['non-rectangular --at', ['sum(X)', '--at', '[[1,2],[3]]'], /--at #1: row 2 has 1 entries, expected 2/],
    ['non-finite --at', ['sum(X)', '--at', '[[1,1e999]]'], /entry \(1,2\) is Infinity, not a finite number/],
    ['non-numeric --at', ['sum(X)', '--at', '[["a"]]'], /entry \(1,1\) is "a", not a finite number/],
    ['empty input', [''], /empty expression/],
    ['unknown name', ['sum(Y)'], /unknown name 'Y'/],
    ['matrix-valued f', ['relu(X)'], /f must be scalar-valued/],
    ['not supported', ["norm(X,'fro')*sum(X)"], /not supported yet: .*a function of several reductions of X/],
    ['matrix product', ['sum(X*X)'], /not supported yet: X\*X is a product of two matrices that depend on X/],
    ['domain', ['sum(log(X))'], /not supported yet: the entry function is not defined on all of R/],
    ['huge shape', ['sum(X)', '--shape', '100000,100000'], /--shape 100000,100000: at most/],
    ['unknown option', ['sum(X)', '--frobnicate'], /unknown option --frobnicate/],
  ];
  it.each(errors)('%s', async (_name, args, message) => {
    const r = await cli(['derive', ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toMatch(/^kinkproof: /);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\bat .*\(.*:\d+:\d+\)/); // no stack trace
  });
});
