/** The step at each --at matrix: f(X), differentiability, ∇f(X) or the set, exact, in every report format. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseMatrix } from '../../src/cli/optionValues.js';
import type { Block, Derivation, Inlines, Step } from '../../src/report/model.js';
import { narrate } from '../../src/report/narrate.js';
import { analyzeAny, analyzeSymbolic } from '../../src/symbolic/derive.js';
import { narrateStructured } from '../../src/report/narrate/structured/index.js';
import { allMath, haveTex } from './helpers.js';
import { compilePdf } from '../../src/report/pdf.js';
import { renderLatex } from '../../src/report/latex.js';
import { cli } from '../cli/inProcess.js';

const at = (...matrices: string[]) => ({ at: matrices.map((m, i) => parseMatrix(m, `--at #${i + 1}`)) });
const pointSteps = (f: string, ...matrices: string[]): Step[] => narrate(analyzeSymbolic(f, at(...matrices)), null).steps.filter((s) => s.kind === 'point');
const one = (f: string, matrix: string): Step => {
  const steps = pointSteps(f, matrix);
  expect(steps).toHaveLength(1);
  return steps[0]!;
};
const stepMath = (s: Step): string[] => allMath({ title: [], steps: [s] } satisfies Derivation);
const words = (parts: Inlines): string => parts.map((p) => (p.kind === 'text' ? p.text : `$${p.latex}$`)).join('');
const prose = (s: Step): string => s.blocks.flatMap((b: Block) => (b.kind === 'paragraph' ? [words(b.parts)] : [])).join('\n');

describe('the point step of a separable f', () => {
  it('sum(abs(X)) at a matrix with a zero entry: f = 6, not differentiable, ∂f entry by entry ([-1, 1] at the zero)', () => {
    const s = one('sum(abs(X))', '[[1,-2],[0,3]]');
    expect(s.title).toEqual([{ kind: 'text', text: 'At the given point' }]);
    expect(s.established).toBe('theorem');
    expect(s.citation).toMatch(/Rockafellar/);
    expect(stepMath(s).slice(0, 2)).toEqual(['X = \\begin{bmatrix} 1 & -2 \\\\ 0 & 3 \\end{bmatrix}', 'f(X) = 6']);
    expect(stepMath(s)).toContain('S = \\begin{bmatrix} \\{1\\} & \\{-1\\} \\\\ \\left[-1, 1\\right] & \\{1\\} \\end{bmatrix}');
    expect(prose(s)).toContain('$\\varphi$ is not differentiable at $0$, an entry of $X$, so $f$ is not differentiable at this $X$.');
  });

  it('an irrational f(X) and ∇f(X) are printed exactly: sum(sqrt(X.^2+1)) = 1 + √2 + √5 + √10, ∇f = x/√(x²+1)', () => {
    const s = one('sum(sqrt(X.^2+1))', '[[1,-2],[0,3]]');
    expect(s.established).toBe('exact');
    const head = stepMath(s)[1]!;
    expect(head).toMatch(/^f\(X\) = /);
    for (const root of ['\\sqrt{2}', '\\sqrt{5}', '\\sqrt{10}']) expect(head).toContain(root);
    expect(head).not.toContain('\\approx');
    expect(stepMath(s)).toContain('\\nabla f(X) = \\begin{bmatrix} \\frac{\\sqrt{2}}{2} & -\\frac{2 \\sqrt{5}}{5} \\\\ 0 & \\frac{3 \\sqrt{10}}{10} \\end{bmatrix}');
  });

  it('entries as written: 1/3 is a third, not its double (relu² has ∇f = 2·relu(X))', () => {
    const s = one("norm(relu(X),'fro')^2", '[[0.5,2],[1/3,-1]]');
    expect(stepMath(s)[1]).toBe('f(X) = \\frac{157}{36}');
    expect(stepMath(s)).toContain('\\nabla f(X) = \\begin{bmatrix} 1 & 4 \\\\ \\frac{2}{3} & 0 \\end{bmatrix}');
  });

  it('a jump is a discontinuity, not a kink, and says why there is no set (Heaviside at 0)', () => {
    const s = one('sum(heaviside(X))', '[[1,-2],[0,3]]');
    expect(s.established).toBe('exact');
    expect(stepMath(s)[1]).toBe('f(X) = 2.5');
    const text = prose(s);
    expect(text).toContain('$\\varphi$ is not continuous at $0$, an entry of $X$, so $f$ is not continuous, hence not differentiable, at this $X$.');
    expect(text).toContain('$f$ has no subdifferential in the convex or Clarke sense at this $X$: $f$ is not continuous there, hence not locally Lipschitz');
  });

  it('a jump and a kink at one X are told apart: |t| + H(t − 1) at entries 1 and 0', () => {
    const s = one('sum(abs(X)) + sum(heaviside(X-1))', '[[1,-2],[0,3]]');
    // f = (1 + 1/2) + (2 + 0) + (0 + 0) + (3 + 1) = 7.5
    expect(stepMath(s)[1]).toBe('f(X) = 7.5');
    expect(prose(s)).toContain(
      '$\\varphi$ is not continuous at $1$, an entry of $X$, and not differentiable at $0$, an entry of $X$, so $f$ is not continuous, hence not differentiable, at this $X$.',
    );
  });

  it('an infinite slope (√|t| at 0) rules out both sets', () => {
    const text = prose(one('sum(sqrt(abs(X)))', '[[0,1]]'));
    expect(text).toContain('a one-sided derivative of $\\varphi$ is infinite there, so $f$ is not locally Lipschitz near $X$');
  });

  it('a large X becomes a table of its distinct entries, never a 12-column matrix (f = 1+…+20 + 1+…+27 = 588)', () => {
    const rows = [0, 1, 2, 3].map((i) => `[${Array.from({ length: 12 }, (_, j) => i * 12 + j - 20).join(',')}]`);
    const s = one('sum(abs(X))', `[${rows.join(',')}]`);
    expect(stepMath(s).some((m) => m.includes('bmatrix'))).toBe(false);
    expect(stepMath(s).slice(0, 2)).toEqual(['X \\in \\mathbb{R}^{4 \\times 12}', 'f(X) = 588']);
    const table = s.blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows.length).toBe(12);
    expect(table?.kind === 'table' && table.rows[0]).toEqual([[{ kind: 'math', latex: '-20' }], [{ kind: 'text', text: '1' }], [{ kind: 'math', latex: '\\{-1\\}' }]]);
    expect(prose(s)).toContain('… and 36 more distinct entries');
  });

  it('beyond 256 distinct entries the numbers are the rounded doubles, said so, and the verdict names no entry it does not know', () => {
    // Entries -150, …, 149 (300 distinct, one of them 0): f = (1 + … + 150) + (1 + … + 149) = 11325 + 11175.
    const X = `[[${Array.from({ length: 300 }, (_, k) => k - 150).join(',')}]]`;
    const s = one('sum(abs(X))', X);
    expect(stepMath(s).slice(0, 2)).toEqual(['X \\in \\mathbb{R}^{1 \\times 300}', 'f(X) \\approx 22500']);
    const text = prose(s);
    expect(text).toContain('$\\varphi$ is not differentiable at some entry of $X$, so $f$ is not differentiable at this $X$.');
    expect(text).toContain('the numbers are shown rounded to the nearest double');
    const table = s.blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows[0]).toEqual([[{ kind: 'math', latex: '-150' }], [{ kind: 'text', text: '1' }], [{ kind: 'math', latex: '\\{-1\\}' }]]);
  });

  it('one step per point, numbered, before the numeric cross-check', () => {
    const d = narrate(analyzeSymbolic('sum(abs(X))', at('[[1]]', '[[-1]]')), null);
    const kinds = d.steps.map((s) => s.kind);
    expect(kinds.indexOf('point')).toBeLessThan(kinds.indexOf('verification'));
    expect(d.steps.filter((s) => s.kind === 'point').map((s) => words(s.title))).toEqual(['At the given point 1', 'At the given point 2']);
  });
});

describe('--at reaches every report format', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kinkproof-points-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('separable and structured f: the .tex, .html and .md all show f(X) and the answer at the point', async () => {
    for (const [f, value] of [
      ['sum(abs(X))', 'f(X) = 6'],
      // ‖X‖_F = √(1 + 4 + 0 + 9) = √14, exactly.
      ["norm(X,'fro')", 'f(X) = \\sqrt{14}'],
    ] as const) {
      const files = ['a.tex', 'a.html', 'a.md'].map((n) => join(dir, n));
      const out = await cli(['derive', f, '--at', '[[1,-2],[0,3]]', '--no-verify', '--tex', files[0]!, '--html', files[1]!, '--md', files[2]!]);
      expect(out.code).toBe(0);
      for (const file of files) {
        const content = readFileSync(file, 'utf8');
        expect(content, file).toContain('At the given point');
        if (!file.endsWith('.html')) expect(content, file).toContain(value);
      }
    }
  });
});

describe('the point step fits the page', () => {
  /** Overfull boxes wider than 1 pt in a pdflatex log. */
  const overfull = (log: string): number[] => [...log.matchAll(/Overfull \\hbox \((\d+(?:\.\d+)?)pt too wide\)/g)].map((m) => Number(m[1])).filter((w) => w > 1);

  it.skipIf(!haveTex)('an 8-column X with irrational f(X), a 6x8 X with a table of ∇f entries: no overfull line', { timeout: 120_000 }, async () => {
    const wide = '[[1,2,3,4,5,6,7,8],[1,2,3,4,5,6,7,9]]';
    const tall = `[${[0, 1, 2, 3, 4, 5].map((i) => `[${Array.from({ length: 8 }, (_, j) => ((i * 8 + j) % 13) - 6).join(',')}]`).join(',')}]`;
    for (const X of [wide, tall]) {
      const d = narrate(analyzeSymbolic('sum(sqrt(X.^2+1))', at(X)), null);
      const { log } = await compilePdf(renderLatex(d, { fragment: false }));
      expect(overfull(log), X).toEqual([]);
    }
    // A structured f at the wide X: its point step alone (∇f has 8 columns of 7-digit decimals).
    const s = analyzeAny("norm(X,'fro')", at(wide));
    if (s.kind !== 'structured') throw new Error('expected a structured analysis');
    const steps = narrateStructured(s, null).steps.filter((step) => step.kind === 'point');
    const { log } = await compilePdf(renderLatex({ title: [], steps }, { fragment: false }));
    expect(overfull(log)).toEqual([]);
  });
});
