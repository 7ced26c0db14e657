/**
 * The second line: evaluate both sides exactly at many points (simple numbers,
 * breakpoints, breakpoints ± 1/2 and ± δ, then seeded random draws of those)
 * for several shapes. It can only refute: a point where the sides provably
 * differ is a counterexample; finding none proves nothing.
 */
import { P, Q, signOfConstant } from '../../symbolic/index.js';
import type { Poly } from '../../symbolic/index.js';
import type { ExactPoint, PolyValue } from '../result/counterexample.js';

export type Shape = readonly [number, number];

export interface SearchProblem {
  /**
   * Both sides at X (null: that side provably has no real value there), or
   * null to skip X (undecidable there, f not differentiable there).
   */
  readonly at: (X: Poly[][]) => { readonly lhs: PolyValue | null; readonly rhs: PolyValue | null } | null;
  /** Whether both sides are defined for X of this shape. */
  readonly admits: (shape: Shape) => boolean;
  /** Breakpoints worth trying, exact. */
  readonly special: readonly Poly[];
  readonly seed: number;
}

export interface SearchOutcome {
  readonly found: ExactPoint | null;
  readonly tried: number;
  readonly skipped: number;
  /** What was tried, for the explanation. */
  readonly summary: string;
}

const SHAPES: readonly Shape[] = [[1, 1], [1, 2], [2, 1], [2, 2], [2, 3], [3, 2], [3, 3]];
const SIMPLE = [[0], [1], [-1], [2], [-2], [1, 2], [-1, 2], [3], [-3], [3, 2], [-3, 2]] as const;
/** Tried after everything else: periodic sides (|sin t| against sin|t|) differ only beyond π. */
const FAR = [[4], [-4], [7], [-7], [10], [-10]] as const;
const DELTA = Q.rat(1, 1024);
const RANDOM_PER_SHAPE = 40;
const CONSTANT_MATRICES = 4;

/** mulberry32: small, fast, reproducible. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pool(special: readonly Poly[]): Poly[] {
  const out = new Map<string, Poly>();
  const add = (p: Poly): void => {
    if (!out.has(p.key)) out.set(p.key, p);
  };
  for (const [n, d] of SIMPLE) add(P.constant(Q.rat(n, d ?? 1)));
  for (const c of special) add(c);
  for (const c of special)
    for (const h of [Q.HALF, DELTA]) {
      add(P.sub(c, P.constant(h)));
      add(P.add(c, P.constant(h)));
    }
  for (const [n] of FAR) add(P.integer(n));
  return [...out.values()];
}

/** true: some entry provably differs (or only one side has a value); false: all provably equal; null: undecided. */
function differs(a: PolyValue | null, b: PolyValue | null): boolean | null {
  if (a === null || b === null) return a === b ? null : true;
  const xs = Array.isArray(a) ? a.flat() : [a];
  const ys = Array.isArray(b) ? b.flat() : [b];
  if (xs.length !== ys.length) return null;
  let undecided = false;
  for (let i = 0; i < xs.length; i++) {
    const s = signOfConstant(P.sub(xs[i]!, ys[i]!), false);
    if (s === undefined) undecided = true;
    else if (s !== 0) return true;
  }
  return undecided ? null : false;
}

function* points(shape: Shape, values: readonly Poly[], next: () => number): Generator<Poly[][]> {
  const [r, c] = shape;
  const fill = (f: () => Poly): Poly[][] => Array.from({ length: r }, () => Array.from({ length: c }, f));
  if (r * c === 1) {
    for (const v of values) yield [[v]];
    return;
  }
  for (const v of values.slice(0, CONSTANT_MATRICES)) yield fill(() => v);
  for (let k = 0; k < RANDOM_PER_SHAPE; k++) yield fill(() => values[Math.floor(next() * values.length)]!);
}

export function search(problem: SearchProblem): SearchOutcome {
  const values = pool(problem.special);
  const next = random(problem.seed);
  const shapes = SHAPES.filter((s) => problem.admits(s));
  let tried = 0;
  let skipped = 0;
  for (const shape of shapes)
    for (const X of points(shape, values, next)) {
      const sides = problem.at(X);
      if (!sides) {
        skipped++;
        continue;
      }
      tried++;
      if (differs(sides.lhs, sides.rhs) === true) return { found: { X, ...sides, where: null }, tried, skipped, summary: '' };
    }
  const shapeList = shapes.map(([r, c]) => `${r}x${c}`).join(', ') || 'none';
  const summary =
    `a search of ${tried} points (shapes ${shapeList}; entries from simple numbers` +
    `${problem.special.length ? ', the breakpoints, breakpoints ± 1/2 and ± 1/1024' : ''}, seed ${problem.seed})` +
    ` found no difference${skipped ? ` (${skipped} more points skipped: undecidable there, or f not differentiable there)` : ''}`;
  return { found: null, tried, skipped, summary };
}
