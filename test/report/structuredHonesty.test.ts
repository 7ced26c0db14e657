/**
 * What a structured report may claim: no Lipschitz or Clarke statement where a
 * ridge function jumps, jumps worded as jumps, surfaces without an entry named
 * by their linear form, and the points given with --at printed exactly as the
 * user wrote them (expectations derived by hand).
 */
import { describe, expect, it } from 'vitest';
import { analyzeFunction } from '../../src/api/analyze.js';
import { parseConstants, parseMatrix } from '../../src/cli/optionValues.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { narrateStructured } from '../../src/report/narrate/structured/index.js';
import type { StructuredAnalysis } from '../../src/symbolic/index.js';
import { structuredSummary } from '../../src/cli/structuredSummary.js';
import { crossCheck } from '../../src/api/crossCheck.js';
import { renderToString } from 'katex';
import { KATEX_OPTIONS } from '../../src/report/html.js';
import { assertSafeMath } from '../../src/report/mathGuard.js';
import { allMath } from './helpers.js';

function structured(expr: string, at: readonly string[] = [], consts: readonly string[] = []): StructuredAnalysis {
  const a = analyzeFunction(expr, { constants: parseConstants([...consts]), at: at.map((m, i) => parseMatrix(m, `--at #${i + 1}`)) });
  if (a.kind !== 'structured') throw new Error(`${expr} is separable`);
  return a;
}

const markdown = (a: StructuredAnalysis, brief = false): string => renderMarkdown(narrateStructured(a, null, { brief }));

describe('a ridge function that jumps: heaviside(x11 + x12 + x21 + x22)', () => {
  const a = structured('heaviside(sum(X))', ['[[1,-1],[0,0]]']);
  const md = markdown(a);

  it('claims no Lipschitz property and no Clarke set, anywhere', () => {
    expect(a.facts.lipschitz.value).toBe(false);
    expect(a.json.subdifferential).toBeNull();
    expect(md).not.toContain('is locally Lipschitz, and');
    expect(md).not.toMatch(/Clarke generalized gradient \$\\partial_C/);
    expect(md).not.toContain('partial_C f(X)');
  });

  it('words the jump as a jump, not a kink', () => {
    expect(a.json.differentiable.reason).toContain('jumps');
    expect(a.json.differentiable.reason).not.toContain('kink');
  });

  it('at the point on the jump: f(X) = H(0) = 1/2, and one sentence on why there is no derivative and no set', () => {
    const p = a.json.at[0]!;
    expect(p.differentiable).toBe(false);
    expect(p.exact.text.value).toBe('0.5');
    expect(p.notLipschitz).toContain('jumps');
    expect(p.reason).not.toMatch(/no set is given.*no set is given/);
    expect(p.reason!.match(/Clarke/g)).toHaveLength(1);
    expect(md).toContain('f(X) = 0.5');
    expect(md).toContain('does not exist');
    expect(md).not.toContain('is not linear here');
    expect(md).not.toContain('No set is stated here');
  });

  it('names the surface by its linear form (no undefined D, no internal key)', () => {
    expect(a.json.surfaces.map((s) => s.text)).toEqual(['x_11 + x_12 + x_21 + x_22 = 0']);
    expect(md).toContain('x_{11} + x_{12} + x_{21} + x_{22} = 0');
    expect(md).not.toContain('|2');
    expect(md).not.toContain('\\langle D, X\\rangle = 0');
  });
});

describe('abs(sum(X)): a kink, locally Lipschitz', () => {
  const a = structured('abs(sum(X))', ['[[1,-1],[0,0]]']);
  it('keeps the Lipschitz statement and the set at the kink: t times the all-ones matrix, t in [-1, 1]', () => {
    expect(a.facts.lipschitz.value).toBe(true);
    expect(a.json.surfaces.map((s) => s.text)).toEqual(['x_11 + x_12 + x_21 + x_22 = 0']);
    const p = a.json.at[0]!;
    expect(p.differentiable).toBe(false);
    expect(p.notLipschitz).toBeNull();
    // −1·ones + [0, 2]·ones = [−1, 1]·ones.
    expect(p.subdifferential!.center).toEqual([[-1, -1], [-1, -1]]);
    expect(p.subdifferential!.parts).toEqual([{ kind: 'segment', matrix: [[1, 1], [1, 1]], lo: 0, hi: 2 }]);
  });
});

describe('points printed exactly as written', () => {
  it('norm(X, fro) at [[1, 1e-9]]: f(X) = sqrt(1 + 10^-18), not 1', () => {
    const a = structured("norm(X,'fro')", ['[[1,0.000000001]]']);
    const p = a.json.at[0]!;
    expect(p.value).toBe(1);
    expect(p.exact.text.X).toEqual([['1', '1/1000000000']]);
    const md = markdown(a);
    expect(md).not.toMatch(/f\(X\) = 1\n/);
    expect(md).toContain('1000000000000000001');
  });

  it('max(X) at [[1, 1.00000000000000001]]: X keeps its second entry, and the gradient E_12 is exact', () => {
    const a = structured('max(X)', ['[[1, 1.00000000000000001]]']);
    const p = a.json.at[0]!;
    expect(p.differentiable).toBe(true);
    expect(p.exact.text.X).toEqual([['1', '100000000000000001/100000000000000000']]);
    expect(p.exact.text.gradient).toEqual([['0', '1']]);
    const md = markdown(a);
    expect(md).toContain('\\frac{100000000000000001}{100000000000000000}');
    expect(md).not.toContain('\\begin{bmatrix} 1 & 1 \\end{bmatrix}');
  });

  it('a set with irrational numbers says they are doubles: ‖X‖_F + |Σx_ij| at [[1, −1], [0, 0]]', () => {
    // ∂f = X/√2 + [−1, 1]·ones: the center X/√2 − ones has the irrational entries 1/√2 − 1 and −1/√2 − 1.
    const a = structured("norm(X,'fro') + abs(sum(X))", ['[[1,-1],[0,0]]']);
    const p = a.json.at[0]!;
    expect(p.exact.text.value).toBe('sqrt(2)');
    expect(p.subdifferential!.center[0]![0]).toBeCloseTo(Math.SQRT1_2 - 1, 12);
    expect(markdown(a)).toContain('the nearest doubles of exact numbers');
    expect(structuredSummary(a, null)).toContain('(numbers in doubles, not exact)');
    const exact = structured('abs(sum(X))', ['[[1,-1],[0,0]]']);
    expect(markdown(exact)).not.toContain('the nearest doubles');
  });

  it('max(X) at a tie broken below double precision: the cross-check does not contradict the exact decision', () => {
    // In doubles X is [[1, 1]], a tie; exactly, x12 > x11 by 10⁻¹⁷: no finite difference can resolve the gap.
    const a = structured('max(X)', ['[[1, 1.00000000000000001]]']);
    expect(crossCheck(a, { seed: 1 }).status).not.toBe('failed');
  });

  it('the CLI summary prints the exact value', () => {
    const a = structured("norm(X,'fro')", ['[[1,0.000000001]]']);
    expect(structuredSummary(a, null)).toContain('f = sqrt(1000000000000000001)/1000000000');
  });
});

describe('convexity names its actual reason', () => {
  it('a linear layer whose terms (σ(t+1) − 1)² are not convex: the sum on the surface, ψ(t) = (σ(t+1) − 1)² + (σ(2t+2) + 1)², is', () => {
    // Rows of A are parallel ((2, 4) = 2·(1, 2)), so both rows' entries in one column switch on one surface t = ⟨D, X⟩.
    const a = structured("norm(relu(A*X+B)-Y,'fro')^2", [], ['A=[[1,2],[2,4]]', 'B=[[1,1],[2,2]]', 'Y=[[1,1],[-1,-1]]']);
    expect(a.json.convex.value).toBe(true);
    expect(a.json.convex.reason).not.toContain('each convex by the composition rules');
    expect(a.json.convex.reason).toContain('every ridge function psi_d is convex');
    const step = narrateStructured(a, null).steps.find((s) => s.kind === 'convexity')!;
    const md = markdown(a);
    expect(md).toContain('a single term need not be convex');
    expect(md).toContain('\\psi(t) = (\\sigma(t + 1) - 1)^{2} + (\\sigma(2 t + 2) + 1)^{2}');
    expect(step.citation).toContain('Boyd & Vandenberghe');
    expect(step.citation).not.toContain('Grant, Boyd & Ye');
  });

  it('a maximum keeps the composition rules as its reason', () => {
    const a = structured('max(X)');
    expect(a.json.convex.reason).toContain('composition rules');
  });
});

describe('formulas in reasons are typeset', () => {
  it('the ridge function that is not convex, and the point where f is not differentiable', () => {
    const hs = markdown(structured('heaviside(sum(X))'));
    expect(hs).toContain('the ridge function $\\psi(t) = H(t)$ has a jump at $t = 0$');
    expect(hs).not.toContain('heaviside(t)');
    const norm = markdown(structured("norm(X,'fro')"));
    expect(norm).toContain('not differentiable at $X = 0$');
    expect(norm).not.toContain('[[0,0],[0,0]]');
  });
});

describe('symbols, labels and the brief report', () => {
  it('min(X) defines E_{i_* j_*} (full and --brief), as max(X) defines E_{i^* j^*}', () => {
    for (const brief of [false, true]) {
      expect(markdown(structured('min(X)'), brief)).toContain('$E_{i_{*}j_{*}}$ is the unit matrix of the entry attaining the minimum');
      expect(markdown(structured('max(X)'), brief)).toContain('$E_{i^{*}j^{*}}$ is the unit matrix of the entry attaining the maximum');
    }
  });

  it('step kinds (the fragment labels) match the step titles', () => {
    const d = narrateStructured(structured('abs(sum(X))', ['[[1,-1],[0,0]]']), null);
    const titles = Object.fromEntries(d.steps.map((s) => [s.kind, s.title.map((i) => (i.kind === 'text' ? i.text : `$${i.latex}$`)).join('')]));
    expect(titles).toMatchObject({
      surfaces: 'Non-smooth surfaces and cancellation',
      differentiability: 'Where $f$ is differentiable',
      convexity: 'Convexity',
      subdifferential: 'The subdifferential',
      point: 'At the given point',
    });
    expect(Object.keys(titles)).not.toContain('breakpoint-limits');
    expect(Object.keys(titles)).not.toContain('continuity');
  });

  it('the brief conclusion states the class, convexity and the cross-check', () => {
    const conclusion = markdown(structured("norm(relu(X),'fro')"), true).split('Conclusion')[1]!;
    // ‖σ(X)‖_F is continuous and not differentiable at 0: C⁰ and not C¹; convex as a norm of nonnegative convex entries.
    expect(conclusion).toContain('$f \\in C^{0} \\setminus C^{1}$, and $f$ is convex.');
  });

  it('lists only the constants f reads', () => {
    const md = markdown(structured("norm(relu(X),'fro')", [], ['A=[[1,2],[2,4]]', 'B=[[1,1],[2,2]]']));
    expect(md).not.toContain('A = \\begin{bmatrix}');
    expect(md).not.toContain('The constant');
    const layer = markdown(structured("norm(relu(A*X),'fro')", [], ['A=[[1,2],[2,4]]', 'B=[[1,1],[2,2]]']));
    expect(layer).toContain('The constant is');
    expect(layer).toContain('A = \\begin{bmatrix} 1 & 2 \\\\ 2 & 4 \\end{bmatrix}');
    expect(layer).not.toContain('B = \\begin{bmatrix}');
  });
});

describe('an infinite slope is not a kink: sqrt(|x11 + x12 + x21 + x22|)', () => {
  const a = structured('sqrt(abs(sum(X)))', ['[[1,-1],[0,0]]']);
  it('is continuous, not locally Lipschitz on the surface, and gets no Clarke set', () => {
    expect(a.json.continuous.value).toBe(true);
    expect(a.facts.lipschitz.value).toBe(false);
    expect(a.json.surfaces).toMatchObject([{ text: 'x_11 + x_12 + x_21 + x_22 = 0', smoothness: 'C0', infiniteSlope: true }]);
    expect(a.json.subdifferential).toBeNull();
    expect(a.json.at[0]!.notLipschitz).toContain('infinite one-sided slope');
    const md = markdown(a);
    expect(md).toContain('an infinite slope: continuous, not locally Lipschitz');
    expect(md).not.toContain('a kink: continuous');
    expect(md).toContain('has an infinite one-sided slope at $t = 0$');
  });
});

describe('the new formulas pass the math guard and KaTeX', () => {
  it.each([
    ['heaviside(sum(X))', ['[[1,-1],[0,0]]']],
    ['sqrt(abs(sum(X)))', ['[[1,-1],[0,0]]']],
    ["norm(X,'fro')", ['[[1,0.000000001]]']],
    ['max(X)', ['[[1, 1.00000000000000001]]']],
    ["norm(X,'fro') + abs(sum(X))", ['[[1,-1],[0,0]]']],
    ['abs(sum(X)/3)', ['[[1,-1],[0,0]]']],
    ["heaviside(sum(X)) + norm(X,'fro')", ['[[0,0],[0,0]]', '[[1,-1],[0,0]]']],
  ] as const)('%s', (expr, at) => {
    for (const brief of [false, true])
      for (const latex of allMath(narrateStructured(structured(expr, at), null, { brief }))) {
        expect(() => assertSafeMath(latex)).not.toThrow();
        expect(() => renderToString(latex, { ...KATEX_OPTIONS, displayMode: true })).not.toThrow();
      }
  });
});
