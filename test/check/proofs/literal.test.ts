import { describe, expect, it } from 'vitest';
import { Q } from '../../../src/symbolic/index.js';
import type { Rational } from '../../../src/symbolic/index.js';
import { LiteralError, numberMatrix, setMatrix } from '../../../src/check/proofs/literal.js';

describe('exact matrix literals', () => {
  it('reads numbers exactly, with fractions', () => {
    const m = numberMatrix('[[0, 3], [-2, 0.1]]');
    expect(m.map((r) => r.map(Q.toText))).toEqual([['0', '3'], ['-2', '1/10']]);
    expect(numberMatrix('-1/2').map((r) => r.map(Q.toText))).toEqual([['-1/2']]);
  });
  it('reads intervals as set entries', () => {
    const s = setMatrix('[[[-1, 1], 1]]');
    expect(s[0]!.map((e) => (Array.isArray(e) ? e.map(Q.toText) : Q.toText(e as Rational)))).toEqual([['-1', '1'], '1']);
  });
  it.each(['[[1, 2], [3]]', '[[1, 2]', '[1, 2]', '[[1, x]]', '[[]]', '[[1/0]]'])('rejects %s', (text) =>
    expect(() => numberMatrix(text)).toThrow(LiteralError),
  );
  it('rejects an empty interval', () => expect(() => setMatrix('[[[1, 0]]]')).toThrow(/empty interval/));
});
