/**
 * Issue 10, class 7: mathjs names keep mathjs meanings. mathjs itself is the
 * reference for what norm(X), norm(X,2), norm(X,1), norm(X,'inf') and
 * norm(X,'fro') mean; kinkproof supports the Frobenius norm and refuses the
 * others (exit 2) with the supported spelling — never a silent substitute.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate as mathjsEvaluate, matrix, norm as mathjsNorm } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { checkEqual } from '../../../src/check/claims/equal.js';
import { checkGradient } from '../../../src/check/claims/gradient.js';
import { evaluate, NoValue } from '../../../src/check/search/evaluate.js';
import { approximate } from '../../../src/symbolic/exact/calculus.js';
import * as P from '../../../src/symbolic/exact/poly.js';
import * as Q from '../../../src/symbolic/exact/rational.js';
import { analyzeSymbolic } from '../../../src/symbolic/derive.js';
import { parse } from '../../../src/symbolic/syntax/parse.js';
import { KinkproofError } from '../../../src/diagnostics.js';
import { cli } from '../../cli/inProcess.js';

const A = [
  [1, -2],
  [3, 4],
];
const ref = (expr: string): number => Number(mathjsEvaluate(expr, { A: matrix(A) }));
const X = A.map((r) => r.map((x) => P.constant(Q.rat(x))));

function refusal(f: () => unknown): KinkproofError {
  try {
    f();
  } catch (e) {
    if (e instanceof KinkproofError) return e;
    throw e;
  }
  throw new Error('not refused');
}

describe("mathjs's meanings of norm (the reference)", () => {
  it('at [[1,-2],[3,4]]: spectral 5.117, column sum 6, row sum 7, Frobenius 5.477 — none is the entry-wise sum 10', () => {
    expect(ref('norm(A)')).toBeCloseTo(5.116672736016928, 12); // largest singular value
    expect(ref('norm(A, 2)')).toBeCloseTo(5.116672736016928, 12);
    expect(ref('norm(A, 1)')).toBe(6); // max(|1|+|3|, |-2|+|4|)
    expect(ref("norm(A, 'inf')")).toBe(7); // max(|1|+|-2|, |3|+|4|)
    expect(ref("norm(A, 'fro')")).toBeCloseTo(Math.sqrt(30), 12);
    expect(ref('sum(abs(A))')).toBe(10);
    expect(mathjsNorm(A, 'fro')).toBeCloseTo(Math.sqrt(30), 12);
  });

  it("kinkproof's norm(X,'fro') is mathjs's, and its square reduces to sum(X.^2)", () => {
    const fro = evaluate(parse("norm(X,'fro')"), X, new Map());
    expect(fro.kind === 'scalar' && approximate(fro.v)).toBeCloseTo(ref("norm(A, 'fro')"), 12);
    const a = analyzeSymbolic("norm(X,'fro')^2", { at: [A] });
    expect(a.points[0]!.value).toBeCloseTo(ref("norm(A, 'fro')^2"), 12);
    expect(checkEqual("norm(X,'fro')^2", 'sum(X.^2)').verdict).toBe('correct');
  });

  it("kinkproof's sum(abs(X)) is the entry-wise l1 norm, which mathjs's norm(X,1) is not", () => {
    const l1 = evaluate(parse('sum(abs(X))'), X, new Map());
    expect(l1.kind === 'scalar' && approximate(l1.v)).toBe(ref('sum(abs(A))'));
    expect(ref('norm(A, 1)')).not.toBe(ref('sum(abs(A))'));
  });
});

describe('norms other than Frobenius are refused with the supported spelling', () => {
  const cases: [string, string, RegExp][] = [
    ['norm(X)', 'X', /norm\(X\) means the spectral norm \(largest singular value\) in mathjs/],
    ['norm(X,2)', 'X', /norm\(X,2\) means the spectral norm/],
    ['norm(X)^2', 'X', /norm\(X\) means the spectral norm/],
    ['norm(X, 1)', 'X', /norm\(X, 1\) means the largest absolute column sum in mathjs/],
    ["norm(relu(X),'inf')", 'relu(X)', /norm\(relu\(X\),'inf'\) means the largest absolute row sum in mathjs/],
    ['sum(X) + 2*norm(X - 1, 1)', 'X - 1', /norm\(X - 1, 1\) means the largest absolute column sum/],
  ];

  it.each(cases)('derive %s: not supported yet, naming norm(.,\'fro\') and sum(abs(.))', (f, arg, meaning) => {
    const e = refusal(() => analyzeSymbolic(f));
    expect(e.kind).toBe('unsupported');
    expect(e.message).toMatch(meaning);
    expect(e.message).toContain(`norm(${arg},'fro')`);
    expect(e.message).toContain(`sum(abs(${arg}))`);
  });

  it('an unknown kind is bad input, as in mathjs', () => {
    expect(() => mathjsEvaluate('norm(A, 3)', { A: matrix(A) })).toThrow(/Unsupported parameter value/);
    const e = refusal(() => analyzeSymbolic('norm(X,3)'));
    expect(e.kind).toBe('input');
    expect(e.message).toMatch(/norm's second argument is 1, 2, 'inf' or 'fro' \(as in mathjs\), got 3/);
  });

  it('check refuses them in f, in the claim and in either side of --equal', () => {
    expect(refusal(() => checkGradient('norm(X,1)', 'sign(X)')).kind).toBe('unsupported');
    expect(refusal(() => checkGradient('sum(X.^2)', '2*X*norm(X)/norm(X)')).kind).toBe('unsupported');
    expect(refusal(() => checkEqual('norm(X,1)', 'sum(abs(X))')).kind).toBe('unsupported');
    expect(refusal(() => checkEqual("sum(X.^2)", 'norm(X)^2')).kind).toBe('unsupported');
  });

  it('the exact evaluator never reads norm(X,1) as the entry-wise sum', () => {
    expect(() => evaluate(parse('norm(X,1)'), X, new Map())).toThrow(NoValue);
    expect(() => evaluate(parse("norm(X,'inf')"), X, new Map())).toThrow(NoValue);
  });

  it('the CLI exits 2 with one line in derive, check and prove', async () => {
    const derive = await cli(['derive', 'norm(X,1)']);
    expect([derive.code, derive.stdout]).toEqual([2, '']);
    expect(derive.stderr).toMatch(/^kinkproof: not supported yet: norm\(X,1\) means the largest absolute column sum in mathjs, not an entry-wise norm; for the Frobenius norm write norm\(X,'fro'\), for the entry-wise l1 norm sum\(abs\(X\)\) \(column 8\)/);
    const check = await cli(['check', '--equal', 'norm(X)^2', "norm(X,'fro')^2"]);
    expect(check.code).toBe(2);
    expect(check.stderr).toMatch(/spectral norm/);
    const dir = mkdtempSync(join(tmpdir(), 'kinkproof-norm-'));
    const file = join(dir, 'l1.proof');
    writeFileSync(file, 'title: old l1\nfunction: norm(X,1)\nkinks: 0\n');
    const prove = await cli(['prove', file]);
    expect(prove.code).toBe(2);
    expect(prove.stderr).toContain(`${file}:2: norm(X,1) means the largest absolute column sum in mathjs`);
  });
});
