/** kinkproof's own LaTeX, read back, is the same function: the statement of f and the gradient. */
import { describe, expect, it } from 'vitest';
import { checkEqual, deriveAnalysis } from '../../../src/index.js';
import { deriveJson } from '../../../src/api/json.js';
import { exprLatex } from '../../../src/report/narrate/exprLatex.js';

const FUNCTIONS = [
  "norm(relu(X),'fro')^2",
  'sum(relu(X-1).^2)',
  'sum(sqrt(X.^2+1))',
  'sum(softplus(X)) + 2*sum(X.^3)',
  'sum(max(X,-X).^2)/2',
  "trace(X'*X)",
  'sum(exp(X))',
  'sum(sigmoid(X))',
  'sum(tanh(X).*X)',
  'sum(abs(X))',
  "norm(X - 0.5,'fro')^2 + sum(sin(X + pi))",
  '-sum(min(X, 0).^2)/4',
  'sum(X.^2)*1e-3',
  'sum(heaviside(X) .* X.^2)',
];

const derivation = (text: string): unknown => {
  const { input: _input, ...rest } = deriveJson(deriveAnalysis(text, { verify: false }), null);
  return rest;
};

describe('round trip of kinkproof LaTeX', () => {
  it.each(FUNCTIONS)('the statement of %s reads back as the same function', (f) => {
    const latex = exprLatex(deriveAnalysis(f, { verify: false }).expr);
    expect(latex).toContain('\\');
    expect(derivation(latex)).toEqual(derivation(f));
  });

  it.each(FUNCTIONS)('the gradient of %s reads back as the same matrix function', (f) => {
    const json = deriveJson(deriveAnalysis(f, { verify: false }), null);
    if (json.gradient === null) return expect(json.gradientLatex).toBeNull();
    // A gradient such as `2 X` has no backslash to detect; a leading thin space \, marks it as LaTeX (and is ignored there).
    const back = checkEqual(`\\,${json.gradientLatex!}`, json.gradient);
    expect(back.verdict, json.gradientLatex!).toBe('correct');
  });
});
