/**
 * Long tables are set as several tabularx parts (a tabularx cannot break across pages), each
 * repeating the header; the PDF side is checked in fragment.test.ts, where a two-column host
 * typesets such a table without an overfull column.
 */
import { describe, expect, it } from 'vitest';
import { MEASURES } from '../../src/report/latexMeasures.js';
import { tableLatex } from '../../src/report/latexTable.js';
import { math, text } from '../../src/report/model.js';
import type { Inlines, TableBlock } from '../../src/report/model.js';

const cell = (parts: Inlines): string => parts.map((p) => (p.kind === 'math' ? `$${p.latex}$` : p.text)).join('');

/** n claims of `words` words each, with two number columns. */
function claims(n: number, words: number): TableBlock {
  return {
    kind: 'table',
    columns: [
      { header: [text('claim')], align: 'left' },
      { header: [text('numeric')], align: 'right' },
      { header: [text('rel. error')], align: 'right' },
    ],
    rows: Array.from({ length: n }, (_, i) => [[text(`${'word '.repeat(words)}row${i}`)], [math(String(i))], [math('0')]]),
  };
}

const partsOf = (tex: string): string[] => [...tex.matchAll(/\\begin\{tabularx\}[\s\S]*?\\end\{tabularx\}/g)].map((m) => m[0]);
const rowsOf = (part: string): string[] => [...part.matchAll(/row(\d+)/g)].map((m) => m[1]!);

describe('tableLatex', () => {
  const [column, article] = [MEASURES[0]!, MEASURES.at(-1)!];

  it('keeps a table that fits a page whole', () => {
    expect(partsOf(tableLatex(claims(20, 2), article, cell, []))).toHaveLength(1);
  });

  it('splits a long table into parts that keep every row once, in order, each with the header and the same columns', () => {
    for (const m of MEASURES) {
      const tex = tableLatex(claims(120, 6), m, cell, ['caption']);
      const parts = partsOf(tex);
      expect(parts.length, `line ${m.line}`).toBeGreaterThan(2);
      expect(parts.flatMap(rowsOf)).toEqual(Array.from({ length: 120 }, (_, i) => String(i)));
      const spec = parts[0]!.split('\n')[0];
      for (const part of parts) {
        expect(part.split('\n')[0]).toBe(spec);
        expect(part).toMatch(/\\toprule\n.*claim.*\\\\\n\\midrule/);
        expect(part).toMatch(/\\bottomrule\n\\end\{tabularx\}$/);
      }
      // One center environment; the parts are paragraphs (a page may break between them), the caption after the last.
      expect(tex.match(/\\begin\{center\}/g)).toHaveLength(1);
      expect(tex).toContain('\\end{tabularx}\n\n\\medskip\n\\begin{tabularx}');
      expect(tex).toMatch(/\\end\{tabularx\}\ncaption\n\\end\{center\}$/);
    }
  });

  it('puts fewer rows in a part where rows wrap to more lines, in a column of a two-column page and in the article', () => {
    const longest = (m: typeof article, words: number): number => Math.max(...partsOf(tableLatex(claims(200, words), m, cell, [])).map((p) => rowsOf(p).length));
    expect(longest(column, 12)).toBeLessThan(longest(column, 1));
    expect(longest(article, 12)).toBeLessThan(longest(article, 1));
    // Rows of one line: at most about 36 em of a 10 pt page (1.2 em a line) with the header.
    expect(longest(article, 1)).toBeLessThanOrEqual(30);
  });
});
