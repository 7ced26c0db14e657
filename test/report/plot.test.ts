import { describe, expect, it } from 'vitest';
import type { PlotData } from '../../src/report/model.js';
import { curveSegments, formatNumber, pgfplotsCoordinates, plotBounds, svgPolylinePoints } from '../../src/report/plot.js';
import { renderSvgPlot } from '../../src/report/svgPlot.js';

/** sign(t): a jump at 0, so φ has a null there and its value and limits are marked. */
const signPlot: PlotData = {
  xs: [-1, -0.5, 0, 0.5, 1],
  phi: [-1, -1, null, 1, 1],
  dphi: [0, 0, null, 0, Number.NaN],
  breakpoints: [0],
  marks: [
    { x: 0, y: 0, curve: 'phi', kind: 'value' },
    { x: 0, y: -1, curve: 'phi', kind: 'limit' },
    { x: 0, y: 1, curve: 'phi', kind: 'limit' },
  ],
};

describe('formatNumber', () => {
  it('uses fixed decimals without trailing zeros or negative zero', () => {
    expect([0.5, -2, 1 / 3, 1e-9, -1e-9, 123456.78].map((v) => formatNumber(v))).toEqual(['0.5', '-2', '0.3333', '0', '0', '123456.78']);
    expect(formatNumber(Math.PI, 2)).toBe('3.14');
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

  it('become pgfplots coordinates with nan where the line breaks', () => {
    expect(pgfplotsCoordinates(signPlot, 'phi')).toBe('(-1,-1) (-0.5,-1) (0,nan) (0.5,1) (1,1)');
    expect(pgfplotsCoordinates(signPlot, 'dphi')).toBe('(-1,0) (-0.5,0) (0,nan) (0.5,0) (1,nan)');
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
