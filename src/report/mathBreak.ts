/**
 * Long generated formulas broken over lines, the same way for LaTeX and KaTeX
 * (issue 13: displays that fit the text width). A display wider than the
 * measure becomes an `aligned` environment: lines break before a binary
 * operator or relation, after a comma or a set's colon, or at the spaces around
 * words (`\text{ or }`), at the outermost
 * level that makes the pieces fit, continuation lines indented under the first
 * relation; a too-wide `\left…\right` group is opened (closed with `\right.`
 * and reopened with `\left.` across the break), a too-wide `cases` or `array`
 * has its first column broken the same way, or its conditions set under
 * their values. Widths are estimates (mathAtoms.ts), so the measure leaves a
 * margin. Math is checked against the whitelist on the way in; renderers check
 * what comes out.
 */
import { atomsWidth, scanMath } from './mathAtoms.js';
import type { Atom } from './mathAtoms.js';
import { assertSafeMath } from './mathGuard.js';

/** The text width of the LaTeX article (345 pt at 10 pt) and about the HTML page's measure, in em. */
export const LINE_EM = 34.5;
/** What a display may use of a line `line` em wide, leaving room for the estimate's error (within 12% of TeX's widths on the corpus's formulas). */
export const displayWidth = (line: number): number => 0.87 * line;
const DISPLAY_EM = displayWidth(LINE_EM);
/** The least ready break considered (parentheses six deep). */
const MAX_RANK = 4 * 6 + 3;
/** Continuation lines are indented by a \quad after the relation, or by a \qquad without one. */
const QUAD = 1;
const QQUAD = 2;

type Range = readonly [number, number];

const opensAt = (a: Atom): boolean => a.role === 'open';
const closesAt = (a: Atom): boolean => a.role === 'close';

/** Binary operators that bind loosest: a line breaks at them before it breaks at a product. */
const ADDITIVE = new Set(['+', '-', '\\pm', '\\mp', '\\cup', '\\setminus']);

/** Words in a formula (`R(X) \neq 0 \text{ or all slopes of } R`): a line may break at the spaces around them. */
const startsWords = (a: Atom): boolean => /^\\text\{\s/.test(a.src);
const endsWords = (a: Atom): boolean => /^\\text\{.*\s\}$/.test(a.src);

/** A wide space at the outer level separates equations shown side by side (`a = b, \qquad c = d`). */
const separates = (a: Atom): boolean => a.role === 'space' && a.width >= QUAD;

/**
 * How readily a line breaks just before atom p, lower first: between side-by-side equations, at a
 * relation, at a sum or after a comma, at a product, each deeper inside parentheses after all
 * shallower ones; undefined: never.
 */
function breakRank(atoms: readonly Atom[], depth: readonly number[], p: number): number | undefined {
  const a = atoms[p]!;
  const prev = atoms[p - 1];
  if (prev === undefined) return undefined;
  const kind = separates(a)
    ? 0
    : a.role === 'rel'
      ? 1
      : prev.role === 'punct' || prev.role === 'sep' || (a.role === 'bin' && ADDITIVE.has(a.src)) || startsWords(a) || endsWords(prev)
        ? 2
        : a.role === 'bin'
          ? 3
          : undefined;
  return kind === undefined ? undefined : 4 * depth[p]! + kind;
}

/** Each atom's nesting in plain and opened delimiters. */
function depths(atoms: readonly Atom[]): number[] {
  let depth = 0;
  return atoms.map((a) => {
    if (closesAt(a)) depth = Math.max(0, depth - 1);
    // A delimiter is at the outer depth, what it encloses one deeper.
    const d = depth;
    if (opensAt(a)) depth++;
    return d;
  });
}

/** `latex` as it is when it fits `width` em, else broken into lines. */
const fit = (latex: string, width: number): string => (atomsWidth(scanMath(latex)) <= width ? latex : asDisplay(layout(scanMath(latex), width)));

/**
 * A `cases` or `array` narrowed to `avail`: its first column broken into `aligned` lines, or, where
 * the other columns (the conditions) leave it less than half the room, each condition set under its value.
 */
function narrowEnvironment(atom: Atom, avail: number): Atom {
  const env = atom.env!;
  const pad = env.name === 'cases' ? 1.2 : 0.4;
  const others = Math.max(0, ...env.rows.map((r) => r.slice(1).reduce((w, cell) => w + atomsWidth(scanMath(cell)) + 1, 0)));
  const budget = avail - others - pad;
  const rows =
    budget >= avail / 2
      ? env.rows.map((r) => [fit(r[0] ?? '', budget), ...r.slice(1)])
      : env.rows.flatMap((r) => [[fit(r[0] ?? '', avail - pad)], ...r.slice(1).map((cell) => [`\\qquad ${fit(cell, avail - pad - QQUAD)}`])]);
  const spec = env.name === 'array' ? `{${env.spec}}` : '';
  const src = `\\begin{${env.name}}${spec} ${rows.map((r) => r.join(' & ')).join(' \\\\ ')} \\end{${env.name}}`;
  return { src, width: Math.min(avail, atom.width), role: atom.role };
}

/** A wide fraction over a short denominator, as 1/D times its numerator in parentheses (so the numerator can break). */
function openFraction(a: Atom, avail: number): Atom[] | undefined {
  const { num, den } = a.frac!;
  const denWidth = atomsWidth(scanMath(den));
  if (denWidth > avail / 3) return undefined;
  const reciprocal: Atom = { src: `\\frac{1}{${den}}`, width: denWidth + 0.25, role: 'ord' };
  const open: Atom = { src: '\\bigl(', width: 0.45, role: 'open' };
  const close: Atom = { src: '\\bigr)', width: 0.45, role: 'close' };
  return [reciprocal, open, ...expand(scanMath(num), avail - 1), close];
}

/** Too-wide groups opened into their delimiters and contents, too-wide environments narrowed. */
function expand(atoms: readonly Atom[], avail: number): Atom[] {
  return atoms.flatMap((a): Atom[] => {
    if (a.width <= avail) return [a];
    if (a.group) {
      const open: Atom = { src: a.group.open, width: 0.4, role: 'open', sized: 'left' };
      const close: Atom = { src: a.group.close, width: 0.4, role: 'close', sized: 'right' };
      return [open, ...expand(a.group.atoms, avail - 1), close];
    }
    if (a.braced) return expand(a.braced, avail);
    if (a.frac) return openFraction(a, avail) ?? [a];
    return a.env ? [narrowEnvironment(a, avail - 1)] : [a];
  });
}

/** Split [from, to) into pieces at breaks of rank `level` or less, at higher ranks only where a piece is still too wide. */
function pieces(atoms: readonly Atom[], depth: readonly number[], range: Range, level: number, avail: number): Range[] {
  const [from, to] = range;
  const cuts = [from];
  for (let p = from + 1; p < to; p++) if ((breakRank(atoms, depth, p) ?? Infinity) <= level) cuts.push(p);
  cuts.push(to);
  return cuts.slice(1).flatMap((end, k): Range[] => {
    const piece: Range = [cuts[k]!, end];
    const tooWide = atomsWidth(atoms.slice(piece[0], piece[1])) > avail;
    return tooWide && level < MAX_RANK ? pieces(atoms, depth, piece, level + 1, avail) : [piece];
  });
}

/** The first relation at the outer level, where continuation lines align. */
function alignmentPoint(atoms: readonly Atom[], depth: readonly number[], max: number): number {
  const r = atoms.findIndex((a, i) => a.role === 'rel' && depth[i] === 0);
  return r > 0 && atomsWidth(atoms.slice(0, r)) <= 0.4 * max ? r : -1;
}

interface Layout {
  readonly atoms: readonly Atom[];
  readonly lines: readonly (readonly Range[])[];
  /** The atom continuation lines align at, or -1. */
  readonly align: number;
}

/** Atoms wider than `max` em broken into lines (one line when they fit). */
function layout(input: readonly Atom[], max: number): Layout {
  const top = depths(input);
  const r0 = alignmentPoint(input, top, max);
  const indent = r0 > 0 ? atomsWidth(input.slice(0, r0)) + QUAD : QQUAD;
  const atoms = expand(input, max - indent);
  const depth = depths(atoms);
  const r = alignmentPoint(atoms, depth, max);
  // A chain of relations (no side-by-side equations) gives each relation its own line.
  const chain = !atoms.some((a, i) => separates(a) && depth[i] === 0);
  const lines: Range[][] = [[]];
  let used = 0;
  const place = (piece: Range, level: number): void => {
    const w = atomsWidth(atoms.slice(piece[0], piece[1]));
    const avail = lines.length === 1 ? max : max - indent;
    const newRelation = chain && piece[0] > r && r >= 0 && atoms[piece[0]]!.role === 'rel' && depth[piece[0]] === 0;
    const mayBreak = lines.at(-1)!.length > 0 && !(lines.length === 1 && piece[0] <= r);
    if (!newRelation && used + w > avail && used < avail / 2 && level < MAX_RANK) {
      // Less than half a line so far: fill it from the piece's own breaks rather than leave it short.
      const parts = pieces(atoms, depth, piece, level + 1, avail - used);
      if (parts.length > 1) return parts.forEach((part) => place(part, level + 1));
    }
    if ((used + w > avail || newRelation) && mayBreak) {
      lines.push([]);
      used = 0;
    }
    lines.at(-1)!.push(piece);
    used += w;
  };
  for (const piece of pieces(atoms, depth, [0, atoms.length], 0, max - indent)) place(piece, 0);
  return { atoms, lines, align: r };
}

/** The lines as LaTeX for `aligned`: `&` at the alignment point, opened `\left`s closed and reopened across breaks. */
function alignedLines({ atoms, lines, align: r }: Layout): string[] {
  let open = 0;
  return lines.map((line, i) => {
    const first = line[0]![0];
    const words: string[] = [];
    const reopen = '\\left. '.repeat(open);
    // A line never starts with the space its break replaced.
    const start = i > 0 && separates(atoms[first]!) ? first + 1 : first;
    for (let p = start; p < line.at(-1)![1]; p++) {
      const a = atoms[p]!;
      if (a.sized === 'left') open++;
      if (a.sized === 'right') open--;
      words.push(p === r ? `& ${a.src}` : a.src);
    }
    const lead = i === 0 ? (r < 0 ? '& ' : '') : atoms[first]!.role === 'rel' && r >= 0 ? '& ' : r >= 0 ? '& \\quad ' : '& \\qquad ';
    return `${lead}${reopen}${words.join(' ')}${' \\right.'.repeat(open)}`;
  });
}

/** `latex` as a display that fits `max` em: unchanged when it does, else broken into `aligned` lines. */
export function breakDisplay(latex: string, max = DISPLAY_EM): string {
  const atoms = scanMath(assertSafeMath(latex));
  if (atomsWidth(atoms) <= max) return latex;
  return asDisplay(layout(atoms, max));
}

/** Several lines as `aligned`, one line as it is. */
function asDisplay(l: Layout): string {
  if (l.lines.length > 1) return `\\begin{aligned} ${alignedLines(l).join(' \\\\ ')} \\end{aligned}`;
  return l.atoms.map((a) => a.src).join(' ');
}
