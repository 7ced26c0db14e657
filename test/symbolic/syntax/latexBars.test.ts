/**
 * Plain bars against an independent reader: every short text over | X 2 -
 * (SETS) is parsed by a small grammar that lists all its readings (a bar after
 * a factor may close the open bar or open a factor), and the LaTeX parser must
 * agree: no reading, refused; one, read as that one; more, refused as ambiguous.
 */
import { describe, expect, it } from 'vitest';
import { KinkproofError } from '../../../src/diagnostics.js';
import { sameExpr } from '../../../src/symbolic/syntax/ast.js';
import { parseLatex } from '../../../src/symbolic/syntax/latex.js';
import { parse } from '../../../src/symbolic/syntax/parse.js';

/** Texts up to the length, over the alphabet: digits with the rest on short texts, longer ones where ambiguity lives. */
const SETS = [
  { alphabet: ['|', 'X', '2', '-'], maxLength: 6 },
  { alphabet: ['|', 'X', '-'], maxLength: 8 },
  { alphabet: ['|', 'X'], maxLength: 13 },
] as const;

type Parse = { readonly end: number; readonly ascii: string };

/**
 * All readings of the text as a sum (sum := term ('-' term)*, term := signed factor*,
 * signed := '-' signed | factor, factor := X | 2… | '|' sum '|'), in ASCII with every
 * operation parenthesized.
 */
function readings(text: string): string[] {
  const memo = new Map<string, Parse[]>();
  const cached = (key: string, f: () => Parse[]): Parse[] => {
    const hit = memo.get(key);
    if (hit) return hit;
    const out = f();
    memo.set(key, out);
    return out;
  };
  const factor = (at: number): Parse[] =>
    cached(`f${at}`, () => {
      const c = text[at];
      if (c === 'X') return [{ end: at + 1, ascii: c }];
      // A run of digits is one number.
      if (c === '2') {
        let end = at;
        while (text[end] === '2') end++;
        return [{ end, ascii: text.slice(at, end) }];
      }
      if (c !== '|') return [];
      return sum(at + 1)
        .filter((p) => text[p.end] === '|')
        .map((p) => ({ end: p.end + 1, ascii: `abs(${p.ascii})` }));
    });
  // A sign belongs to the first factor of a term: -X2 is (-X)*2.
  const signed = (at: number): Parse[] =>
    cached(`u${at}`, () => (text[at] === '-' ? signed(at + 1).map((p) => ({ end: p.end, ascii: `(-${p.ascii})` })) : factor(at)));
  const term = (at: number): Parse[] =>
    cached(`t${at}`, () => {
      const out: Parse[] = [];
      const extend = (p: Parse, last: string): void => {
        out.push(p);
        for (const q of factor(p.end)) {
          // Letters side by side are a word, refused.
          if (last === 'X' && text[p.end] === 'X') continue;
          extend({ end: q.end, ascii: `(${p.ascii}*${q.ascii})` }, text[q.end - 1]!);
        }
      };
      for (const p of signed(at)) extend(p, text[p.end - 1]!);
      return out;
    });
  const sum = (at: number): Parse[] =>
    cached(`s${at}`, () => {
      const out: Parse[] = [];
      const extend = (p: Parse): void => {
        out.push(p);
        if (text[p.end] !== '-') return;
        for (const q of term(p.end + 1)) extend({ end: q.end, ascii: `(${p.ascii}-${q.ascii})` });
      };
      for (const p of term(at)) extend(p);
      return out;
    });
  return [...new Set(sum(0).filter((p) => p.end === text.length).map((p) => p.ascii))];
}

function* texts(alphabet: readonly string[], length: number): Generator<string> {
  if (length === 0) {
    yield '';
    return;
  }
  for (const rest of texts(alphabet, length - 1)) for (const c of alphabet) yield rest + c;
}

describe('plain bars', () => {
  it('are read as the one reading a small grammar finds, and refused where it finds none or several', () => {
    const seen = { none: 0, one: 0, several: 0 };
    for (const { alphabet, maxLength } of SETS)
      for (let length = 1; length <= maxLength; length++)
      for (const text of texts(alphabet, length)) {
        const expected = readings(text);
        let got: ReturnType<typeof parseLatex> | KinkproofError;
        try {
          got = parseLatex(text);
        } catch (e) {
          if (!(e instanceof KinkproofError)) throw e;
          got = e;
        }
        if (expected.length === 1) {
          seen.one++;
          expect(got instanceof KinkproofError ? got.message : sameExpr(got, parse(expected[0]!)), `${text} reads as ${expected[0]}`).toBe(true);
        } else {
          seen[expected.length === 0 ? 'none' : 'several']++;
          expect(got, `${text}: ${expected.length} readings (${expected.join(', ')})`).toBeInstanceOf(KinkproofError);
          if (expected.length > 1) expect((got as KinkproofError).message).toContain('ambiguous bars');
        }
      }
    // The enumeration covers all three outcomes, many times over (texts that read two ways need four bars or more).
    expect(seen.none).toBeGreaterThan(10_000);
    expect(seen.one).toBeGreaterThan(1_000);
    expect(seen.several).toBeGreaterThan(100);
  });
});
