/** A pgfplots figure of φ and φ′ from precomputed samples (never user expressions). */
import type { PlotData, PlotMark } from './model.js';
import { formatNumber, pgfplotsCoordinates, plotBounds } from './plot.js';

const CURVE_STYLE: Record<PlotMark['curve'], { color: string; line: string; legend: string }> = {
  phi: { color: 'blue', line: 'thick', legend: "$\\varphi(t)$" },
  dphi: { color: 'red', line: 'thick, densely dashed', legend: "$\\varphi'(t)$" },
};

/** Filled dots for values taken, open circles for one-sided limits not taken. */
const MARK_STYLE: Record<PlotMark['kind'], string> = {
  value: 'mark=*',
  limit: 'mark=o, mark options={fill=white}',
};

function marksPlots(plot: PlotData): string[] {
  const out: string[] = [];
  for (const curve of ['phi', 'dphi'] as const)
    for (const kind of ['value', 'limit'] as const) {
      const marks = plot.marks.filter((m) => m.curve === curve && m.kind === kind);
      if (marks.length === 0) continue;
      const coordinates = marks.map((m) => `(${formatNumber(m.x)},${formatNumber(m.y)})`).join(' ');
      out.push(`\\addplot[only marks, ${MARK_STYLE[kind]}, ${CURVE_STYLE[curve].color}, forget plot] coordinates {${coordinates}};`);
    }
  return out;
}

export function pgfplotsFigure(plot: PlotData): string {
  const b = plotBounds(plot);
  const [ymin, ymax] = [formatNumber(b.ymin), formatNumber(b.ymax)];
  const curves = (['phi', 'dphi'] as const).flatMap((curve) => {
    const s = CURVE_STYLE[curve];
    return [`\\addplot[${s.color}, ${s.line}] coordinates {${pgfplotsCoordinates(plot, curve)}};`, `\\addlegendentry{${s.legend}}`];
  });
  const breakpoints = plot.breakpoints
    .filter(Number.isFinite)
    .map((c) => `\\addplot[gray, dashed, forget plot] coordinates {(${formatNumber(c)},${ymin}) (${formatNumber(c)},${ymax})};`);
  return [
    '\\begin{tikzpicture}',
    '\\begin{axis}[',
    '  scale only axis, width=0.72\\linewidth, height=5.5cm,',
    `  xmin=${formatNumber(b.xmin)}, xmax=${formatNumber(b.xmax)}, ymin=${ymin}, ymax=${ymax},`,
    '  xlabel={$t$}, unbounded coords=jump, grid=major, grid style={gray!20},',
    '  legend columns=2, legend cell align=left,',
    '  legend style={at={(0.5,1.03)}, anchor=south, draw=none},',
    ']',
    ...breakpoints,
    ...curves,
    ...marksPlots(plot),
    '\\end{axis}',
    '\\end{tikzpicture}',
  ].join('\n');
}
