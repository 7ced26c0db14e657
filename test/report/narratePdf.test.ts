/** Narrated reports compiled with pdflatex (skipped with a message when the TeX toolchain is absent). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEX_PREAMBLE, renderLatex } from '../../src/report/latex.js';
import { compilePdf, pdfToPng, pdfToText } from '../../src/report/pdf.js';
import { compiledPdf, haveTex, PNG_SIGNATURE } from './helpers.js';

import { EXAMPLES, FOUNDING, narrated } from './examples.js';

const WARNINGS = /LaTeX Warning|Package \w+ Warning|undefined references|Overfull|Missing character/;

describe.skipIf(!haveTex)('narrated reports compiled with pdflatex', { timeout: 120_000 }, () => {
  it.each(EXAMPLES)('%s compiles without warnings and page 1 converts to PNG', async (input) => {
    const { pdf, log } = await compiledPdf(renderLatex(narrated(input).derivation, { fragment: false }));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(log.split('\n').filter((l) => WARNINGS.test(l))).toEqual([]);
    const png = await pdfToPng(pdf, 1);
    expect(Buffer.from(png.subarray(0, 8)).equals(PNG_SIGNATURE)).toBe(true);
  });

  it('the founding example shows cases, both one-sided limits, continuity, ∇f = 2σ(X), the table and the plot', async () => {
    const { pdf } = await compiledPdf(renderLatex(narrated(FOUNDING).derivation, { fragment: false }));
    const text = (await pdfToText(pdf)).replace(/\s+/g, ' ');
    // pdftotext linearises math loosely (limits' subscripts move), so look for robust pieces.
    const phrases = ['if t < 0', 'if t = 0', 'if t > 0', 'One-sided limits at t = 0', 'From the left', 'From the right', 'lim h→0− φ(h) − φ(0)', 'lim+ h→0 φ(h) − φ(0)',
      'mean value theorem', 'so φ′ is continuous at 0', 'C 1 \\ C 2', '∇f (X) = 2σ(X)', 'tr', 'Numeric cross-check', 'finite difference',
      'rel. error', 'φ (solid) and φ′ (dashed)', 'Rudin, Principles of Mathematical Analysis, Thm 9.21', 'Established: numeric'];
    for (const phrase of phrases) expect(text).toContain(phrase);

    const artifacts = process.env.KINKPROOF_REPORT_ARTIFACTS;
    if (artifacts) {
      mkdirSync(artifacts, { recursive: true });
      writeFileSync(join(artifacts, 'narrated-founding.pdf'), pdf);
      writeFileSync(join(artifacts, 'narrated-founding-page1.png'), await pdfToPng(pdf, 1, 110));
    }
  });

  it('compiles the founding example as a fragment inside a host document, and twice to the same bytes', async () => {
    const fragment = renderLatex(narrated(FOUNDING).derivation, { fragment: true });
    const host = `\\documentclass{article}\n${LATEX_PREAMBLE}\n\\begin{document}\n${fragment}\\end{document}\n`;
    const [a, b] = [await compiledPdf(host), await compilePdf(host)];
    expect(a.log).not.toMatch(WARNINGS);
    expect(Buffer.from(a.pdf).equals(b.pdf)).toBe(true);
  });
});
