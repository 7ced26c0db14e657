/** The pdflatex sandbox itself, fed raw TeX that tries to escape it (escaping is not relied on here). */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderLatex } from '../../src/report/latex.js';
import { compilePdf, PdfCompileError, pdfToText } from '../../src/report/pdf.js';
import { foundingExample } from './foundingExample.js';
import { haveTex } from './helpers.js';

const outside = mkdtempSync(join(tmpdir(), 'kinkproof-outside-'));
const secret = `SECRET${randomBytes(8).toString('hex')}`; // a nonce no file on the machine contains
const secretFile = join(outside, 'secret.tex');
writeFileSync(secretFile, `${secret}\n`);
afterAll(() => rmSync(outside, { recursive: true, force: true }));

const doc = (body: string): string => `\\documentclass{article}\n\\begin{document}\n${body}\n\\end{document}\n`;

async function failureOf(tex: string, opts = {}): Promise<PdfCompileError> {
  const error = await compilePdf(tex, opts).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PdfCompileError);
  return error as PdfCompileError;
}

describe.skipIf(!haveTex)('compilePdf', { timeout: 120_000 }, () => {
  it('refuses to \\input a file by absolute path', async () => {
    const error = await failureOf(doc(`\\input{${secretFile}}`));
    expect(error.reason).toBe('latex-error');
    expect(error.message).toContain('Not reading from');
    expect(error.log).not.toContain(secret);
  });

  it('gives \\openin nothing to read outside its folder', async () => {
    const { pdf } = await compilePdf(doc(`\\newread\\r\\openin\\r=${secretFile} \\ifeof\\r BLOCKED\\else\\read\\r to\\x LEAKED \\x\\fi`));
    const text = await pdfToText(pdf);
    expect(text).toContain('BLOCKED');
    expect(text).not.toContain(secret);
  });

  it('runs no shell command and writes nowhere outside its folder', async () => {
    const pwned = join(outside, 'pwned');
    const escapes = [`${outside}/written`, `../kinkproof-escape-${process.pid}`];
    const body = [`\\immediate\\write18{touch ${pwned}}`, ...escapes.map((f) => `\\newwrite\\w\\immediate\\openout\\w=${f}\\immediate\\write\\w{x}\\immediate\\closeout\\w`)];
    await compilePdf(doc(body.join('\n'))).catch(() => undefined);
    expect(existsSync(pwned)).toBe(false);
    expect(existsSync(`${outside}/written`)).toBe(false);
    expect(existsSync(`${outside}/written.tex`)).toBe(false);
    expect(existsSync(join(tmpdir(), `kinkproof-escape-${process.pid}.tex`))).toBe(false);
  });

  it('stops a run that does not end', async () => {
    const error = await failureOf(doc('\\def\\x{\\x}\\x'), { timeoutMs: 1500 });
    expect(error.reason).toBe('timeout');
  });

  it('stops a run that writes too much', async () => {
    const error = await failureOf(renderLatex(foundingExample, { fragment: false }), { maxOutputBytes: 20_000 });
    expect(error.reason).toBe('output-limit');
  });

  it('reports LaTeX errors with file, line and message', async () => {
    const error = await failureOf(doc('fine\n\\undefinedcommand'));
    expect(error.reason).toBe('latex-error');
    expect(error.message).toContain('./report.tex:4: Undefined control sequence.');
  });

  it('runs pdflatex a second time when references need it', async () => {
    const { log } = await compilePdf(doc('\\section{A}\\label{a} See section~\\ref{a}.'));
    expect(log).not.toMatch(/undefined references|Rerun to get/);
  });
});
