import { describe, expect, it } from 'vitest';
import { derive, KinkproofError, MATRIX, printText, checkEqual, narrate, renderLatex } from '../src/index.js';

describe('library API', () => {
  it('derive() gives the typed analysis with verification', () => {
    const a = derive("norm(relu(X),'fro')^2", { at: [[[2.5, -1], [0, 4]]] });
    expect(a.entry.smoothness).toBe(1);
    expect(a.gradient && printText(a.gradient, MATRIX)).toBe('2*relu(X)');
    expect(a.points[0]!.gradient).toEqual([[5, 0], [0, 8]]);
    expect(a.verification?.status).toBe('passed');
  });

  it('derive() can skip verification and throws KinkproofError on bad input', () => {
    expect(derive('sum(relu(X))', { verify: false }).verification).toBeNull();
    expect(() => derive('sum(relu(X)')).toThrow(KinkproofError);
  });

  it('exposes checking and rendering', () => {
    expect(checkEqual('abs(X)', 'max(X,-X)').verdict).toBe('correct');
    const a = derive('sum(abs(X))', { seed: 3 });
    expect(renderLatex(narrate(a, a.verification), { fragment: true })).toContain('\\partial f(X)');
  });
});
