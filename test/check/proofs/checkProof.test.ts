import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseProof } from '../../../src/check/proofs/parseProof.js';
import { checkProof } from '../../../src/check/proofs/checkProof.js';
import type { StepReport } from '../../../src/check/proofs/proofReport.js';

const proofsDir = fileURLToPath(new URL('../../../proofs/', import.meta.url));
const prove = (text: string): StepReport[] => [...checkProof(parseProof(text, 'p.proof')).steps];
const statuses = (text: string): string[] => prove(text).map((s) => `${s.line}:${s.status}`);

describe('proofs/ shipped with kinkproof', () => {
  const files = readdirSync(proofsDir).filter((f) => f.endsWith('.proof'));
  it('has the founding example, the published answer and at least three more', () => {
    expect(files).toEqual(expect.arrayContaining(['relu-frobenius.proof', 'published-answer.proof']));
    expect(files.length).toBeGreaterThanOrEqual(5);
  });
  it.each(files)('%s passes line by line', (file) => {
    const steps = checkProof(parseProof(readFileSync(proofsDir + file, 'utf8'), file)).steps;
    expect(steps.filter((s) => s.status !== 'pass')).toEqual([]);
    expect(steps.every((s) => s.method === 'exact')).toBe(true);
  });
});

describe('proof statements', () => {
  it('checks a chain step against the line before it', () => {
    const steps = prove('function: sum(relu(X).^2)\n= sum(max(X,0).^2)\n= sum(X.^2)\n');
    expect(steps.map((s) => s.status)).toEqual(['pass', 'pass', 'fail']);
    expect(steps[2]!.counterexample).toBe('X = [[-1]] (t < 0): left side 0, right side 1');
    expect(steps[2]!.explanation).toContain('Left: sum(max(X,0).^2) (line 2)');
  });

  it('continues a gradient chain with matrix identities', () => {
    expect(statuses('function: sum(relu(X).^2)\ngradient: 2*relu(X)\n= X + abs(X)\n= 2*X\n')).toEqual(['1:pass', '2:pass', '3:pass', '4:fail']);
  });

  it('passes an expected refutation only when it is refuted', () => {
    expect(statuses('refute: relu(X) = (sign(X)+1)/2\nrefute: heaviside(X) = (sign(X)+1)/2\n')).toEqual(['1:pass', '2:fail']);
    const [refuted] = prove('refute: relu(X) = (sign(X)+1)/2\n');
    expect(refuted!.note).toBe('refuted, exact');
    expect(refuted!.counterexample).toBe('X = [[2]] (t > 0): left side [[2]], right side [[1]]');
  });

  it('checks differentiability, class, kinks and convexity exactly', () => {
    const text = ['function: sum(relu(X))', 'differentiable: no', 'class: C0', 'kinks: 0', 'convex: yes', 'differentiable: yes', 'class: C1', 'kinks: 0, 1', 'convex: no'].join('\n');
    expect(statuses(text)).toEqual(['1:pass', '2:pass', '3:pass', '4:pass', '5:pass', '6:fail', '7:fail', '8:fail', '9:fail']);
    const steps = prove(text);
    expect(steps[6]!.explanation).toContain('f is C0, not C1');
    expect(steps[7]!.explanation).toContain('not a kink: t = 1');
  });

  it('reads irrational kink locations exactly', () => {
    expect(statuses('function: sum(relu(X.^2 - 2))\nkinks: -sqrt(2), sqrt(2)\nclass: C0\n')).toEqual(['1:pass', '2:pass', '3:pass']);
  });

  it('fails a subgradient claim whose value at the kink is outside the one-sided derivatives', () => {
    const [, ok, bad] = prove('function: sum(abs(X))\nsubgradient: sign(X)\nsubgradient: sign(X) + 2*(1 - abs(sign(X)))\n');
    expect(ok!.status).toBe('pass');
    expect(bad!.status).toBe('fail');
    expect(bad!.counterexample).toBe('X = [[0]]: claim [[2]], one-sided derivatives -1, 1');
  });

  it('checks a subdifferential entry by entry, intervals at the kinks', () => {
    const text = [
      'function: sum(abs(X))',
      'subdifferential at [[0, 3], [-2, 0]]: [[[-1, 1], 1], [-1, [-1, 1]]]',
      'subdifferential at [[0, 1/2]]: [[0, 1]]',
      'subdifferential at [[0]]: none',
    ].join('\n');
    expect(statuses(text)).toEqual(['1:pass', '2:pass', '3:fail', '4:fail']);
    expect(statuses('function: sum(sign(X))\nsubdifferential at [[0, 1]]: none\nsubdifferential at [[1, 1]]: [[0, 0]]\n')).toEqual(['1:pass', '2:pass', '3:pass']);
  });

  it('marks a statement that is bad input as an error', () => {
    const [, bad] = prove('function: sum(relu(X))\nkinks: X\n');
    expect(bad!.status).toBe('error');
    expect(bad!.explanation).toBe('kinks: X is not a constant');
  });

  it('marks what cannot be analysed as undecided, not failed', () => {
    expect(statuses("function: norm(X,'fro')*sum(X)\nclass: C1\nidentity: X*X = X\n")).toEqual(['1:unknown', '2:unknown', '3:fail']);
  });
});

describe('proof syntax errors name file:line', () => {
  const error = (text: string): string => {
    try {
      parseProof(text, 'my.proof');
    } catch (e) {
      return (e as Error).message;
    }
    return 'no error';
  };
  it.each([
    ['function: sum(X)\nfoo: 1\n', /^my\.proof:2: unknown key 'foo'/],
    ['# c\n= sum(X)\n', /^my\.proof:2: a step '= expr' must follow/],
    ['function: sum(X)\nclass: C1\n= sum(X)\n', /^my\.proof:3: a step/],
    ['\nfunction: sum(max(X,0)\n', /^my\.proof:2: unmatched '\('/],
    ['gradient: X\n', /^my\.proof:1: 'gradient:' needs a 'function:' line/],
    ['function: sum(X)\nfunction: sum(X)\n', /^my\.proof:2: a second 'function:'/],
    ['function: sum(X)\nclass: smooth\n', /^my\.proof:2: class: expected C0/],
    ['function: sum(X)\ndifferentiable: maybe\n', /^my\.proof:2: differentiable: expected yes or no/],
    ['function: sum(X)\nsubdifferential at [[0, 1]]: [[1]]\n', /^my\.proof:2: the set is 1x1 but the point is 1x2/],
    ['function: sum(X)\nsubdifferential at [[0, 1]: [[1, 1]]\n', /^my\.proof:2: subdifferential at: missing '\]'/],
    ['identity: relu(X)\n', /^my\.proof:1: identity: expected 'A = B'/],
    ['function: sum(X)\nidentity: X = Y\n', /^my\.proof:2: unknown name 'Y'/],
    ['just text\n', /^my\.proof:1: expected 'key: value'/],
    ['# nothing\n', /^my\.proof:1: no statements/],
  ])('%j', (text, message) => expect(error(text)).toMatch(message));
});

describe('prove certifies only what derive establishes (issue 10, class 8)', () => {
  it.each([
    // φ = |t − 1|: a kink at 1, C⁰, convex (hand derivation); the false statements fail.
    ['function: sum(sqrt((X-1).^2))\nclass: Cinf\ndifferentiable: yes\nkinks: none\n', ['1:pass', '2:fail', '3:fail', '4:fail']],
    ['function: sum(sqrt((X-1).^2))\nclass: C0\ndifferentiable: no\nkinks: 1\nconvex: yes\nsubdifferential at [[1,0]]: [[[-1,1], -1]]\n', ['1:pass', '2:pass', '3:pass', '4:pass', '5:pass', '6:pass']],
    // |t − 1|^{2/3}: a cusp, no Clarke set at 1; |t − 1|³: C², not C^∞.
    ['function: sum(((X-1).^2).^(1/3))\nclass: C0\nconvex: no\nsubdifferential at [[1]]: none\n', ['1:pass', '2:pass', '3:pass', '4:pass']],
    ['function: sum(sqrt(X.^2-2*X+1).^3)\nclass: Cinf\n', ['1:pass', '2:fail']],
    ['function: sum(sqrt(X.^2-2*X+1).^3)\nclass: C2\ndifferentiable: yes\n', ['1:pass', '2:pass', '3:pass']],
    // Decimals are exact: 0.1 sits on the kink of relu(t − 0.1).
    ['function: sum(relu(X-0.1))\nsubdifferential at [[0.1]]: [[1]]\n', ['1:pass', '2:fail']],
  ] as const)('%s', (text, expected) => {
    expect(statuses(text)).toEqual(expected);
  });
});
