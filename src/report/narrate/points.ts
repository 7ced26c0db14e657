/**
 * The answer at each matrix the user gave (the CLI's --at, a docs fence's `at:`
 * line): f(X), whether f is differentiable there, and ∇f(X) or the set ∂f(X)
 * entry by entry, or why neither exists. For a separable f everything at X
 * follows from φ at the entries of X, which the analysis decided exactly; the
 * values are printed exactly unless X has too many distinct entries.
 */
import { exactLatex, P, Q } from '../../symbolic/index.js';
import type { BreakpointAnalysis, PointResult } from '../../symbolic/index.js';
import type { Block, Established, Inline, Step } from '../model.js';
import { display, math, paragraph, text } from '../model.js';
import { NO_SET, noSetCause, noSetReason } from './nonsmoothWords.js';
import { bmatrix, fitsOnALine } from './matrixLayout.js';
import { listInlines } from './notation.js';
import { shortestLatex } from './numbers.js';
import { CLARKE_CITATION, CONVEX_CITATION } from './subdifferential.js';

/** Rows of the table of distinct entries; the rest are counted. */
const MAX_TABLE_ROWS = 12;
/** Longest exact f(X) displayed; a longer one (a sum of many irrational terms) is shown rounded. */
const MAX_VALUE_LATEX = 120;
/** Entries named in a sentence before the rest are counted. */
const MAX_LISTED = 5;

/** One entry of X with everything the step says about it, as LaTeX. */
interface Entry {
  readonly x: string;
  readonly differentiable: boolean | null;
  /** φ′(x) where φ is differentiable at x, else its set ([lo, hi], or \{v\}), else null. */
  readonly derivative: string | null;
  readonly set: string | null;
  /** The breakpoint of φ the entry sits on (known when the entries are exact). */
  readonly breakpoint: BreakpointAnalysis | null;
}

const interval = (lo: string, hi: string): string => (lo === hi ? `\\{${lo}\\}` : `\\left[${lo}, ${hi}\\right]`);

/** Each distinct entry is worded once (X may have a million entries but at most a few hundred distinct ones). */
function memoized<K>(make: (key: K, i: number, j: number) => Entry): (key: K, i: number, j: number) => Entry {
  const seen = new Map<K, Entry>();
  return (key, i, j) => {
    let e = seen.get(key);
    if (!e) seen.set(key, (e = make(key, i, j)));
    return e;
  };
}

/** The entries of X, row by row: exact when the analysis kept the exact answers, else the doubles it rounded them to. */
function entriesOf(p: PointResult): Entry[][] {
  const exact = p.exact;
  if (exact) {
    const entry = memoized((_: string, i: number, j: number): Entry => {
      const e = exact.entries[i]![j]!;
      return {
        x: exactLatex(P.constant(exact.X[i]![j]!)),
        differentiable: e.differentiable,
        derivative: e.derivative && exactLatex(e.derivative),
        set: e.set && interval(exactLatex(e.set[0]), exactLatex(e.set[1])),
        breakpoint: e.breakpoint,
      };
    });
    return exact.X.map((row, i) => row.map((x, j) => entry(Q.toText(x), i, j)));
  }
  // Only the doubles: which entries are not differentiable is not known here, only whether f is.
  const entry = memoized((x: number, i: number, j: number): Entry => {
    const d = p.gradient?.[i]?.[j];
    const s = p.subdifferential?.[i]?.[j];
    return {
      x: shortestLatex(x),
      differentiable: p.differentiable === true ? true : null,
      derivative: d === undefined ? null : shortestLatex(d),
      set: s === undefined ? null : interval(shortestLatex(s[0]), shortestLatex(s[1])),
      breakpoint: null,
    };
  });
  return p.X.map((row, i) => row.map((x, j) => entry(x, i, j)));
}

function valueLatex(p: PointResult): string {
  const exact = p.exact?.value;
  const latex = exact ? exactLatex(exact) : null;
  if (latex !== null && latex.length <= MAX_VALUE_LATEX) return `f(X) = ${latex}`;
  return `f(X) \\approx ${shortestLatex(p.value)}`;
}

/** The distinct entries of X in order of first appearance, with how often each occurs. */
function distinct(entries: readonly Entry[][]): { entry: Entry; count: number }[] {
  const seen = new Map<string, { entry: Entry; count: number }>();
  for (const e of entries.flat()) {
    const d = seen.get(e.x);
    if (d) d.count++;
    else seen.set(e.x, { entry: e, count: 1 });
  }
  return [...seen.values()];
}

/** X and the derivative column as a table of X's distinct entries (for an X too large to print). */
function distinctTable(entries: readonly Entry[][], derivativeHeader: string, cell: (e: Entry) => string): Block[] {
  const rows = distinct(entries);
  const shown = rows.slice(0, MAX_TABLE_ROWS);
  const blocks: Block[] = [
    {
      kind: 'table',
      columns: [
        { header: [text('entry '), math('x_{ij}')], align: 'right' },
        { header: [text('how many')], align: 'right' },
        { header: [math(derivativeHeader)], align: 'right' },
      ],
      rows: shown.map(({ entry, count }) => [[math(entry.x)], [text(String(count))], [math(cell(entry))]]),
    },
  ];
  const more = rows.length - shown.length;
  if (more > 0) blocks.push(paragraph(text(`… and ${more} more distinct ${more === 1 ? 'entry' : 'entries'}; the JSON output (--json) lists every entry.`)));
  return blocks;
}

/** X itself (printed when small, else its shape; its entries then follow in the table), and f(X) on a line of its own. */
function pointDisplays(p: PointResult, entries: readonly Entry[][]): Block[] {
  const rows = entries.map((r) => r.map((e) => e.x));
  const X = fitsOnALine(rows) ? `X = ${bmatrix(rows)}` : `X \\in \\mathbb{R}^{${rows.length} \\times ${rows[0]?.length ?? 0}}`;
  return [display(X), display(valueLatex(p))];
}

/** ∇f(X) or S (the entries' sets) as a matrix, or as a table of the distinct entries. */
function matrixOrTable(symbol: string, entries: readonly Entry[][], cell: (e: Entry) => string, tableHeader: string): Block[] {
  const rows = entries.map((r) => r.map(cell));
  return fitsOnALine(rows) ? [display(`${symbol} = ${bmatrix(rows)}`)] : distinctTable(entries, tableHeader, cell);
}

/** “0 and 1” or “0, 1, 2, 3, 4 and 3 more values”: the distinct entries where φ is not differentiable. */
function listed(values: readonly string[]): Inline[] {
  const head = values.slice(0, MAX_LISTED).map((v) => [math(v)]);
  if (values.length > MAX_LISTED) head.push([text(`${values.length - MAX_LISTED} more values`)]);
  return [...listInlines(head)];
}

/** “φ is not continuous at 0, an entry of X, [and not differentiable at 2,] so f is not continuous, hence not differentiable, at this X.” */
function notDifferentiableVerdict(notDifferentiable: readonly Entry[]): Block {
  const jumps = notDifferentiable.filter((e) => e.breakpoint?.continuous === false).map((e) => e.x);
  const kinks = notDifferentiable.filter((e) => e.breakpoint?.continuous !== false).map((e) => e.x);
  const ofX = (values: readonly string[]): Inline[] => [...listed(values), text(values.length === 1 ? ', an entry of ' : ', entries of '), math('X')];
  // Without the exact entries, which of them fail is not known here: only that one does.
  const where: Inline[] = jumps.length
    ? [math('\\varphi'), text(' is not continuous at '), ...ofX(jumps), ...(kinks.length ? [text(', and not differentiable at '), ...ofX(kinks)] : [])]
    : [math('\\varphi'), text(' is not differentiable at '), ...(kinks.length ? ofX(kinks) : [text('some entry of '), math('X')])];
  return paragraph(...where, text(', so '), math('f'), text(jumps.length ? ' is not continuous, hence not differentiable, at this ' : ' is not differentiable at this '), math('X'), text('.'));
}

interface Answer {
  readonly blocks: Block[];
  readonly established: Established;
  readonly citation?: string;
}

function answer(p: PointResult, entries: readonly Entry[][]): Answer {
  const all = distinct(entries).map((d) => d.entry);
  if (p.differentiable === true)
    return {
      established: 'exact',
      blocks: [
        paragraph(math('\\varphi'), text(' is differentiable at every entry of '), math('X'), text(', so '), math('f'), text(' is differentiable at this '), math('X'), text(', with '), math("\\nabla f(X)_{ij} = \\varphi'(x_{ij})"), text(':')),
        ...matrixOrTable('\\nabla f(X)', entries, (e) => e.derivative ?? '?', "\\varphi'(x_{ij})"),
      ],
    };
  if (p.differentiable === null) {
    const open = p.exact ? all.filter((e) => e.differentiable === null).map((e) => e.x) : [];
    const which: Inline[] = open.length ? [text(open.length === 1 ? ' at the entry ' : ' at the entries '), ...listed(open), text(' of ')] : [text(' at some entry of ')];
    return {
      established: 'unknown',
      blocks: [
        paragraph(text('Whether '), math('\\varphi'), text(' is differentiable'), ...which, math('X'), text(' was not decided, so neither is whether '), math('f'), text(' is differentiable here.')),
        ...(p.reason ? [paragraph(text(`(${p.reason}.)`))] : []),
      ],
    };
  }
  const notDifferentiable = all.filter((e) => e.differentiable === false);
  const verdict = notDifferentiableVerdict(notDifferentiable);
  if (!p.subdifferential || !p.subdifferentialKind) {
    const cause = notDifferentiable.map((e) => noSetCause(e.breakpoint)).find((c) => c !== null);
    const why = cause ? [paragraph(...NO_SET, text(' at this '), math('X'), text(': '), ...noSetReason(cause), text('.'))] : [paragraph(text(`No set is given here: ${p.reason ?? 'neither the convex nor the Clarke one is defined'}.`))];
    return { established: 'exact', blocks: [verdict, ...why] };
  }
  const convex = p.subdifferentialKind === 'convex';
  const symbol = convex ? '\\partial' : '\\partial_C';
  const setCell = (e: Entry): string => e.set ?? '?';
  return {
    established: 'theorem',
    citation: convex ? CONVEX_CITATION : CLARKE_CITATION,
    blocks: [
      verdict,
      paragraph(
        text(convex ? 'Its subdifferential ' : 'Clarke’s generalized gradient '),
        math(`${symbol} f(X)`),
        text(' is the set of matrices '),
        math('G'),
        text(' with '),
        math(`G_{ij} \\in S_{ij} = ${symbol} \\varphi(x_{ij})`),
        text(' for every entry, where'),
      ),
      ...matrixOrTable('S', entries, setCell, `${symbol} \\varphi(x_{ij})`),
    ],
  };
}

function pointStep(p: PointResult, title: string): Step {
  const entries = entriesOf(p);
  const { blocks, established, citation } = answer(p, entries);
  const rounding = p.exact
    ? []
    : [paragraph(text('With this many distinct entries the numbers are shown rounded to the nearest double; every decision above used the exact entries.'))];
  return {
    kind: 'point',
    title: [text(title)],
    established,
    ...(citation ? { citation } : {}),
    blocks: [...pointDisplays(p, entries), ...blocks, ...rounding],
  };
}

/** One step per point given, in the order given. */
export const pointSteps = (points: readonly PointResult[]): Step[] =>
  points.map((p, k) => pointStep(p, points.length === 1 ? 'At the given point' : `At the given point ${k + 1}`));
