/**
 * Option values: matrices read as the exact decimals written (class 2 of
 * issue 10), fractions a/b as in proof files.
 */
import { describe, expect, it } from 'vitest';
import { MAX_NUMBER_LENGTH, parseConstants, parseMatrix } from '../../src/cli/optionValues.js';
import { Q } from '../../src/symbolic/index.js';
import { thrownKinkproofError } from '../kinkproofError.js';

const exactText = (text: string): string[][] => parseMatrix(text, '--at #1').exact.map((r) => r.map(Q.toText));

const problem = thrownKinkproofError;

describe('parseMatrix keeps the decimal written, not the double nearest to it', () => {
  it.each([
    ['0.1', '1/10'],
    ['1e-7', '1/10000000'],
    ['1E-7', '1/10000000'],
    ['-2.5', '-5/2'],
    ['0.3333', '3333/10000'],
    ['0.3333333333333333', '3333333333333333/10000000000000000'],
    ['0.33333333333333334', '16666666666666667/50000000000000000'],
    ['0.10000000000000000001', '10000000000000000001/100000000000000000000'],
    ['1e+2', '100'],
    ['-0', '0'],
    ['0e999999999999', '0'],
    ['123456789012345678901234567890', '123456789012345678901234567890'],
    ['1e-400', `1/1${'0'.repeat(400)}`],
  ])('%s is exactly %s', (token, exact) => {
    const m = parseMatrix(`[[${token}]]`, '--at #1');
    expect(Q.toText(m.exact[0]![0]!)).toBe(exact);
    expect(m.data[0]![0]!).toBe(Number(token)); // the nearest double, for numeric work and printing
  });

  it('0.1 and 0.10000000000000000001 share a double but not a value', () => {
    const m = parseMatrix('[[0.1, 0.10000000000000000001]]', '--at #1');
    expect(m.data[0]![0]).toBe(m.data[0]![1]);
    expect(Q.equals(m.exact[0]![0]!, m.exact[0]![1]!)).toBe(false);
  });

  it('reads every layout: rows, one flat row, one number, any JSON whitespace', () => {
    expect(exactText('[[0.1, -2.5], [1e-7, 3]]')).toEqual([['1/10', '-5/2'], ['1/10000000', '3']]);
    expect(exactText('[0.1, 0.2, 0.3]')).toEqual([['1/10', '1/5', '3/10']]);
    expect(exactText('0.1')).toEqual([['1/10']]);
    expect(exactText(' \n\t[ [ 0.5 ] ,\r\n [ -0.25 ] ] ')).toEqual([['1/2'], ['-1/4']]);
    const m = parseMatrix('[[1,2,3],[4,5,6]]', '--at #1');
    expect([m.rows, m.cols]).toEqual([2, 3]);
    expect(m.data).toEqual([[1, 2, 3], [4, 5, 6]]);
  });

  it('--const values are exact too', () => {
    const c = parseConstants(['c=0.1', 'A=[[0.1,0.2],[0.3,-1e-7]]']);
    expect(Q.toText(c.get('c')!.exact[0]![0]!)).toBe('1/10');
    expect(c.get('A')!.exact.map((r) => r.map(Q.toText))).toEqual([['1/10', '1/5'], ['3/10', '-1/10000000']]);
  });

  it.each([
    ['[[1,2],[3]]', /^--at #1: row 2 has 1 entries, expected 2 \(not rectangular\)$/],
    ['[[1,2],[3,4,5,6]]', /^--at #1: row 2 has 4 entries, expected 2 \(not rectangular\)$/],
    ['[[1],2]', /^--at #1: row 2 has no entries, expected 1 \(not rectangular\)$/],
    ['[[1,1e999]]', /^--at #1: entry \(1,2\) is Infinity, not a finite number/],
    ['[["a"]]', /^--at #1: entry \(1,1\) is "a", not a finite number$/],
    ['[[1,null]]', /^--at #1: entry \(1,2\) is null, not a finite number$/],
    ['[[[1]]]', /^--at #1: entry \(1,1\) is \[1\], not a finite number$/],
    ['[1,"a"]', /^--at #1: entry \(1,2\) is "a", not a finite number$/],
    ['[]', /^--at #1: expected a non-empty array of rows$/],
    ['{}', /^--at #1: expected a non-empty array of rows$/],
    ['[[]]', /^--at #1: expected rows like \[\[1,2\],\[3,4\]\]$/],
    ['', /^--at #1: not a JSON matrix like \[\[1,2\],\[3,4\]\]: nothing given$/],
    ['[[1,2', /^--at #1: not a JSON matrix like .*: missing '\]' at the end of "\[\[1,2"$/],
    ['[[1,2]] x', /not a JSON matrix like .*: unexpected "x" at character 9/],
    ['[[.5]]', /not a JSON matrix like .*: unexpected "\.5\]\]" at character 3/],
    ['[[01]]', /not a JSON matrix like .*at character 4/],
    ['[[1 2]]', /not a JSON matrix like .*at character 5/],
    ['['.repeat(100_000), /not a JSON matrix like .*unexpected end/],
  ])('refuses %j with one line naming the position or entry', (text, message) => {
    const e = problem(() => parseMatrix(text, '--at #1'));
    expect(e.kind).toBe('input');
    expect(e.message).toMatch(message);
    expect(e.message).not.toContain('\n');
  });

  it('stops at the entry limit while reading, before building more', () => {
    const rows = `[${Array.from({ length: 101 }, () => `[${Array(100).fill('0.5').join(',')}]`).join(',')}]`;
    const e = problem(() => parseMatrix(rows, '--at #1', 10_000));
    expect([e.kind, e.message]).toEqual(['limit', '--at #1: more than 10000 entries']);
    expect(problem(() => parseMatrix(`[${Array(10_001).fill('1').join(',')}]`, '--at #1', 10_000)).kind).toBe('limit');
    expect(parseMatrix(rows.slice(0, rows.lastIndexOf(',[')) + ']', '--at #1', 10_000).rows).toBe(100);
  });

  // Building 10^(10^11) would hang past the test timeout: the refusal itself shows none was built.
  it('refuses numbers whose exact value would need huge powers of ten', () => {
    const tiny = problem(() => parseMatrix('[[1e-99999999999]]', '--at #1'));
    expect(tiny.kind).toBe('limit');
    expect(tiny.message).toMatch(/entry \(1,1\) is 1e-99999999999, nonzero but smaller than 1e-1000/);
    const long = problem(() => parseMatrix(`[[0.${'3'.repeat(MAX_NUMBER_LENGTH)}]]`, '--at #1'));
    expect(long.kind).toBe('limit');
    expect(long.message).toMatch(new RegExp(`longer than ${MAX_NUMBER_LENGTH} characters`));
    expect(Q.toText(parseMatrix('[[0e-99999999999]]', '--at #1').exact[0]![0]!)).toBe('0');
  });
});

describe('parseMatrix takes fractions a/b, as proof files do', () => {
  it('reads 10/3, -7/4 and 0.5/3 exactly, with their nearest doubles', () => {
    const m = parseMatrix('[[10/3, -7/4], [0.5/3, 2]]', '--at #1');
    expect(m.exact.map((r) => r.map(Q.toText))).toEqual([['10/3', '-7/4'], ['1/6', '2']]);
    expect(m.data).toEqual([[10 / 3, -1.75], [1 / 6, 2]]);
  });
  it.each([
    ['[[1/0]]', /entry \(1,1\) divides by zero/],
    ['[[1/]]', /unexpected "\]\]" at character 5/],
    ['[[1/2/3]]', /unexpected "\/3\]\]" at character 6/],
  ])('%s is refused', (text, message) => {
    expect(problem(() => parseMatrix(text, '--at #1')).message).toMatch(message);
  });
});
