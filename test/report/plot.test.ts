import { describe, expect, it } from 'vitest';
import type { PlotData } from '../../src/report/model.js';
import { curveSegments, DRAWN_TOLERANCE, drawnPoints, drawnSegments, formatNumber, plotBounds, plotTicks, svgPolylinePoints, tickLabels } from '../../src/report/plot.js';
import type { Point } from '../../src/report/plot.js';
import { renderSvgPlot } from '../../src/report/svgPlot.js';
import { signPlot } from './helpers.js';

describe('formatNumber', () => {
  it('uses fixed decimals without trailing zeros or negative zero', () => {
    expect([0.5, -2, 1 / 3, 1e-9, -1e-9, 123456.78].map((v) => formatNumber(v))).toEqual(['0.5', '-2', '0.3333', '0', '0', '123456.78']);
    expect(formatNumber(Math.PI, 2)).toBe('3.14');
    expect([200, -1000, 0.4, -0.4].map((v) => formatNumber(v, 0))).toEqual(['200', '-1000', '0', '0']);
  });
});

describe('curves', () => {
  it('break at null and non-finite samples', () => {
    expect(curveSegments(signPlot, 'phi')).toEqual([
      [{ x: -1, y: -1 }, { x: -0.5, y: -1 }],
      [{ x: 0.5, y: 1 }, { x: 1, y: 1 }],
    ]);
    expect(curveSegments(signPlot, 'dphi')).toHaveLength(2);
  });

  it('have round ticks, at most nine per axis, the finest such step', () => {
    expect(plotTicks(-2, 2)).toEqual([-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2]);
    expect(plotTicks(-0.32, 4.32)).toEqual([0, 1, 2, 3, 4]);
    expect(plotTicks(-4.4, 5.9)).toEqual([-4, -2, 0, 2, 4]);
    expect(plotTicks(0, 1200)).toEqual([0, 200, 400, 600, 800, 1000, 1200]);
  });

  it('are labelled with the decimals their step needs, sharing a power of ten from 10^5 and below 10^-3', () => {
    const texts = (lo: number, hi: number): string[] => tickLabels(plotTicks(lo, hi)).map((l) => (l.power === null ? l.mantissa : `${l.mantissa}e${l.power}`));
    expect(texts(-2, 2)).toEqual(['-2', '-1.5', '-1', '-0.5', '0', '0.5', '1', '1.5', '2']);
    expect(texts(0.1, 0.4)).toEqual(['0.1', '0.15', '0.2', '0.25', '0.3', '0.35', '0.4']);
    expect(texts(0, 1200)).toEqual(['0', '200', '400', '600', '800', '1000', '1200']);
    expect(texts(-5000, 99999)).toEqual(['0', '20000', '40000', '60000', '80000']);
    // Four fixed decimals showed 0 for all of these; fixed digits ran 15 characters wide for those.
    expect(texts(-0.16e-6, 2.16e-6)).toEqual(['0', '0.5e-6', '1e-6', '1.5e-6', '2e-6']);
    expect(texts(-3e12, 9e13)).toEqual(['0', '2e13', '4e13', '6e13', '8e13']);
    expect(texts(-0.0021, 0.0021)).toEqual(['-0.002', '-0.001', '0', '0.001', '0.002']);
    expect(texts(-0.00021, 0.00021)).toEqual(['-2e-4', '-1e-4', '0', '1e-4', '2e-4']);
    expect(tickLabels([3])).toEqual([{ mantissa: '3', power: null }]);
  });

  it('become SVG points with two decimals', () => {
    expect(svgPolylinePoints([{ x: 1.005, y: 2 }, { x: -0.333333, y: 10 / 3 }])).toBe('1,2 -0.33,3.33');
  });

  it('share padded bounds that include the marks', () => {
    expect(plotBounds(signPlot)).toEqual({ xmin: -1, xmax: 1, ymin: -1.16, ymax: 1.16 });
    expect(plotBounds({ ...signPlot, phi: [0, 0, 0, 0, 0], dphi: [0, 0, 0, 0, 0], marks: [] })).toEqual({ xmin: -1, xmax: 1, ymin: -1, ymax: 1 });
    expect(() => plotBounds({ ...signPlot, phi: [null], dphi: [null], marks: [] })).toThrow('no finite samples');
  });
});

/** `count + 1` samples of `f` evenly across [lo, hi]. */
const sampled = (f: (x: number) => number, lo: number, hi: number, count: number): Point[] =>
  Array.from({ length: count + 1 }, (_, k) => lo + ((hi - lo) * k) / count).map((x) => ({ x, y: f(x) }));

/** The largest vertical distance from a sample to the polyline through `kept` (found by a scan, not by the simplifier's recursion). */
function largestMiss(samples: readonly Point[], kept: readonly Point[]): number {
  let worst = 0;
  for (const s of samples) {
    const j = kept.findIndex((k) => k.x >= s.x);
    if (kept[j]!.x === s.x) continue;
    const [p, q] = [kept[j - 1]!, kept[j]!];
    worst = Math.max(worst, Math.abs(s.y - (p.y + ((q.y - p.y) * (s.x - p.x)) / (q.x - p.x))));
  }
  return worst;
}

describe('the drawn points of a curve', () => {
  it('keep only the ends of a line, and the corners of a kinked line', () => {
    expect(drawnPoints(sampled((x) => 3 * x - 1, -2, 2, 200), 1e-9)).toEqual([{ x: -2, y: -7 }, { x: 2, y: 5 }]);
    expect(drawnPoints(sampled(Math.abs, -1, 1, 4), 1e-9)).toEqual([{ x: -1, y: 1 }, { x: 0, y: 0 }, { x: 1, y: 1 }]);
    expect(drawnPoints(sampled((x) => Math.max(0, x - 0.25), -1, 1, 8), 1e-9)).toEqual([{ x: -1, y: 0 }, { x: 0.25, y: 0 }, { x: 1, y: 0.75 }]);
  });

  it('keep a single spike, every sample of a curve without tolerance, and runs of one or two samples', () => {
    const spike = sampled((x) => (x === 0 ? 1 : 0), -5, 5, 10);
    expect(drawnPoints(spike, 0.5)).toEqual([{ x: -5, y: 0 }, { x: -1, y: 0 }, { x: 0, y: 1 }, { x: 1, y: 0 }, { x: 5, y: 0 }]);
    const parabola = sampled((x) => x * x, -1, 1, 8);
    expect(drawnPoints(parabola, 0)).toEqual(parabola);
    expect(drawnPoints([{ x: 0, y: 1 }], 1)).toEqual([{ x: 0, y: 1 }]);
    expect(drawnPoints([{ x: 0, y: 1 }, { x: 1, y: 5 }], 1)).toEqual([{ x: 0, y: 1 }, { x: 1, y: 5 }]);
  });

  it('pass within the tolerance of every sample left out, keeping both ends, for curved and kinked samples', () => {
    const curves: [string, (x: number) => number][] = [
      ['sin 3t', (x) => Math.sin(3 * x)],
      ['t^3 - t', (x) => x ** 3 - x],
      ['sqrt|t|', (x) => Math.sqrt(Math.abs(x))],
      ['exp t', Math.exp],
      ['|t| sin t', (x) => Math.abs(x) * Math.sin(x)],
    ];
    let checked = 0;
    for (const [name, f] of curves)
      for (const tolerance of [1e-6, 1e-4, 1e-2, 0.1]) {
        const samples = sampled(f, -3, 3, 200);
        const kept = drawnPoints(samples, tolerance);
        expect([kept[0], kept.at(-1)], name).toEqual([samples[0], samples.at(-1)]);
        expect(kept.every((k) => samples.includes(k)), name).toBe(true);
        expect(largestMiss(samples, kept), `${name} at ${tolerance}`).toBeLessThanOrEqual(tolerance);
        checked += samples.length - kept.length;
      }
    expect(checked).toBeGreaterThan(1500);
  });

  it("drawn on the plot, leave out at most the plot's tolerance of its y range and break where the samples do", () => {
    const xs = Array.from({ length: 201 }, (_, k) => -2 + k / 50);
    const plot: PlotData = { xs, phi: xs.map((x) => (x < 0 ? 0 : x * x)), dphi: xs.map((x) => (x === 0 ? null : x < 0 ? 0 : 2 * x)), breakpoints: [0], marks: [] };
    const b = plotBounds(plot);
    const tolerance = DRAWN_TOLERANCE * (b.ymax - b.ymin);
    const [phi] = drawnSegments(plot, 'phi');
    expect(phi!.slice(0, 3)).toEqual([{ x: -2, y: 0 }, { x: 0, y: 0 }, expect.objectContaining({ x: expect.closeTo(0.04, 12) })]);
    expect(largestMiss(curveSegments(plot, 'phi')[0]!, phi!)).toBeLessThanOrEqual(tolerance);
    const rounded = drawnSegments(plot, 'dphi').map((run) => run.map((p) => `(${formatNumber(p.x)},${formatNumber(p.y)})`));
    expect(rounded).toEqual([['(-2,0)', '(-0.02,0)'], ['(0.02,0.04)', '(2,4)']]);
  });
});

describe('renderSvgPlot', () => {
  it('draws one polyline per segment, dashed breakpoints, filled values and open limits', () => {
    const svg = renderSvgPlot(signPlot, { standalone: false });
    expect(svg.match(/<polyline /g)).toHaveLength(4);
    expect(svg.match(/stroke-dasharray="4 4"/g)).toHaveLength(1);
    expect(svg.match(/<circle [^>]*fill="#fff"/g)).toHaveLength(2);
    expect(svg.match(/<circle [^>]*fill="#1f4fd1"/g)).toHaveLength(1);
    expect(svg).not.toContain('xmlns');
    expect(svg).toContain('>−1</text>');
  });

  it('adds the namespace only when standalone, and is deterministic', () => {
    expect(renderSvgPlot(signPlot, { standalone: true })).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" /);
    expect(renderSvgPlot(signPlot, { standalone: true })).toBe(renderSvgPlot(signPlot, { standalone: true }));
  });
});
