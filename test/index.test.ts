import { describe, expect, it } from 'vitest';
import { derive, deriveAnalysis, KinkproofError, MATRIX, printText, checkEqual, narrate, renderLatex } from '../src/index.js';

describe('library API', () => {
  it('deriveAnalysis() gives the typed analysis with verification', () => {
    const a = deriveAnalysis("norm(relu(X),'fro')^2", { at: [[[2.5, -1], [0, 4]]] });
    expect(a.entry.smoothness).toBe(1);
    expect(a.gradient && printText(a.gradient, MATRIX)).toBe('2*relu(X)');
    expect(a.points[0]!.gradient).toEqual([[5, 0], [0, 8]]);
    expect(a.verification?.status).toBe('passed');
  });

  it('derive() gives the same derivation as plain JSON-safe data', () => {
    const d = derive("norm(relu(X),'fro')^2", { at: [[[2.5, -1], [0, 4]]] });
    if (!d.separable) throw new Error('expected the separable answer');
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
    expect([d.smoothness, d.gradient, d.gradientLatex]).toEqual(['C1', '2*relu(X)', '2 \\sigma(X)']);
    expect(d.at[0]!.gradient).toEqual([[5, 0], [0, 8]]);
    expect(d.verification?.status).toBe('passed');
    const kinked = derive('sum(abs(X))', { verify: false });
    if (!kinked.separable) throw new Error('expected the separable answer');
    expect(JSON.parse(JSON.stringify(kinked))).toEqual(kinked);
    expect(kinked.subdifferential.kind).toBe('convex');
    expect(kinked.subdifferential.latex).toContain('\\partial f(X)');
    expect(kinked.verification).toBeUndefined();
  });

  it('derive() can skip verification and throws KinkproofError on bad input', () => {
    expect(deriveAnalysis('sum(relu(X))', { verify: false }).verification).toBeNull();
    expect(() => derive('sum(relu(X)')).toThrow(KinkproofError);
  });

  it('exposes checking and rendering; renderLatex needs no options', () => {
    expect(checkEqual('abs(X)', 'max(X,-X)').verdict).toBe('correct');
    const a = deriveAnalysis('sum(abs(X))', { seed: 3 });
    const d = narrate(a, a.verification);
    expect(renderLatex(d, { fragment: true })).toContain('\\partial f(X)');
    expect(renderLatex(d)).toBe(renderLatex(d, { fragment: false }));
    expect(renderLatex(d)).toContain('\\documentclass{article}');
  });
});
