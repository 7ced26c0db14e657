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
import { breakDisplay, displayWidth } from './mathBreak.js';
import { mathPlainText } from './mathPlain.js';
import { lineRuns, paragraphRuns } from './mathRuns.js';
import type { Run } from './mathRuns.js';
import { assertSafeMath } from './mathGuard.js';
import { handleBlock } from './model.js';
import type { Block, Derivation, Inlines, Step } from './model.js';
import { ARTICLE_MEASURE, forEveryWidth } from './latexMeasures.js';
import type { Measure } from './latexMeasures.js';
import { tableLatex } from './latexTable.js';
import { DEFAULT_LABEL_PREFIX, LABEL_PREFIX, LABEL_PREFIX_RULE } from './latexOptions.js';
import type { LatexOptions, SectionLevel } from './latexOptions.js';
import { tikzFigure } from './tikzPlot.js';
import { establishedText, stepNumber } from './wording.js';

/** The packages of every document (T1 matters: the text escapes use its glyphs). */
const TEXT_PACKAGES = ['\\usepackage[T1]{fontenc}', '\\usepackage{lmodern}', '\\usepackage{amsmath,amssymb,mathtools}', '\\usepackage{booktabs,tabularx}'];
/** The plots' package: a standalone document without a plot leaves it out (loading it is most of a short report's compile time). */
const PLOT_PACKAGES = ['\\usepackage{tikz}'];

/** The preamble of a document without plots (the proof index). */
export const TEXT_PREAMBLE = TEXT_PACKAGES.join('\n');

/** What a host document needs before `\input`-ing a fragment. */
export const LATEX_PREAMBLE = [...TEXT_PACKAGES, ...PLOT_PACKAGES].join('\n');

/** The preamble of a standalone article of `d`. */
const articlePreamble = (d: Derivation): string =>
  d.steps.some((s) => s.blocks.some((b) => b.kind === 'plot')) ? LATEX_PREAMBLE : TEXT_PREAMBLE;

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

const displayMath = (latex: string, m: Measure): string => `\\[\n${assertSafeMath(breakDisplay(latex, displayWidth(m.line)))}\n\\]`;

function caption(parts: Inlines | undefined): string[] {
  return parts ? ['\\par\\smallskip', `{\\small ${inlines(parts)}}`] : [];
}

const blockLatex = (b: Block, m: Measure): string =>
  handleBlock<string>(
    {
      paragraph: (p) => inlines(p.parts, m.line),
      math: (d) => displayMath(d.latex, m),
      cases: (c) => displayMath(casesLatex(c), m),
      table: (t) => tableLatex(t, m, (parts) => inlines(parts), caption(t.caption)),
      plot: (p) => ['\\begin{center}', tikzFigure(p.plot), ...caption(p.caption), '\\end{center}'].join('\n'),
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

/** A standalone LaTeX article (LATEX_PREAMBLE, TikZ only with a plot), or with `fragment: true` its body only, headed and labelled for a host document. */
export function renderLatex(d: Derivation, opts: LatexOptions = {}): string {
  if (opts.fragment) return fragment(d, opts);
  return [
    '% Generated by kinkproof.',
    '\\documentclass{article}',
    articlePreamble(d),
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
