import { renderToString } from 'katex';
import { describe, expect, it } from 'vitest';
import { KATEX_OPTIONS } from '../../src/report/html.js';
import { LATEX_PREAMBLE } from '../../src/report/latex.js';
import { assertSafeMath, MATH_COMMAND_SAMPLES, MATH_ENVIRONMENT_SAMPLES, UnsafeMathError } from '../../src/report/mathGuard.js';
import { compilePdf } from '../../src/report/pdf.js';
import { foundingExample } from './foundingExample.js';
import { allMath, haveTex } from './helpers.js';

const samples = [...Object.values(MATH_COMMAND_SAMPLES), ...Object.values(MATH_ENVIRONMENT_SAMPLES)];

describe('assertSafeMath', () => {
  it('accepts the math of the founding example and every whitelist sample', () => {
    for (const latex of [...allMath(foundingExample), ...samples]) expect(assertSafeMath(latex)).toBe(latex);
  });

  it.each([
    ['command \\input', '\\input{/etc/hostname}'],
    ['^^', 'x^^5cinput{/etc/hostname}'],
    ['unbalanced }', 'x}\\end{document}'],
    ['unbalanced {', '{x'],
    ['character "%"', 'x % comment'],
    ['character "#"', 'x # y'],
    ['character "$"', 'x $ y'],
    ['character "~"', 'x ~ y'],
    ['character "σ"', 'σ'],
    ['character', 'x\u0007'],
    ['blank line', 'x \\\\\n\n y'],
    ['command \\csname', '\\csname input\\endcsname'],
    ['command \\href', '\\href{http://x}{y}'],
    ['environment', '\\begin{document}'],
    ['does not match', '\\begin{cases} x \\end{aligned}'],
    ['not closed', '\\begin{cases} x'],
    ['column spec', '\\begin{array}{@{}l} x \\end{array}'],
    ['control symbol', '\\@x'],
    ['too long', 'x'.repeat(20_001)],
  ])('refuses %s', (why, latex) => {
    expect(() => assertSafeMath(latex)).toThrow(UnsafeMathError);
    expect(() => assertSafeMath(latex)).toThrow(why);
  });
});

describe('the whitelist', () => {
  it('renders every sample with KaTeX in strict mode', () => {
    for (const latex of samples) {
      expect(() => renderToString(latex, { ...KATEX_OPTIONS, displayMode: false }), latex).not.toThrow();
      expect(() => renderToString(latex, { ...KATEX_OPTIONS, displayMode: true }), latex).not.toThrow();
    }
  });

  it.skipIf(!haveTex)('compiles every sample with pdflatex and the report preamble', { timeout: 120_000 }, async () => {
    const body = samples.map((latex) => `$${latex}$\\par`).join('\n');
    const { log } = await compilePdf(`\\documentclass{article}\n${LATEX_PREAMBLE}\n\\begin{document}\n${body}\n\\end{document}\n`);
    expect(log).not.toMatch(/LaTeX Warning|Missing character/);
  });
});
