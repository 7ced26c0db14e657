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

/** A header's words one under another (a narrow column has no room for "finite difference"): its lines. */
function stackedLines(parts: Inlines): Inline[][] {
  const lines: Inline[][] = [[]];
  for (const p of parts) {
    if (p.kind === 'math') lines.at(-1)!.push(p);
    else
      p.text.split(/\s+/).forEach((word, i) => {
        if (i > 0 && lines.at(-1)!.length) lines.push([]);
        if (word) lines.at(-1)!.push(text(word));
      });
  }
  return lines;
}

/** A compact header: its words under one another in a one-column tabular. */
function stackedHeader(parts: Inlines, align: ColumnAlign, inlines: CellLatex): string {
  const lines = stackedLines(parts);
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

/** A table's column spec for a measure, and the width each wrapping column gets (in the table's em). */
interface Columns {
  readonly spec: string;
  /** Per column: its width where it wraps, undefined where its cells stay on one line. */
  readonly wrapWidth: readonly (number | undefined)[];
  /** What each column's cells need (header first, then the rows). */
  readonly cells: readonly (readonly { readonly natural: number }[])[];
}

/**
 * The column spec. The first column (claims, conditions) wraps within the line width; numbers stay on
 * one line. In a table that would not fit the line otherwise every column whose cells can break
 * (text with spaces, numbers like 1.6 · 10^7) wraps too, each taking what its widest unbreakable
 * piece needs and a share of the remaining room in proportion to what it would take on one line
 * (tabularx's `\hsize` weights, which sum to the number of wrapping columns). Headers of compact
 * tables are set word under word.
 */
function columns(block: TableBlock, m: Measure): Columns {
  const cells = block.columns.map((c, i) => [cellNeeds(c.header), ...block.rows.map((r) => cellNeeds(r[i] ?? []))]);
  const needs = cells.map((column, i) => {
    const natural = Math.max(1, ...column.map((n) => Math.max(n.natural, n.least)));
    const least = Math.max(...column.map((n) => n.least));
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
  return {
    spec: block.columns.map((c, i) => (wraps[i] ? `>{${weight(i)}${ragged(c)}\\arraybackslash}X` : c.align === 'right' ? 'r' : 'l')).join(''),
    wrapWidth: widths.map((w, i) => (wraps[i] ? Math.max(room, least) * (w / total) : undefined)),
    cells,
  };
}

/**
 * The most a part of a table may take, in the text's em: less than a page or column of the hosts
 * latexMeasures.ts names (43 em in a 12 pt article, 52 em at 10 pt). A `tabularx` cannot break
 * across pages, so a longer table is set as several, each repeating the header; one that fits
 * stays whole.
 */
const PART_EM = 36;
/** A line of a table's type, in its em (\baselineskip is 1.2 em at 10 pt, 9.5 pt in 8 pt type). */
const LINE_HEIGHT = 1.2;
/** Estimated lines of each row (header first): the most any of its wrapping cells takes (widths are estimated generously). */
function rowLines({ wrapWidth, cells }: Columns, rows: number): number[] {
  return Array.from({ length: rows }, (_, r) =>
    Math.max(1, ...cells.map((column, i) => (wrapWidth[i] === undefined ? 1 : Math.ceil(column[r]!.natural / wrapWidth[i]!)))),
  );
}

/** The rows split into consecutive parts whose estimated height, with the header's, stays within PART_EM. */
function parts<T>(rows: readonly T[], lines: readonly number[], headerLines: number, budgetLines: number): T[][] {
  const out: T[][] = [[]];
  let used = headerLines;
  rows.forEach((row, i) => {
    if (out.at(-1)!.length && used + lines[i]! > budgetLines) {
      out.push([]);
      used = headerLines;
    }
    out.at(-1)!.push(row);
    used += lines[i]!;
  });
  return out;
}

/** The table in a `center` environment, `captionLines` under it. */
export function tableLatex(block: TableBlock, m: Measure, inlines: CellLatex, captionLines: readonly string[]): string {
  const layout = columns(block, m);
  const row = (cells: readonly Inlines[]): string => `${cells.map((c) => inlines(c)).join(' & ')} \\\\`;
  const header = m.compactTables ? block.columns.map((c) => stackedHeader(c.header, c.align, inlines)).join(' & ') + ' \\\\' : row(block.columns.map((c) => c.header));
  const [wrappedHeader, ...lines] = rowLines(layout, block.rows.length + 1);
  const headerLines = m.compactTables ? Math.max(...block.columns.map((c) => stackedLines(c.header).length)) : wrappedHeader!;
  // The rules take about a line more.
  const budget = PART_EM / (LINE_HEIGHT * (m.compactTables?.em ?? 1));
  const tables = parts(block.rows, lines, headerLines + 1, budget).map((rows) =>
    [`\\begin{tabularx}{\\linewidth}{${layout.spec}}`, '\\toprule', header, '\\midrule', ...rows.map(row), '\\bottomrule', '\\end{tabularx}'].join('\n'),
  );
  return [
    // Local to the center environment's group: the host's own tables keep its settings.
    m.compactTables ? `\\begin{center}${m.compactTables.size}\\setlength{\\tabcolsep}{2pt}` : '\\begin{center}',
    // Each part a paragraph of its own: a page may break between them.
    tables.join('\n\n\\medskip\n'),
    ...captionLines,
    '\\end{center}',
  ].join('\n');
}
