/**
 * Algebraic breakpoints (roots of cubics and beyond with no radical form) are
 * named r_1, r_2, … in increasing order in every report: defined once where the
 * breakpoints are listed, the name everywhere else — formulas, headings, the
 * verification table, the brief report. JSON keeps the full phrase.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSymbolic } from '../../src/symbolic/derive.js';
import { verify } from '../../src/numeric/verify.js';
import { narrate } from '../../src/report/narrate.js';
import type { Derivation } from '../../src/report/model.js';
import { renderLatex } from '../../src/report/latex.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderHtml } from '../../src/report/html.js';
import { assertSafeMath } from '../../src/report/mathGuard.js';
import { allMath } from './helpers.js';
import { cli, parsed } from '../cli/inProcess.js';

const CUBICS = 'sum(max(X.^4 - 3*X.^2 + 2*X, abs(2*X - 1).*X.^2 - X/3))';
const QUINTIC = 'sum(relu(X.^5 - X - 1))';
const T8 = 'sum(relu(128*X.^8 - 256*X.^6 + 160*X.^4 - 32*X.^2 + 1))';

/** Each named root's definition as the Markdown report writes it, r_1 first. */
const DEFINITIONS: Record<string, readonly string[]> = {
  // Two polynomials, one sequence by value: r_1 is a root of the first, r_2 < r_3 roots of the second.
  [CUBICS]: [
    '$r_{1} \\approx -3.385219$ is the root of $3 t^{3} + 6 t^{2} - 12 t + 7$ in $(-4, -3)$',
    '$r_{2} \\approx 0.7894441$ is the root of $3 t^{3} - 6 t^{2} - 6 t + 7$ in $(0, 1)$',
    '$r_{3} \\approx 2.427921$ is the root of $3 t^{3} - 6 t^{2} - 6 t + 7$ in $(2, 3)$',
  ],
  [QUINTIC]: ['$r_{1} \\approx 1.167304$ is the root of $t^{5} - t - 1$ in $(1, 2)$'],
  // cos((2k − 1)π/16) for k = 8, …, 1: the roots of T8 in increasing order.
  [T8]: [-0.9807853, -0.8314696, -0.5555702, -0.1950903, 0.1950903, 0.5555702, 0.8314696, 0.9807853].map(
    (v, i) => `$r_{${i + 1}} \\approx ${v}$ is the root of $128 t^{8} - 256 t^{6} + 160 t^{4} - 32 t^{2} + 1$ in $(`,
  ),
};

function derivation(input: string, brief: boolean): Derivation {
  const analysis = analyzeSymbolic(input);
  const evidence = verify({ phi: analysis.separable.phi, offset: 0, gradient: analysis.gradient, entry: analysis.entry, rows: 2, cols: 2, seed: 1 });
  return narrate(analysis, evidence, { brief });
}

const count = (haystack: string, needle: string): number => haystack.split(needle).length - 1;

describe.each([CUBICS, QUINTIC, T8])('the algebraic breakpoints of %s are named once', (input) => {
  const definitions = DEFINITIONS[input]!;

  it.each([false, true])('brief %s: each definition once, no other "the root of", every math fragment whitelisted', async (brief) => {
    const d = derivation(input, brief);
    const md = renderMarkdown(d);
    for (const definition of definitions) expect(count(md, definition), definition).toBe(1);
    for (const [format, out] of [['md', md], ['tex', renderLatex(d, { fragment: false })], ['html', await renderHtml(d)]] as const)
      expect(count(out, 'the root of'), format).toBe(definitions.length);
    for (const latex of allMath(d)) expect(assertSafeMath(latex)).toBe(latex);
  });

  it('uses the names in the headings of the breakpoint steps', () => {
    const titles = derivation(input, false).steps.map((s) => s.title.map((p) => (p.kind === 'math' ? `$${p.latex}$` : p.kind === 'text' ? p.text : '')).join(''));
    for (let k = 1; k <= definitions.length; k++) expect(titles).toContain(`One-sided limits at $t = r_{${k}}$`);
  });
});

describe('named roots in formulas', () => {
  it('φ at r_1 and the one-sided limits there use the name, with r_1 approached as r_1^-', () => {
    const md = renderMarkdown(derivation(CUBICS, false));
    expect(md).toContain('5 r_{1}^{2} - \\frac{25 r_{1}}{3} + \\frac{14}{3} & \\text{if } t = r_{1}');
    expect(md).toContain('\\text{if } r_{2} < t < r_{3}');
    expect(md).toContain('\\lim_{t \\to r_{1}^{-}}');
    // The verification table re-words its stored claims with the names.
    expect(md).toContain("$\\varphi '_{-}(r_{1}) = 10\\cdot r_{1} - 8\\cdot r_{1}^{2} - 22/3$");
  });
});

describe('the CLI summary and JSON', () => {
  it('summary: kinks by name, one "where" line with the definitions, names in the cases', async () => {
    const r = await cli(['derive', CUBICS, '--no-verify']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines).toContain('kinks:          r1, 0, r2, r3');
    expect(lines).toContain(
      '                where r1 = the root of 3*t^3 + 6*t^2 - 12*t + 7 in (-4, -3), ~-3.385219; r2 = the root of 3*t^3 - 6*t^2 - 6*t + 7 in (0, 1), ~0.7894441; r3 = the root of 3*t^3 - 6*t^2 - 6*t + 7 in (2, 3), ~2.427921',
    );
    expect(lines).toContain('  r2 < t < r3:  phi(t) = 2*t^3 - t/3 - t^2,  phi\'(t) = 6*t^2 - 2*t - 1/3');
    expect(r.stdout).toContain('  t = r1:  phi(r1) = 5*r1^2 - 25*r1/3 + 14/3;  one-sided derivatives 10*r1 - 8*r1^2 - 22/3 (left), 2*r1 - 6*r1^2 - 1/3 (right)');
    expect(r.stdout).toContain('G_ij in [10*r1 - 8*r1^2 - 22/3, 2*r1 - 6*r1^2 - 1/3] if x_ij = r1');
    expect(count(r.stdout, 'the root of')).toBe(3);
  });

  it('names roots inside other functions too: kinks log(r1), log(r2)', async () => {
    const r = await cli(['derive', 'sum(relu(exp(X).^3 - 3*exp(X) + 1))', '--no-verify']);
    expect(r.stdout).toContain('kinks:          log(r1), log(r2)\n                where r1 = the root of t^3 - 3*t + 1 in (0, 1), ~0.3472964; r2 = the root of t^3 - 3*t + 1 in (1, 2), ~1.532089\n');
    expect(count(r.stdout, 'the root of')).toBe(2);
  });

  it('JSON keeps the full phrase: a machine reader needs no cross-reference', async () => {
    const out = parsed<{ kinks: { exact: string }[] }>(await cli(['derive', CUBICS, '--json', '--no-verify']));
    expect(out.kinks.map((k) => k.exact)).toEqual([
      '(the root of 3*x^3 + 6*x^2 - 12*x + 7 in (-4, -3), ~-3.385219)',
      '0',
      '(the root of 3*x^3 - 6*x^2 - 6*x + 7 in (0, 1), ~0.7894441)',
      '(the root of 3*x^3 - 6*x^2 - 6*x + 7 in (2, 3), ~2.427921)',
    ]);
  });
});
