/**
 * A separable f with kinks and a jump: no set where an entry sits on the jump,
 * but Clarke's sets at the kinks still hold at every X whose entries avoid it
 * (f is locally Lipschitz there), and every report says both.
 * φ(t) = |t − 1| + |t + 1| + H(t − 2): φ′₋(−1) = −2, φ′₊(−1) = 0; φ′₋(1) = 0, φ′₊(1) = 2; jump at 2.
 */
import { describe, expect, it } from 'vitest';
import { summary } from '../../src/cli/summary.js';
import type { Block, Inlines, Step, StepKind } from '../../src/report/model.js';
import { narrate } from '../../src/report/narrate.js';
import { analyzeSymbolic } from '../../src/symbolic/derive.js';
import { exactText } from '../../src/symbolic/index.js';

const words = (parts: Inlines): string => parts.map((p) => (p.kind === 'text' ? p.text : `$${p.latex}$`)).join('');
const blockWords = (b: Block): string[] => (b.kind === 'paragraph' ? [words(b.parts)] : b.kind === 'math' ? [`$$${b.latex}$$`] : []);
const stepText = (s: Step): string => s.blocks.flatMap(blockWords).join('\n');

function report(f: string, brief = false) {
  const a = analyzeSymbolic(f);
  const d = narrate(a, null, brief ? { brief: true } : undefined);
  return { a, of: (kind: StepKind): string => d.steps.filter((s) => s.kind === kind).map(stepText).join('\n') };
}

const F = 'sum(abs(X-1)+abs(X+1)+heaviside(X-2))';

describe('Clarke sets at the kinks when φ jumps elsewhere', () => {
  it('the symbolic analysis keeps the sets at the kinks and lists the jump as the only point without one', () => {
    const s = analyzeSymbolic(F).subdifferential;
    expect(s.kind).toBeNull();
    if (s.kind !== null) return;
    expect(s.missing.map((m) => exactText(m.at))).toEqual(['2']);
    expect(s.breakpoints.map((b) => [exactText(b.at), exactText(b.lo), exactText(b.hi)])).toEqual([['-1', '-2', '0'], ['1', '0', '2']]);
  });

  it('the conclusion does not deny a set at the kinks', () => {
    const conclusion = report(F).of('conclusion');
    expect(conclusion).not.toMatch(/At those \$X\$ it has no convex or Clarke/);
    expect(conclusion).toContain('At those $X$ with no entry equal to $2$, Clarke’s generalized gradient $\\partial_C f(X)$ is the box of intervals given above. $f$ has no convex or Clarke subdifferential at an $X$ with an entry equal to $2$ (see above).');
  });

  it('the full report states the kink intervals and the box', () => {
    const sub = report(F).of('subdifferential');
    expect(sub).toContain('has no subdifferential in the convex or Clarke sense at an $X$ with an entry equal to $2$');
    expect(sub).toContain('At an $X$ with no entry equal to $2$, $f$ is locally Lipschitz');
    expect(sub).toContain('\\partial_C \\varphi(-1) = \\left[-2, 0\\right], \\qquad \\partial_C \\varphi(1) = \\left[0, 2\\right]');
    expect(sub).toContain('G_{ij} \\in \\left[0, 2\\right] & \\text{if } x_{ij} = 1');
  });

  it('the brief report states them too', () => {
    const sub = report(F, true).of('subdifferential');
    expect(sub).toContain('$\\partial_C \\varphi(-1) = \\left[-2, 0\\right]$ and $\\partial_C \\varphi(1) = \\left[0, 2\\right]$');
  });

  it('the CLI summary gives the Clarke set away from the jump', () => {
    const text = summary(analyzeSymbolic(F), null);
    expect(text).toContain('no subdifferential where some x_ij = 2: f is discontinuous there');
    expect(text).toContain('at every other X, ∂_C f(X) = {G : G_ij = -2 if x_ij < -1, G_ij = 0 if -1 < x_ij < 1, G_ij = 2 if 1 < x_ij < 2, G_ij = 2 if x_ij > 2, G_ij in [-2, 0] if x_ij = -1, G_ij in [0, 2] if x_ij = 1}');
  });

  it('two jumps are both named, with no set claimed at a jump', () => {
    const sub = report('sum(heaviside(X-2)+heaviside(X+3))').of('subdifferential');
    expect(sub).toContain('at an $X$ with an entry equal to $-3$ or $2$');
    expect(sub).not.toContain('locally Lipschitz (near');
  });
});

describe('breakpoints without a set, for different reasons', () => {
  // φ = H(t − 2) + √|t| + |t − 5|: a jump at 2, an infinite slope at 0, a kink at 5 with ∂_C φ(5) = [1/(2√5) − 1, 1/(2√5) + 1].
  const G = 'sum(heaviside(X-2)+sqrt(abs(X))+abs(X-5))';

  it('each reason is given for its own points, and the kink keeps its set', () => {
    const sub = report(G).of('subdifferential');
    expect(sub).toContain('at an $X$ with an entry equal to $0$: a one-sided derivative of $\\varphi$ is infinite there');
    expect(sub).toContain('at an $X$ with an entry equal to $2$: $f$ is not continuous there');
    expect(sub).toContain('At an $X$ with no entry equal to $0$ or $2$, $f$ is locally Lipschitz');
    expect(sub).toMatch(/\\partial_C \\varphi\(5\) = \\left\[/);
  });

  it('the CLI summary pairs each reason with its points', () => {
    const text = summary(analyzeSymbolic(G), null);
    expect(text).toContain('no subdifferential where some x_ij = 0: a one-sided derivative is infinite, so f is not locally Lipschitz there and has no Clarke subdifferential; where some x_ij = 2: f is discontinuous there');
    expect(text).toContain('G_ij in [0.1*sqrt(5) - 1, 0.1*sqrt(5) + 1] if x_ij = 5}');
  });
});
