/**
 * A table as `tabularx` for a given measure (latexMeasures.ts): claims wrap within the line, numbers
 * stay on a line; a table too wide for it lets every breakable column wrap, and a compact one
 * (a column of a two-column page) is set in smaller type with its headers word under word.
 * Widths are estimates in em, as for formulas (mathAtoms.ts).
 */
import { atomsWidth, scanMath } from './mathAtoms.js';
import { longestUnbreakable } from './mathRuns.js';
import type { Measure } from './latexMeasures.js';
import { text } from './model.js';
import type { ColumnAlign, Inline, Inlines, TableBlock } from './model.js';

/** Renders a cell's (or header line's) inlines as LaTeX. */
type CellLatex = (parts: Inlines) => string;

/** A header's words one under another (a narrow column has no room for "finite difference"). */
function stackedHeader(parts: Inlines, align: ColumnAlign, inlines: CellLatex): string {
  const lines: Inline[][] = [[]];
  for (const p of parts) {
    if (p.kind === 'math') lines.at(-1)!.push(p);
    else
      p.text.split(/\s+/).forEach((word, i) => {
        if (i > 0 && lines.at(-1)!.length) lines.push([]);
        if (word) lines.at(-1)!.push(text(word));
      });
  }
  if (lines.length < 2) return inlines(parts);
  return `\\begin{tabular}[b]{@{}${align === 'right' ? 'r' : 'l'}@{}}${lines.map((l) => inlines(l)).join(' \\\\ ')}\\end{tabular}`;
}

/** Text's estimated width in em: capitals about 0.75 em, other characters half an em. */
const textWidth = (t: string): number => [...t].reduce((w, c) => w + (/\p{Lu}/u.test(c) ? 0.75 : 0.5), 0);

/** What a cell needs, in estimated em: its width on one line, and its widest piece no line break can split. */
function cellNeeds(cell: Inlines): { readonly natural: number; readonly least: number } {
  const parts = cell.map((p) => {
    if (p.kind === 'math') {
      const atoms = scanMath(p.latex);
      return { natural: atomsWidth(atoms), least: longestUnbreakable(atoms) };
    }
    const words = p.text.split(/\s+/).map(textWidth);
    return { natural: textWidth(p.text), least: Math.max(0, ...words) };
  });
  return { natural: parts.reduce((w, p) => w + p.natural, 0), least: Math.max(0, ...parts.map((p) => p.least)) };
}

/** The room a column's \tabcolsep of 2 pt takes on both sides in compact tables (in 8 pt type). */
const COMPACT_GAP_EM = 0.5;
/** The same room at the default \tabcolsep of 6 pt in 10 pt type. */
const GAP_EM = 1.2;

/**
 * The column spec. The first column (claims, conditions) wraps within the line width; numbers stay on
 * one line. In a table that would not fit the line otherwise every column whose cells can break
 * (text with spaces, numbers like 1.6 · 10^7) wraps too, each taking what its widest unbreakable
 * piece needs and a share of the remaining room in proportion to what it would take on one line
 * (tabularx's `\hsize` weights, which sum to the number of wrapping columns). Headers of compact
 * tables are set word under word.
 */
function columnSpec(block: TableBlock, m: Measure): string {
  const needs = block.columns.map((c, i) => {
    const cells = [cellNeeds(c.header), ...block.rows.map((r) => cellNeeds(r[i] ?? []))];
    const natural = Math.max(1, ...cells.map((n) => Math.max(n.natural, n.least)));
    const least = Math.max(...cells.map((n) => n.least));
    return { natural, least, breakable: i === 0 || least < natural };
  });
  const [em, gap] = m.compactTables ? [m.compactTables.em, COMPACT_GAP_EM] : [1, GAP_EM];
  const tooWide = needs.reduce((w, n) => w + n.natural + gap, 0) > m.line / em;
  const wraps = needs.map((n, i) => i === 0 || (tooWide && n.breakable));
  const wrapping = needs.filter((_, i) => wraps[i]);
  const room = m.line / em - needs.length * gap - needs.reduce((w, n, i) => w + (wraps[i] ? 0 : n.natural), 0);
  const least = wrapping.reduce((w, n) => w + n.least, 0);
  const natural = wrapping.reduce((w, n) => w + n.natural, 0);
  const stretch = Math.min(1, Math.max(0, (room - least) / Math.max(natural - least, 1e-9)));
  const widths = needs.map((n) => n.least + (n.natural - n.least) * stretch);
  const total = widths.reduce((w, x, i) => w + (wraps[i] ? x : 0), 0);
  const weight = (i: number): string => (wrapping.length > 1 ? `\\hsize=${((wrapping.length * widths[i]!) / total).toFixed(3)}\\hsize` : '');
  const ragged = (c: TableBlock['columns'][number]): string => (c.align === 'right' ? '\\raggedleft' : '\\raggedright');
  return block.columns
    .map((c, i) => (wraps[i] ? `>{${weight(i)}${ragged(c)}\\arraybackslash}X` : c.align === 'right' ? 'r' : 'l'))
    .join('');
}

/** The table in a `center` environment, `captionLines` under it. */
export function tableLatex(block: TableBlock, m: Measure, inlines: CellLatex, captionLines: readonly string[]): string {
  const spec = columnSpec(block, m);
  const row = (cells: readonly Inlines[]): string => `${cells.map((c) => inlines(c)).join(' & ')} \\\\`;
  const header = m.compactTables ? block.columns.map((c) => stackedHeader(c.header, c.align, inlines)).join(' & ') + ' \\\\' : row(block.columns.map((c) => c.header));
  const lines = [
    // Local to the center environment's group: the host's own tables keep its settings.
    m.compactTables ? `\\begin{center}${m.compactTables.size}\\setlength{\\tabcolsep}{2pt}` : '\\begin{center}',
    `\\begin{tabularx}{\\linewidth}{${spec}}`,
    '\\toprule',
    header,
    '\\midrule',
    ...block.rows.map(row),
    '\\bottomrule',
    '\\end{tabularx}',
    ...captionLines,
    '\\end{center}',
  ];
  return lines.join('\n');
}
