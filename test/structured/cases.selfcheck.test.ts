/**
 * Checks the hand-derived table (cases.ts) against the independent mathjs
 * evaluator (referenceEval.ts) — not against kinkproof. Deterministic: every
 * random direction comes from a seeded PRNG.
 *
 * Per point:
 * - differentiable: the central-difference gradient (one Richardson step) is the
 *   expected gradient, and f'(X; D) = ⟨G, D⟩ for random D (a central difference
 *   alone would "see" a gradient at a symmetric kink such as Σ|x| at 0).
 * - not differentiable: D ↦ f'(X; D) is not linear (f'(D) + f'(−D) ≠ 0 or it is
 *   not additive); with a convex set, f'(X; D) = h(D) (the support function of ∂f
 *   is f'(X; ·)); with a Clarke set, f'(X; D) ≤ h(D), and h(D) is the max of
 *   ⟨∇f(Y), D⟩ over points Y sampled near X (co of the essentially active
 *   gradients, Scholtes).
 * Per case: convex ⇒ no Jensen violation found; not convex ⇒ one is found;
 * differentiableEverywhere / smoothness agree with the points.
 */
import { describe, expect, it } from 'vitest';
import { CASES } from './cases.js';
import type { Case, Matrix } from './cases.js';
import { addScaled, compileReference, directional, fdGradient, inner, maxAbs, randomDirection, rng } from './referenceEval.js';
import type { Evaluate } from './referenceEval.js';

const DIRECTIONS = 12;

/** Gradient by central differences with one Richardson step (exact for relu²-type kinks, O(h⁴) where smooth). */
function gradient(f: Evaluate, X: Matrix): Matrix {
  const g1 = fdGradient(f, X, 1e-5);
  const g2 = fdGradient(f, X, 5e-6);
  return g1.map((r, i) => r.map((a, j) => 2 * g2[i]![j]! - a));
}

const close = (a: number, b: number, tol: number): boolean => Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));

function seedOf(name: string): number {
  let h = 2166136261;
  for (const c of name) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return h >>> 0;
}

function jensenViolation(c: Case, f: Evaluate): number {
  const next = rng(seedOf(c.name) ^ 0x5eed);
  const [m, n] = c.shape;
  let worst = -Infinity;
  const centres = c.expected.points.map((p) => p.X);
  for (const X of centres)
    for (const delta of [2, 1, 0.5, 0.1, 0.01])
      for (let k = 0; k < 24; k++) {
        const U = randomDirection(next, m, n);
        const gap = f(X) - (f(addScaled(X, delta, U)) + f(addScaled(X, -delta, U))) / 2;
        worst = Math.max(worst, gap / (delta * delta * Math.max(1, maxAbs(U) ** 2)));
      }
  // pairs of the table's own points
  for (const X of centres)
    for (const Y of centres) {
      const mid = X.map((r, i) => r.map((x, j) => (x + Y[i]![j]!) / 2));
      worst = Math.max(worst, f(mid) - (f(X) + f(Y)) / 2);
    }
  return worst;
}

describe('the hand-derived table is well formed', () => {
  it('has at least 60 cases, every §3 row, and at least 40 tier cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    expect(CASES.filter((c) => c.tier === 'table').length).toBeGreaterThanOrEqual(7);
    expect(CASES.filter((c) => c.tier !== 'table').length).toBeGreaterThanOrEqual(40);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s: shapes and claims are consistent', (_, c) => {
    const [m, n] = c.shape;
    for (const p of c.expected.points) {
      expect(p.X.length).toBe(m);
      for (const r of p.X) expect(r.length).toBe(n);
      if (p.differentiable) {
        expect(p.gradient, 'a differentiable point has a gradient').toBeDefined();
        expect(p.gradient!.length).toBe(m);
        for (const r of p.gradient!) expect(r.length).toBe(n);
      } else expect(p.set, 'a kink point has a set').toBeDefined();
    }
    const e = c.expected;
    if (e.differentiableEverywhere === true) expect(e.points.every((p) => p.differentiable)).toBe(true);
    if (e.differentiableEverywhere === false) {
      expect(e.points.some((p) => !p.differentiable), 'a non-differentiable f shows a kink point').toBe(true);
      expect(e.smoothness).toBe('C^0');
    }
    if (e.smoothness && e.smoothness !== 'C^0') expect(e.differentiableEverywhere).toBe(true);
    for (const p of e.points) if (p.set) expect(p.set.kind).toBe(e.convex === true ? 'convex' : 'clarke');
  });
});

describe('the hand-derived table agrees with the independent mathjs evaluator', () => {
  for (const c of CASES) {
    describe(c.name, () => {
      const f = compileReference(c.expr, c.consts);
      const [m, n] = c.shape;

      c.expected.points.forEach((p, k) => {
        const label = `point ${k + 1} ${JSON.stringify(p.X)}`;
        if (p.differentiable) {
          it(`${label}: gradient and linear directional derivative`, () => {
            const G = gradient(f, p.X);
            const want = p.gradient!;
            for (let i = 0; i < m; i++)
              for (let j = 0; j < n; j++)
                expect(close(G[i]![j]!, want[i]![j]!, 1e-6), `(${i + 1},${j + 1}): FD ${G[i]![j]} vs expected ${want[i]![j]}`).toBe(true);
            const next = rng(seedOf(c.name) + k);
            for (let t = 0; t < DIRECTIONS; t++) {
              const D = randomDirection(next, m, n);
              const dd = directional(f, p.X, D);
              expect(close(dd, inner(want, D), 1e-6), `f'(X;D) = ${dd} vs <G,D> = ${inner(want, D)}`).toBe(true);
            }
          });
        } else {
          it(`${label}: not differentiable, and the ${p.set!.kind} set matches f'(X; .)`, () => {
            const next = rng(seedOf(c.name) + 1000 + k);
            const Ds = Array.from({ length: 3 * DIRECTIONS }, () => randomDirection(next, m, n));
            // nonlinearity of D -> f'(X; D)
            let nonlinear = 0;
            for (let t = 0; t + 1 < Ds.length; t += 2) {
              const D1 = Ds[t]!;
              const D2 = Ds[t + 1]!;
              const neg = D1.map((r) => r.map((x) => -x));
              const sum = D1.map((r, i) => r.map((x, j) => x + D2[i]![j]!));
              nonlinear = Math.max(
                nonlinear,
                Math.abs(directional(f, p.X, D1) + directional(f, p.X, neg)),
                Math.abs(directional(f, p.X, sum) - directional(f, p.X, D1) - directional(f, p.X, D2)),
              );
            }
            expect(nonlinear, "f'(X; .) is not linear").toBeGreaterThan(1e-3);
            const h = p.set!.support;
            for (const D of Ds) {
              const dd = directional(f, p.X, D);
              if (p.set!.kind === 'convex') expect(close(dd, h(D), 1e-6), `f'(X;D) = ${dd} vs h(D) = ${h(D)}`).toBe(true);
              else expect(dd, `f'(X;D) <= h(D)`).toBeLessThanOrEqual(h(D) + 1e-6 * Math.max(1, Math.abs(h(D))));
            }
            if (p.set!.kind === 'clarke') {
              // h(D) = max over nearby gradients: sample points around X.
              const eps = 1e-4;
              const grads: Matrix[] = [];
              for (let s = 0; s < 64; s++) grads.push(fdGradient(f, addScaled(p.X, eps, randomDirection(next, m, n)), 1e-8));
              for (const D of Ds.slice(0, DIRECTIONS)) {
                const sampled = Math.max(...grads.map((G) => inner(G, D)));
                expect(Math.abs(sampled - h(D)), `sampled Clarke support ${sampled} vs h(D) = ${h(D)}`).toBeLessThanOrEqual(5e-3 * Math.max(1, Math.abs(h(D))));
              }
            }
          });
        }
      });

      if (c.expected.convex !== undefined)
        it(`convexity: ${c.expected.convex}`, () => {
          const worst = jensenViolation(c, f);
          if (c.expected.convex) expect(worst, 'no Jensen violation').toBeLessThan(1e-7);
          else expect(worst, 'a Jensen violation exists').toBeGreaterThan(1e-6);
        });
    });
  }
});
