import { renderToString } from 'katex';
import { describe, expect, it } from 'vitest';
import { KATEX_OPTIONS, renderHtml } from '../../src/report/html.js';
import { foundingExample } from './foundingExample.js';
import { allMath } from './helpers.js';

const html = await renderHtml(foundingExample);

describe('renderHtml', () => {
  it('renders every math fragment with KaTeX, throwOnError on', () => {
    expect(KATEX_OPTIONS).toMatchObject({ throwOnError: true, trust: false, strict: 'error' });
    for (const latex of allMath(foundingExample))
      expect(() => renderToString(latex, { ...KATEX_OPTIONS, displayMode: true }), latex).not.toThrow();
    expect(html.match(/<span class="katex-display">/g)).toHaveLength(9);
    expect(html).not.toContain('katex-error');
  });

  it('is self-contained: no URL, no script, fonts inlined, a CSP that forbids fetching', () => {
    expect(html).not.toMatch(/https?:/);
    expect(html).not.toMatch(/<script|<link|<img|<iframe/i);
    expect(html).not.toMatch(/url\((?!data:)/);
    expect(html.match(/src:url\(data:font\/woff2;base64,/g)).toHaveLength(20);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:">`);
  });

  it('has one section per step with its established tag, a table and an SVG plot', () => {
    expect(html.match(/<section class="step step-/g)).toHaveLength(foundingExample.steps.length);
    expect(html).toContain('<p class="established established-numeric">Established: numeric (evidence, not a proof).</p>');
    expect(html).toContain('<th class="right">relative error</th>');
    expect(html).toMatch(/<figure>\n<svg viewBox=/);
    expect(html).toContain('<title>Differentiability of f(X) = \\left\\| \\sigma(X) \\right\\|_F^2</title>');
  });

  it('is deterministic', async () => {
    expect(await renderHtml(foundingExample)).toBe(html);
  });
});
