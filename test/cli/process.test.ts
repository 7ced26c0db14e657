/**
 * The built CLI as a separate process, for what only a process shows: the bundle starts and
 * loads each command's chunk, exit codes reach the shell, stdout and stderr stay apart, and
 * files are found from the bundle's own location. What the commands answer is tested
 * in-process (test/cli/inProcess.ts: the same main() the bundle runs, in milliseconds).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { VERSION } from '../../src/cli/help.js';
import { json, kinkproof } from './run.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'kinkproof-process-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the built CLI as a process', () => {
  // Spawns: the bundle starts, and --help/--version reach stdout with the exit code.
  it('--help and --version print on stdout with exit 0; no command prints the help with exit 2', () => {
    const version = kinkproof(['--version']);
    expect(version).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    const help = kinkproof(['--help']);
    expect([help.code, help.stderr]).toEqual([0, '']);
    expect(help.stdout).toMatch(/^kinkproof — exact differentiability/);
    expect(kinkproof([])).toEqual({ ...help, code: 2 });
  });

  // Spawns: exit 0 reaches the shell with the JSON alone on stdout and the files written named on stderr,
  // relative to the process's working directory; the HTML inlines KaTeX's fonts, found from the bundle.
  it('derive (the issue-10 example: 0.1 is exactly on the kink) exits 0, JSON on stdout, reports written', () => {
    const r = kinkproof(['derive', 'sum(relu(X-0.1))', '--at', '[[0.1]]', '--json', '--no-verify', '--tex', 'a.tex', '--html', 'a.html', '--md', 'a.md'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect((json(r)['at'] as unknown[])[0]).toMatchObject({ differentiable: false, subdifferential: [[[0, 1]]] });
    expect(r.stderr).toBe('kinkproof: wrote a.tex\nkinkproof: wrote a.html\nkinkproof: wrote a.md\nkinkproof: wrote a-plot-1.svg\n');
    expect(readFileSync(join(dir, 'a.html'), 'utf8')).toContain('src:url(data:font/woff2;base64,');
    expect(readFileSync(join(dir, 'a.tex'), 'utf8')).toMatch(/^\\documentclass/m);
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toContain('\\nabla f(X)');
  });

  // Spawns: exit 0 and exit 1 of check reach the shell, the verdict on stdout.
  it('check exits 0 for a correct claim (c = 0.1 is exactly 1/10) and 1 for a refuted one', () => {
    const right = kinkproof(['check', 'sum(X.^2)*c', '--claim', 'X/5', '--const', 'c=0.1']);
    expect([right.code, right.stderr]).toEqual([0, '']);
    expect(right.stdout).toMatch(/^correct/);
    const wrong = kinkproof(['check', "norm(relu(X),'fro')^2", '--claim', 'X']);
    expect([wrong.code, wrong.stderr]).toEqual([1, '']);
    expect(wrong.stdout).toMatch(/^incorrect/);
  });

  // Spawns: exit 3 reaches the shell.
  it('check exits 3 when it cannot decide', () => {
    const r = kinkproof(['check', 'sum(X.^2)', '--claim', "X*X'*0 + 2*X", '--json']);
    expect([r.code, r.stderr]).toEqual([3, '']);
    expect(json(r)).toMatchObject({ verdict: 'unknown' });
  });

  // Spawns: a refused input is one line on stderr, nothing on stdout, exit 2 at the shell; a syntax error adds its caret block.
  it('bad input: one line on stderr (plus the caret block for a position), nothing on stdout, exit 2', () => {
    expect(kinkproof(['check', 'sum(X)', '--claim', '1', '--shape', '2,2'])).toEqual({
      code: 2,
      stdout: '',
      stderr: expect.stringMatching(/^kinkproof: input error: check does not take --shape [^\n]*\n$/),
    });
    expect(kinkproof(['derive', 'sum(relu(X)'])).toEqual({ code: 2, stdout: '', stderr: "kinkproof: syntax error: unmatched '(' (column 4)\n  sum(relu(X)\n     ^\n" });
  });

  // Spawns: prove's chunk loads from the bundle; relative paths are read from the working directory.
  it('prove passes a shipped proof (exit 0)', () => {
    const r = kinkproof(['prove', 'proofs/l1-norm.proof'], { cwd: root });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout.trim().split('\n').at(-1)).toMatch(/^\d+ passed, 0 failed$/);
  });

  // Spawns: build's and render's chunks load from the bundle; per-proof lines on stdout, the summary on stderr.
  it('build writes a folder of reports and render rewrites a page (exit 0)', () => {
    const proofs = join(dir, 'proofs');
    mkdirSync(proofs);
    copyFileSync(join(root, 'proofs/l1-norm.proof'), join(proofs, 'l1-norm.proof'));
    const out = join(dir, 'out');
    const build = kinkproof(['build', proofs, '--out', out]);
    expect(build.code, build.stderr).toBe(0);
    expect(build.stdout).toMatch(/^✓ .*l1-norm\.proof/);
    expect(build.stderr).toMatch(new RegExp(`^kinkproof: wrote \\d+ files to ${out} \\(start at ${join(out, 'index.html')}\\)\n$`));
    expect(readdirSync(out)).toEqual(expect.arrayContaining(['index.html', 'l1-norm.html', 'l1-norm.md', 'l1-norm.tex']));
    writeFileSync(join(dir, 'page.md'), '# Page\n\n```kinkproof\nsum(abs(X))\nclaim: sign(X)\n```\n');
    const render = kinkproof(['render', join(dir, 'page.md')]);
    expect([render.code, render.stderr]).toEqual([0, '']);
    expect(render.stdout).toContain('Correct: the claim');
    expect(render.stdout).not.toContain('```kinkproof');
  });
});
