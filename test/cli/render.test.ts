/** `kinkproof render`: the example docs page rewritten as Markdown that the same unified pipeline renders. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { EXAMPLE, expectDerivations, FALSE_CLAIM, FALSE_CLAIM_FENCE_LINE, root, unifiedHtml } from '../remark/examplePage.js';
import { kinkproof } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'kinkproof-render-'));

describe('kinkproof render', () => {
  it('rewrites the example page; the unified pipeline without the plugin renders it with no KaTeX error', { timeout: 120_000 }, async () => {
    const out = join(dir, 'page.md');
    const r = kinkproof(['render', EXAMPLE, '-o', out], { cwd: root });
    expect([r.code, r.stderr, r.stdout]).toEqual([0, '', '']);
    const text = readFileSync(out, 'utf8');
    expect(text).not.toContain('```kinkproof');
    expect(text).toContain('## The squared Frobenius norm of the ReLU\n\nThe founding example');
    expect(text).toContain('\n### Differentiability of $f(X) = \\left\\lVert \\sigma(X) \\right\\rVert_{F}^{2}$\n');
    expect(text).toContain('\n$$\n\\nabla f(X) = 2 \\sigma(X)');
    expectDerivations(await unifiedHtml(new VFile({ path: out, value: text }), false));
    // Without -o the page goes to stdout, the same bytes.
    expect(kinkproof(['render', EXAMPLE], { cwd: root }).stdout).toBe(text);
  });

  it('a false claim exits 1 naming file:line, and writes nothing', { timeout: 120_000 }, () => {
    const out = join(dir, 'never.md');
    const r = kinkproof(['render', FALSE_CLAIM, '--out', out], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^kinkproof: ${FALSE_CLAIM}:${FALSE_CLAIM_FENCE_LINE}: the claim ∇f = relu\\(X\\) .* is false: .*X = \\[\\[1\\]\\]`));
    expect(() => readFileSync(out)).toThrow();
  });

  it('bad input and an unclosed fence exit 2 with file:line; fences inside other code blocks stay', { timeout: 120_000 }, () => {
    const write = (name: string, text: string): string => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    const bad = write('bad.md', 'Intro.\n\n```kinkproof\nsum(relu(X)\n```\n');
    expect(kinkproof(['render', bad])).toMatchObject({ code: 2, stderr: `kinkproof: ${bad}:3: syntax error: unmatched '(' (column 4)\n` });
    const open = write('open.md', 'a\n~~~kinkproof\nsum(X)\n');
    expect(kinkproof(['render', open])).toMatchObject({ code: 2, stderr: `kinkproof: ${open}:2: the kinkproof fence is not closed\n` });
    const shown = '````md\n```kinkproof\nsum(X)\n```\n````\n';
    expect(kinkproof(['render', write('shown.md', shown)])).toMatchObject({ code: 0, stdout: shown });
    expect(kinkproof(['render'])).toMatchObject({ code: 2, stderr: 'kinkproof: input error: render takes one Markdown file: kinkproof render IN.md [-o OUT.md]\n' });
    expect(kinkproof(['render', 'a.md', '--at', '1']).stderr).toMatch(/^kinkproof: input error: render does not take --at/);
  });
});
