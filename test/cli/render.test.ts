/** `kinkproof render`: the example docs page rewritten as Markdown that the same unified pipeline renders. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { EXAMPLE, expectDerivations, FALSE_CLAIM, FALSE_CLAIM_FENCE_LINE, root, unifiedHtml } from '../remark/examplePage.js';
import { cli } from './inProcess.js';

const dir = mkdtempSync(join(tmpdir(), 'kinkproof-render-'));

describe('kinkproof render', () => {
  it('rewrites the example page; the unified pipeline without the plugin renders it with no KaTeX error', { timeout: 120_000 }, async () => {
    const out = join(dir, 'page.md');
    const r = await cli(['render', EXAMPLE, '-o', out], { cwd: root });
    expect([r.code, r.stderr, r.stdout]).toEqual([0, '', '']);
    const text = readFileSync(out, 'utf8');
    expect(text).not.toContain('```kinkproof');
    expect(text).toContain('## The squared Frobenius norm of the ReLU\n\nThe founding example');
    expect(text).toContain('\n### Differentiability of $f(X) = \\left\\lVert \\sigma(X) \\right\\rVert_{F}^{2}$\n');
    expect(text).toContain('\n$$\n\\nabla f(X) = 2 \\sigma(X)');
    expectDerivations(await unifiedHtml(new VFile({ path: out, value: text }), false));
    // Without -o the page goes to stdout, the same bytes.
    expect((await cli(['render', EXAMPLE], { cwd: root })).stdout).toBe(text);
  });

  it('a false claim exits 1 naming file:line, and writes nothing', { timeout: 120_000 }, async () => {
    const out = join(dir, 'never.md');
    const r = await cli(['render', FALSE_CLAIM, '--out', out], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^kinkproof: ${FALSE_CLAIM}:${FALSE_CLAIM_FENCE_LINE}: the claim ∇f = relu\\(X\\) .* is false: .*X = \\[\\[1\\]\\]`));
    expect(() => readFileSync(out)).toThrow();
  });

  it('bad input and an unclosed fence exit 2 with file:line; fences inside other code blocks stay', { timeout: 120_000 }, async () => {
    const write = (name: string, text: string): string => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    const bad = write('bad.md', 'Intro.\n\n```kinkproof\nsum(relu(X)\n```\n');
    expect(await cli(['render', bad])).toMatchObject({ code: 2, stderr: `kinkproof: ${bad}:3: syntax error: unmatched '(' (column 4)\n` });
    const open = write('open.md', 'a\n~~~kinkproof\nsum(X)\n');
    expect(await cli(['render', open])).toMatchObject({ code: 2, stderr: `kinkproof: ${open}:2: the kinkproof fence is not closed\n` });
    const shown = '````md\n```kinkproof\nsum(X)\n```\n````\n';
    expect(await cli(['render', write('shown.md', shown)])).toMatchObject({ code: 0, stdout: shown });
    expect(await cli(['render'])).toMatchObject({
      code: 2,
      stderr: 'kinkproof: input error: render takes one Markdown file or one folder: kinkproof render IN.md [-o OUT.md], kinkproof render DIR -o OUTDIR\n',
    });
    expect((await cli(['render', 'a.md', '--at', '1'])).stderr).toMatch(/^kinkproof: input error: render does not take --at/);
  });

  it('a folder: every page rendered (LaTeX fences too), other files copied byte for byte, at the same paths; a failing page writes nothing', { timeout: 120_000 }, async () => {
    const site = mkdtempSync(join(tmpdir(), 'kinkproof-site-'));
    mkdirSync(join(site, 'guide'));
    writeFileSync(join(site, 'index.md'), readFileSync(join(root, EXAMPLE)));
    writeFileSync(join(site, 'guide', 'latex.md'), '# LaTeX\n\n```kinkproof\n\\left\\|\\max(X,0)\\right\\|_F^2\nclaim: 2\\max(X,0)\n```\n');
    const image = Uint8Array.from([0, 255, 10, 13, 26]);
    writeFileSync(join(site, 'guide', 'plot.png'), image);
    const out = join(mkdtempSync(join(tmpdir(), 'kinkproof-site-out-')), 'site');
    const r = await cli(['render', site, '-o', out]);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', `kinkproof: rendered 2 pages and copied 1 other file into ${out}\n`]);
    expect(readFileSync(join(out, 'guide', 'plot.png'))).toEqual(Buffer.from(image));
    const latex = readFileSync(join(out, 'guide', 'latex.md'), 'utf8');
    expect(latex).toContain('Correct: the claim equals ∇f wherever f is differentiable.');
    expect(latex).not.toContain('```kinkproof');
    expect(readFileSync(join(out, 'index.md'), 'utf8')).toBe((await cli(['render', join(site, 'index.md')])).stdout);

    writeFileSync(join(site, 'guide', 'wrong.md'), readFileSync(join(root, FALSE_CLAIM)));
    const failed = join(dir, 'never-site');
    const f = await cli(['render', site, '-o', failed]);
    expect(f.code).toBe(1);
    expect(f.stderr).toMatch(new RegExp(`^kinkproof: ${join(site, 'guide', 'wrong.md')}:${FALSE_CLAIM_FENCE_LINE}: the claim`));
    expect(existsSync(failed)).toBe(false);
    expect((await cli(['render', site])).stderr).toMatch(/a folder needs -o OUTDIR/);
    expect((await cli(['render', site, '-o', join(site, 'out')])).stderr).toMatch(/is inside the folder it renders/);
  });
});
