/**
 * Reports for functions that are not separable (issue 12): narrateStructured
 * marks each step exact / theorem / numeric, the sets read in matrix notation
 * (E_ij, boxes, hulls, the nonnegative ball), and the LaTeX, HTML and
 * Markdown renderers typeset every formula.
 */
import { renderToString } from 'katex';
import { describe, expect, it } from 'vitest';
import { analyzeFunction } from '../../src/api/analyze.js';
import { crossCheck } from '../../src/api/crossCheck.js';
import { parseConstants, parseMatrix } from '../../src/cli/optionValues.js';
import { KATEX_OPTIONS, renderHtml } from '../../src/report/html.js';
import { renderLatex } from '../../src/report/latex.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { assertSafeMath } from '../../src/report/mathGuard.js';
import type { Derivation, Established, Step, StepKind } from '../../src/report/model.js';
import { narrateStructured } from '../../src/report/narrate/structured/index.js';
import type { StructuredAnalysis } from '../../src/symbolic/index.js';
import { allMath, compiledPdf, haveTex } from './helpers.js';

interface Example {
  readonly name: string;
  readonly expr: string;
  readonly consts?: readonly string[];
  readonly shape?: readonly [number, number];
  readonly at: readonly string[];
  /** Expected `established` of steps, by kind (the first step of that kind), and of the point steps in order. */
  readonly established: Partial<Record<StepKind, Established>>;
  readonly points: readonly Established[];
  /** LaTeX every report must contain. */
  readonly contains: readonly string[];
}

const EXAMPLES: readonly Example[] = [
  {
    name: 'Frobenius norm of relu (tier 2, the ball)',
    expr: "norm(relu(X),'fro')",
    at: ['[[0,0],[0,0]]', '[[0,-1],[0,0]]', '[[1,-1],[0,2]]'],
    established: { statement: 'exact', reduction: 'exact', differentiability: 'exact', gradient: 'theorem', verification: 'numeric' },
    points: ['theorem', 'theorem', 'exact'],
    contains: ['\\partial f(X) = \\left\\{ G : G \\ge 0,\\ \\lVert G \\rVert_F \\le 1 \\right\\}', '\\operatorname{supp} G \\subseteq K', 'K = \\{(1, 1), (2, 1), (2, 2)\\}'],
  },
  {
    name: 'linear layer with data (tier 3)',
    expr: "norm(relu(A*X+B)-Y,'fro')^2",
    consts: ['A=[[1,2],[3,-1],[0,1]]', 'B=[[0,1],[1,0],[-1,0]]', 'Y=[[1,0],[0,0],[0,2]]'],
    at: ['[[0,0],[0,0]]', '[[1,1],[1,1]]'],
    established: { statement: 'exact', reduction: 'exact', surfaces: 'theorem', differentiability: 'theorem', gradient: 'theorem', verification: 'numeric' },
    points: ['theorem', 'exact'],
    contains: ['\\partial_C f(X) = ', 't \\in \\left[-2, 0\\right]', 'A^{\\top}', 'G_0 = \\begin{bmatrix}'],
  },
  {
    name: 'maximum over entries at a tie (tier 2)',
    expr: 'max(X)',
    at: ['[[1,1],[0,0]]', '[[2,1],[0,0]]'],
    established: { differentiability: 'exact', verification: 'numeric' },
    points: ['theorem', 'exact'],
    contains: ['\\partial f(X) = \\operatorname{conv}\\left\\{ E_{11}, E_{12} \\right\\}'],
  },
  {
    name: 'cancellation A = [1; -1] (tier 3, smooth)',
    expr: "norm(relu(A*X),'fro')^2",
    consts: ['A=[[1],[-1]]'],
    shape: [1, 2],
    at: ['[[0,1]]'],
    established: { surfaces: 'theorem', differentiability: 'theorem', gradient: 'theorem', convexity: 'theorem' },
    points: ['exact'],
    contains: ['f \\in C^{\\infty}', '\\psi(t) = '],
  },
  {
    name: 'square of a sum of relu (tier 2, a box)',
    expr: 'sum(relu(X))^2',
    at: ['[[0,1],[-1,0]]'],
    established: { differentiability: 'exact', verification: 'numeric' },
    points: ['theorem'],
    contains: ['g_{ij} \\in \\left[0, 2\\right] \\text{ for } (i, j) \\in \\{(1, 1), (2, 2)\\}', 'g_{12} = 2'],
  },
  {
    name: 'entry-wise l1 of a linear map (tier 3)',
    expr: 'sum(abs(A*X-Y))',
    consts: ['A=[[1,2],[3,-1]]', 'Y=[[1,0],[0,1]]'],
    at: ['[[0,0],[0,0]]'],
    established: { differentiability: 'theorem', subdifferential: 'theorem' },
    points: ['theorem'],
    contains: ['V_{1} = \\begin{bmatrix}'],
  },
  {
    name: 'data entry-wise (tier 1)',
    expr: 'trace(A\'*relu(X))',
    consts: ['A=[[1,-2],[0.5,3]]'],
    at: ['[[0,1],[2,3]]'],
    established: { statement: 'exact', verification: 'numeric' },
    points: ['theorem'],
    contains: ['\\mathbb{R}^{2 \\times 2}'],
  },
];

function analysis(e: Example): StructuredAnalysis {
  const a = analyzeFunction(e.expr, {
    constants: parseConstants([...(e.consts ?? [])]),
    at: e.at.map((m, i) => parseMatrix(m, `--at #${i + 1}`)),
    ...(e.shape ? { shape: e.shape } : {}),
  });
  if (a.kind !== 'structured') throw new Error(`${e.expr} is separable`);
  return a;
}

const narrated = EXAMPLES.map((e) => {
  const a = analysis(e);
  return { e, a, d: narrateStructured(a, crossCheck(a, { seed: 1 })) };
});

const stepOf = (d: Derivation, kind: StepKind): Step | undefined => d.steps.find((s) => s.kind === kind);

describe('narrateStructured', () => {
  it.each(narrated.map((x) => [x.e.name, x] as const))('%s: steps with the right established labels', (_, { e, a, d }) => {
    expect(d.steps[0]!.kind).toBe('statement');
    expect(d.steps.at(-1)!.kind).toBe('conclusion');
    for (const [kind, want] of Object.entries(e.established)) expect(stepOf(d, kind as StepKind)?.established, `${kind}`).toBe(want);
    const points = d.steps.filter((s) => s.kind === 'point');
    expect(points.map((s) => s.established)).toEqual(e.points);
    for (const s of d.steps) if (s.established === 'theorem') expect(s.citation, `${s.kind} cites its theorem`).toBeTruthy();
    // Every point's decision matches the analysis.
    expect(points).toHaveLength(a.json.at.length);
  });

  it.each(narrated.map((x) => [x.e.name, x] as const))('%s: every formula passes the guard and KaTeX', (_, { d }) => {
    for (const latex of allMath(d)) {
      expect(() => assertSafeMath(latex)).not.toThrow();
      expect(() => renderToString(latex, { ...KATEX_OPTIONS, displayMode: true })).not.toThrow();
    }
  });

  it.each(narrated.map((x) => [x.e.name, x] as const))('%s: the sets and formulas read as expected', (_, { e, d }) => {
    const all = allMath(d).join('\n');
    for (const c of e.contains) expect(all).toContain(c);
  });

  it('narrates the cancellation step and the citations', () => {
    const { d } = narrated.find((x) => x.e.expr === "norm(relu(A*X),'fro')^2")!;
    const kinks = stepOf(d, 'surfaces')!;
    expect(kinks.citation).toContain('Shapiro 1990');
    expect(JSON.stringify(kinks.blocks)).toContain('the kinks of the separate terms cancel');
    const layer = narrated.find((x) => x.e.expr.startsWith('norm(relu(A*X+B)'))!.d;
    expect(stepOf(layer, 'subdifferential')!.established).toBe('theorem');
    const max = narrated.find((x) => x.e.expr === 'max(X)')!.d;
    expect(stepOf(max, 'differentiability')!.citation).toContain('Prop. 2.3.12');
  });

  it('escapes user text: the title and the input stay text', () => {
    const a = narrated[0]!.a;
    const d = narrateStructured(a, null, { title: 'Report $\\input{x}$ <b>' });
    expect(renderLatex(d)).not.toContain('\\input{x}');
    expect(renderMarkdown(d)).toContain('\\$');
    expect(stepOf(d, 'verification')!.established).toBe('unknown');
  });
});

describe('rendered structured reports', () => {
  it.each(narrated.map((x) => [x.e.name, x] as const))('%s: HTML renders with KaTeX and Markdown keeps the math', async (_, { d }) => {
    const html = await renderHtml(d);
    expect(html).toContain('class="katex');
    expect(html).not.toContain('katex-error');
    const md = renderMarkdown(d);
    expect(md).toContain('$$\n');
    expect(md).toMatch(/\$f\(X\) = |f\(X\) = /);
  });
});

describe.skipIf(!haveTex)('structured reports compiled with pdflatex', () => {
  it.each(narrated.map((x) => [x.e.name, x] as const))('%s: compiles without warnings or overfull boxes', { timeout: 120_000 }, async (_, { d }) => {
    const { pdf, log } = await compiledPdf(renderLatex(d, { fragment: false }));
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(log).not.toMatch(/LaTeX Warning|Package \w+ Warning|Overfull/);
  });
});
