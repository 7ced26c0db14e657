/**
 * Issue 13: generated claims (⟨G, D⟩, ∈, ∂, ≥) are typeset as math, and Unicode in
 * user titles (ℓ₁, α, ≤) is rendered, never printed as a code point. Compiled with
 * pdflatex where the toolchain is installed (skipped with a message otherwise).
 */
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/html.js';
import { renderLatex } from '../../src/report/latex.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import type { Derivation } from '../../src/report/model.js';
import { narrate } from '../../src/report/narrate.js';
import { pdfToText } from '../../src/report/pdf.js';
import { verifyAnalysis } from '../../src/numeric/verifyAnalysis.js';
import { analyzeSymbolic } from '../../src/symbolic/derive.js';
import { compiledPdf, haveTex } from './helpers.js';

const TITLE = 'ℓ₁ and ℓ₂² penalties: α ≤ β, φ′₊ ∈ ∂φ, ⟨G, D⟩ — Fréchet, Łódź, ﬁne, 漢';

/** Reports as `derive --tex` writes them: the subdifferential checked too, so the ⟨G, D⟩ claims appear. */
const REPORTS: readonly { input: string; title?: string }[] = [
  { input: "norm(relu(X),'fro')^2", title: TITLE },
  { input: 'sum(abs(X-1).^3)' },
  { input: 'sum(max(X,0.2*X))' },
  { input: 'sum(min(X,0)-abs(X-2))' },
];

const cache = new Map<string, Derivation>();
function report(input: string, title?: string): Derivation {
  const key = `${input}\n${title ?? ''}`;
  let d = cache.get(key);
  if (!d) {
    const analysis = analyzeSymbolic(input);
    d = narrate(analysis, verifyAnalysis(analysis, undefined, 1), title === undefined ? {} : { title });
    cache.set(key, d);
  }
  return d;
}

const MISSING = /Missing character|Unicode character|not set up for use with LaTeX/;

describe('Unicode in reports', () => {
  it.each(REPORTS)('$input: the LaTeX source has no code point label and HTML/Markdown render', async ({ input, title }) => {
    const d = report(input, title);
    const tex = renderLatex(d, { fragment: false });
    expect(tex).not.toContain('[U+');
    expect(tex).not.toMatch(/(\\sigma|H|\\max|\\min)\\left/);
    const html = await renderHtml(d); // KaTeX throws on any error (throwOnError)
    expect(html).not.toContain('katex-error');
    expect(renderMarkdown(d)).not.toContain('[U+');
  });

  it('typesets the subgradient claims as math, not as text', () => {
    const tex = renderLatex(report('sum(abs(X-1).^3)'), { fragment: false });
    expect(tex).toContain('$\\langle G, D\\rangle$');
    expect(tex).toContain('$f(Y) - f(X) \\geq  \\langle G, Y - X\\rangle$');
    expect(tex).not.toMatch(/\\ensuremath\{\\(langle|rangle|in|partial|geq)\}/);
  });
});

describe.skipIf(!haveTex)('Unicode in compiled reports', { timeout: 180_000 }, () => {
  it.each(REPORTS)('$input: pdftotext shows no [U+ and no missing glyph', async ({ input, title }) => {
    const { pdf, log } = await compiledPdf(renderLatex(report(input, title), { fragment: false }));
    const text = await pdfToText(pdf);
    expect(text).not.toContain('[U+');
    expect(text).not.toContain('U+');
    expect(log).not.toMatch(MISSING);
  });

  it('renders the title ℓ₁, α, ≤ and the claims ⟨G, D⟩, with σ(X) set without a gap', async () => {
    const { pdf } = await compiledPdf(renderLatex(report("norm(relu(X),'fro')^2", TITLE), { fragment: false }));
    const text = (await pdfToText(pdf)).replace(/\s+/g, ' ');
    // pdftotext writes a subscript after its base with no space, or on its own line.
    for (const phrase of ['ℓ1 and ℓ22 penalties', 'α ≤ β', '∈ ∂φ', '⟨G, D⟩', 'Fréchet, Łódź, fine, ?']) expect(text).toContain(phrase);
    expect(text).toContain('∇f (X) = 2σ(X)');
    expect(text).not.toContain('σ (X)');

    const claims = (await pdfToText((await compiledPdf(renderLatex(report('sum(abs(X-1).^3)'), { fragment: false }))).pdf)).replace(/\s+/g, ' ');
    expect(claims).toContain('⟨G, D⟩');
    expect(claims).toMatch(/f \(Y \) − f \(X\) ≥ ⟨G, Y − X⟩/);
  });

  it('a hostile title with full-width look-alikes of \\ { } ^ stays text', async () => {
    const hostile = '＼input｛/etc/hostname｝ ＾＾5cinput ℓ₁';
    const { pdf, log } = await compiledPdf(renderLatex(report('sum(abs(X-1).^3)', hostile), { fragment: false }));
    const text = (await pdfToText(pdf)).replace(/\s+/g, ' ');
    expect(text).toContain('\\input{/etc/hostname} ^^5cinput ℓ1');
    expect(log).not.toMatch(/\(\/etc\/hostname|Not reading/);
  });
});
