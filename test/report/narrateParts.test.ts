import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { analyzeSymbolic } from '../../src/symbolic/derive.js';
import { parse } from '../../src/symbolic/syntax/parse.js';
import { KATEX_OPTIONS } from '../../src/report/html.js';
import { assertSafeMath } from '../../src/report/mathGuard.js';
import { exprLatex } from '../../src/report/narrate/exprLatex.js';
import { errorLatex, valueLatex } from '../../src/report/narrate/numbers.js';
import { verifierInlines } from '../../src/report/narrate/verifierText.js';
import { claimPhrase, pointPhrase } from '../../src/numeric/checkText.js';
import type { Phrase } from '../../src/numeric/checkText.js';
import { verifyAnalysis } from '../../src/numeric/verifyAnalysis.js';
import { absLatex, applyLatex, MATRIX, parenLatex, printLatex, SCALAR } from '../../src/symbolic/scalar/print.js';
import { plotData } from '../../src/report/plotData.js';
import type { PlotData } from '../../src/report/model.js';

const renders = (latex: string): void => {
  assertSafeMath(latex);
  katex.renderToString(latex, { ...KATEX_OPTIONS, displayMode: true });
};

describe('exprLatex: the input expression as LaTeX', () => {
  const cases: [string, string][] = [
    ["norm(relu(X),'fro')^2", '\\left\\lVert \\sigma(X) \\right\\rVert_{F}^{2}'],
    ['norm(X - 1, 1)', '\\left\\lVert X - 1 \\right\\rVert_{1}'],
    ["trace(relu(X)'*relu(X))", '\\operatorname{tr}(\\sigma(X)^{\\top} \\sigma(X))'],
    ['sum(abs(X-1).^3)', '\\sum_{i,j} \\left[\\lvert X - 1 \\rvert^{\\circ 3}\\right]_{ij}'],
    ['sum(X)', '\\sum_{i,j} x_{ij}'],
    ['2*sum(X.*X) - .5', '2 \\sum_{i,j} \\left[X \\odot X\\right]_{ij} - 0.5'],
    ['sum(sqrt(relu(X)))/1e-3', '\\frac{\\sum_{i,j} \\left[\\sqrt{\\sigma(X)}\\right]_{ij}}{10^{-3}}'],
    ['-sum(heaviside(X - 2.50))', '-\\sum_{i,j} \\left[H(X - 2.5)\\right]_{ij}'],
    ['sum(X)*2', '{\\left(\\sum_{i,j} x_{ij}\\right)} \\cdot 2'],
    ["sum((X')^2)", '\\sum_{i,j} \\left[(X^{\\top})^{2}\\right]_{ij}'],
  ];
  it.each(cases)('%s', (input, latex) => {
    expect(exprLatex(parse(input))).toBe(latex);
    renders(latex);
  });

  it('prints constant names from the whitelist only, upright when longer than a letter', () => {
    expect(exprLatex(parse('sum(a*X + W_1)'))).toBe('\\sum_{i,j} \\left[a X + \\mathrm{W\\_1}\\right]_{ij}');
    renders(exprLatex(parse('sum(a*X + W_1)')));
  });
});

describe('function application in LaTeX (σ(X), not σ (X))', () => {
  it('uses plain parentheses around text-height arguments and \\!\\left(…\\right) around tall ones', () => {
    expect(applyLatex('\\sigma', ['X'])).toBe('\\sigma(X)');
    expect(applyLatex('\\max', ['t', '0.2 t'])).toBe('\\max(t, 0.2 t)');
    expect(applyLatex('\\sigma', ['\\frac{X}{3}'])).toBe('{\\sigma\\!\\left(\\frac{X}{3}\\right)}');
    expect(applyLatex('\\operatorname{sign}', ['\\frac{1}{t}'])).toBe('\\operatorname{sign}\\!\\left(\\frac{1}{t}\\right)');
    expect(absLatex('-t')).toBe('\\lvert -t \\rvert');
    expect(absLatex('\\frac{t}{2}')).toBe('{\\left|\\frac{t}{2}\\right|}');
    expect(parenLatex('X - 1')).toBe('(X - 1)');
  });

  it('prints the gradient of every primitive that way (gradientLatex in JSON uses the same printer)', () => {
    const cases: [string, string][] = [
      ["norm(relu(X),'fro')^2", '2 \\sigma(X)'],
      ['sum(relu(X/3))', '\\frac{H(X)}{3}'],
      ['sum(abs(X-1).^3)', '3 \\lvert X - 1 \\rvert \\odot (X - 1)'],
      ['sum(max(X,0.2*X))', '\\frac{4 H(X)}{5} + 0.2'],
    ];
    for (const [input, latex] of cases) {
      const g = printLatex(analyzeSymbolic(input).gradient!, MATRIX);
      expect(g, input).toBe(latex);
      renders(g);
    }
    const tall = printLatex(analyzeSymbolic('sum(relu(X./(1 + X.^2)))').separable.phi, SCALAR);
    expect(tall).toContain('{\\sigma\\!\\left(');
    renders(tall);
  });
});

describe('verifierInlines: the verifier’s wording as text and whitelisted math', () => {
  const shown = (p: Phrase): string => verifierInlines(p).map((i) => (i.kind === 'text' ? `[${i.text}]` : `$${i.latex}$`)).join('');
  const sets = { sets: [{ at: '1', lo: '0', hi: '0' }], more: 0 };

  it('keeps words as text and turns formulas into math', () => {
    expect(verifierInlines(claimPhrase({ kind: 'limit', of: 'φ', at: '0', side: -1, limit: { kind: 'finite', value: '0' } }))).toEqual([
      { kind: 'math', latex: '\\varphi (t) \\to  0' },
      { kind: 'text', text: ' as ' },
      { kind: 'math', latex: 't \\to  0^{-}' },
    ]);
    const derivative = claimPhrase({ kind: 'one-sided-derivative', at: 'sqrt(2)', side: 1, value: { kind: 'finite', value: '2^(1/3)' } });
    expect(verifierInlines(derivative)).toEqual([{ kind: 'math', latex: "\\varphi '_{+}(\\sqrt{2}) = 2^{1/3}" }]);
  });

  it('never lets an unexpected character into math', () => {
    const hostile = '\\input{/etc/hostname} ^^5c $x$ % # & ~ }{ \u0007';
    const inlines = verifierInlines(claimPhrase({ kind: 'gradient', formula: hostile }));
    expect(inlines).toEqual([{ kind: 'text', text: `∇f = ${hostile}` }]);
  });

  it('typesets the subgradient claims as math: ⟨G, D⟩, ∈, ∂, ≥, sets and intervals', () => {
    expect(shown(claimPhrase({ kind: 'support-function', ...sets }))).toBe(
      "$f'(X; D) =$[ max over ]$G \\in  \\partial f(X)$[ of ]$\\langle G, D\\rangle$[ with ]$\\partial \\varphi (1) = \\{0\\}$",
    );
    expect(shown(claimPhrase({ kind: 'subgradient-inequality', sets: [{ at: '0', lo: '0.2', hi: '1' }], more: 0 }))).toBe(
      '$f(Y) - f(X) \\geq  \\langle G, Y - X\\rangle$[ for ]$G \\in  \\partial f(X)$[ with ]$\\partial \\varphi (0) = [0.2, 1]$',
    );
  });

  it('keeps prose punctuation as text, also inside parentheses', () => {
    const end = claimPhrase({
      kind: 'subdifferential-end',
      side: -1,
      end: 'upper',
      set: { at: '0', lo: '-1', hi: '0' },
      subdifferential: 'Clarke',
      frechetEmpty: true,
    });
    expect(shown(end)).toBe(
      "$\\varphi '(t) \\to  0$[ as ]$t \\to  0^{-}$[, the upper end of ]$\\partial \\varphi (0) = [-1, 0]$[ (Clarke; ]$\\varphi '_{-} > \\varphi '_{+}$[, so no Fréchet subgradient)]",
    );
    const point = pointPhrase({ kind: 'support-direction', matrix: { rows: 3, cols: 4, entries: 'on', room: 0.125 }, direction: { kind: 'ones', sign: 1 } });
    expect(shown(point)).toBe('$X \\;(3 \\times 4)$[, every entry on a breakpoint, ]$D = \\mathbf{1}$');
  });

  it('typesets every claim and point the verifier writes, and leaves no mathematical symbol in its words', () => {
    const inputs = ['sum(abs(X-1).^3)', 'sum(max(X,0.2*X))', 'sum(min(X,0)-abs(X-2))', 'sum(heaviside(X-1))', 'sum(sqrt(relu(X)))', "norm(relu(X),'fro')^2"];
    for (const input of inputs) {
      const evidence = verifyAnalysis(analyzeSymbolic(input), undefined, 1);
      for (const r of evidence.records)
        for (const p of [claimPhrase(r.claim), pointPhrase(r.point)])
          for (const part of p) {
            if (part.kind === 'formula') {
              expect(part.latex, part.text).toBeDefined();
              renders(part.latex!);
            }
            // Words may carry Latin-1 letters (Fréchet) and typographic punctuation, nothing the user-text escaper would set as math.
            else expect(part.text, part.text).toMatch(/^[\x20-\x7e\u00c0-\u017f–—’…]*$/);
          }
    }
  });
});

describe('numbers', () => {
  it('formats values and relative errors', () => {
    expect(valueLatex(4.406668221473594)).toBe('4.406668');
    expect(valueLatex(-0)).toBe('0');
    expect(valueLatex(Infinity)).toBe('+\\infty');
    expect(valueLatex(-5.0922229396140515e-14)).toBe('-5.09 \\cdot 10^{-14}');
    expect(valueLatex(253081.12021049572)).toBe('253081.1');
    expect(valueLatex(2.5e7)).toBe('2.5 \\cdot 10^{7}');
    expect(errorLatex(0)).toBe('0');
    expect(errorLatex(3.118436216723609e-12)).toBe('3.1 \\cdot 10^{-12}');
    expect(errorLatex(1e-11)).toBe('10^{-11}');
    expect(errorLatex(0.25)).toBe('0.25');
  });
});

/** The plot data of f's entry function, which must be drawable. */
function plotOf(f: string): PlotData {
  const data = plotData(analyzeSymbolic(f).entry);
  if (!data) throw new Error(`${f}: no plot`);
  return data;
}

describe('plotData', () => {
  it('gives no plot where a figure cannot show φ: breakpoints near 1e10 or 1e20, values near the largest double', () => {
    for (const f of ['sum(relu(X-100000000000000000000))', 'sum(relu(X-5000000000000000))', 'sum(relu(X-10000000000))'])
      expect(plotData(analyzeSymbolic(f).entry), f).toBeUndefined();
    expect(plotData(analyzeSymbolic('sum(exp(709-X))').entry)).toBeUndefined();
    // exp(690 - t) passes 1e300 near t = -0.8: the samples beyond are off the scale, the rest is drawn.
    const big = plotOf('sum(exp(690-X))');
    expect(big.phi.filter((y) => y === null).length).toBeGreaterThan(0);
    expect(Math.max(...big.phi.filter((y): y is number => y !== null))).toBeLessThanOrEqual(1e300);
    expect(plotOf('sum(relu(X-10000000))').breakpoints).toEqual([1e7]);
  });

  it('samples the founding example with the breakpoint included and a value dot at 0', () => {
    const p = plotOf("norm(relu(X),'fro')^2");
    expect(p.xs[0]).toBe(-2);
    expect(p.xs.at(-1)).toBe(2);
    const i = p.xs.indexOf(0);
    expect(p.phi[i]).toBe(0);
    expect(p.dphi[i]).toBe(0);
    expect(p.phi[p.xs.length - 1]).toBeCloseTo(4);
    expect(p.dphi[p.xs.length - 1]).toBeCloseTo(4);
    expect(p.marks).toEqual([
      { x: 0, y: 0, curve: 'phi', kind: 'value' },
      { x: 0, y: 0, curve: 'dphi', kind: 'value' },
    ]);
  });

  it('breaks φ at a jump: value dot H(0) = 1/2, open circles at the one-sided limits', () => {
    const p = plotOf('sum(heaviside(X-1))');
    const i = p.xs.indexOf(1);
    expect(p.phi[i]).toBeNull();
    expect(p.dphi[i]).toBeNull();
    expect(p.marks.filter((m) => m.curve === 'phi')).toEqual([
      { x: 1, y: 0.5, curve: 'phi', kind: 'value' },
      { x: 1, y: 0, curve: 'phi', kind: 'limit' },
      { x: 1, y: 1, curve: 'phi', kind: 'limit' },
    ]);
  });

  it('breaks φ′ at a kink and marks its one-sided limits as open circles', () => {
    const p = plotOf('sum(relu(X))');
    const i = p.xs.indexOf(0);
    expect(p.phi[i]).toBe(0);
    expect(p.dphi[i]).toBeNull();
    expect(p.marks.filter((m) => m.curve === 'dphi').map((m) => [m.y, m.kind])).toEqual([
      [0, 'limit'],
      [1, 'limit'],
    ]);
  });

  it('covers [−2, 2] without breakpoints and all breakpoints with a margin of 2', () => {
    const smooth = plotOf('sum(X.^2)');
    expect([smooth.xs[0], smooth.xs.at(-1), smooth.breakpoints]).toEqual([-2, 2, []]);
    const two = plotOf('sum(relu(X-1)+relu(X+3))');
    expect([two.xs[0], two.xs.at(-1)]).toEqual([-5, 3]);
    expect(two.xs).toContain(-3);
    expect(two.xs).toContain(1);
  });

  it('drops samples that run off the scale near an infinite slope', () => {
    const p = plotOf('sum(abs(X).^(1/3))');
    const finite = p.dphi.filter((y): y is number => y !== null);
    expect(Math.max(...finite.map(Math.abs))).toBeLessThan(100);
    expect(p.dphi[p.xs.indexOf(0)]).toBeNull();
  });
});
