/** The proof check step of a proof's page, and the index page of a docs build. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { parseProof } from '../../src/check/proofs/parseProof.js';
import { checkProof } from '../../src/check/proofs/checkProof.js';
import type { ProofReport, StepReport } from '../../src/check/proofs/proofReport.js';
import { KATEX_OPTIONS, renderHtml } from '../../src/report/html.js';
import { renderIndexHtml, renderIndexLatex, renderIndexMarkdown } from '../../src/report/index-page.js';
import type { IndexEntry } from '../../src/report/index-page.js';
import { renderLatex } from '../../src/report/latex.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { passedOf, proofCounts, proofDerivation, proofStatus, proofStep } from '../../src/report/narrate/proof.js';
import type { Step } from '../../src/report/model.js';
import { allMath } from './helpers.js';

const HOSTILE = '\\input{/etc/hostname} }\\end{document} <script>alert(1)</script> %#&$~_^ ^^5cinput [x](y) |';

const proofFile = (text: string) => parseProof(text, 'my.proof');

function step(overrides: Partial<StepReport>): StepReport {
  return { file: 'my.proof', line: 1, text: 'convex: yes', status: 'pass', method: 'exact', note: 'exact', counterexample: null, explanation: null, result: null, ...overrides };
}

const report = (...steps: StepReport[]): ProofReport => ({ file: 'my.proof', title: null, steps });

/** Every piece of text in a step, in order. */
const words = (s: Step): string =>
  s.blocks.map((b) => (b.kind === 'paragraph' ? b.parts.map((p) => (p.kind === 'text' ? p.text : `$${p.latex}$`)).join('') : '')).join('\n');

describe('proof verdicts', () => {
  it('summarise a file by its worst statement', () => {
    expect(proofStatus(report(step({}), step({ status: 'unknown' })))).toBe('undecided');
    expect(proofStatus(report(step({ status: 'unknown' }), step({ status: 'fail' })))).toBe('failed');
    expect(proofStatus(report(step({ status: 'fail' }), step({ status: 'error' })))).toBe('bad input');
    expect(proofStatus(report(step({}), step({})))).toBe('passed');
    expect(proofCounts(report(step({}), step({ status: 'fail' }), step({ status: 'unknown' })))).toBe('3 statements: 1 passed, 1 failed, 1 undecided');
    expect(passedOf(report(step({})))).toBe('1 of 1 statement passed');
  });
});

describe('proofStep', () => {
  const proof = proofFile("title: T\nfunction: sum(abs(X))\n= sum(max(X,-X))\ngradient: sign(X)\nconvex: yes\nrefute: relu(X) = X\n");

  it('typesets expressions from the parsed tree and keeps other statements as written', () => {
    const s = proofStep(proof, checkProof(proof), 'my.proof');
    expect(s.kind).toBe('proof');
    expect(s.established).toBe('exact');
    const shown = words(s);
    expect(shown).toContain('Line 2: function: $f(X) = ');
    expect(shown).toContain('Line 3: $= \\sum_{i,j}');
    expect(shown).toContain('Line 4: gradient: $\\operatorname{sign}(X)$ — passed (exact).');
    expect(shown).toContain('Line 5: convex: yes — passed (exact).');
    expect(shown).toContain('Line 6: refute: $\\sigma(X) = X$ — passed (refuted, exact).\nCounterexample: $X = \\begin{bmatrix} -1 \\end{bmatrix}$ ($t < 0$): left side $\\begin{bmatrix} 0 \\end{bmatrix}$, right side $\\begin{bmatrix} -1 \\end{bmatrix}$.');
    // kinkproof's own output is typeset too: φ on the function line, no ASCII "phi(t) = abs(t)"
    expect(shown).toContain('Line 2: function: $f(X) = \\sum_{i,j} \\left[\\lvert X \\rvert\\right]_{ij}$ — passed ($\\varphi(t) = \\lvert t \\rvert$).');
    expect(shown).not.toMatch(/[( ]phi\(t\)/);
  });

  it('shows a failure with its counterexample and explanation, and undecided steps as unknown', () => {
    const failing = report(
      step({ line: 3, text: '= sum(X)', status: 'fail', note: 'exact', counterexample: HOSTILE, explanation: `why: ${HOSTILE}` }),
      step({ line: 5, status: 'unknown', note: 'undecided', explanation: 'too hard' }),
    );
    const s = proofStep(proof, failing, 'my.proof');
    expect(s.established).toBe('unknown');
    const shown = words(s);
    expect(shown).toContain('— FAILED (exact).');
    expect(shown).toContain(`Counterexample: ${HOSTILE}`);
    expect(shown).toContain(`why: ${HOSTILE}`);
    expect(shown).toContain('Line 5: convex: yes — undecided.\ntoo hard');
  });

  it('makes a page without a derivation when there is none', () => {
    const identities = proofFile(`title: ${HOSTILE}\nidentity: abs(X) = max(X,-X)\n`);
    const page = proofDerivation(identities, checkProof(identities), 'my.proof', { missing: 'It has no function: line.' });
    expect(page.title).toEqual([{ kind: 'text', text: HOSTILE }]);
    expect(page.steps.map((s) => s.kind)).toEqual(['proof']);
  });

  it('gives math that KaTeX renders (throwOnError) and escaped user text in every format, for every proof in proofs/', async () => {
    for (const name of readdirSync('proofs').filter((f) => f.endsWith('.proof'))) {
      const proof = parseProof(readFileSync(join('proofs', name), 'utf8'), name);
      const page = proofDerivation(proof, checkProof(proof), name, { missing: HOSTILE });
      for (const latex of allMath(page)) expect(() => katex.renderToString(latex, KATEX_OPTIONS)).not.toThrow();
      expect(renderLatex(page, { fragment: false })).not.toContain('\\input{');
      expect(await renderHtml(page)).not.toContain('<script');
      expect(renderMarkdown(page)).toContain('\\<script\\>');
    }
  });
});

describe('index page', () => {
  const entries: IndexEntry[] = [
    { source: `${HOSTILE}.proof`, title: HOSTILE, fn: 'sum(X.^2)', status: 'failed', counts: '1 of 2 statements passed', links: [{ label: 'HTML', href: 'a_b.html' }, { label: 'Markdown', href: 'a_b.md' }] },
    { source: 'plain.proof', title: null, fn: null, status: 'passed', counts: '1 of 1 statement passed', links: [] },
  ];

  it('escapes titles, file names and expressions in all three formats', () => {
    const html = renderIndexHtml(entries);
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<a href="a_b.html">\\input{/etc/hostname}');
    const tex = renderIndexLatex(entries);
    expect(tex).not.toContain('\\input{');
    expect(tex).not.toContain('\\end{document} ');
    expect(tex).toContain('\\textbackslash{}input\\{/etc/hostname\\} \\}\\textbackslash{}end\\{document\\}');
    expect(tex).not.toContain('^^');
    const md = renderIndexMarkdown(entries);
    expect(md).toContain('[\\\\input\\{/etc/hostname\\} \\}\\\\end\\{document\\} \\<script\\>');
    expect(md).toContain('\\[x\\](y) \\|');
    expect(md.split('\n').filter((l) => l.startsWith('| ')).every((l) => l.split(/(?<!\\)\|/).length === 6)).toBe(true);
  });

  it('lists the proofs in the given order with their verdicts and links', () => {
    const md = renderIndexMarkdown(entries);
    expect(md).toContain('2 proof files: 1 passed, 1 failed.');
    expect(md).toContain('failed (1 of 2 statements passed) | [HTML](a_b.html) · [Markdown](a_b.md) |');
    expect(md).toContain('| plain.proof (plain.proof) | — | passed (1 of 1 statement passed) |  |');
  });

  it('refuses a link target outside [A-Za-z0-9._-]', () => {
    for (const href of ['../x.html', '/etc/passwd', 'a"onmouseover=x', '.hidden'])
      expect(() => renderIndexHtml([{ ...entries[1]!, links: [{ label: 'x', href }] }])).toThrow(/unsafe link/);
  });
});
