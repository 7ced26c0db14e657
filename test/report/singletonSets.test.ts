/**
 * A degenerate interval is a singleton: φ(t) = |t − 1/3| + relu(t)² has
 * φ′₋(0) = φ′₊(0) = −1, so ∂φ(0) = {−1}, never [−1, −1], in every format.
 */
import { describe, expect, it } from 'vitest';
import { summary } from '../../src/cli/summary.js';
import { narrate } from '../../src/report/narrate.js';
import { analyzeSymbolic } from '../../src/symbolic/derive.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { intervalText } from '../../src/analysisText.js';
import { P } from '../../src/symbolic/index.js';

const F = 'sum(abs(X-1/3)+relu(X).^2)';

describe('degenerate intervals print as singletons', () => {
  it('the report lists ∂φ(0) = {−1} beside ∂φ(1/3) = [−1/3, 5/3]', () => {
    for (const brief of [false, true]) {
      const md = renderMarkdown(narrate(analyzeSymbolic(F), null, { brief }));
      expect(md).toContain('\\partial \\varphi(0) = \\{-1\\}');
      expect(md).not.toMatch(/\\left\[-1, -1\\right\]/);
    }
  });

  it('the CLI prints the sets at a point as {−1} and [lo, hi] (|t − 1| + relu(t)²: φ′(0) = −1, ∂φ(1) = [1, 3])', () => {
    const a = analyzeSymbolic('sum(abs(X-1)+relu(X).^2)', { at: [[[0, 1]]] });
    expect(summary(a, null)).toContain('subdifferential per entry [[{-1}, [1, 3]]]');
  });

  it('intervalText orders the ends and collapses equal ones', () => {
    expect(intervalText(P.integer(1), P.integer(-1))).toBe('[-1, 1]');
    expect(intervalText(P.integer(2), P.integer(2))).toBe('{2}');
  });
});
