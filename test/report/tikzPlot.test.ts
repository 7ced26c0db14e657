import { describe, expect, it } from 'vitest';
import type { PlotData } from '../../src/report/model.js';
import { curveSegments, DRAWN_TOLERANCE, plotBounds } from '../../src/report/plot.js';
import type { Point } from '../../src/report/plot.js';
import { tikzFigure } from '../../src/report/tikzPlot.js';
import { signPlot } from './helpers.js';

const POINT = String.raw`\((-?[0-9.]+),(-?[0-9.]+)\)`;
const POLYLINE = new RegExp(`^${POINT}( -- ${POINT})*;$`);

/** The polylines of one style in a figure (not its legend's line), each as its points in the unit box. */
function paths(tex: string, style: string): Point[][] {
  const prefix = `\\draw[${style}] `;
  return tex
    .split('\n')
    .filter((line) => line.startsWith(prefix) && POLYLINE.test(line.slice(prefix.length)))
    .map((line) => [...line.matchAll(new RegExp(POINT, 'g'))].map((m) => ({ x: Number(m[1]), y: Number(m[2]) })));
}

describe('the TikZ figure', () => {
  it('draws one path per unbroken run, a dashed line per breakpoint, filled values and open limits', () => {
    const tex = tikzFigure(signPlot);
    expect(tex.startsWith('\\begin{tikzpicture}[x=0.72\\linewidth, y=5.5cm]\n')).toBe(true);
    expect(tex.endsWith('\n\\end{tikzpicture}')).toBe(true);
    // t in [-1, 1], y in [-1.16, 1.16]: (t, y) is drawn at ((t + 1)/2, (y + 1.16)/2.32).
    expect(paths(tex, 'blue, thick')).toEqual([
      [{ x: 0, y: 0.06897 }, { x: 0.25, y: 0.06897 }],
      [{ x: 0.75, y: 0.93103 }, { x: 1, y: 0.93103 }],
    ]);
    // φ′ = 0 on both sides; the run right of 0 has one sample (φ′(1) is missing), which draws nothing.
    expect(paths(tex, 'red, thick, densely dashed')).toEqual([[{ x: 0, y: 0.5 }, { x: 0.25, y: 0.5 }]]);
    expect(paths(tex, 'gray, dashed')).toEqual([[{ x: 0.5, y: 0 }, { x: 0.5, y: 1 }]]);
    expect(tex.match(/\\filldraw\[blue\] \(0\.5,0\.5\) circle\[radius=2pt\];/g)).toHaveLength(1);
    expect(tex.match(/\\filldraw\[blue, fill=white\] \(0\.5,0\.(06897|93103)\) circle\[radius=2pt\];/g)).toHaveLength(2);
    expect(tex).toContain('\\draw[blue, thick] ([xshift=-50pt, yshift=8pt]0.5,1) -- ++(16pt,0) node[right, text=black] {$\\varphi(t)$};');
    expect(tex).toContain("\\draw[red, thick, densely dashed] ([xshift=4pt, yshift=8pt]0.5,1) -- ++(16pt,0) node[right, text=black] {$\\varphi'(t)$};");
  });

  it('passes within the tolerance (and the rounding) of every sample, mapped back from the box', () => {
    const xs = Array.from({ length: 201 }, (_, k) => -3 + (6 * k) / 200);
    const curves: [string, (t: number) => number][] = [
      ['|t|·sin 3t', (t) => Math.abs(t) * Math.sin(3 * t)],
      ['relu(t)^3 - t', (t) => Math.max(t, 0) ** 3 - t],
      ['sqrt|t|', (t) => Math.sqrt(Math.abs(t))],
    ];
    let checked = 0;
    for (const [name, f] of curves) {
      const plot: PlotData = { xs, phi: xs.map(f), dphi: xs.map(() => 0), breakpoints: [], marks: [] };
      const b = plotBounds(plot);
      const [drawn] = paths(tikzFigure(plot), 'blue, thick');
      const data = drawn!.map((p) => ({ x: b.xmin + p.x * (b.xmax - b.xmin), y: b.ymin + p.y * (b.ymax - b.ymin) }));
      // The box's coordinates have five decimals; allow ten times that, as a steep slope turns x's rounding into y.
      const rounding = 1e-4 * (b.ymax - b.ymin);
      const samples = curveSegments(plot, 'phi')[0]!;
      let worst = 0;
      for (const s of samples) {
        const j = data.findIndex((d) => d.x >= s.x - 1e-9);
        const [p, q] = Math.abs(data[j]!.x - s.x) < 1e-4 ? [data[j]!, data[j]!] : [data[j - 1]!, data[j]!];
        const y = p === q ? p.y : p.y + ((q.y - p.y) * (s.x - p.x)) / (q.x - p.x);
        worst = Math.max(worst, Math.abs(y - s.y));
      }
      expect(worst, name).toBeLessThanOrEqual(DRAWN_TOLERANCE * (b.ymax - b.ymin) + rounding);
      expect(data.length, name).toBeLessThan(samples.length);
      checked += samples.length;
    }
    expect(checked).toBe(603);
  });
});
