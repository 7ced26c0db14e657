/**
 * A TikZ figure of φ and φ′ from precomputed samples (never user expressions):
 * the LaTeX counterpart of svgPlot.ts. The plot box is the unit square, scaled to
 * 0.72\linewidth by 5.5 cm; the samples are mapped into it here, so TeX reads
 * only short decimals and computes nothing (pgfplots, which drew these figures
 * before, spent 0.1–0.3 s of pdflatex's time on each one).
 */
import type { PlotData, PlotMark } from './model.js';
import { axisTicks, drawnSegments, formatNumber, marksInDrawingOrder, plotBounds } from './plot.js';
import type { Point, Tick, TickLabel } from './plot.js';

const CURVE_STYLE: Record<PlotMark['curve'], { color: string; line: string; legend: string }> = {
  phi: { color: 'blue', line: 'thick', legend: '$\\varphi(t)$' },
  dphi: { color: 'red', line: 'thick, densely dashed', legend: "$\\varphi'(t)$" },
};

/** Filled dots for values taken, open circles for one-sided limits not taken. */
const MARK_STYLE: Record<PlotMark['kind'], string> = {
  value: '',
  limit: ', fill=white',
};

/** Where each legend entry's line starts, from the box's top centre (the two entries are about 100 pt wide). */
const LEGEND_AT: Record<PlotMark['curve'], string> = { phi: '-50pt', dphi: '4pt' };

const texLabel = ({ mantissa, power }: TickLabel): string => (power === null ? mantissa : `${mantissa} \\cdot 10^{${power}}`);

/** A coordinate of the unit box: five decimals, a 20,000th of its side. */
const unit = (v: number): string => formatNumber(v, 5);

/**
 * The x axis in em of the label font: the box is 0.72\linewidth, a column of a two-column page is
 * 220 pt or more, and from 300 pt on the wider set of ticks fits (a one-column article is 345 pt).
 */
const NARROW_AXIS = (0.72 * 220) / 10;
const WIDE_AXIS = (0.72 * 300) / 10;
const WIDE_LINE = '300pt';

/** The lines for the line width the host document has: TeX chooses, where the two differ. */
const byLineWidth = (narrow: readonly string[], wide: readonly string[]): string[] =>
  narrow.join('\n') === wide.join('\n') ? [...wide] : [`\\ifdim\\linewidth<${WIDE_LINE}\\relax`, ...narrow, '\\else', ...wide, '\\fi'];

export function tikzFigure(plot: PlotData): string {
  const b = plotBounds(plot);
  const u = (x: number): string => unit((x - b.xmin) / (b.xmax - b.xmin));
  const v = (y: number): string => unit((y - b.ymin) / (b.ymax - b.ymin));
  const at = (p: Point): string => `(${u(p.x)},${v(p.y)})`;
  const [narrow, wide] = [axisTicks(b.xmin, b.xmax, NARROW_AXIS), axisTicks(b.xmin, b.xmax, WIDE_AXIS)];
  const yTicks = axisTicks(b.ymin, b.ymax);
  const xGrid = (ticks: readonly Tick[]): string[] => ticks.map(({ value }) => `\\draw[gray!20] (${u(value)},0) -- (${u(value)},1);`);
  const xMarks = (ticks: readonly Tick[]): string[] =>
    ticks.map(({ value, label }) => `\\draw (${u(value)},0) -- ++(0,3pt) (${u(value)},1) -- ++(0,-3pt); \\node[below] at (${u(value)},0) {$${texLabel(label)}$};`);
  const grid = [...byLineWidth(xGrid(narrow), xGrid(wide)), ...yTicks.map(({ value }) => `\\draw[gray!20] (0,${v(value)}) -- (1,${v(value)});`)];
  const tickMarks = [
    ...byLineWidth(xMarks(narrow), xMarks(wide)),
    ...yTicks.map(({ value, label }) => `\\draw (0,${v(value)}) -- ++(3pt,0) (1,${v(value)}) -- ++(-3pt,0); \\node[left] at (0,${v(value)}) {$${texLabel(label)}$};`),
  ];
  const breakpoints = plot.breakpoints.filter(Number.isFinite).map((c) => `\\draw[gray, dashed] (${u(c)},0) -- (${u(c)},1);`);
  const curves = (['phi', 'dphi'] as const).flatMap((curve) => {
    const s = CURVE_STYLE[curve];
    return drawnSegments(plot, curve, b)
      .filter((segment) => segment.length > 1)
      .map((segment) => `\\draw[${s.color}, ${s.line}] ${segment.map(at).join(' -- ')};`);
  });
  const marks = marksInDrawingOrder(plot.marks).map((m) => {
    const color = CURVE_STYLE[m.curve].color;
    return `\\filldraw[${color}${MARK_STYLE[m.kind]}] ${at(m)} circle[radius=2pt];`;
  });
  const legend = (['phi', 'dphi'] as const).map((curve) => {
    const s = CURVE_STYLE[curve];
    return `\\draw[${s.color}, ${s.line}] ([xshift=${LEGEND_AT[curve]}, yshift=8pt]0.5,1) -- ++(16pt,0) node[right, text=black] {${s.legend}};`;
  });
  return [
    '\\begin{tikzpicture}[x=0.72\\linewidth, y=5.5cm]',
    ...grid,
    ...breakpoints,
    ...curves,
    '\\draw (0,0) rectangle (1,1);',
    ...tickMarks,
    ...marks,
    '\\node[below=1.4em] at (0.5,0) {$t$};',
    ...legend,
    '\\end{tikzpicture}',
  ].join('\n');
}
