/**
 * A TikZ figure of φ and φ′ from precomputed samples (never user expressions):
 * the LaTeX counterpart of svgPlot.ts. The plot box is the unit square, scaled to
 * 0.72\linewidth by 5.5 cm; the samples are mapped into it here, so TeX reads
 * only short decimals and computes nothing (pgfplots, which drew these figures
 * before, spent 0.1–0.3 s of pdflatex's time on each one).
 */
import type { PlotData, PlotMark } from './model.js';
import { drawnSegments, formatNumber, plotBounds, plotTicks, tickLabels } from './plot.js';
import type { Point, TickLabel } from './plot.js';

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

export function tikzFigure(plot: PlotData): string {
  const b = plotBounds(plot);
  const u = (x: number): string => unit((x - b.xmin) / (b.xmax - b.xmin));
  const v = (y: number): string => unit((y - b.ymin) / (b.ymax - b.ymin));
  const at = (p: Point): string => `(${u(p.x)},${v(p.y)})`;
  const [xTicks, yTicks] = [plotTicks(b.xmin, b.xmax), plotTicks(b.ymin, b.ymax)];
  const grid = [...xTicks.map((x) => `\\draw[gray!20] (${u(x)},0) -- (${u(x)},1);`), ...yTicks.map((y) => `\\draw[gray!20] (0,${v(y)}) -- (1,${v(y)});`)];
  const [xLabels, yLabels] = [tickLabels(xTicks).map(texLabel), tickLabels(yTicks).map(texLabel)];
  const tickMarks = [
    ...xTicks.map((x, i) => `\\draw (${u(x)},0) -- ++(0,3pt) (${u(x)},1) -- ++(0,-3pt); \\node[below] at (${u(x)},0) {$${xLabels[i]}$};`),
    ...yTicks.map((y, i) => `\\draw (0,${v(y)}) -- ++(3pt,0) (1,${v(y)}) -- ++(-3pt,0); \\node[left] at (0,${v(y)}) {$${yLabels[i]}$};`),
  ];
  const breakpoints = plot.breakpoints.filter(Number.isFinite).map((c) => `\\draw[gray, dashed] (${u(c)},0) -- (${u(c)},1);`);
  const curves = (['phi', 'dphi'] as const).flatMap((curve) => {
    const s = CURVE_STYLE[curve];
    return drawnSegments(plot, curve)
      .filter((segment) => segment.length > 1)
      .map((segment) => `\\draw[${s.color}, ${s.line}] ${segment.map(at).join(' -- ')};`);
  });
  const marks = plot.marks.map((m) => {
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
