import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { analyzeSymbolic } from '../../src/symbolic/derive.js';
import { KATEX_OPTIONS, renderHtml } from '../../src/report/html.js';
import { renderLatex } from '../../src/report/latex.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { assertSafeMath } from '../../src/report/mathGuard.js';
import type { Derivation, Step, StepKind } from '../../src/report/model.js';
import { narrate } from '../../src/report/narrate.js';
import { allMath } from './helpers.js';

import { EXAMPLES, FOUNDING, narrated } from './examples.js';

const kinds = (d: Derivation): StepKind[] => d.steps.map((s) => s.kind);
const step = (d: Derivation, kind: StepKind): Step => d.steps.find((s) => s.kind === kind)!;
const latexOf = (input: string): string => renderLatex(narrated(input).derivation, { fragment: false });
/** LaTeX with runs of spaces collapsed, for substring checks that should not depend on spacing. */
const squashed = (input: string): string => latexOf(input).replace(/\s+/g, ' ');

describe.each(EXAMPLES)('narrate(%s)', (input) => {
  const { derivation } = narrated(input);

  it('orders the steps as the issue asks and says how each was established', () => {
    const order: StepKind[] = ['statement', 'reduction', 'cases', 'piece-derivatives', 'breakpoint-limits', 'continuity', 'lifting-theorem'];
    expect(kinds(derivation).slice(0, 5)).toEqual(order.slice(0, 5));
    expect(kinds(derivation).slice(-2)).toEqual(['verification', 'conclusion']);
    expect(step(derivation, 'lifting-theorem').established).toBe('theorem');
    expect(step(derivation, 'lifting-theorem').citation).toContain('Rudin, Principles of Mathematical Analysis, Thm 9.21');
    expect(step(derivation, 'verification').established).toBe('numeric');
    for (const s of derivation.steps) expect(['exact', 'theorem', 'numeric', 'unknown']).toContain(s.established);
  });

  it('renders every math fragment with KaTeX (throwOnError) and within the whitelist', () => {
    for (const latex of allMath(derivation)) {
      expect(() => assertSafeMath(latex)).not.toThrow();
      expect(() => katex.renderToString(latex, { ...KATEX_OPTIONS, displayMode: true })).not.toThrow();
    }
  });

  it('is deterministic: narrating and rendering twice gives identical bytes', async () => {
    const { analysis, evidence } = narrated(input);
    const again = narrate(analysis, evidence);
    expect(JSON.stringify(again)).toBe(JSON.stringify(derivation));
    expect(renderLatex(again, { fragment: false })).toBe(renderLatex(derivation, { fragment: false }));
    expect(renderMarkdown(again)).toBe(renderMarkdown(derivation));
    expect(await renderHtml(again)).toBe(await renderHtml(derivation));
  });

  it('has a plot of φ and φ′ with the breakpoints marked', () => {
    const plot = step(derivation, 'continuity').blocks.find((b) => b.kind === 'plot');
    expect(plot?.kind).toBe('plot');
    if (plot?.kind !== 'plot') return;
    expect(plot.plot.breakpoints.length).toBeGreaterThan(0);
    expect(plot.plot.marks.some((m) => m.curve === 'phi' && m.kind === 'value')).toBe(true);
  });
});

describe('the founding example', () => {
  const tex = squashed(FOUNDING);

  it('shows φ in cases, with the value at the breakpoint', () => {
    expect(tex).toContain('\\varphi(t) = \\begin{cases} 0 & \\text{if } t < 0 \\\\ 0 & \\text{if } t = 0 \\\\ t^{2} & \\text{if } t > 0 \\end{cases}');
    expect(tex).toContain("\\varphi'(t) = \\begin{cases} 0 & \\text{if } t < 0 \\\\ 2 t & \\text{if } t > 0 \\end{cases}");
  });

  it('writes out both one-sided difference quotients at 0, citing the mean value theorem', () => {
    expect(tex).toContain('\\lim_{h \\to 0^{-}} \\frac{\\varphi(h) - \\varphi(0)}{h} = \\lim_{h \\to 0^{-}} \\frac{0}{h} = 0.');
    expect(tex).toContain('\\lim_{h \\to 0^{+}} \\frac{\\varphi(h) - \\varphi(0)}{h} = \\lim_{h \\to 0^{+}} \\frac{h^{2}}{h} = \\lim_{h \\to 0^{+}} h = 0.');
    expect(tex).toContain('mean value theorem');
    expect(tex).toContain("\\varphi'(0) = 0.");
  });

  it('argues the continuity of φ′ and finds φ″ jumping: C¹ but not C²', () => {
    expect(tex).toContain("\\lim_{t \\to 0^{-}} \\varphi'(t) = 0 = \\lim_{t \\to 0^{+}} \\varphi'(t)");
    expect(tex).toContain("\\lim_{t \\to 0^{-}} \\varphi''(t) = 0 \\neq 2 = \\lim_{t \\to 0^{+}} \\varphi''(t)");
    expect(tex).toContain('\\varphi \\in C^{1} \\setminus C^{2}');
    expect(tex).toContain("\\varphi'(t) = 2 \\sigma(t).");
  });

  it('gives ∇f = 2σ(X) and df = ⟨2σ(X), dX⟩ = 2 tr(σ(X)ᵀ dX)', () => {
    expect(tex).toContain('\\nabla f(X) = 2 \\sigma(X),');
    expect(tex).toContain(
      '\\mathrm{d}f = \\langle 2 \\sigma(X), \\mathrm{d}X \\rangle = 2 \\operatorname{tr}(\\sigma(X)^{\\top} \\, \\mathrm{d}X).',
    );
  });

  it('has the numeric table and the plot', () => {
    expect(tex).toMatch(/\\toprule matrix & direction & finite difference & symbolic & rel\. error \\\\ \\midrule/);
    expect(tex).toContain('\\begin{tikzpicture}');
    expect(tex).toMatch(/\\draw\[blue, thick\] \(0,[0-9.]+\) -- /);
  });

  it('concludes exactly: differentiable everywhere, C¹ \\ C², convex', () => {
    const conclusion = step(narrated(FOUNDING).derivation, 'conclusion');
    expect(conclusion.established).toBe('exact');
    expect(tex).toContain('is Fréchet differentiable on all of $\\mathbb{R}^{m \\times n}$, $f \\in C^{1} \\setminus C^{2}$');
    expect(tex).toContain('$f$ is convex.');
  });
});

describe('the other examples', () => {
  it('sum(relu(X)): a convex kink with ∂φ(0) = [0, 1] and no gradient at 0', () => {
    const tex = squashed('sum(relu(X))');
    expect(tex).toContain("\\varphi'_{-}(0) = 0 \\neq 1 = \\varphi'_{+}(0)");
    expect(tex).toContain('\\partial \\varphi(0) = \\left[0, 1\\right].');
    expect(tex).toContain('\\partial f(X) = \\left\\{ G \\in \\mathbb{R}^{m \\times n}');
    expect(tex).toContain('\\nabla f(X) = H(X),');
  });

  it('sum(heaviside(X-1)): a jump, infinite quotients, no subdifferential', () => {
    const tex = squashed('sum(heaviside(X-1))');
    expect(tex).toContain('\\lim_{h \\to 0^{+}} \\frac{\\varphi(1 + h) - \\varphi(1)}{h} = \\lim_{h \\to 0^{+}} \\frac{0.5}{h} = \\lim_{h \\to 0^{+}} \\frac{1}{2 h} = +\\infty.');
    expect(tex).toContain('so $\\varphi$ is not continuous at $1$');
    expect(tex).toContain('has no subdifferential in the convex or Clarke sense');
    expect(tex).toContain('H(u) = \\begin{cases} 0 & \\text{if } u < 0 \\\\ \\frac{1}{2} & \\text{if } u = 0');
  });

  it('sum(abs(X-1).^3): C² but not C³, from the third derivative', () => {
    const tex = squashed('sum(abs(X-1).^3)');
    expect(tex).toContain("\\lim_{t \\to 1^{-}} \\varphi^{(3)}(t) = -6 \\neq 6 = \\lim_{t \\to 1^{+}} \\varphi^{(3)}(t)");
    expect(tex).toContain('\\varphi \\in C^{2} \\setminus C^{3}');
  });

  it('sum(sqrt(relu(X))): an infinite right derivative, not locally Lipschitz', () => {
    const tex = squashed('sum(sqrt(relu(X)))');
    expect(tex).toContain('\\lim_{h \\to 0^{+}} \\frac{\\sqrt{h}}{h}');
    expect(tex).toContain("\\varphi'_{+}(0) = +\\infty$ is not finite");
    expect(tex).toContain('not locally Lipschitz');
    // Away from the kink the gradient exists: φ′ piece by piece (0 for t < 0, 1/(2√t) for t > 0).
    const gradient = step(narrated('sum(sqrt(relu(X)))').derivation, 'gradient' as StepKind);
    expect(JSON.stringify(gradient)).toContain('\\\\begin{cases} 0 & \\\\text{if } x_{ij} < 0');
  });

  it('sum(-relu(X)): not convex, Clarke set [−1, 0], empty Fréchet subdifferential', () => {
    const tex = squashed('sum(-relu(X))');
    expect(tex).toContain("\\varphi'_{-}(0) = 0 > -1 = \\varphi'_{+}(0).");
    expect(tex).toContain('\\partial_C \\varphi(0) = \\left[-1, 0\\right].');
    expect(tex).toContain('Fréchet (regular) subdifferential');
  });

  it('sum(max(X,0.2*X)): leaky ReLU, ∂φ(0) = [0.2, 1]', () => {
    const tex = squashed('sum(max(X,0.2*X))');
    expect(tex).toContain('\\partial \\varphi(0) = \\left[0.2, 1\\right].');
  });
});

describe('narrate: what the analysis leaves open, and options', () => {
  it('says unknown where convexity is not decided', () => {
    const a = analyzeSymbolic('sum(log(1 + relu(X)).*exp(X))');
    expect(a.convexity.convex).toBeNull();
    const d = narrate(a, null);
    expect(step(d, 'subdifferential').established).toBe('unknown');
    expect(step(d, 'conclusion').established).toBe('unknown');
    expect(renderLatex(d, { fragment: false })).toContain('Whether $f$ is convex was not decided.');
  });

  it('marks the cross-check unknown when none was run', () => {
    const d = narrate(analyzeSymbolic('sum(relu(X))'), null);
    expect(step(d, 'verification').established).toBe('unknown');
    expect(renderMarkdown(d)).toContain('No numeric cross-check was run');
  });

  it('handles a smooth φ without breakpoints', () => {
    const d = narrate(analyzeSymbolic('sum(X.^2)'), null);
    expect(kinds(d)).not.toContain('breakpoint-limits');
    expect(renderLatex(d, { fragment: false })).toContain('\\varphi \\in C^{\\infty}(\\mathbb{R})');
  });

  it('writes a constant gradient as a multiple of the all-ones matrix', () => {
    expect(renderLatex(narrate(analyzeSymbolic('sum(2*X)'), null), { fragment: false })).toContain(
      '\\nabla f(X) = 2 J, \\qquad \\mathrm{d}f = \\langle 2 J, \\mathrm{d}X \\rangle = 2 \\sum_{i,j} \\mathrm{d}x_{ij},',
    );
    expect(renderLatex(narrate(analyzeSymbolic('sum(-X)'), null), { fragment: false })).toContain('\\nabla f(X) = -J,');
    expect(renderLatex(narrate(analyzeSymbolic('sum(-relu(X))'), null), { fragment: false })).toContain(
      '= -\\operatorname{tr}(H(X)^{\\top} \\, \\mathrm{d}X).',
    );
  });

  it('keeps a user title as text, escaped by the renderer', () => {
    const title = '\\input{/etc/hostname} ^^5cinput }\\end{document} %#&$~_^';
    const d = narrate(analyzeSymbolic('sum(relu(X))'), null, { title });
    expect(d.title).toEqual([{ kind: 'text', text: title }]);
    const tex = renderLatex(d, { fragment: false });
    expect(tex).not.toContain('\\input{');
    expect(tex).not.toContain('^^5c');
    // A long word of a report's text gets break opportunities between its escaped pieces.
    expect(tex.replaceAll('\\allowbreak{}', '')).toContain('\\textbackslash{}input\\{/etc/hostname\\}');
  });

  it('states the shape when the input fixes it, the offset, and the reduction rule used', () => {
    const tex = renderLatex(narrate(analyzeSymbolic('2*trace(relu(X)\'*relu(X)) + 3', { shape: [2, 3] }), null), { fragment: false });
    expect(tex).toContain('\\mathbb{R}^{2 \\times 3}');
    expect(tex).toContain('\\operatorname{tr}(P^{\\top} Q) = \\sum_{i,j} p_{ij} q_{ij}');
    expect(tex).toContain('f(X) = 3 + \\sum_{i=1}^{2} \\sum_{j=1}^{3} \\varphi(x_{ij})');
  });
});

describe('narrate: a failed numeric check', () => {
  it('adds a result column, says FAILED and warns in the conclusion', () => {
    const { analysis, evidence } = narrated('sum(relu(X))');
    const bad = { ...evidence.records[0]!, numeric: evidence.records[0]!.symbolic + 1, relError: 0.5, passed: false };
    const failed = { ...evidence, status: 'failed' as const, records: [bad, ...evidence.records.slice(1)], failures: [bad] };
    const tex = renderLatex(narrate(analysis, failed), { fragment: false });
    expect(tex).toContain('& result \\\\');
    expect(tex).toContain('& FAILED \\\\');
    expect(tex).toContain('1 FAILED: the numbers contradict a symbolic claim above');
    expect(tex).toContain('contradicts a symbolic claim (see the cross-{}check); treat the results above with suspicion');
  });
});
