/** The pdflatex sandbox itself, fed raw TeX that tries to escape it (escaping is not relied on here). */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { renderLatex } from '../../src/report/latex.js';
import { compilePdf, PdfCompileError, pdfToText } from '../../src/report/pdf.js';
import { findExecutable } from '../../src/report/toolRunner.js';
import { foundingExample } from './foundingExample.js';
import { haveTex, stopped, until } from './helpers.js';

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
    const error = await failureOf(doc('\\def\\x{\\x}\\x'), { timeoutMs: 600 });
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

/**
 * `pdflatex` on PATH as some installations have it: a script that runs the real one as its child
 * (not exec), here noting the child's process id. The timeout and the size limit must reach the child.
 */
describe.skipIf(!haveTex || !existsSync('/proc/self/stat'))('compilePdf through a wrapper script', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'kinkproof-wrapper-'));
  const pidFile = join(dir, 'child.pid');
  const real = findExecutable('pdflatex');
  afterAll(() => {
    // Should a run have hung, its pdflatex is not left looping on the machine.
    const child = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8')) : 0;
    if (child > 1 && !stopped(child)) process.kill(child, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });
  afterEach(() => vi.unstubAllEnvs());

  const withWrapper = (): void => {
    mkdirSync(join(dir, 'bin'), { recursive: true });
    const script = `#!/bin/sh\n"${real}" "$@" &\necho $! > "${pidFile}"\nwait $!\n`;
    writeFileSync(join(dir, 'bin', 'pdflatex'), script);
    chmodSync(join(dir, 'bin', 'pdflatex'), 0o755);
    vi.stubEnv('PATH', `${join(dir, 'bin')}:${process.env.PATH ?? ''}`);
    rmSync(pidFile, { force: true });
  };

  /** The compile's failure, or 'hung' when it has not ended 30 s after its 0.6 s timeout. */
  const outcome = (tex: string, opts: object): Promise<string> =>
    Promise.race([
      compilePdf(tex, opts).then(
        () => 'compiled',
        (e: unknown) => (e instanceof PdfCompileError ? e.reason : String(e)),
      ),
      new Promise<string>((resolve) => setTimeout(() => resolve('hung'), 30_000).unref()),
    ]);

  it('stops the real pdflatex too when a run does not end', async () => {
    withWrapper();
    expect(await outcome(doc('\\def\\x{\\x}\\x'), { timeoutMs: 600 })).toBe('timeout');
    const child = Number(readFileSync(pidFile, 'utf8'));
    expect(child).toBeGreaterThan(1);
    // A killed process closes its files (and so ends the run) a moment before it is gone.
    expect(await until(() => stopped(child))).toBe(true);
  });

  it('reports a file past the size limit as the output limit', async () => {
    withWrapper();
    expect(await outcome(renderLatex(foundingExample, { fragment: false }), { maxOutputBytes: 20_000 })).toBe('output-limit');
  });

  it('compiles as usual', async () => {
    withWrapper();
    expect(await outcome(doc('Hello.'), {})).toBe('compiled');
    expect(existsSync(pidFile)).toBe(true);
  });
});
