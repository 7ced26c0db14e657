import { describe, expect, it } from 'vitest';
import { checkGradient } from '../../../src/check/claims/gradient.js';
import { KinkproofError } from '../../../src/diagnostics.js';

/** Claims that are the gradient wherever f is differentiable (hand-checked). */
const correct: { f: string; G: string; selection: boolean | null }[] = [
  { f: "norm(relu(X),'fro')^2", G: '2*max(X,0)', selection: null },
  { f: "norm(relu(X),'fro')^2", G: 'X + abs(X)', selection: null },
  { f: 'sum(X.^2)', G: '2*X', selection: null },
  { f: 'sum(relu(X).^3)', G: '3*relu(X).^2', selection: null },
  { f: 'sum(abs(X).^3)', G: '3*abs(X).*X', selection: null },
  { f: 'sum(relu(X))', G: 'heaviside(X)', selection: true },
  // (sign + 1)/2 is the Heaviside step with H(0) = 1/2: right as a derivative of relu.
  { f: 'sum(relu(X))', G: '(sign(X)+1)/2', selection: true },
  { f: 'sum(relu(X))', G: 'relu(sign(X))', selection: true },
  { f: 'sum(abs(X))', G: 'sign(X)', selection: true },
  { f: 'sum(max(X,0.1*X))', G: '0.55+0.45*sign(X)', selection: true },
  { f: 'sum(exp(X))', G: 'exp(X)', selection: null },
  { f: 'sum(sqrt(X.^2+1))', G: 'X./sqrt(X.^2+1)', selection: null },
  { f: 'sum(min(max(X,0),1))', G: 'heaviside(X).*heaviside(1-X)', selection: true },
  { f: "trace(relu(X)'*relu(X))", G: '2*relu(X)', selection: null },
  { f: 'sum(relu(1-X).^2)', G: '-2*relu(1-X)', selection: null },
  // Right wherever f is differentiable, but sign jumps: no subgradient at 0.
  { f: 'sum(sign(X))', G: '0', selection: false },
  // A claim reading X' is right when phi' is constant.
  { f: 'sum(3*X)', G: "3 + 0*X'", selection: null },
  // Right away from the kink, but 5/2 is not in [0, 1] at t = 0.
  { f: 'sum(relu(X))', G: 'heaviside(X) + 2*(1 - abs(sign(X)))', selection: false },
];

describe('check --claim: correct gradients', () => {
  it.each(correct)('$f has gradient $G', ({ f, G, selection }) => {
    const r = checkGradient(f, G);
    expect(r.verdict).toBe('correct');
    expect(r.method).toBe('exact');
    expect(r.counterexample).toBeNull();
    expect(r.subgradientSelection).toBe(selection);
    expect(r.cases.every((c) => c.equal === true)).toBe(true);
  });
});

/** Wrong claims with the hand-checkable counterexample expected. */
const incorrect: { f: string; G: string; X: string[][]; lhs: string[][]; rhs: string[][]; where: string | null; method?: 'numeric' }[] = [
  // The issue's example: on t > 0 the claim is t but phi' = 2t.
  { f: "norm(relu(X),'fro')^2", G: 'X', X: [['1']], lhs: [['1']], rhs: [['2']], where: 't > 0' },
  // Wrong only on one side (t < 0).
  { f: 'sum(relu(X).^2)', G: '2*X', X: [['-1']], lhs: [['-2']], rhs: [['0']], where: 't < 0' },
  { f: 'sum(relu(X))', G: 'sign(X)', X: [['-1']], lhs: [['-1']], rhs: [['0']], where: 't < 0' },
  { f: 'sum(abs(X))', G: 'heaviside(X)', X: [['-1']], lhs: [['0']], rhs: [['-1']], where: 't < 0' },
  // Wrong only at one breakpoint value, where f is differentiable (phi'(0) = 0).
  { f: 'sum(relu(X).^2)', G: '2*relu(X) + 1 - abs(sign(X))', X: [['0']], lhs: [['1']], rhs: [['0']], where: 't = 0' },
  { f: 'sum(exp(X))', G: 'exp(X) + 1', X: [['0']], lhs: [['2']], rhs: [['1']], where: 'all t' },
  // A sign error.
  { f: 'sum(relu(1-X).^2)', G: '2*relu(1-X)', X: [['0']], lhs: [['2']], rhs: [['-2']], where: 't < 1' },
  // The gradient derived from the published sigma(X) = (sign(X) + J)/2.
  { f: "norm(relu(X),'fro')^2", G: 'sign(X) + 1', X: [['2']], lhs: [['2']], rhs: [['4']], where: 't > 0' },
  // The Huber gradient is not sign(X) inside [-1, 1]: the simplest point there is 1/2.
  { f: 'sum(min(abs(X),1).*(abs(X) - min(abs(X),1)/2))', G: 'sign(X)', X: [['0.5']], lhs: [['1']], rhs: [['0.5']], where: '0 < t < 1' },
  // Breakpoints at +-sqrt(2): the counterexample stays rational (at t = 0 both are 0, so t = 1).
  { f: 'sum(relu(X.^2 - 2))', G: '2*X', X: [['1']], lhs: [['2']], rhs: [['0']], where: '-sqrt(2) < t < sqrt(2)' },
  // Transposed: agrees on 1x1, so the counterexample is 2x2.
  { f: 'sum(X.^2)', G: "2*X'", X: [['0', '0'], ['1', '0']], lhs: [['0', '2'], ['0', '0']], rhs: [['0', '0'], ['2', '0']], where: 'entries (1,2) and (2,1)' },
  // Not entry-wise: refuted by the point search, values still exact.
  { f: 'sum(X.^2)', G: "X*X'", X: [['1']], lhs: [['1']], rhs: [['2']], where: null, method: 'numeric' },
  { f: 'sum(X.^2)', G: 'sum(X)', X: [['1']], lhs: [['1']], rhs: [['2']], where: null, method: 'numeric' },
  // No real value where f is differentiable (t < 0).
  { f: 'sum(sqrt(relu(X)))', G: '0.5*relu(X).^(-1/2)', X: [['-1']], lhs: [], rhs: [['0']], where: null, method: 'numeric' },
];

describe('check --claim: wrong gradients, with 1x1 counterexamples where they suffice', () => {
  it.each(incorrect)('$f is not $G', ({ f, G, X, lhs, rhs, where, method }) => {
    const r = checkGradient(f, G);
    expect(r.verdict).toBe('incorrect');
    expect(r.method).toBe(method ?? 'exact');
    const c = r.counterexample!;
    expect(c.exact.X).toEqual(X);
    expect(c.exact.lhs).toEqual(lhs.length ? lhs : null);
    expect(c.exact.rhs).toEqual(rhs);
    expect(c.where).toBe(where);
  });
});

describe('check --claim: details', () => {
  it('reports the founding counterexample as numbers too', () => {
    const r = checkGradient("norm(relu(X),'fro')^2", 'X');
    expect(r.counterexample).toMatchObject({ X: [[1]], lhs: [[1]], rhs: [[2]] });
    expect(r.cases).toEqual([
      { where: 't < 0', lhs: 't', rhs: '0', equal: false },
      { where: 't = 0', lhs: '0', rhs: '0', equal: true },
      { where: 't > 0', lhs: 't', rhs: '2*t', equal: false },
    ]);
  });

  it('lists the kink with the one-sided derivatives and the claimed value', () => {
    const r = checkGradient('sum(abs(X))', 'sign(X)');
    expect(r.kinks).toEqual([{ at: '0', claim: '0', left: '-1', right: '1', selects: true, note: null }]);
    expect(r.explanation).toContain('selects a subgradient');
  });

  it('says why there is no subgradient at an infinite slope', () => {
    const r = checkGradient('sum(sqrt(relu(X)))', '0.5*relu(X).^(-1/2)');
    expect(r.subgradientSelection).toBe(false);
    expect(r.kinks[0]!.note).toContain('not locally Lipschitz');
  });

  it('cannot prove a non-entry-wise claim, so it says unknown and what was tried', () => {
    const r = checkGradient('sum(X.^2)', "X*X'*0 + 2*X");
    expect(r.verdict).toBe('unknown');
    expect(r.method).toBe('numeric');
    expect(r.explanation).toMatch(/search of \d+ points/);
  });

  it('rejects bad input as KinkproofError (exit 2)', () => {
    expect(() => checkGradient('relu(X)', 'X')).toThrow(KinkproofError);
    expect(() => checkGradient('sum(X)', 'Y')).toThrow(/unknown name 'Y'/);
    expect(() => checkGradient('sum(X)', 'X +')).toThrow(KinkproofError);
  });
});
