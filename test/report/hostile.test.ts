/**
 * Hostile names, titles and free text (issue 6): they must appear literally in
 * every output, and nothing may be read, written or run when the LaTeX compiles.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanText } from '../../src/report/escape.js';
import { renderHtml } from '../../src/report/html.js';
import { renderLatex } from '../../src/report/latex.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { math, paragraph, text } from '../../src/report/model.js';
import type { Derivation } from '../../src/report/model.js';
import { compilePdf, pdfToText } from '../../src/report/pdf.js';
import { haveTex } from './helpers.js';

const secretDir = mkdtempSync(join(tmpdir(), 'kinkproof-secret-'));
const secret = `SECRET${randomBytes(8).toString('hex')}`;
const secretFile = join(secretDir, 'secret.tex');
writeFileSync(secretFile, `${secret}\n`);
const pwned = join(secretDir, 'pwned');
afterAll(() => rmSync(secretDir, { recursive: true, force: true }));

const HOSTILE = [
  '\\input{/etc/hostname}',
  `\\input{${secretFile}}`,
  '^^5cinput{/etc/hostname}',
  '}\\end{document}',
  '%#&$~_^',
  'bell\u0007 escape\u001b[31mred',
  `\\immediate\\write18{touch ${pwned}}`,
  '<script>alert(1)</script> &amp; $$x$$ `code` *em* [a](b)',
  '\\csname input\\endcsname{x} \\def\\x{y} ^^M -- ---',
];

const hostile: Derivation = {
  title: [text(HOSTILE.join(' '))],
  subtitle: [text(HOSTILE[0]!), math('x'), text(HOSTILE[2]!)],
  steps: HOSTILE.map((h, i) => ({
    kind: 'statement',
    title: [text(h)],
    established: i % 2 ? 'theorem' : 'exact',
    citation: h,
    blocks: [
      paragraph(text(h)),
      { kind: 'table', columns: [{ header: [text(h)], align: 'left' }], rows: [[[text(h)]]], caption: [text(h)] },
    ],
  })),
};

/** What a reader should see for a hostile string: control characters gone, the rest as typed. */
const visible = (s: string): string => cleanText(s).replace(/\s+/g, ' ');

describe('hostile text in LaTeX', () => {
  const tex = renderLatex(hostile, { fragment: false });

  it('is escaped: no command, comment, parameter or ^^ of its own', () => {
    const body = tex.slice(tex.indexOf('\\begin{document}'));
    expect(body).not.toContain('\\input');
    expect(body).not.toContain('^^');
    expect(body).not.toContain('\\write18');
    expect(body).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(body.match(/\\end\{document\}/g)).toHaveLength(1);
  });

  it.skipIf(!haveTex)('compiles, shows every string literally, and reads, writes and runs nothing', { timeout: 120_000 }, async () => {
    const { pdf, log } = await compilePdf(tex);
    const shown = (await pdfToText(pdf)).replace(/\s+/g, ' ');
    for (const h of HOSTILE) expect(shown).toContain(visible(h));
    expect(shown).not.toContain(secret);
    const hostname = readFileSync('/etc/hostname', 'utf8').trim();
    if (hostname.length >= 8) expect(shown).not.toContain(hostname); // shorter names could occur by chance
    expect(log).not.toContain(secret);
    expect(log).not.toMatch(/\(\/etc\/hostname|Not reading|Not writing|runsystem/);
    expect(existsSync(pwned)).toBe(false);
  });
});

describe('hostile text in HTML and Markdown', () => {
  it('is escaped in HTML', async () => {
    const html = await renderHtml(hostile);
    const body = html.slice(html.indexOf('<body>'));
    expect(body).not.toContain('<script');
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp; $$x$$');
    expect(body).toContain('\\input{/etc/hostname}');
    expect(html).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  it('is escaped in Markdown: no math, HTML, code or link starts', () => {
    const md = renderMarkdown(hostile);
    expect(md).toContain('\\<script\\>alert(1)\\</script\\> \\&amp; \\$\\$x\\$\\$ \\`code\\` \\*em\\* \\[a\\](b)');
    expect(md).not.toMatch(/(?<!\\)<script/);
    expect(md).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });
});
