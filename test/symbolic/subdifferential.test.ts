/** Convexity and subdifferentials against hand-derived sets (issue: non-smooth answers). */
import { describe, expect, it } from 'vitest';
import { analyzeSymbolic } from '../../src/symbolic/derive.js';
import { exactText } from '../../src/symbolic/scalar/print.js';
import { subdifferentialNotation } from '../../src/report/setNotation.js';

interface Expected {
  f: string;
  convex: boolean | null;
  kind: 'convex' | 'clarke' | null;
  /** ∂φ(c) per breakpoint: "c: [lo, hi]" (Fréchet-empty marked with !). */
  sets: string[];
}

const cases: Expected[] = [
  { f: 'sum(relu(X))', convex: true, kind: 'convex', sets: ['0: [0, 1]'] },
  { f: 'sum(abs(X))', convex: true, kind: 'convex', sets: ['0: [-1, 1]'] },
  { f: 'sum(max(X, 0.2*X))', convex: true, kind: 'convex', sets: ['0: [0.2, 1]'] },
  { f: 'sum(-relu(X))', convex: false, kind: 'clarke', sets: ['0: [-1, 0]!'] },
  { f: 'sum(abs(X) + X.^2)', convex: true, kind: 'convex', sets: ['0: [-1, 1]'] },
  { f: 'sum(relu(1 - X))', convex: true, kind: 'convex', sets: ['1: [-1, 0]'] },
  { f: 'sum(abs(X - 1))', convex: true, kind: 'convex', sets: ['1: [-1, 1]'] },
  { f: 'sum(max(abs(X), 1))', convex: true, kind: 'convex', sets: ['-1: [-1, 0]', '1: [0, 1]'] },
  { f: 'sum(min(max(X, 0), 1))', convex: false, kind: 'clarke', sets: ['0: [0, 1]', '1: [0, 1]!'] },
  { f: 'sum(-abs(X))', convex: false, kind: 'clarke', sets: ['0: [-1, 1]!'] },
  { f: 'sum(relu(X.^2 - 1))', convex: true, kind: 'convex', sets: ['-1: [-2, 0]', '1: [0, 2]'] },
  { f: 'sum(max(X.^2, 1))', convex: true, kind: 'convex', sets: ['-1: [-2, 0]', '1: [0, 2]'] },
  { f: 'sum(exp(abs(X)))', convex: true, kind: 'convex', sets: ['0: [-1, 1]'] },
  { f: '2*sum(abs(X - 0.5)) + sum(relu(X))', convex: true, kind: 'convex', sets: ['0: [-2, -1]', '0.5: [-1, 3]'] },
  { f: 'sum(abs(X).^3 + abs(X))', convex: true, kind: 'convex', sets: ['0: [-1, 1]'] },
  { f: 'sum(relu(X).^2)', convex: true, kind: 'convex', sets: ['0: [0, 0]'] },
  { f: 'sum(relu(X).^2 - X.^2)', convex: false, kind: 'clarke', sets: ['0: [0, 0]'] },
  { f: 'sum(sqrt(relu(X)))', convex: false, kind: null, sets: [] },
  { f: 'sum(heaviside(X))', convex: false, kind: null, sets: [] },
  { f: 'sum(sign(X))', convex: false, kind: null, sets: [] },
  { f: 'sum(sqrt(abs(X)))', convex: false, kind: null, sets: [] },
];

describe('convexity and the subdifferential of phi at every breakpoint', () => {
  it.each(cases)('$f', ({ f, convex, kind, sets }) => {
    const a = analyzeSymbolic(f);
    expect(a.convexity.convex).toBe(convex);
    expect(a.subdifferential.kind).toBe(kind);
    if (a.subdifferential.kind !== null)
      expect(a.subdifferential.breakpoints.map((b) => `${exactText(b.at)}: [${exactText(b.lo)}, ${exactText(b.hi)}]${b.frechetEmpty ? '!' : ''}`)).toEqual(sets);
  });
});

describe('the issue examples', () => {
  it('sum(relu(X)) at [[0,3],[-2,0]] gives the per-entry intervals', () => {
    const [p] = analyzeSymbolic('sum(relu(X))', { at: [[[0, 3], [-2, 0]]] }).points;
    expect(p!.subdifferential).toEqual([[[0, 1], [1, 1]], [[0, 0], [0, 1]]]);
    expect(p!.subdifferentialKind).toBe('convex');
  });

  it('writes the set in matrix notation', () => {
    const a = analyzeSymbolic('sum(relu(X))');
    expect(subdifferentialNotation(a.subdifferential, a.entry.piecewise).text).toBe(
      '∂f(X) = {G : G_ij = 0 if x_ij < 0, G_ij = 1 if x_ij > 0, G_ij in [0, 1] if x_ij = 0}',
    );
    const b = analyzeSymbolic('sum(-relu(X))');
    expect(subdifferentialNotation(b.subdifferential, b.entry.piecewise).text).toMatch(/^∂_C f\(X\) = \{G : /);
  });

  it('says why there is none: an infinite slope, or a jump', () => {
    const s = analyzeSymbolic('sum(sqrt(relu(X)))', { at: [[[0]]] });
    expect(s.subdifferential).toMatchObject({ kind: null, reason: expect.stringMatching(/infinite.*not locally Lipschitz/) });
    expect(s.points[0]).toMatchObject({ subdifferential: null, subdifferentialKind: null });
    expect(analyzeSymbolic('sum(heaviside(X))').subdifferential).toMatchObject({ kind: null, reason: expect.stringMatching(/discontinuous/) });
  });

  it('gives a witness when not convex', () => {
    expect(analyzeSymbolic('sum(relu(X).^2 - X.^2)').convexity.witness).toMatchObject({ kind: 'curvature' });
    expect(analyzeSymbolic('sum(-relu(X))').convexity.witness).toMatchObject({ kind: 'slopes' });
    expect(analyzeSymbolic('sum(heaviside(X))').convexity.witness).toMatchObject({ kind: 'discontinuity' });
  });
});
