import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/report/markdown.js';
import { foundingExample } from './foundingExample.js';

const md = renderMarkdown(foundingExample, { plotHref: (i) => `founding-plot-${i}.svg` });

/** Lines outside $$ … $$ display blocks. */
function textLines(markdown: string): string[] {
  const out: string[] = [];
  let inDisplay = false;
  for (const line of markdown.split('\n')) {
    if (line === '$$') inDisplay = !inDisplay;
    else if (!inDisplay) out.push(line);
  }
  expect(inDisplay).toBe(false);
  return out;
}

describe('renderMarkdown', () => {
  it('puts display math on lines of its own, surrounded by blank lines', () => {
    const lines = md.split('\n');
    let opening: number | undefined;
    lines.forEach((line, i) => {
      if (line.includes('$$')) expect(line).toBe('$$');
      if (line !== '$$') return;
      if (opening === undefined) opening = i;
      else {
        expect([lines[opening - 1], lines[i + 1]]).toEqual(['', '']);
        expect(lines.slice(opening + 1, i).every((l) => l.trim() !== '')).toBe(true);
        opening = undefined;
      }
    });
    expect(md).toContain('$$\n\\lim_{h\\to0^+}\\frac{\\varphi(h)-\\varphi(0)}{h} = \\lim_{h\\to0^+}\\frac{h^2}{h} = 0,\n$$');
    expect(md).toContain('$$\n\\varphi(t) = \\begin{cases} t^2 & \\text{if } t > 0 \\\\ 0 & \\text{if } t \\le 0 \\end{cases}\n$$');
  });

  it('writes inline math as $…$ with balanced, unescaped dollars', () => {
    expect(md).toContain('# Differentiability of $f(X) = \\left\\| \\sigma(X) \\right\\|_F^2$\n');
    expect(md).toContain('## 5. One-sided limits at $t = 0$');
    for (const line of textLines(md)) expect((line.replace(/\\\$/g, '').match(/\$/g) ?? []).length % 2, line).toBe(0);
  });

  it('writes GFM tables, avoiding | inside math cells', () => {
    expect(md).toContain('| point | finite difference | symbolic | relative error |\n| :--- | ---: | ---: | ---: |\n| $X = [2]$ | $4.000000$ |');
    const table = renderMarkdown({
      title: [{ kind: 'text', text: 'T' }],
      steps: [{ kind: 'verification', title: [], established: 'numeric', blocks: [{ kind: 'table', columns: [{ header: [{ kind: 'text', text: 'a|b' }], align: 'left' }], rows: [[[{ kind: 'math', latex: '\\left| x \\right| + \\|y\\| \\\\' }]]] }] }],
    });
    expect(table).toContain('| a\\|b |\n| :--- |\n| $\\left\\vert  x \\right\\vert  + \\Vert y\\Vert  \\\\$ |');
  });

  it('links plots to the given files, or embeds them as SVG data URLs', () => {
    expect(md).toContain('![Plot of φ(t) and φ′(t)](founding-plot-0.svg)');
    expect(renderMarkdown(foundingExample)).toMatch(/!\[Plot of φ\(t\) and φ′\(t\)\]\(data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+\)/);
  });

  it('tags every step and is deterministic', () => {
    expect(md.match(/^\*Established: /gm)).toHaveLength(foundingExample.steps.length);
    expect(renderMarkdown(foundingExample, { plotHref: (i) => `founding-plot-${i}.svg` })).toBe(md);
  });
});
