/**
 * A discontinuity is a jump only where φ's one-sided limits differ. sign(t)²
 * and H(t²) have both one-sided limits 1 at 0 but φ(0) = 0 and 1/2: removable
 * discontinuities, and no report calls them jumps (or kinks).
 */
import { describe, expect, it } from 'vitest';
import { checkProof } from '../../src/check/proofs/checkProof.js';
import { parseProof } from '../../src/check/proofs/parseProof.js';
import { summary } from '../../src/cli/summary.js';
import { deriveJson } from '../../src/api/json.js';
import type { Block, Inlines } from '../../src/report/model.js';
import { narrate } from '../../src/report/narrate.js';
import { analyzeSymbolic } from '../../src/symbolic/derive.js';

const words = (parts: Inlines): string => parts.map((p) => (p.kind === 'text' ? p.text : `$${p.latex}$`)).join('');
const reportText = (f: string): string =>
  narrate(analyzeSymbolic(f), null)
    .steps.flatMap((s) => s.blocks)
    .map((b: Block) => (b.kind === 'paragraph' ? words(b.parts) : ''))
    .join('\n');

describe('removable discontinuities are not jumps', () => {
  it.each(['sum(sign(X).^2)', 'sum(heaviside(X.^2))'])('%s: the report says removable discontinuity, never jump', (f) => {
    const text = reportText(f);
    expect(text).toContain('$\\varphi$ is continuous except at $0$, where it has a removable discontinuity');
    expect(text).toContain('$f$ is not continuous at any $X$ with an entry equal to $0$, where $\\varphi$ has a removable discontinuity');
    expect(text).not.toMatch(/jump/);
  });

  it('the CLI summary lists it as removable, with its cause, and not under jumps', () => {
    const text = summary(analyzeSymbolic('sum(sign(X).^2)'), null);
    expect(text).toContain('removable discontinuities: 0  (phi is not continuous there: the one-sided limits of phi agree but differ from its value)');
    expect(text).toContain('convex:         no (phi has a removable discontinuity at 0)');
    expect(text).toContain('t = 0:  phi(0) = 0;  one-sided derivatives -inf (left), inf (right): removable discontinuity (not continuous, so not differentiable)');
    expect(text).not.toMatch(/jump/);
  });

  it('JSON names the kind of each discontinuity', () => {
    const json = deriveJson(analyzeSymbolic('sum(sign(X).^2) + sum(heaviside(X-1))'), null);
    expect(json.breakpoints.map((b) => [b.exact, b.discontinuity])).toEqual([
      ['0', 'removable'],
      ['1', 'jump'],
    ]);
  });

  it('a real jump is still a jump; mixed kinds are "not continuous"', () => {
    expect(reportText('sum(heaviside(X))')).toContain('where it jumps');
    expect(reportText('sum(sign(X).^2) + sum(heaviside(X-1))')).toContain('$\\varphi$ is continuous except at $0$ and $1$, where it is not continuous');
  });

  it('prove: a jump is not called a kink', () => {
    const [, step] = checkProof(parseProof('function: sum(heaviside(X))\ndifferentiable: yes\n', 'p.proof')).steps;
    expect(step!.explanation).toBe('f is not differentiable where an entry is at a discontinuity: phi jumps at t = 0');
    const [, mixed] = checkProof(parseProof('function: sum(heaviside(X) + abs(X-1))\ndifferentiable: yes\n', 'p.proof')).steps;
    expect(mixed!.explanation).toContain('f is not differentiable where an entry is at a kink or discontinuity: phi jumps at t = 0; at t = 1');
  });
});
