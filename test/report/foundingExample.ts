/**
 * A hand-made Derivation of the founding example (DESIGN.md): f(X) = ‖σ(X)‖_F²,
 * φ(t) = max(t,0)². Stands in for the narrator's output in renderer tests.
 */
import { display, math, paragraph, text } from '../../src/report/model.js';
import type { Derivation, PlotData } from '../../src/report/model.js';

function foundingPlot(): PlotData {
  const xs = Array.from({ length: 81 }, (_, i) => -2 + i * 0.05);
  return {
    xs,
    phi: xs.map((t) => Math.max(t, 0) ** 2),
    dphi: xs.map((t) => 2 * Math.max(t, 0)),
    breakpoints: [0],
    marks: [
      { x: 0, y: 0, curve: 'phi', kind: 'value' },
      { x: 0, y: 0, curve: 'dphi', kind: 'value' },
    ],
  };
}

export const foundingExample: Derivation = {
  title: [text('Differentiability of '), math('f(X) = \\left\\| \\sigma(X) \\right\\|_F^2')],
  subtitle: [text('Entry-wise ReLU '), math('\\sigma'), text(', '), math('X \\in \\mathbb{R}^{m \\times n}'), text('.')],
  steps: [
    {
      kind: 'statement',
      title: [text('Statement')],
      established: 'exact',
      blocks: [
        paragraph(text('Let '), math('X \\in \\mathbb{R}^{m \\times n}'), text(' and')),
        display('f(X) = \\left\\| \\sigma(X) \\right\\|_F^2, \\qquad \\sigma(X)_{ij} = \\max(x_{ij}, 0).'),
      ],
    },
    {
      kind: 'reduction',
      title: [text('Reduction to one entry')],
      established: 'exact',
      blocks: [
        paragraph(text('The function is separable: it is a sum of one scalar function over the entries,')),
        display('f(X) = \\sum_{i=1}^{m} \\sum_{j=1}^{n} \\varphi(x_{ij}), \\qquad \\varphi(t) = \\max(t, 0)^2.'),
      ],
    },
    {
      kind: 'cases',
      title: [text('The entry function in cases')],
      established: 'exact',
      blocks: [
        { kind: 'cases', lhs: '\\varphi(t)', rows: [{ value: 't^2', condition: 't > 0' }, { value: '0', condition: 't \\le 0' }] },
        paragraph(text('The only breakpoint is '), math('t = 0'), text('.')),
      ],
    },
    {
      kind: 'piece-derivatives',
      title: [text('Derivative on each open piece')],
      established: 'exact',
      blocks: [{ kind: 'cases', lhs: "\\varphi'(t)", rows: [{ value: '2t', condition: 't > 0' }, { value: '0', condition: 't < 0' }] }],
    },
    {
      kind: 'breakpoint-limits',
      title: [text('One-sided limits at '), math('t = 0')],
      established: 'exact',
      blocks: [
        paragraph(text('Here '), math('\\varphi(0) = 0'), text('. The difference quotients from each side are')),
        display('\\lim_{h\\to0^+}\\frac{\\varphi(h)-\\varphi(0)}{h} = \\lim_{h\\to0^+}\\frac{h^2}{h} = 0,'),
        display('\\lim_{h\\to0^-}\\frac{\\varphi(h)-\\varphi(0)}{h} = \\lim_{h\\to0^-}\\frac{0}{h} = 0.'),
        paragraph(text('Both are finite and equal, so '), math('\\varphi'), text(' is differentiable at 0 with '), math("\\varphi'(0) = 0"), text('.')),
      ],
    },
    {
      kind: 'continuity',
      title: [text('Continuity of '), math("\\varphi'")],
      established: 'exact',
      blocks: [
        paragraph(text('Hence '), math("\\varphi'(t) = 2\\max(t, 0)"), text(' for every '), math('t'), text(', which is continuous. The second derivative is not:')),
        display("\\lim_{t\\to0^-}\\varphi''(t) = 0 \\neq 2 = \\lim_{t\\to0^+}\\varphi''(t),"),
        paragraph(text('so '), math('\\varphi \\in C^1 \\setminus C^2'), text('.')),
        { kind: 'plot', plot: foundingPlot(), caption: [math('\\varphi'), text(' (solid) and '), math("\\varphi'"), text(' (dashed); the breakpoint is dashed grey.')] },
      ],
    },
    {
      kind: 'lifting-theorem',
      title: [text('From entries to the matrix function')],
      established: 'theorem',
      citation: 'a separable sum is Fréchet differentiable at X iff its entry function is differentiable at every entry',
      blocks: [
        paragraph(text('Since '), math('\\varphi'), text(' is differentiable everywhere with continuous derivative, '), math('f'), text(' is Fréchet differentiable on '), math('\\mathbb{R}^{m \\times n}'), text(', '), math('f \\in C^1'), text(', and '), math("\\nabla f(X)_{ij} = \\varphi'(x_{ij})"), text('.')),
      ],
    },
    {
      kind: 'gradient',
      title: [text('Gradient')],
      established: 'exact',
      blocks: [
        display('\\nabla f(X) = 2\\sigma(X),'),
        display('\\mathrm{d}f = \\langle 2\\sigma(X), \\mathrm{d}X \\rangle = 2 \\operatorname{tr}(\\sigma(X)^\\top \\mathrm{d}X).'),
      ],
    },
    {
      kind: 'verification',
      title: [text('Numeric cross-check')],
      established: 'numeric',
      blocks: [
        paragraph(text('Central differences with step '), math('h = 10^{-6}'), text(' along random directions (seed 1):')),
        {
          kind: 'table',
          columns: [
            { header: [text('point')], align: 'left' },
            { header: [text('finite difference')], align: 'right' },
            { header: [text('symbolic')], align: 'right' },
            { header: [text('relative error')], align: 'right' },
          ],
          rows: [
            [[math('X = [2]')], [math('4.000000')], [math('4.000000')], [math('3.1 \\cdot 10^{-11}')]],
            [[text('random 3×4')], [math('-1.734512')], [math('-1.734512')], [math('8.2 \\cdot 10^{-12}')]],
            [[text('3×4 with zeros')], [math('0.917203')], [math('0.917203')], [math('1.4 \\cdot 10^{-11}')]],
          ],
          caption: [text('Directional derivatives '), math('\\langle \\nabla f(X), D \\rangle'), text('.')],
        },
        paragraph(text('The published claim '), math('\\sigma(X) = \\tfrac{1}{2}(\\operatorname{sign}(X) + J)'), text(' fails at '), math('X = [2]'), text(': '), math('\\sigma(X) = 2'), text(' but '), math('\\tfrac{1}{2}(1 + 1) = 1'), text('.')),
      ],
    },
    {
      kind: 'conclusion',
      title: [text('Conclusion')],
      established: 'exact',
      blocks: [paragraph(math('f'), text(' is Fréchet differentiable everywhere, '), math('f \\in C^1 \\setminus C^2'), text(', and '), math('\\nabla f(X) = 2\\sigma(X)'), text('.'))],
    },
  ],
};
