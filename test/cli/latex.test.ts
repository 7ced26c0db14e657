/** LaTeX input on the command line: the same answers as ASCII, and errors with a caret under the LaTeX column. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, parsed } from './inProcess.js';

/** stderr's caret line: the column (1-based) of its first '^'. */
function caretColumn(stderr: string): number {
  const lines = stderr.split('\n');
  const caret = lines[2]!;
  return caret.indexOf('^') - 2 + 1;
}

describe('kinkproof derive with LaTeX', () => {
  it('derives the pasted formula of issue 14 as its ASCII twin', async () => {
    const latex = parsed(await cli(['derive', '\\left\\|\\max(X,0)\\right\\|_F^2', '--json', '--no-verify']));
    const ascii = parsed(await cli(['derive', "norm(max(X,0),'fro')^2", '--json', '--no-verify']));
    expect(latex['input']).toBe('\\left\\|\\max(X,0)\\right\\|_F^2');
    expect({ ...latex, input: null }).toEqual({ ...ascii, input: null });
  });

  it.each([
    [['derive', '2 + \\href{x}'], 'syntax error: unknown LaTeX command \\href (column 5)', 5],
    [['derive', '\\|X\\|_2'], 'not supported yet: \\|X\\|_2 means the spectral norm', 7],
    [['derive', '\\|X\\|_F^2 + \\sigma'], 'syntax error: \\sigma is a function here', 13],
    [['derive', '\\sigma(X)^{2}'], "input error: '^' on a matrix is a matrix power", 1],
    [['check', '\\|X\\|_F^2', '--claim', '2 \\left( X'], "syntax error: unmatched '\\left(' (column 3)", 3],
    [['derive', '|X|^2', '--input', 'latex'], "input error: '^' on a matrix is a matrix power", 1],
    // H(X) is heaviside(X) in LaTeX; with a constant H it could be the product H·X
    [['derive', '\\operatorname{sum}(\\frac{1}{2} H (X))', '--const', 'H=[[2,0],[0,2]]'], 'H(...) reads as the function heaviside here, and H is also a constant', 32],
    [['derive', '\\sum_{i,j} x_{ij} X_{ij}', '--const', 'x=[[1,2],[3,4]]'], 'x_{ij} reads as an entry of the variable X here, and x is also a constant', 12],
  ])('%j: exit 2, caret under the LaTeX column', async (argv, message, column) => {
    const r = await cli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toContain(message);
    expect(caretColumn(r.stderr)).toBe(column);
  });

  it('--input ascii reads a backslash as ASCII, and --input refuses other languages', async () => {
    const ascii = await cli(['derive', '\\|X\\|_F^2', '--input', 'ascii']);
    expect(ascii.code).toBe(2);
    expect(ascii.stderr).toContain("unexpected character '\\' (column 1)");
    const other = await cli(['derive', 'sum(X)', '--input', 'tex']);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('--input is latex or ascii, got "tex"');
  });
});

describe('kinkproof check with LaTeX', () => {
  it('checks a LaTeX claim for a LaTeX function', async () => {
    expect((await cli(['check', '\\|\\sigma(X)\\|_F^2', '--claim', '2\\max(X,0)'])).code).toBe(0);
    expect((await cli(['check', '\\|\\sigma(X)\\|_F^2', '--claim', '\\frac{1}{2}(\\operatorname{sign}(X) + 1)'])).code).toBe(1);
  });
  it('mixes languages, each side detected', async () => {
    expect((await cli(['check', '--equal', '\\lvert X \\rvert', 'max(X,-X)'])).code).toBe(0);
  });
  it('--equal with --input latex reads both sides as LaTeX', async () => {
    expect((await cli(['check', '--equal', '|X|', 'X \\odot \\operatorname{sign}(X)', '--input', 'latex'])).code).toBe(0);
  });
});

describe('kinkproof prove with LaTeX statements', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kinkproof-latex-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('checks a proof written in LaTeX', async () => {
    const file = join(dir, 'founding.proof');
    writeFileSync(file, ['function: \\left\\|\\sigma(X)\\right\\|_F^2', '= \\sum_{i,j} \\max(x_{ij}, 0)^2', 'gradient: 2\\max(X, 0)', 'class: C1', ''].join('\n'));
    const r = await cli(['prove', file]);
    expect(r.stdout).not.toContain('✗');
    expect(r.code).toBe(0);
  });
  it('names the line and column of a LaTeX error', async () => {
    const file = join(dir, 'bad.proof');
    writeFileSync(file, 'function: \\|X\\|_F^2 + \\input{x}\n');
    const r = await cli(['prove', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad.proof:1: unknown LaTeX command \\input (column 13)');
  });
});
