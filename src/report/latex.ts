/**
 * The Derivation as LaTeX: a standalone article, or a fragment to `\input` into
 * a paper whose preamble has `LATEX_PREAMBLE` (the fragment's first lines list
 * it). Text is escaped, math is checked against the whitelist, plots are
 * precomputed data. The article numbers its steps in the text; a fragment's
 * headings are numbered by the host's counters and labelled, so that the host
 * can `\ref` each step. No dates: the output is byte-identical for the same
 * Derivation and options.
 */
import { KinkproofError } from '../diagnostics.js';
import { casesLatex } from './cases.js';
import { escapeLatexText, escapePdfString } from './escape.js';
import { atomsWidth, scanMath } from './mathAtoms.js';
import { breakDisplay, displayWidth, LINE_EM } from './mathBreak.js';
import { mathPlainText } from './mathPlain.js';
import { lineRuns, longestUnbreakable, paragraphRuns } from './mathRuns.js';
import type { Run } from './mathRuns.js';
import { assertSafeMath } from './mathGuard.js';
import { handleBlock, text } from './model.js';
import type { Block, ColumnAlign, Derivation, Inline, Inlines, Step, TableBlock } from './model.js';
import { DEFAULT_LABEL_PREFIX, LABEL_PREFIX, LABEL_PREFIX_RULE } from './latexOptions.js';
import type { LatexOptions, SectionLevel } from './latexOptions.js';
import { pgfplotsFigure } from './pgfplots.js';
import { establishedText, stepNumber } from './wording.js';

/** What a host document needs before `\input`-ing a fragment (T1 matters: the text escapes use its glyphs). */
export const LATEX_PREAMBLE = [
  '\\usepackage[T1]{fontenc}',
  '\\usepackage{lmodern}',
  '\\usepackage{amsmath,amssymb,mathtools}',
  '\\usepackage{booktabs,tabularx}',
  '\\usepackage{pgfplots}',
  '\\pgfplotsset{compat=1.18}',
].join('\n');

export type { LatexOptions, SectionLevel } from './latexOptions.js';

/** Words longer than this many characters (raw input, a run-together title) get break opportunities: TeX would run them into the margin. */
const LONG_WORD = 20;
/** The longest piece of such a word without a break opportunity. */
const WORD_PIECE = 8;

/** A long word's pieces: it breaks after an operator or comma, and at least every WORD_PIECE characters. */
function wordPieces(word: string): string[] {
  return word
    .split(/(?<=[-,;:+*/=(|])/)
    .flatMap((part) => [...part].reduce<string[]>((out, c, i) => (i % WORD_PIECE === 0 && !/\p{M}/u.test(c) ? [...out, c] : [...out.slice(0, -1), `${out.at(-1) ?? ''}${c}`]), []));
}

/** User text escaped, with break opportunities inside overlong words. */
function textLatex(s: string): string {
  return s
    .normalize('NFC')
    .split(/(\s+)/)
    .map((w) => ([...w].length > LONG_WORD ? wordPieces(w).map(escapeLatexText).join('\\allowbreak{}') : escapeLatexText(w)))
    .join('');
}

/** Inline math in a heading, with plain text for hyperref's bookmarks (`\texorpdfstring` is provided where hyperref is absent). */
const headingMath = (latex: string): string => `\\texorpdfstring{$${assertSafeMath(latex)}$}{${escapePdfString(mathPlainText(latex))}}`;

/** Text escaped; math laid out by mathBreak.ts (which checks what goes in) and checked again as it comes out. */
const run = (r: Run): string =>
  r.kind === 'text' ? textLatex(r.text) : r.kind === 'math' ? `$${assertSafeMath(r.latex)}$` : `\n\\[\n${assertSafeMath(r.latex)}\n\\]\n`;

/** A line of text (heading, table cell, caption), or, given its width in em, a paragraph whose too-long math is displayed. */
function inlines(parts: Inlines, paragraphLine?: number): string {
  return (paragraphLine === undefined ? lineRuns(parts) : paragraphRuns(parts, paragraphLine)).map(run).join('');
}

/** A fragment's heading: math with its plain text for PDF bookmarks. */
const headingInlines = (parts: Inlines): string => lineRuns(parts).map((r) => (r.kind === 'math' ? headingMath(r.latex) : run(r))).join('');

/** A width the blocks are laid out for. */
interface Measure {
  /** The line width assumed, in em (mathBreak.ts's estimates). */
  readonly line: number;
  /** Chosen where the host's \linewidth is below this many em; the widest measure has no bound. */
  readonly below?: number;
  /** Tables in smaller type with tighter columns and headers word under word (a column of a two-column page). */
  readonly compactTables?: CompactTables;
}

/** A size command for compact tables, and its em against the text's (\footnotesize: 8 pt in 10 pt). */
interface CompactTables {
  readonly size: '\\footnotesize' | '\\scriptsize';
  readonly em: number;
}

/**
 * A fragment's layouts, narrowest first, for any host: columns of two-column pages (a two-column
 * article has 19.1 em at 12 pt and 22.9 em at 10 pt, IEEEtran 25 em), an article at 11 or 12 pt
 * (33 em), and the 10 pt article the standalone report is. TeX picks one by \linewidth where the
 * fragment is input.
 */
const MEASURES: readonly Measure[] = [
  // \scriptsize is 8 pt in the 12 pt two-column article, as \footnotesize is in the 10 pt one.
  { line: 19, below: 22, compactTables: { size: '\\scriptsize', em: 0.7 } },
  { line: 22, below: 27, compactTables: { size: '\\footnotesize', em: 0.8 } },
  { line: 27, below: 34 },
  { line: LINE_EM },
];
const ARTICLE_MEASURE = MEASURES.at(-1)!;

/** `render` for every measure, as one TeX conditional on \linewidth (layouts that come out the same merged). */
function forEveryWidth(render: (m: Measure) => string): string {
  const variants = MEASURES.map((m) => ({ m, tex: render(m) })).filter((v, i, all) => v.tex !== all[i + 1]?.tex);
  const chain = ([first, ...rest]: typeof variants): string =>
    rest.length === 0 ? first!.tex : `\\ifdim\\linewidth<${first!.m.below}em\\relax\n${first!.tex}\n\\else\n${chain(rest)}\n\\fi`;
  return chain(variants);
}

const displayMath = (latex: string, m: Measure): string => `\\[\n${assertSafeMath(breakDisplay(latex, displayWidth(m.line)))}\n\\]`;

/** A header's words one under another (a narrow column has no room for "finite difference"). */
function stackedHeader(parts: Inlines, align: ColumnAlign): string {
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

function table(block: TableBlock, m: Measure): string {
  const spec = columnSpec(block, m);
  const row = (cells: readonly Inlines[]): string => `${cells.map((c) => inlines(c)).join(' & ')} \\\\`;
  const header = m.compactTables ? block.columns.map((c) => stackedHeader(c.header, c.align)).join(' & ') + ' \\\\' : row(block.columns.map((c) => c.header));
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
    ...caption(block.caption),
    '\\end{center}',
  ];
  return lines.join('\n');
}

function caption(parts: Inlines | undefined): string[] {
  return parts ? ['\\par\\smallskip', `{\\small ${inlines(parts)}}`] : [];
}

const blockLatex = (b: Block, m: Measure): string =>
  handleBlock<string>(
    {
      paragraph: (p) => inlines(p.parts, m.line),
      math: (d) => displayMath(d.latex, m),
      cases: (c) => displayMath(casesLatex(c), m),
      table: (t) => table(t, m),
      plot: (p) => ['\\begin{center}', pgfplotsFigure(p.plot), ...caption(p.caption), '\\end{center}'].join('\n'),
    },
    b,
  );

/** How the title and each step are headed (`heading` is already LaTeX), and how the blocks are laid out. */
interface Headings {
  /** A heading's inlines as LaTeX. */
  readonly text: (parts: Inlines) => string;
  readonly block: (b: Block) => string;
  readonly title: (heading: string) => string;
  /** The step's heading, and whether its "Established" line runs on in the same paragraph. */
  readonly step: (heading: string, index: number) => { readonly head: string; readonly runIn: boolean };
}

/** The fragment's own step counter at level 'none', defined once however many fragments the host inputs. */
const STEP_COUNTER = 'kinkproofstep';
/** Counts the fragments at level 'none', so that hyperref's link targets of their steps differ. */
const FRAGMENT_COUNTER = 'kinkprooffragment';

/** Defines the counters on first use, restarts the steps at 1, and names hyperref's targets (harmless without hyperref). */
const COUNTER_SETUP = [
  `\\ifcsname c@${STEP_COUNTER}\\endcsname\\else\\newcounter{${STEP_COUNTER}}\\newcounter{${FRAGMENT_COUNTER}}\\fi`,
  `\\stepcounter{${FRAGMENT_COUNTER}}\\setcounter{${STEP_COUNTER}}{0}`,
  `\\def\\theH${STEP_COUNTER}{\\arabic{${FRAGMENT_COUNTER}}.\\arabic{${STEP_COUNTER}}}`,
].join('%\n');

/** A fragment's headings carry plain text for PDF bookmarks, and its blocks adapt to the host's line width. */
const FRAGMENT_LAYOUT = { text: headingInlines, block: (b: Block): string => forEveryWidth((m) => blockLatex(b, m)) };

/** Title and steps as two of the host's sectioning commands, numbered by its counters. */
const sectioned = (titleCommand: string, stepCommand: string, labels: readonly string[]): Headings => ({
  ...FRAGMENT_LAYOUT,
  title: (h) => `\\${titleCommand}{${h}}`,
  step: (h, index) => ({ head: `\\${stepCommand}{${h}}\\label{${labels[index]}}`, runIn: false }),
});

/** No sectioning commands: a bold title line and bold run-in step headings, numbered 1, 2, … by STEP_COUNTER. */
const runIn = (labels: readonly string[]): Headings => ({
  ...FRAGMENT_LAYOUT,
  title: (h) => `${COUNTER_SETUP}%\n\\par\\medskip\\noindent\\textbf{${h}}\\par`,
  step: (h, index) => ({
    head: `\\par\\medskip\\noindent\\refstepcounter{${STEP_COUNTER}}\\label{${labels[index]}}\\textbf{\\the${STEP_COUNTER}.\\ ${h}.}`,
    runIn: true,
  }),
});

function fragmentHeadings(level: SectionLevel, labels: readonly string[]): Headings {
  if (level === 'section') return sectioned('section', 'subsection', labels);
  if (level === 'subsection') return sectioned('subsection', 'subsubsection', labels);
  return runIn(labels);
}

/** The article's headings are ragged right (within the heading's group): a long formula in a title moves to the next line whole. */
const RAGGED = '\\raggedright ';

/** The standalone article numbers its steps in the text and labels nothing. */
const ARTICLE_HEADINGS: Headings = {
  text: (parts) => inlines(parts),
  block: (b) => blockLatex(b, ARTICLE_MEASURE),
  title: (h) => `\\section*{${RAGGED}${h}}`,
  step: (h, index) => ({ head: `\\subsection*{${RAGGED}${stepNumber(index)}\\ ${h}}`, runIn: false }),
};

/** `<prefix>:<kind>`, and `<prefix>:<kind>-2`, `-3`, … for later steps of the same kind (one per breakpoint, say). */
function stepLabels(steps: readonly Step[], prefix: string): string[] {
  const seen = new Map<string, number>();
  return steps.map((s) => {
    const n = (seen.get(s.kind) ?? 0) + 1;
    seen.set(s.kind, n);
    return n === 1 ? `${prefix}:${s.kind}` : `${prefix}:${s.kind}-${n}`;
  });
}

function step(s: Step, index: number, headings: Headings): string {
  const { head, runIn } = headings.step(headings.text(s.title), index);
  const established = `\\textit{${textLatex(establishedText(s))}}`;
  const opening = runIn ? [`${head} ${established}`] : [head, established];
  return [...opening, ...s.blocks.map(headings.block)].join('\n\n');
}

function body(d: Derivation, headings: Headings): string {
  const subtitle = d.subtitle ? [inlines(d.subtitle)] : [];
  return [headings.title(headings.text(d.title)), ...subtitle, ...d.steps.map((s, i) => step(s, i, headings))].join('\n\n');
}

/** The fragment's first lines: the preamble it needs and the labels it defines, as comments. */
function fragmentHeader(d: Derivation, labels: readonly string[]): string {
  const comment = (line: string): string => `%   ${line}`;
  // A comment ends at a line break, so a title in one must have none.
  const plain = (title: Inlines): string => title.map((p) => (p.kind === 'text' ? p.text : `$${p.latex}$`)).join('').replace(/\s+/g, ' ');
  const example = Math.max(0, d.steps.findIndex((s) => s.kind === 'gradient'));
  const labelLines = d.steps.length
    ? [
        `% Each step is labelled; \\ref{${labels[example]}} prints the number of "${plain(d.steps[example]!.title)}". The labels:`,
        ...d.steps.map((s, i) => comment(`${labels[i]} (${plain(s.title)})`)),
      ]
    : [];
  return ['% Generated by kinkproof: \\input this file into a LaTeX document whose preamble has these lines:', ...LATEX_PREAMBLE.split('\n').map(comment), ...labelLines].join('\n');
}

function fragment(d: Derivation, opts: LatexOptions): string {
  const prefix = opts.labelPrefix ?? DEFAULT_LABEL_PREFIX;
  if (!LABEL_PREFIX.test(prefix)) throw new KinkproofError('input', `label prefix ${JSON.stringify(prefix.slice(0, 40))}: ${LABEL_PREFIX_RULE}`);
  const labels = stepLabels(d.steps, prefix);
  // Loose lines rather than lines into the margin, as in the standalone article, but only within the fragment's group.
  return [
    fragmentHeader(d, labels),
    '\\providecommand\\texorpdfstring[2]{#1}%',
    '\\begingroup\\emergencystretch=3em\\relax',
    body(d, fragmentHeadings(opts.sectionLevel ?? 'section', labels)),
    '\\endgroup',
    '',
  ].join('\n');
}

/** A standalone LaTeX article (LATEX_PREAMBLE), or with `fragment: true` its body only, headed and labelled for a host document. */
export function renderLatex(d: Derivation, opts: LatexOptions = {}): string {
  if (opts.fragment) return fragment(d, opts);
  return [
    '% Generated by kinkproof.',
    '\\documentclass{article}',
    LATEX_PREAMBLE,
    '\\setlength{\\parindent}{0pt}',
    '\\setlength{\\parskip}{0.6\\baselineskip plus 2pt}',
    // Loose lines rather than lines into the margin, where long inline math leaves TeX no good break.
    '\\setlength{\\emergencystretch}{3em}',
    '\\begin{document}',
    body(d, ARTICLE_HEADINGS),
    '\\end{document}',
    '',
  ].join('\n');
}
