/**
 * Reports compiled from the preloaded preamble (pdfFormat.ts) against the
 * ordinary compile of the same document: the same PDF bytes, for both
 * preambles; line numbers in the log that are the source's; LaTeX errors
 * reported as before; and the sandbox holding on that path too.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderLatex } from '../../src/report/latex.js';
import { narrate } from '../../src/report/narrate.js';
import { compilePdf, PdfCompileError, pdfToText } from '../../src/report/pdf.js';
import { preloadable } from '../../src/report/pdfFormat.js';
import { narrated } from './examples.js';
import { foundingExample } from './foundingExample.js';
import { haveTex } from './helpers.js';

/** The founding example: seven pages with plots, so the preamble with TikZ. */
const report = renderLatex(foundingExample, { fragment: false });
/** A report with no plot (--brief), so the preamble without TikZ. */
const relu = narrated('sum(relu(X))');
const textReport = renderLatex(narrate(relu.analysis, relu.evidence, { brief: true }), { fragment: false });
/** The same document that no preamble format matches: one blank line first (a document of the ordinary path). */
const ordinary = (tex: string): string => `\n${tex}`;
/** A report's source with `line` put in place of its first body line after \begin{document}. */
function withLine(line: string): { tex: string; lineNumber: number } {
  const lines = report.split('\n');
  const at = lines.indexOf('\\begin{document}') + 1;
  lines.splice(at, 0, line);
  return { tex: lines.join('\n'), lineNumber: at + 1 };
}

const outside = mkdtempSync(join(tmpdir(), 'kinkproof-outside-'));
const secretFile = join(outside, 'secret.tex');
writeFileSync(secretFile, 'LEAKED\n');
afterAll(() => rmSync(outside, { recursive: true, force: true }));

describe('the preloaded preamble', () => {
  it('matches the reports kinkproof writes, blanking the preamble line for line, and nothing else', () => {
    const split = preloadable(report)!;
    expect(split).toBeDefined();
    expect(split.body.split('\n')).toHaveLength(report.split('\n').length);
    expect(split.body).not.toMatch(/\\documentclass|\\usepackage/);
    expect(split.body.slice(split.body.indexOf('\\setlength'))).toBe(report.slice(report.indexOf('\\setlength')));
    expect(preloadable(ordinary(report))).toBeUndefined();
    expect([report, textReport].map((tex) => preloadable(tex)!.header.includes('tikz'))).toEqual([true, false]);
    expect(preloadable(report.replace('\\documentclass{article}', '\\documentclass[twocolumn]{article}'))).toBeUndefined();
  });

  describe.skipIf(!haveTex)('compiled', { timeout: 120_000 }, () => {
    it.each([
      ['with TikZ', report],
      ['without TikZ', textReport],
    ])('gives the bytes of the ordinary compile, %s', async (_, tex) => {
      await compilePdf(tex); // the first report of a process may take the ordinary path and make the format due
      const [fast, slow] = [await compilePdf(tex), await compilePdf(ordinary(tex))];
      expect(fast.log).toContain('format=preamble');
      expect(slow.log).not.toContain('format=preamble');
      expect(Buffer.from(fast.pdf).equals(slow.pdf)).toBe(true);
    });

    it("reports an overfull line at the source's line number", async () => {
      const { tex, lineNumber } = withLine(`\\noindent\\hbox to 2\\textwidth{x}`);
      const { log } = await compilePdf(tex);
      expect(log).toContain('format=preamble');
      expect(log).toMatch(new RegExp(`Overfull \\\\hbox \\([\\d.]+pt too wide\\) in paragraph at lines ${lineNumber}--`));
    });

    it('reports a LaTeX error as the ordinary compile does, naming its line', async () => {
      const { tex, lineNumber } = withLine('\\undefinedcommandhere');
      const error = await compilePdf(tex).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(PdfCompileError);
      expect((error as PdfCompileError).reason).toBe('latex-error');
      expect((error as PdfCompileError).message).toContain(`report.tex:${lineNumber}: Undefined control sequence`);
    });

    it('reads no file by absolute path', async () => {
      const { tex } = withLine(`\\newread\\r\\openin\\r=${secretFile} \\ifeof\\r BLOCKED\\else\\read\\r to\\x \\x\\fi`);
      const { pdf, log } = await compilePdf(tex);
      expect(log).toContain('format=preamble');
      const text = await pdfToText(pdf);
      expect(text).toContain('BLOCKED');
      expect(text).not.toContain('LEAKED');
    });
  });
});
