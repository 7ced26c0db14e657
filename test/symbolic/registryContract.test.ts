/**
 * The registry's contract, entry by entry: every primitive's chain-rule
 * derivative agrees with central differences of its numeric value, its kernel
 * computes that value, its LaTeX renders with KaTeX; every function analytic on
 * ℝ has enclosures (doubles and any precision) that contain its values,
 * an exact derivative and a series that match finite differences and values
 * near a point, and a preimage that recovers the points it came from.
 * A new registry entry is covered without editing this file.
 */
import { describe, expect, it } from 'vitest';
import katex from 'katex';
import { primitives } from '../../src/symbolic/primitives/registry.js';
import type { PrimitiveName } from '../../src/symbolic/primitives/registry.js';
import { applicationLatex } from '../../src/symbolic/primitives/spec.js';
import type { AnalyticRules } from '../../src/symbolic/exact/analytic.js';
import * as P from '../../src/symbolic/exact/poly.js';
import * as Q from '../../src/symbolic/exact/rational.js';
import { approximate, signOfConstant } from '../../src/symbolic/exact/calculus.js';
import { seriesAt } from '../../src/symbolic/exact/series.js';
import { KinkproofError } from '../../src/diagnostics.js';
import { assertSafeMath } from '../../src/report/mathGuard.js';
import { call, int, VAR } from '../../src/symbolic/scalar/expr.js';
import { evaluateScalar } from '../../src/symbolic/scalar/evaluate.js';
import { toPoly } from '../../src/symbolic/scalar/toPoly.js';

const names = Object.keys(primitives) as PrimitiveName[];
/** Points away from every registry entry's kinks (0) and inside every domain (log: t > 0 is checked separately). */
const POINTS = [-2.75, -1.3, -0.6, 0.35, 0.8, 1.7, 2.9];
const inDomain = (name: PrimitiveName, t: number): boolean => name !== 'log' || t > 0;

/** f′ by central differences of the numeric value (Richardson once: error O(h⁴)). */
function centralDerivative(f: (t: number) => number, t: number): number {
  const d = (h: number): number => (f(t + h) - f(t - h)) / (2 * h);
  const h = 1e-3 * Math.max(1, Math.abs(t));
  return (4 * d(h / 2) - d(h)) / 3;
}

const close = (a: number, b: number, rel: number): boolean => Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));

describe.each(names)('registry entry %s', (name) => {
  const spec = primitives[name];
  const second = 0.45; // the other argument of max/min, away from the probes

  it('its chain-rule derivative agrees with central differences of its value', () => {
    let checked = 0;
    for (const t of POINTS.filter((x) => inDomain(name, x) && Math.abs(x - second) > 0.1)) {
      const args = spec.arity === 2 ? [VAR, { kind: 'const', value: Q.fromShortestDecimal(second) } as const] : [VAR];
      const derivative = spec.derivative(args, spec.arity === 2 ? [int(1), int(0)] : [int(1)]);
      const numeric = centralDerivative((x) => spec.evaluate(x, second), t);
      expect(close(evaluateScalar(derivative, t), numeric, 1e-7), `${name}′(${t})`).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(3);
  });

  it('its kernel computes its value', () => {
    const kernel = new Function('a', 'b', `return ${spec.kernel('a', 'b')};`) as (a: number, b: number) => number;
    for (const t of [...POINTS, 0, 40, -40].filter((x) => inDomain(name, x)))
      expect(close(kernel(t, second), spec.evaluate(t, second), 1e-15), `${name}(${t})`).toBe(true);
  });

  it("its LaTeX renders with KaTeX (trust off) and passes the reports' command whitelist, and so does its definition", () => {
    const latex = applicationLatex(spec, spec.arity === 2 ? ['x', 'y'] : ['x']);
    for (const math of [latex, ...(spec.definition ? [spec.definition] : [])]) {
      expect(() => katex.renderToString(math, { throwOnError: true, trust: false })).not.toThrow();
      expect(() => assertSafeMath(math), math).not.toThrow();
    }
  });
});

/** The registry's functions analytic on ℝ, with their rules (read off the atom they build). */
const analytic: [PrimitiveName, AnalyticRules][] = names.flatMap((name): [PrimitiveName, AnalyticRules][] => {
  const spec = primitives[name];
  if (!spec.elementary || spec.arity !== 1) return [];
  const atom = toPoly(call(name, VAR), { tPositive: false }).terms[0]?.mono.factors[0]?.atom;
  return atom?.kind === 'fn' ? [[name, atom.rules]] : [];
});

describe('functions analytic on ℝ', () => {
  it('are sin, cos, tanh, sigmoid and softplus at least', () => {
    expect(analytic.map(([n]) => n)).toEqual(expect.arrayContaining(['sin', 'cos', 'tanh', 'sigmoid', 'softplus']));
  });

  describe.each(analytic)('%s', (name, rules) => {
    const f = (x: number): number => primitives[name].evaluate(x, 0);

    it('double enclosures contain sampled values, on points and on intervals up to width 6', () => {
      for (const lo of [-30, -3.2, -1, -0.01, 0, 0.5, 2.2, 31]) {
        for (const width of [0, 1e-9, 0.3, 2, 6]) {
          const e = rules.enclose({ lo, hi: lo + width });
          for (let k = 0; k <= 8; k++) {
            const x = lo + (width * k) / 8;
            expect(e.lo <= f(x) && f(x) <= e.hi, `${name}(${x}) in [${e.lo}, ${e.hi}]`).toBe(true);
          }
        }
      }
    });

    it('the exact derivative agrees with central differences; the exact value with the numeric one', () => {
      for (const t of POINTS) {
        const at = P.constant(Q.fromShortestDecimal(t));
        expect(close(approximate(P.analytic(rules, at)), f(t), 1e-14), `${name}(${t})`).toBe(true);
        expect(close(approximate(rules.derivative(at)), centralDerivative(f, t), 1e-8), `${name}′(${t})`).toBe(true);
      }
    });

    it('enclosures at high precision are narrow and agree with the double value (via the exact value)', () => {
      for (const t of [...POINTS, 1e-12, 17.25]) {
        const value = P.analytic(rules, P.constant(Q.fromShortestDecimal(t)));
        const s = signOfConstant(P.sub(value, P.constant(Q.fromNumber(f(t)))));
        // f(t) as a double is within an ulp or two of the exact value, never equal to an irrational one
        expect(s === 1 || s === -1 || P.asRational(value) !== undefined, `${name}(${t})`).toBe(true);
        expect(close(approximate(value), f(t), 4e-16)).toBe(true);
      }
    });

    it('its series at a point matches values nearby, from both sides', () => {
      for (const c of [Q.rat(-3, 2), Q.ZERO, Q.rat(7, 10)]) {
        const fc = P.analytic(rules, P.T);
        for (const side of [1, -1] as const) {
          const s = seriesAt(fc, P.constant(c), side, Q.rat(5));
          for (const u of [1e-2, 1e-3]) {
            const sum = s.terms.reduce((acc, term) => acc + approximate(term.c) * u ** Q.toNumber(term.e), 0);
            expect(close(sum, f(Q.toNumber(c) + side * u), 1e-9), `${name} at ${Q.toText(c)}${side > 0 ? '+' : '-'}${u}`).toBe(true);
          }
        }
      }
    });

    it('its preimage of a constant y holds only points where f = y exactly (or is refused as an infinite family)', () => {
      let found = 0;
      let periodic = 0;
      for (const y of [Q.rat(-1, 2), Q.ZERO, Q.rat(1, 4), Q.rat(1, 2), Q.rat(3, 2), Q.rat(5)]) {
        let us: P.Poly[];
        try {
          us = rules.preimage(P.constant(y));
        } catch (e) {
          expect(e).toBeInstanceOf(KinkproofError);
          expect((e as Error).message).toMatch(/periodic/);
          periodic++;
          continue;
        }
        for (const u of us) expect(signOfConstant(P.sub(P.analytic(rules, u), P.constant(y))), `${name}: f(u) = ${Q.toText(y)}`).toBe(0);
        // none found: y is outside the range, so the values on a wide grid all lie on one side of it
        const sides = new Set(POINTS.concat([-40, 0, 40]).map((x) => Math.sign(f(x) - Q.toNumber(y))));
        if (us.length === 0) expect([...sides], `${name} = ${Q.toText(y)} somewhere`).toHaveLength(1);
        found += us.length;
      }
      // some y is in the range: found, or refused as a periodic family
      expect(found + periodic).toBeGreaterThan(0);
    });
  });
});

// A registry entry without one of its parts is a compile error (tsc runs over the tests in `npm test`):
// @ts-expect-error: `enclose` is missing, and an analytic function cannot go without it
export const incomplete: AnalyticRules = {
  name: 'sin',
  positive: false,
  special: () => undefined,
  derivative: (u) => u,
  encloseBig: (x) => x,
  preimage: () => [],
};

describe('the help text (static, so that --help loads nothing)', () => {
  it('names every registry function and alias', async () => {
    const { HELP } = await import('../../src/cli/help.js');
    for (const name of names) for (const spelling of primitives[name].names) expect(HELP, spelling).toMatch(new RegExp(`\\b${spelling}\\b`));
  });
});
