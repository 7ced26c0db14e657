/**
 * The simplified forms reach every output: the CLI summary, the JSON, and the
 * reports' ∇f and φ′ displays agree; √ is a radical wherever the report
 * typesets a formula (the verifier's wording included).
 */
import { describe, expect, it } from 'vitest';
import { renderLatex } from '../../src/report/latex.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { cli, parsed } from '../cli/inProcess.js';
import { allMath } from './helpers.js';
import { narrated } from './examples.js';

const HUBER = 'sum(min(abs(X),1).*(abs(X) - min(abs(X),1)/2))';

describe('simplified formulas in every output', () => {
  it("Huber: ∇f = clip(X, −1, 1) in the summary, the JSON and the report's ∇f and φ′", async () => {
    const summary = await cli(['derive', HUBER]);
    expect(summary.stdout).toMatch(/^gradient: +min\(max\(X, -1\), 1\)$/m);
    const out = parsed(await cli(['derive', HUBER, '--json']));
    expect(out['gradient']).toBe('min(max(X, -1), 1)');
    expect(out['gradientLatex']).toBe('\\min(\\max(X, -1), 1)');
    const math = allMath(narrated(HUBER).derivation);
    expect(math).toContain('\\nabla f(X) = \\min(\\max(X, -1), 1),');
    expect(math.some((m) => m.startsWith("\\varphi'(t) = \\min(\\max(t, -1), 1)"))).toBe(true);
    // The product-rule expression is gone from the report.
    expect(math.join('\n')).not.toContain('\\operatorname{sign}');
  });

  it('√ is a radical in the report, the verification table included; 1 − X, not −X + 1', () => {
    const { derivation } = narrated('sum(sqrt(relu(-X)))');
    const tex = renderLatex(derivation, { fragment: false });
    expect(tex).not.toContain('\\operatorname{sqrt}');
    expect(tex).toContain('-0.5/\\sqrt{-t}');
    expect(renderMarkdown(derivation)).not.toContain('operatorname{sqrt}');
    const step = allMath(narrated('sum(relu(1-X))').derivation);
    expect(step.join('\n')).toContain('\\sigma(1 - t)');
    expect(step.join('\n')).not.toContain('-t + 1');
  });

  it('the difference quotient is simplified on its side only when proved, and never repeated', () => {
    // σ(t)^(3/2): for h > 0, h^(3/2)/h = √h.
    const right = allMath(narrated('sum(relu(X).*sqrt(relu(X)))').derivation).join('\n');
    expect(right).toContain('\\lim_{h \\to 0^{+}} \\frac{h^{1.5}}{h} = \\lim_{h \\to 0^{+}} \\sqrt{h} = 0');
    // √σ(−t): √(−h)/h is already as short as it gets; it is written once.
    const left = allMath(narrated('sum(sqrt(relu(-X)))').derivation).join('\n');
    expect(left).toContain('\\lim_{h \\to 0^{-}} \\frac{\\sqrt{-h}}{h} = -\\infty');
    expect(left).not.toContain('\\frac{\\sqrt{-h}}{h} = \\lim');
  });
});
