/**
 * Generated math LaTeX read as a row of atoms with estimated widths, for
 * breaking long formulas over lines (mathBreak.ts). Only the subset kinkproof
 * generates (the mathGuard whitelist) is understood; widths are estimates in
 * em of the text font, from Computer Modern's metrics, a little generous.
 * A group that must stay on one line (braces, arguments, environments) is one
 * atom; `\left…\right` is one atom that keeps its inner atoms, so a layout may
 * open it; plain delimiters are atoms of their own, so breaking between them
 * is always valid LaTeX.
 */

/** How TeX spaces an atom and where a line may break around it ('sep': the `:` of a set, a break goes after it). */
export type AtomRole = 'ord' | 'bin' | 'rel' | 'open' | 'close' | 'punct' | 'space' | 'sep';

export interface Atom {
  readonly src: string;
  readonly width: number;
  readonly role: AtomRole;
  /** A `\left…\right` group: its delimiters and contents. */
  readonly group?: { readonly open: string; readonly close: string; readonly atoms: readonly Atom[] };
  /** An environment (`cases`, `array`, `aligned`): its name, column spec and cells by row. */
  readonly env?: { readonly name: string; readonly spec: string; readonly rows: readonly (readonly string[])[] };
  /** A brace group's contents. */
  readonly braced?: readonly Atom[];
  /** A fraction's numerator and denominator. */
  readonly frac?: { readonly num: string; readonly den: string };
  /** A `\left` or `\right` delimiter of an opened group (the layout closes and reopens it at line ends). */
  readonly sized?: 'left' | 'right';
}

const RELATIONS = new Set('le leq ge geq ne neq in notin ni subset subseteq supset supseteq approx equiv sim propto coloneqq to mapsto rightarrow leftarrow Rightarrow Leftarrow iff implies perp'.split(' '));
const BINARIES = new Set('cdot odot circ times otimes oplus pm mp ast setminus cup cap wedge vee'.split(' '));
const OPENERS = new Set(['langle', 'lvert', 'lVert', 'lfloor', 'lceil']);
const CLOSERS = new Set(['rangle', 'rvert', 'rVert', 'rfloor', 'rceil']);
/** Contents that make `\left…\right` delimiters grow (and widen). */
export const TALL_CONTENT = /\\(frac|dfrac|sum|prod|int|begin)\b/;
const SPACES: Readonly<Record<string, number>> = { quad: 1, qquad: 2, ',': 0.17, ':': 0.22, ';': 0.28, '!': -0.17, ' ': 0.33 };
/** Operator names and symbols wider than one letter. */
const NAMED: Readonly<Record<string, number>> = {
  sum: 1.45, prod: 1.3, int: 0.8, lim: 1.4, limsup: 2.9, liminf: 2.7, sup: 1.4, inf: 1.1, max: 1.7, min: 1.45, exp: 1.45,
  log: 1.25, ln: 0.85, sin: 1.2, cos: 1.3, tan: 1.3, sinh: 1.75, cosh: 1.85, tanh: 1.85, det: 1.3,
  infty: 1, nabla: 0.85, partial: 0.6, emptyset: 0.5, varnothing: 0.5, ell: 0.45, ldots: 1.25, cdots: 1.25, dots: 1.25,
  forall: 0.6, exists: 0.6, neg: 0.7, prime: 0.3, top: 0.8, intercal: 0.6, vert: 0.3, Vert: 0.5,
};
/** Operators whose sub- and superscripts go below and above in a display. */
const LIMITS = new Set(['sum', 'prod', 'lim', 'limsup', 'liminf', 'sup', 'inf', 'max', 'min']);
const SCRIPT = 0.72;

interface Cursor {
  readonly s: string;
  i: number;
}

/** The brace group at the cursor (after spaces), without its braces; a single token if there is no brace. */
function argument(c: Cursor): string {
  while (c.s[c.i] === ' ') c.i++;
  if (c.s[c.i] !== '{') {
    const start = c.i;
    if (c.s[c.i] === '\\') {
      c.i++;
      const name = /^[A-Za-z]+/.exec(c.s.slice(c.i))?.[0];
      c.i += name ? name.length : 1;
    } else c.i++;
    return c.s.slice(start, c.i);
  }
  let depth = 0;
  const start = c.i;
  for (; c.i < c.s.length; c.i++) {
    if (c.s[c.i] === '\\') c.i++;
    else if (c.s[c.i] === '{') depth++;
    else if (c.s[c.i] === '}' && --depth === 0) break;
  }
  c.i++;
  return c.s.slice(start + 1, c.i - 1);
}

/** A delimiter after `\left`, `\bigl` …: `(`, `\{`, `\lvert`, `.`. */
function delimiter(c: Cursor): string {
  while (c.s[c.i] === ' ') c.i++;
  if (c.s[c.i] !== '\\') return c.s[c.i++] ?? '';
  const name = /^[A-Za-z]+/.exec(c.s.slice(c.i + 1))?.[0];
  const len = name ? name.length + 1 : 2;
  const d = c.s.slice(c.i, c.i + len);
  c.i += len;
  return d;
}

const textWidth = (t: string): number => t.replace(/\\[A-Za-z]+|[{}\\]/g, '').length * 0.5;

/** Split at top-level occurrences of `sep` (outside braces and nested environments). */
export function splitTopLevel(s: string, sep: '&' | '\\\\'): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    if (s.startsWith('\\begin{', i)) depth++;
    else if (s.startsWith('\\end{', i)) depth--;
    if (s[i] === '{') depth++;
    else if (s[i] === '}') depth--;
    else if (depth === 0 && s.startsWith(sep, i)) {
      parts.push(s.slice(start, i));
      start = i + sep.length;
      i += sep.length - 1;
      continue;
    }
    if (s[i] === '\\') i++;
  }
  parts.push(s.slice(start));
  return parts;
}

/** The environment at the cursor, which is just past `\begin`. */
function environment(c: Cursor, begin: number): Atom {
  const name = argument(c);
  const spec = name === 'array' ? argument(c) : '';
  const bodyStart = c.i;
  let depth = 1;
  while (c.i < c.s.length && depth > 0) {
    if (c.s.startsWith('\\begin{', c.i)) depth++;
    else if (c.s.startsWith('\\end{', c.i)) depth--;
    if (depth > 0) c.i++;
  }
  const body = c.s.slice(bodyStart, c.i);
  c.i += `\\end{${name}}`.length;
  const rows = splitTopLevel(body, '\\\\').map((r) => splitTopLevel(r, '&').map((cell) => cell.trim()));
  const columns = Math.max(...rows.map((r) => r.length));
  const colWidths = Array.from({ length: columns }, (_, k) => Math.max(...rows.map((r) => mathWidth(r[k] ?? ''))));
  // Column gaps (about 1 em), and the brace of cases.
  const width = colWidths.reduce((a, b) => a + b, 0) + (columns - 1) + (name === 'cases' ? 1.2 : 0.4);
  return { src: c.s.slice(begin, c.i), width, role: 'ord', env: { name, spec, rows } };
}

/** One atom at the cursor (the caller skipped spaces); `prev` decides whether + and - are binary. */
function atom(c: Cursor, prev: Atom | undefined): Atom {
  const start = c.i;
  const ch = c.s[c.i]!;
  const done = (width: number, role: AtomRole): Atom => ({ src: c.s.slice(start, c.i), width, role });
  if (ch === '{') {
    const braced = scanMath(argument(c));
    return { ...done(atomsWidth(braced), 'ord'), braced };
  }
  if (ch !== '\\') {
    c.i++;
    if (ch === '+' || ch === '-') {
      const binary = prev !== undefined && !['bin', 'rel', 'open', 'punct'].includes(prev.role);
      return done(binary ? 1.22 : 0.78, binary ? 'bin' : 'ord');
    }
    if ('=<>'.includes(ch)) return done(1.34, 'rel');
    if (ch === ':') return done(0.84, 'sep');
    if (ch === '(' || ch === '[') return done(0.39, 'open');
    if (ch === ')' || ch === ']') return done(0.39, 'close');
    if (ch === ',' || ch === ';') return done(0.45, 'punct');
    if (/[0-9]/.test(ch)) return done(0.5, 'ord');
    if (ch === '.' || ch === '|' || ch === "'") return done(0.28, 'ord');
    // Italic capitals are about half as wide again as lower-case letters.
    return done(/[A-Z]/.test(ch) ? 0.78 : 0.52, 'ord');
  }
  c.i++;
  const name = /^[A-Za-z]+/.exec(c.s.slice(c.i))?.[0];
  if (name === undefined) {
    const symbol = c.s[c.i++]!;
    if (symbol in SPACES) return done(SPACES[symbol]!, 'space');
    if (symbol === '{') return done(0.5, 'open');
    if (symbol === '}') return done(0.5, 'close');
    return done(0.5, 'ord');
  }
  c.i += name.length;
  switch (name) {
    case 'frac':
    case 'dfrac':
    case 'tfrac': {
      const num = argument(c);
      const den = argument(c);
      return { ...done(Math.max(mathWidth(num), mathWidth(den)) + 0.25, 'ord'), frac: { num, den } };
    }
    case 'sqrt': {
      while (c.s[c.i] === ' ') c.i++;
      if (c.s[c.i] === '[') c.i = c.s.indexOf(']', c.i) + 1;
      return done(mathWidth(argument(c)) + 0.85, 'ord');
    }
    case 'text':
    case 'operatorname':
    case 'mathrm':
      return done(textWidth(argument(c)) + (name === 'operatorname' ? 0.17 : 0), 'ord');
    case 'mathbb':
    case 'mathbf':
    case 'mathcal':
    case 'boldsymbol':
    case 'hat':
    case 'bar':
    case 'tilde':
    case 'overline':
    case 'underline':
      return done(mathWidth(argument(c)) * 1.1, 'ord');
    case 'begin':
      return environment(c, start);
    case 'left':
      return leftGroup(c, start);
    case 'big':
    case 'Big':
    case 'bigl':
    case 'bigr':
    case 'Bigl':
    case 'Bigr': {
      const d = delimiter(c);
      const opens = name.endsWith('l') || (!name.endsWith('r') && /^(\(|\[|\\\{|\\langle|\\lvert|\\lVert)$/.test(d));
      return done(0.45, opens ? 'open' : 'close');
    }
  }
  if (name === 'mid' || name === 'colon') return done(0.84, 'sep');
  if (RELATIONS.has(name)) return done(1.34, 'rel');
  if (BINARIES.has(name)) return done(name === 'cdot' ? 0.72 : 1.22, 'bin');
  if (OPENERS.has(name)) return done(name === 'lVert' ? 0.5 : 0.39, 'open');
  if (CLOSERS.has(name)) return done(name === 'rVert' ? 0.5 : 0.39, 'close');
  if (name in SPACES) return done(SPACES[name]!, 'space');
  return done(NAMED[name] ?? 0.6, 'ord');
}

/** `\left d … \right d'` at the cursor (just past `\left`), its contents kept as atoms. */
function leftGroup(c: Cursor, start: number): Atom {
  const open = `\\left${delimiter(c)}`;
  const innerStart = c.i;
  let depth = 1;
  let innerEnd = c.i;
  while (c.i < c.s.length) {
    if (c.s[c.i] === '\\') {
      if (c.s.startsWith('\\left', c.i) && !/[A-Za-z]/.test(c.s[c.i + 5] ?? '')) depth++;
      else if (c.s.startsWith('\\right', c.i) && !/[A-Za-z]/.test(c.s[c.i + 6] ?? '')) depth--;
      if (depth === 0) {
        innerEnd = c.i;
        c.i += 6;
        break;
      }
      c.i += 2;
    } else c.i++;
  }
  const close = `\\right${delimiter(c)}`;
  const atoms = scanMath(c.s.slice(innerStart, innerEnd));
  const width = atomsWidth(atoms) + (TALL_CONTENT.test(c.s.slice(innerStart, innerEnd)) ? 1.6 : 1);
  return { src: c.s.slice(start, c.i), width, role: 'ord', group: { open, close, atoms } };
}

/** Attach a sub- or superscript at the cursor to the atom before it. */
function script(c: Cursor, base: Atom, baseName: string): Atom {
  const start = c.i++;
  const w = mathWidth(argument(c)) * SCRIPT;
  const width = LIMITS.has(baseName) ? Math.max(base.width, w) : base.width + w;
  const tail = c.s.slice(start, c.i);
  // A group's script belongs to its closing delimiter; other atoms with a script are never taken apart.
  const group = base.group && { ...base.group, close: `${base.group.close}${tail}` };
  return { src: `${base.src}${tail}`, width, role: base.role, ...(group ? { group } : {}) };
}

/** The atoms of a math string, in order. */
export function scanMath(latex: string): Atom[] {
  const c: Cursor = { s: latex, i: 0 };
  const atoms: Atom[] = [];
  while (c.i < latex.length) {
    const ch = latex[c.i]!;
    if (ch === ' ' || ch === '\n') {
      c.i++;
      continue;
    }
    const last = atoms.at(-1);
    if ((ch === '^' || ch === '_') && last) {
      const baseName = /^\\([A-Za-z]+)$/.exec(last.src)?.[1] ?? '';
      atoms[atoms.length - 1] = script(c, last, baseName);
      continue;
    }
    if (ch === "'" && last) {
      c.i++;
      atoms[atoms.length - 1] = { ...last, src: `${last.src}'`, width: last.width + 0.3 };
      continue;
    }
    atoms.push(atom(c, [...atoms].reverse().find((a) => a.role !== 'space')));
  }
  return atoms;
}

/** Spacing TeX adds around binary operators and relations is in the atoms' widths; this sums them. */
export const atomsWidth = (atoms: readonly Atom[]): number => atoms.reduce((w, a) => w + a.width, 0);

/** The estimated width of a math string on one line, in em. */
export const mathWidth = (latex: string): number => atomsWidth(scanMath(latex));
