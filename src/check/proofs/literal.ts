/**
 * Number matrices written in proof files, read exactly: [[0, 3], [-2, 0.5]],
 * fractions 1/2, and for sets an interval [lo, hi] in place of an entry.
 * (JSON.parse would round 0.1 to a double; here every number is a rational.)
 */
import { Q } from '../../symbolic/index.js';
import type { Rational } from '../../symbolic/index.js';

type Node = Rational | Node[];
export type SetEntry = Rational | readonly [Rational, Rational];

export class LiteralError extends Error {}

const TOKEN = /\s*(?:([[\],])|([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?(?:\/\d+)?))/y;

function tokens(text: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (!m) throw new LiteralError(`unexpected ${JSON.stringify(text.slice(start).trim().slice(0, 10))}`);
    out.push(m[1] ?? m[2]!);
  }
  return out;
}

function number(t: string): Rational {
  const [num, den] = t.split('/');
  if (!Number.isFinite(Number(num))) throw new LiteralError(`${t.slice(0, 40)} is beyond the largest double`);
  const order = Q.decimalOrder(num!);
  if (order !== null && order < Q.MIN_DECIMAL_EXPONENT) throw new LiteralError(`${t.slice(0, 40)} is nonzero but smaller than 1e${Q.MIN_DECIMAL_EXPONENT} in magnitude`);
  const sign = num!.startsWith('-') ? -1 : 1;
  const value = Q.fromDecimal(num!.replace(/^[+-]/, ''));
  const signed = sign < 0 ? Q.neg(value) : value;
  if (den === undefined) return signed;
  if (/^0+$/.test(den)) throw new LiteralError(`division by zero in ${t}`);
  return Q.div(signed, Q.rat(BigInt(den)));
}

function tree(text: string): Node {
  const ts = tokens(text);
  let i = 0;
  const node = (): Node => {
    const t = ts[i++];
    if (t === undefined) throw new LiteralError('unexpected end');
    if (t === ',' || t === ']') throw new LiteralError(`unexpected '${t}'`);
    if (t !== '[') return number(t);
    const items: Node[] = [];
    if (ts[i] === ']') throw new LiteralError('empty brackets');
    for (;;) {
      items.push(node());
      const sep = ts[i++];
      if (sep === ']') return items;
      if (sep !== ',') throw new LiteralError(sep === undefined ? "missing ']'" : `expected ',' or ']', got '${sep}'`);
    }
  };
  const out = node();
  if (i !== ts.length) throw new LiteralError(`unexpected '${ts[i]}' after the matrix`);
  return out;
}

/** Rows of entries; a bare number is a 1x1 matrix. */
function rows<T>(text: string, entry: (n: Node) => T): T[][] {
  const t = tree(text);
  const list = Array.isArray(t) ? t : [[t]];
  const out = list.map((r) => {
    if (!Array.isArray(r)) throw new LiteralError('expected rows like [[1, 2], [3, 4]]');
    return r.map(entry);
  });
  if (out.some((r) => r.length !== out[0]!.length)) throw new LiteralError('rows have different lengths');
  return out;
}

export function numberMatrix(text: string): Rational[][] {
  return rows(text, (n) => {
    if (Array.isArray(n)) throw new LiteralError('expected a number');
    return n;
  });
}

export function setMatrix(text: string): SetEntry[][] {
  return rows(text, (n): SetEntry => {
    if (!Array.isArray(n)) return n;
    const [lo, hi] = n;
    if (n.length !== 2 || Array.isArray(lo) || Array.isArray(hi) || !lo || !hi)
      throw new LiteralError('an entry is a number or an interval [lo, hi]');
    if (Q.compare(lo, hi) > 0) throw new LiteralError(`empty interval [${Q.toText(lo)}, ${Q.toText(hi)}]`);
    return [lo, hi];
  });
}
