/** Long formulas broken over lines (src/report/mathBreak.ts), checked against hand-laid-out answers. */
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { mathWidth, splitTopLevel } from '../../src/report/mathAtoms.js';
import { breakDisplay, LINE_EM } from '../../src/report/mathBreak.js';
import { lineRuns, paragraphRuns } from '../../src/report/mathRuns.js';
import { htmlRenderer, KATEX_OPTIONS } from '../../src/report/htmlBody.js';
import { math, text } from '../../src/report/model.js';

const HUBER_GRADIENT =
  '\\nabla f(X) = H(-\\lvert X \\rvert + 1) \\odot \\operatorname{sign}(X) \\odot (\\lvert X \\rvert - \\frac{\\min(\\lvert X \\rvert, 1)}{2}) + \\min(\\lvert X \\rvert, 1) \\odot (\\operatorname{sign}(X) - \\frac{H(-\\lvert X \\rvert + 1) \\odot \\operatorname{sign}(X)}{2}),';

/** The lines of an `aligned` display. */
const linesOf = (latex: string): string[] => {
  const m = /^\\begin\{aligned\} (.*) \\end\{aligned\}$/.exec(latex);
  return m ? splitTopLevel(m[1]!, '\\\\').map((line) => line.trim()) : [latex];
};

/** What is typeset, without layout: alignment marks, line breaks, indents and null delimiters dropped. */
const content = (latex: string): string =>
  latex.replace(/\\(begin|end)\{aligned\}|\\\\|&|\\qquad|\\quad|\\left\.|\\right\.|\s/g, '');

const renders = (latex: string): void => {
  katex.renderToString(latex, { ...KATEX_OPTIONS, displayMode: true });
};

describe('breakDisplay', () => {
  it('leaves a formula that fits as it is', () => {
    expect(breakDisplay('f(X) = \\lVert \\sigma(X) \\rVert_F^2')).toBe('f(X) = \\lVert \\sigma(X) \\rVert_F^2');
  });

  it("breaks Huber's long gradient at its outer +, aligned under the =, keeping every symbol", () => {
    const broken = breakDisplay(HUBER_GRADIENT);
    const lines = linesOf(broken);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\\nabla f \( X \) & = H/);
    expect(lines[1]).toMatch(/^& \\quad \+ \\min/);
    for (const line of lines) expect(mathWidth(line.replace(/&/g, ''))).toBeLessThan(LINE_EM);
    expect(content(broken)).toBe(content(HUBER_GRADIENT));
    renders(broken);
  });

  it('puts each relation of a long chain on its own line', () => {
    const terms = Array.from({ length: 9 }, (_, k) => `${k + 2} h^{${k + 1}}`).join(' + ');
    const chain = `\\lim_{h \\to 0^{+}} \\frac{\\varphi(h) - \\varphi(0)}{h} = \\lim_{h \\to 0^{+}} ${terms} = 0.`;
    const lines = linesOf(breakDisplay(chain));
    expect(lines[0]).toMatch(/^\\lim_\{h \\to 0\^\{\+\}\} \\frac\{.*\}\{h\} & = \\lim/);
    expect(lines.at(-1)).toBe('& = 0 .');
    renders(breakDisplay(chain));
  });

  it('breaks side-by-side equations between them, not inside one', () => {
    const side = Array.from({ length: 3 }, (_, k) => `\\lim_{t \\to 1^{-}} \\varphi_{${k}}(t) = 2 \\sqrt{2} + ${k + 2}`).join(', \\qquad ');
    const lines = linesOf(breakDisplay(side));
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line).toMatch(/\\varphi_\{\d\} \( t \) (& )?= 2 \\sqrt\{2\} \+ \d/);
    renders(breakDisplay(side));
  });

  it('opens a too-wide set across lines with \\right. and \\left., the condition column beside its values', () => {
    const rows = ['< -1', '= -1', '> -1'].map((c, k) => `G_{ij} = ${k + 1} x_{ij}^{2} - \\cos(x_{ij}) + \\tanh(x_{ij}) & \\text{if } x_{ij} ${c}`);
    const set = `\\partial_C f(X) = \\left\\{ G \\in \\mathbb{R}^{m \\times n} : \\begin{array}{ll} ${rows.join(' \\\\ ')} \\end{array} \\right\\}`;
    const lines = linesOf(breakDisplay(set));
    expect(lines[0]).toBe('\\partial_C f ( X ) & = \\left\\{ G \\in \\mathbb{R}^{m \\times n} : \\right.');
    expect(lines[1]).toMatch(/^& \\quad \\left\. \\begin\{array\}\{ll\} G_\{ij\} = 1 x_\{ij\}\^\{2\}.* & \\text\{if \} x_\{ij\} < -1 \\\\/);
    expect(lines[1]).toMatch(/\\end\{array\} \\right\\\}$/);
    renders(breakDisplay(set));
  });

  it('sets each condition under its value when the conditions leave the values too little room', () => {
    const root = '\\bigl(\\text{the root of } 3 x^{3} + 6 x^{2} - 12 x + 7 \\text{ in } (-4, -3) \\approx -3.385219\\bigr)';
    const cases = `\\varphi(t) = \\begin{cases} t^{4} - 3 t^{2} + 2 t & \\text{if } t < ${root} \\\\ 0 & \\text{if } t > ${root} \\end{cases}`;
    const broken = breakDisplay(cases);
    expect(broken).toContain('\\begin{cases} t^{4} - 3 t^{2} + 2 t \\\\ \\qquad \\begin{aligned} \\text{if } t & < \\bigl(');
    expect(broken).toContain('\\end{aligned} \\\\ 0 \\\\ \\qquad \\begin{aligned} \\text{if } t & > \\bigl(');
    renders(broken);
  });

  it('writes a wide fraction over a short denominator as 1/h times its numerator, so that the numerator can break', () => {
    const terms = Array.from({ length: 16 }, (_, k) => `${k + 3} \\sqrt{2} h^{${k + 1}}`).join(' + ');
    const broken = breakDisplay(`q = \\frac{${terms}}{h}`);
    expect(linesOf(broken)[0]).toMatch(/^q & = \\frac\{1\}\{h\} \\bigl\( 3 \\sqrt\{2\} h\^\{1\}/);
    expect(broken).toMatch(/\\bigr\) \\end\{aligned\}$/);
    renders(broken);
  });
});

describe('math in running text', () => {
  it('makes \\left…\\right breakable in a line of text: plain delimiters, \\bigl/\\bigr around fractions', () => {
    expect(lineRuns([math('f(X) = \\sum_{i,j} \\left[\\max(\\sin(X), \\cos(X))\\right]_{ij}')])).toEqual([
      math('f ( X ) = \\sum_{i,j} [ \\max ( \\sin ( X ) , \\cos ( X ) ) ]_{ij}'),
    ]);
    expect(lineRuns([math('{H\\!\\left(\\frac{t}{2}\\right)}')])).toEqual([math('H \\bigl( \\frac{t}{2} \\bigr)')]);
  });

  it('displays math too long for a line of a paragraph, taking the period after it', () => {
    const runs = paragraphRuns([text('The claimed gradient '), math(HUBER_GRADIENT.slice(0, -1)), text('. It was tested.')]);
    expect(runs.map((r) => r.kind)).toEqual(['text', 'display', 'text']);
    expect(runs[1]!.kind === 'display' && runs[1]!.latex).toMatch(/\.\s\\end\{aligned\}$/);
    expect(runs[2]).toEqual(text(' It was tested.'));
  });

  it('keeps short math inline', () => {
    expect(paragraphRuns([text('so '), math('f \\in C^{1}'), text('.')])).toEqual([text('so '), math('f \\in C^{1}'), text('.')]);
  });
});

describe('HTML inline math', () => {
  it('takes the period after it, which a browser would otherwise wrap to a line of its own', () => {
    const { inlines } = htmlRenderer((latex, display) => `[${display ? 'display' : 'inline'} ${latex}]`);
    expect(inlines([text('extrapolated to '), math('h \\to 0'), text('. Then')])).toBe('extrapolated to [inline h \\to 0.] Then');
    expect(inlines([text('a '), math('x'), text(' b')])).toBe('a [inline x] b');
  });
});

describe('words in a formula', () => {
  it('break at the spaces around them when the line is narrow', () => {
    const latex = 'R(X) \\neq 0 \\text{ or all one-sided slopes of } R \\text{ vanish at } X';
    expect(breakDisplay(latex, 0.87 * 19)).toBe(
      '\\begin{aligned} R ( X ) & \\neq 0 \\\\ & \\quad \\text{ or all one-sided slopes of } \\\\ & \\quad R \\text{ vanish at } X \\end{aligned}',
    );
    expect(breakDisplay(latex)).toBe(latex);
  });
});
