/**
 * Markdown whose plots are SVG files beside it: common Markdown hosts (GitHub
 * among them) strip `data:` images, so `build` and a single-file `--md` write
 * each plot as `STEM-plot-N.svg` in the page's folder and link it relatively.
 */
import type { Derivation, PlotBlock } from './model.js';
import { renderMarkdown } from './markdown.js';
import { renderSvgPlot } from './svgPlot.js';

export interface PlotFile {
  /** The file name, in the folder of the Markdown page. */
  readonly name: string;
  readonly content: string;
}

/** The i-th plot's file name (from 0). */
export const plotFileName = (stem: string, i: number): string => `${stem}-plot-${i + 1}.svg`;

/** A file name as a relative URL: percent-encoded, parentheses too, so that a Markdown link cannot end early. */
export const relativeHref = (name: string): string =>
  encodeURIComponent(name).replace(/[()'!*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

const plotBlocks = (d: Derivation): PlotBlock[] => d.steps.flatMap((s) => s.blocks.filter((b): b is PlotBlock => b.kind === 'plot'));

export function markdownWithPlotFiles(d: Derivation, stem: string): { markdown: string; plots: PlotFile[] } {
  return {
    markdown: renderMarkdown(d, { plotHref: (i) => relativeHref(plotFileName(stem, i)) }),
    plots: plotBlocks(d).map((b, i) => ({ name: plotFileName(stem, i), content: renderSvgPlot(b.plot, { standalone: true }) })),
  };
}
