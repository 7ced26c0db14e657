/**
 * The Derivation as Markdown for docs pipelines with remark-math / rehype-katex
 * (and others that read the same syntax): `$…$` inline math, `$$…$$` display
 * math on lines of its own, GFM tables, plots as SVG images.
 */
import { casesLatex } from './cases.js';
import { escapeMarkdownText } from './escape.js';
import { assertSafeMath } from './mathGuard.js';
import { handleBlock } from './model.js';
import type { BlockHandlers, Derivation, Inlines, PlotBlock, Step, TableBlock } from './model.js';
import { renderSvgPlot } from './svgPlot.js';
import { establishedText, PLOT_LEGEND, stepNumber } from './wording.js';

export interface MarkdownOptions {
  /**
   * The (relative) URL at which the caller will store the SVG of the i-th plot
   * (counting from 0), e.g. from `renderSvgPlot`. Without it, plots are
   * embedded as data: URLs.
   */
  readonly plotHref?: (plotIndex: number) => string;
  /** Level of the title's heading (default 1, a page of its own); steps are one level deeper, at most 6. */
  readonly headingDepth?: number;
}

const inlineMath = (latex: string): string => `$${assertSafeMath(latex).replace(/\s*\n\s*/g, ' ').trim()}$`;
const displayMath = (latex: string): string => `$$\n${assertSafeMath(latex).trim()}\n$$`;

/** GFM splits table cells at every `|`, even inside math: use the equivalent \vert and \Vert there. */
const withoutPipes = (latex: string): string =>
  latex.replace(/\\[A-Za-z]+|\\.|\|/g, (token) => (token === '|' ? '\\vert ' : token === '\\|' ? '\\Vert ' : token));

function inlines(parts: Inlines, inTable = false): string {
  return parts
    .map((p) => (p.kind === 'text' ? escapeMarkdownText(p.text) : inlineMath(inTable ? withoutPipes(p.latex) : p.latex)))
    .join('');
}

function table(b: TableBlock): string {
  const row = (cells: readonly Inlines[]): string => `| ${cells.map((c) => inlines(c, true)).join(' | ')} |`;
  const rule = `| ${b.columns.map((c) => (c.align === 'right' ? '---:' : ':---')).join(' | ')} |`;
  const lines = [row(b.columns.map((c) => c.header)), rule, ...b.rows.map(row)];
  return [lines.join('\n'), ...(b.caption ? [inlines(b.caption)] : [])].join('\n\n');
}

function plotImage(b: PlotBlock, href: string): string {
  const alt = escapeMarkdownText(`Plot of ${PLOT_LEGEND.phi} and ${PLOT_LEGEND.dphi}`);
  return [`![${alt}](${href})`, ...(b.caption ? [inlines(b.caption)] : [])].join('\n\n');
}

/** A plot as a self-contained SVG data: URL. */
export const svgDataUrl = (b: PlotBlock): string =>
  `data:image/svg+xml;base64,${Buffer.from(renderSvgPlot(b.plot, { standalone: true })).toString('base64')}`;

export function renderMarkdown(d: Derivation, opts: MarkdownOptions = {}): string {
  let plots = 0;
  const blocks: BlockHandlers<string> = {
    paragraph: (b) => inlines(b.parts),
    math: (b) => displayMath(b.latex),
    cases: (b) => displayMath(casesLatex(b)),
    table,
    plot: (b) => plotImage(b, opts.plotHref ? opts.plotHref(plots++) : svgDataUrl(b)),
  };
  const depth = Math.min(Math.max(Math.trunc(opts.headingDepth ?? 1), 1), 6);
  const step = (s: Step, index: number): string =>
    [
      `${'#'.repeat(Math.min(depth + 1, 6))} ${stepNumber(index)} ${inlines(s.title)}`,
      `*${escapeMarkdownText(establishedText(s))}*`,
      ...s.blocks.map((b) => handleBlock(blocks, b)),
    ].join('\n\n');
  const parts = [`${'#'.repeat(depth)} ${inlines(d.title)}`, ...(d.subtitle ? [inlines(d.subtitle)] : []), ...d.steps.map(step)];
  return `${parts.join('\n\n')}\n`;
}
