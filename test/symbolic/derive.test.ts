import { describe, expect, it } from 'vitest';
import { analyzeSymbolic } from '../../src/symbolic/derive.js';
import { exactText, MATRIX, printText } from '../../src/symbolic/scalar/print.js';
import { classText, limitText } from '../../src/analysisText.js';

/** Hand-derived: class, kinks, breakpoints, gradient (where f is differentiable everywhere). */
const cases: { f: string; cls: string; breakpoints: string[]; kinks: string[]; gradient: string | null }[] = [
  { f: "norm(relu(X),'fro')^2", cls: 'C1', breakpoints: ['0'], kinks: [], gradient: '2*relu(X)' },
  { f: 'sum(relu(X).^2)', cls: 'C1', breakpoints: ['0'], kinks: [], gradient: '2*relu(X)' },
  { f: "trace(relu(X)'*relu(X))", cls: 'C1', breakpoints: ['0'], kinks: [], gradient: '2*relu(X)' },
  { f: "trace(relu(X)*relu(X)')", cls: 'C1', breakpoints: ['0'], kinks: [], gradient: '2*relu(X)' },
  { f: 'sum(relu(X + 1).^2)', cls: 'C1', breakpoints: ['-1'], kinks: [], gradient: '2*relu(X + 1)' },
  { f: 'sum(max(X, 0.2*X))', cls: 'C0', breakpoints: ['0'], kinks: ['0'], gradient: null },
  { f: 'sum(abs(X - 1).^3)', cls: 'C2', breakpoints: ['1'], kinks: [], gradient: '3*abs(X - 1).*(X - 1)' },
  { f: 'sum(relu(X))', cls: 'C0', breakpoints: ['0'], kinks: ['0'], gradient: null },
  { f: 'sum(relu(X - 2).^3)', cls: 'C2', breakpoints: ['2'], kinks: [], gradient: '3*relu(X - 2).^2' },
  { f: 'sum(X.^2 + 3*X)', cls: 'Cinf', breakpoints: [], kinks: [], gradient: '2*X + 3' },
  { f: 'sum(heaviside(X - 1))', cls: 'discontinuous', breakpoints: ['1'], kinks: ['1'], gradient: null },
  { f: 'sum(abs(X).^2)', cls: 'Cinf', breakpoints: [], kinks: [], gradient: '2*X' },
  { f: 'sum(max(relu(X), 2))', cls: 'C0', breakpoints: ['2'], kinks: ['2'], gradient: null },
  { f: 'sum(relu(X).^2.5)', cls: 'C2', breakpoints: ['0'], kinks: [], gradient: '2.5*relu(X).^1.5' },
  { f: 'sum(relu(X.^2 - 1))', cls: 'C0', breakpoints: ['-1', '1'], kinks: ['-1', '1'], gradient: null },
  { f: 'sum(relu(X.^2 - 2))', cls: 'C0', breakpoints: ['-sqrt(2)', 'sqrt(2)'], kinks: ['-sqrt(2)', 'sqrt(2)'], gradient: null },
  { f: 'sum(relu(X).^2 + relu(-X).^2)', cls: 'Cinf', breakpoints: [], kinks: [], gradient: '2*X' },
  { f: 'sum(sqrt(relu(X)))', cls: 'C0', breakpoints: ['0'], kinks: ['0'], gradient: null },
  { f: 'sum(-relu(X))', cls: 'C0', breakpoints: ['0'], kinks: ['0'], gradient: null },
  { f: 'sum(relu(X).^2 - X.^2)', cls: 'C1', breakpoints: ['0'], kinks: [], gradient: '2*relu(-X)' },
  { f: 'sum(abs(X) + X.^2)', cls: 'C0', breakpoints: ['0'], kinks: ['0'], gradient: null },
  { f: 'sum(sign(X))', cls: 'discontinuous', breakpoints: ['0'], kinks: ['0'], gradient: null },
  { f: 'sum(relu(X).*X)', cls: 'C1', breakpoints: ['0'], kinks: [], gradient: '2*relu(X)' },
  { f: 'sum(abs(X).^1.5)', cls: 'C1', breakpoints: ['0'], kinks: [], gradient: '1.5*sqrt(abs(X)).*sign(X)' },
  { f: 'sum(relu(X).^3 + 2)', cls: 'C2', breakpoints: ['0'], kinks: [], gradient: '3*relu(X).^2' },
  { f: 'sum(sqrt(X.^2 + 1))', cls: 'Cinf', breakpoints: [], kinks: [], gradient: 'X./sqrt(X.^2 + 1)' },
  { f: 'sum(min(max(X, 0), 1))', cls: 'C0', breakpoints: ['0', '1'], kinks: ['0', '1'], gradient: null },
  { f: "sum(abs(X - 1))", cls: 'C0', breakpoints: ['1'], kinks: ['1'], gradient: null },
  { f: 'sum(exp(relu(X)))', cls: 'C0', breakpoints: ['0'], kinks: ['0'], gradient: null },
  { f: 'sum(relu(X.^3 - 2))', cls: 'C0', breakpoints: ['2^(1/3)'], kinks: ['2^(1/3)'], gradient: null },
  { f: 'sum(relu(X).*relu(-X))', cls: 'Cinf', breakpoints: [], kinks: [], gradient: '0' },
  { f: '3*sum(relu(X).^2) - sum(X)/2 + 1', cls: 'C1', breakpoints: ['0'], kinks: [], gradient: '6*relu(X) - 0.5' },
];

describe('derive: classes, kinks and gradients against hand derivations', () => {
  it.each(cases)('$f', ({ f, cls, breakpoints, kinks, gradient }) => {
    const a = analyzeSymbolic(f);
    expect(classText(a.entry.smoothness)).toBe(cls);
    expect(a.entry.piecewise.breakpoints.map(exactText)).toEqual(breakpoints);
    expect(a.kinks.map(exactText)).toEqual(kinks);
    expect(a.entry.differentiable).toBe(kinks.length === 0);
    if (gradient !== null) expect(a.gradient && printText(a.gradient, MATRIX)).toBe(gradient);
  });
});

describe('one-sided derivatives at breakpoints', () => {
  const oneSided = (f: string): string[] =>
    analyzeSymbolic(f).entry.breakpoints.map((b) => `${limitText(b.leftDerivative)}|${limitText(b.rightDerivative)}`);
  it('relu has 0 from the left and 1 from the right', () => expect(oneSided('sum(relu(X))')).toEqual(['0|1']));
  it('leaky relu max(t, 0.2t) has 0.2 and 1', () => expect(oneSided('sum(max(X, 0.2*X))')).toEqual(['0.2|1']));
  it('sqrt(relu) has an infinite right derivative', () => expect(oneSided('sum(sqrt(relu(X)))')).toEqual(['0|inf']));
  it('a jump gives infinite difference quotients of the sign of the jump', () =>
    expect(oneSided('sum(heaviside(X - 1))')).toEqual(['inf|inf']));
  it('sqrt(abs) has -inf and +inf', () => expect(oneSided('sum(sqrt(abs(X)))')).toEqual(['-inf|inf']));
  it('a cubic root breakpoint keeps exact derivatives', () =>
    expect(oneSided('sum(relu(X.^3 - 2))')).toEqual(['0|3*2^(2/3)']));
});

describe('values and gradients at points', () => {
  it('founding example at [[2.5,-1],[0,4]]', () => {
    const [p] = analyzeSymbolic("norm(relu(X),'fro')^2", { at: [[[2.5, -1], [0, 4]]] }).points;
    expect(p!.value).toBe(22.25);
    expect(p!.gradient).toEqual([[5, 0], [0, 8]]);
  });
  it('a kink at a point makes the gradient null there', () => {
    const [p] = analyzeSymbolic('sum(relu(X))', { at: [[[0, 3]]] }).points;
    expect(p!.differentiable).toBe(false);
    expect(p!.gradient).toBeNull();
  });
});
