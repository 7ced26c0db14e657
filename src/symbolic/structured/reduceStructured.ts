/**
 * The parse tree of f as a Model (model.ts) for one concrete shape of X:
 * matrix expressions are evaluated to grids of cells (cells.ts) or kept as
 * linear maps Z = s·A·op(X)·B + C until an entry-wise function needs their
 * entries. Anything outside these forms is refused with its reason, never
 * guessed.
 */
import * as Q from '../exact/rational.js';
import type { Rational } from '../exact/rational.js';
import { KinkproofError } from '../../diagnostics.js';
import { checkBudget } from '../budget.js';
import type { Expr } from '../syntax/ast.js';
import { dependsOnX } from '../syntax/ast.js';
import type { ConstantMatrix } from '../shapes.js';
import { lookupConstant, lookupPrimitive } from '../primitives/registry.js';
import type { Scalar } from '../scalar/expr.js';
import { call, dependsOnT, int, num, VAR } from '../scalar/expr.js';
import { addS, divS, mulS, powS } from '../scalar/build.js';
import { toPiecewise } from '../piecewise.js';
import * as P from '../exact/poly.js';
import type { Cell } from './cells.js';
import { addCells, asSingle, constantCell, scaleCell, singleCell, ZERO_CELL } from './cells.js';
import { direction, VectorTable } from './directions.js';
import type { Direction } from './directions.js';
import type { Model, Origin, Part } from './model.js';

/** Z = scale·A·op(X)·B + C, op the identity or the transpose; A, B null for identities. */
interface Linear {
  readonly kind: 'linear';
  readonly rows: number;
  readonly cols: number;
  readonly A: readonly (readonly Rational[])[] | null;
  readonly B: readonly (readonly Rational[])[] | null;
  readonly transposed: boolean;
  readonly scale: Rational;
  readonly C: readonly (readonly Scalar[])[] | null;
  readonly label: string;
}

interface Grid {
  readonly kind: 'grid';
  readonly rows: number;
  readonly cols: number;
  readonly cells: readonly (readonly Cell[])[];
  /** Exact entries when the grid is a constant rational matrix (for products). */
  readonly rational?: readonly (readonly Rational[])[];
}

interface ScalarValue {
  readonly kind: 'scalar';
  readonly ridge: Cell;
  readonly parts: readonly Part[];
}

type Value = ScalarValue | Linear | Grid;
type MatrixValue = Linear | Grid;

/** Entry counts beyond which a product is not expanded (bounded work and memory). */
export const MAX_PRODUCT_WORK = 4_000_000;

const scalarOf = (c: Scalar): ScalarValue => ({ kind: 'scalar', ridge: constantCell(c), parts: [] });
const isConstantScalar = (v: ScalarValue): boolean => v.parts.length === 0 && v.ridge.atoms.length === 0;

function ratMul(a: readonly (readonly Rational[])[], b: readonly (readonly Rational[])[]): Rational[][] {
  const inner = b.length;
  const cols = b[0]?.length ?? 0;
  return a.map((row) =>
    Array.from({ length: cols }, (_, j) => {
      let s = Q.ZERO;
      for (let k = 0; k < inner; k++) if (!Q.isZero(row[k]!) && !Q.isZero(b[k]![j]!)) s = Q.add(s, Q.mul(row[k]!, b[k]![j]!));
      return s;
    }),
  );
}

/**
 * Cells that each depend on X through at most one direction, the same one for
 * all: that direction (null for constants) and each cell as one expression in t.
 * Decided per cell, before any sum: x − x cancelling in a sum must not hide
 * that an argument reads X (t would leak into a constant).
 */
function onOneDirection(cells: readonly Cell[]): { dir: Direction | null; exprs: Scalar[] } | null {
  let dir: Direction | null = null;
  const exprs: Scalar[] = [];
  for (const c of cells) {
    const single = asSingle(c);
    if ('clash' in single) return null;
    if (single.dir) {
      if (dir && dir.key !== single.dir.key) return null;
      dir = single.dir;
    }
    exprs.push(single.expr);
  }
  return { dir, exprs };
}

/** k for φ(t) = k·t (or t), else undefined. */
function linearCoefficient(phi: Scalar): Rational | undefined {
  if (phi.kind === 'var') return Q.ONE;
  if (phi.kind === 'mul' && phi.factors.length === 2 && phi.factors[0]!.kind === 'const' && phi.factors[1]!.kind === 'var') return phi.factors[0]!.value;
  return undefined;
}

const transposeOf = <T>(m: readonly (readonly T[])[]): T[][] => (m[0] ?? []).map((_, j) => m.map((row) => row[j]!));

export class StructuredReducer {
  private readonly table = new VectorTable();
  private readonly origins = new Map<string, Origin[]>();
  private readonly rules = new Set<string>();
  private readonly rowCache = new Map<readonly Rational[], { id: number; scale: Rational } | null>();
  private readonly m: number;
  private readonly n: number;

  constructor(
    private readonly constants: ReadonlyMap<string, ConstantMatrix>,
    private readonly source: string,
    private readonly shape: readonly [number, number],
  ) {
    [this.m, this.n] = shape;
  }

  reduce(e: Expr): Model {
    const v = this.visit(e);
    if (v.kind !== 'scalar') return this.refuse('f must be scalar-valued', e);
    return { ridge: v.ridge, parts: v.parts, table: this.table, shape: this.shape, origins: this.origins, rules: [...this.rules] };
  }

  private refuse(why: string, e: Expr): never {
    throw new KinkproofError('unsupported', why, e.span, this.source);
  }

  private text(e: Expr): string {
    return this.source.slice(e.span.start, e.span.end);
  }

  private visit(e: Expr): Value {
    switch (e.kind) {
      case 'number':
        return scalarOf(num(Q.fromDecimal(e.text)));
      case 'string':
        return this.refuse(`unexpected string '${e.value}'`, e);
      case 'symbol':
        return this.symbol(e);
      case 'unary':
        return e.op === '-' ? this.scale(this.visit(e.arg), int(-1), e) : this.visit(e.arg);
      case 'transpose':
        return this.transpose(this.visit(e.arg));
      case 'binary':
        return this.binary(e);
      case 'call':
        return this.call(e);
    }
  }

  private symbol(e: Extract<Expr, { kind: 'symbol' }>): Value {
    if (e.name === 'X')
      return { kind: 'linear', rows: this.m, cols: this.n, A: null, B: null, transposed: false, scale: Q.ONE, C: null, label: 'X' };
    const named = lookupConstant(e.name);
    if (named) return scalarOf(call(named));
    const c = this.constants.get(e.name);
    if (!c) return this.refuse(`unknown name '${e.name}'`, e);
    if (c.rows === 1 && c.cols === 1) return scalarOf(num(c.exact[0]![0]!));
    return { kind: 'grid', rows: c.rows, cols: c.cols, cells: c.exact.map((row) => row.map((q) => constantCell(num(q)))), rational: c.exact };
  }

  // ── linear maps ────────────────────────────────────────────────────────

  private transpose(v: Value): Value {
    if (v.kind === 'scalar') return v;
    if (v.kind === 'linear')
      return {
        ...v,
        rows: v.cols,
        cols: v.rows,
        A: v.B && transposeOf(v.B),
        B: v.A && transposeOf(v.A),
        transposed: !v.transposed,
        C: v.C && transposeOf(v.C),
        label: `(${v.label})'`,
      };
    return { kind: 'grid', rows: v.cols, cols: v.rows, cells: transposeOf(v.cells), ...(v.rational ? { rational: transposeOf(v.rational) } : {}) };
  }

  private interned(v: readonly Rational[]): { id: number; scale: Rational } | null {
    let r = this.rowCache.get(v);
    if (r === undefined) {
      r = this.table.intern(v);
      this.rowCache.set(v, r);
    }
    return r;
  }

  /** Row i of A (or e_i) and column j of B (or e_j), as interned vectors over X's rows and columns. */
  private entryDirection(z: Linear, i: number, j: number): { dir: Direction; scale: Rational } | null {
    const left = (k: number, len: number, M: Linear['A']): { id: number; scale: Rational } | null =>
      M ? this.interned(M[k]!) : { id: this.table.unit(k, len), scale: Q.ONE };
    const columnOf = (M: readonly (readonly Rational[])[], k: number): readonly Rational[] => M.map((row) => row[k]!);
    const right = (k: number, len: number, M: Linear['B']): { id: number; scale: Rational } | null =>
      M ? this.interned(this.column(M, k, columnOf)) : { id: this.table.unit(k, len), scale: Q.ONE };
    // (A·X·B)_ij = (row i of A) X (col j of B); (A·Xᵀ·B)_ij = (col j of B)ᵀ X (row i of A)ᵀ.
    const u = z.transposed ? right(j, this.m, z.B) : left(i, this.m, z.A);
    const w = z.transposed ? left(i, this.n, z.A) : right(j, this.n, z.B);
    if (!u || !w) return null;
    return { dir: direction(u.id, w.id), scale: Q.mul(z.scale, Q.mul(u.scale, w.scale)) };
  }

  private readonly columns = new Map<readonly (readonly Rational[])[], (readonly Rational[])[]>();
  private column(
    M: readonly (readonly Rational[])[],
    k: number,
    columnOf: (M: readonly (readonly Rational[])[], k: number) => readonly Rational[],
  ): readonly Rational[] {
    let cols = this.columns.get(M);
    if (!cols) {
      cols = [];
      this.columns.set(M, cols);
    }
    return (cols[k] ??= columnOf(M, k));
  }

  private toGrid(v: MatrixValue): Grid {
    if (v.kind === 'grid') return v;
    const cells: Cell[][] = [];
    for (let i = 0; i < v.rows; i++) cells.push(Array.from({ length: v.cols }, (_, j) => this.linearCell(v, i, j)));
    return { kind: 'grid', rows: v.rows, cols: v.cols, cells };
  }

  /** Entry (i, j) of a linear map of X as a cell: its offset and its one ridge atom. */
  private linearCell(v: Linear, i: number, j: number): Cell {
    // Per entry: a 2000×2000 X has 4M of them, a few seconds of work.
    checkBudget();
    const offset = v.C ? v.C[i]![j]! : int(0);
    const d = this.entryDirection(v, i, j);
    if (!d || Q.isZero(d.scale)) return constantCell(offset);
    const scale = num(d.scale);
    this.noteOrigin(d.dir, { label: v.label, i, j, scale, offset });
    return { c: offset, atoms: [{ dir: d.dir, phi: mulS(scale, VAR) }] };
  }

  private noteOrigin(dir: Direction, o: Origin): void {
    const list = this.origins.get(dir.key);
    if (!list) this.origins.set(dir.key, [o]);
    else if (list.length < 64 && !list.some((x) => x.label === o.label && x.i === o.i && x.j === o.j)) list.push(o);
  }

  // ── scaling and sums ───────────────────────────────────────────────────

  private scale(v: Value, k: Scalar, e: Expr): Value {
    if (v.kind === 'scalar') return { kind: 'scalar', ridge: scaleCell(v.ridge, k), parts: v.parts.map((p) => ({ ...p, weight: mulS(k, p.weight) })) };
    if (v.kind === 'linear') {
      const q = k.kind === 'const' ? k.value : undefined;
      if (q) return { ...v, scale: Q.mul(v.scale, q), C: v.C && v.C.map((r) => r.map((c) => mulS(k, c))), label: `${Q.toText(q)}*(${v.label})` };
      return this.scale(this.toGrid(v), k, e);
    }
    const q = k.kind === 'const' ? k.value : undefined;
    const rational = q && v.rational ? v.rational.map((r) => r.map((x) => Q.mul(q, x))) : undefined;
    return { kind: 'grid', rows: v.rows, cols: v.cols, cells: v.cells.map((r) => r.map((c) => scaleCell(c, k))), ...(rational ? { rational } : {}) };
  }

  private add(a: Value, b: Value, e: Expr): Value {
    if (a.kind === 'scalar' && b.kind === 'scalar')
      return { kind: 'scalar', ridge: addCells(a.ridge, b.ridge), parts: [...a.parts, ...b.parts] };
    if (a.kind === 'scalar' || b.kind === 'scalar') {
      const [s, M] = a.kind === 'scalar' ? [a, b as MatrixValue] : [b as ScalarValue, a as MatrixValue];
      if (!isConstantScalar(s)) return this.refuse(`${this.text(e)} adds a function of all of X to every entry; not supported yet`, e);
      return this.addConstantToEach(M, s.ridge.c, e);
    }
    this.sameShape(a, b, e);
    if (a.kind === 'linear' && this.isConstantGrid(b)) return this.addOffset(a, b as Grid, e);
    if (b.kind === 'linear' && this.isConstantGrid(a)) return this.addOffset(b, a as Grid, e);
    if (a.kind === 'linear' && b.kind === 'linear' && a.A === b.A && a.B === b.B && a.transposed === b.transposed)
      return { ...a, scale: Q.add(a.scale, b.scale), C: this.sumOffsets(a.C, b.C), label: this.text(e) };
    return this.addGrids(this.toGrid(a), this.toGrid(b));
  }

  /** Entry by entry, directions kept apart: a sum needs no single direction per entry. */
  private addGrids(a: Grid, b: Grid): Grid {
    const rational = a.rational && b.rational ? a.rational.map((r, i) => r.map((x, j) => Q.add(x, b.rational![i]![j]!))) : undefined;
    return { kind: 'grid', rows: a.rows, cols: a.cols, cells: a.cells.map((r, i) => r.map((c, j) => addCells(c, b.cells[i]![j]!))), ...(rational ? { rational } : {}) };
  }

  private isConstantGrid(v: Value): boolean {
    return v.kind === 'grid' && v.cells.every((r) => r.every((c) => c.atoms.length === 0));
  }

  private sumOffsets(a: Linear['C'], b: Linear['C']): Linear['C'] {
    if (!a) return b;
    if (!b) return a;
    return a.map((r, i) => r.map((c, j) => addS(c, b[i]![j]!)));
  }

  private addOffset(z: Linear, K: Grid, e: Expr): Linear {
    return { ...z, C: this.sumOffsets(z.C, K.cells.map((r) => r.map((c) => c.c))), label: this.text(e) };
  }

  /** M + c entry by entry; a linear map's label becomes the sum's text, as its offsets now include c. */
  private addConstantToEach(M: MatrixValue, c: Scalar, e: Expr): MatrixValue {
    if (M.kind === 'linear')
      return { ...M, C: Array.from({ length: M.rows }, (_, i) => Array.from({ length: M.cols }, (_, j) => addS(M.C?.[i]![j]! ?? int(0), c))), label: this.text(e) };
    return { ...M, cells: M.cells.map((r) => r.map((x) => addCells(x, constantCell(c)))), rational: undefined };
  }

  private sameShape(a: MatrixValue, b: MatrixValue, e: Expr): void {
    if (a.rows !== b.rows || a.cols !== b.cols)
      this.refuse(`shape mismatch in ${this.text(e)}: ${a.rows}x${a.cols} and ${b.rows}x${b.cols}`, e);
  }

  // ── entry-wise functions ───────────────────────────────────────────────

  /** g applied entry by entry: each entry must depend on X through one linear form. */
  private entryWise(args: readonly Value[], e: Expr, g: (xs: readonly Scalar[]) => Scalar): Value {
    if (args.every((a) => a.kind === 'scalar')) return this.scalarFunction(args as ScalarValue[], e, g);
    const grids = args.map((a) => (a.kind === 'scalar' ? a : this.toGrid(a)));
    const first = grids.find((a): a is Grid => a.kind === 'grid')!;
    for (const a of grids) {
      if (a.kind === 'scalar') {
        if (!isConstantScalar(a)) this.refuse(`${this.text(e)} combines a function of all of X with each entry; not supported yet`, e);
        continue;
      }
      this.sameShape(first, a, e);
    }
    const cells = first.cells.map((row, i) =>
      row.map((_, j) => {
        checkBudget();
        const entries = grids.map((a) => (a.kind === 'scalar' ? a.ridge : a.cells[i]![j]!));
        return this.nonlinearEntry(entries, g, e, i, j);
      }),
    );
    return { kind: 'grid', rows: first.rows, cols: first.cols, cells };
  }

  /**
   * A cell that is linear in X, Σ k·⟨d, X⟩ over several directions, as one
   * linear form ⟨G, X⟩ when G = Σ k·d has rank one (sum(X) is ⟨1 1ᵀ, X⟩): then
   * g(sum(X)) is a ridge function like any other.
   */
  private collapseLinear(cell: Cell): Cell {
    if (cell.atoms.length < 2) return cell;
    const coefficients = cell.atoms.map((a) => linearCoefficient(a.phi));
    if (coefficients.some((k) => k === undefined) || cell.atoms.length * this.m * this.n > MAX_PRODUCT_WORK) return cell;
    const G = Array.from({ length: this.m }, () => Array.from({ length: this.n }, () => Q.ZERO));
    cell.atoms.forEach((a, k) => {
      const u = this.table.vectors[a.dir.u]!;
      const w = this.table.vectors[a.dir.w]!;
      for (let i = 0; i < this.m; i++) {
        if (Q.isZero(u[i]!)) continue;
        const ku = Q.mul(coefficients[k]!, u[i]!);
        for (let j = 0; j < this.n; j++) if (!Q.isZero(w[j]!)) G[i]![j] = Q.add(G[i]![j]!, Q.mul(ku, w[j]!));
      }
    });
    const r0 = G.findIndex((row) => row.some((x) => !Q.isZero(x)));
    if (r0 < 0) return constantCell(cell.c);
    const base = G[r0]!;
    const j0 = base.findIndex((x) => !Q.isZero(x));
    const alpha = G.map((row) => Q.div(row[j0]!, base[j0]!));
    if (!G.every((row, i) => row.every((x, j) => Q.equals(x, Q.mul(alpha[i]!, base[j]!))))) return cell;
    const u = this.table.intern(alpha)!;
    const w = this.table.intern(base)!;
    return { c: cell.c, atoms: [{ dir: direction(u.id, w.id), phi: mulS(num(Q.mul(u.scale, w.scale)), VAR) }] };
  }

  private nonlinearEntry(entries: readonly Cell[], g: (xs: readonly Scalar[]) => Scalar, e: Expr, i: number, j: number): Cell {
    const common = onOneDirection(entries.map((c) => this.collapseLinear(c)));
    if (!common)
      return this.refuse(
        `${this.text(e)} (entry ${i + 1},${j + 1}) applies a function to more than one linear form of X at once; kinkproof handles entry-wise functions of one linear form per entry`,
        e,
      );
    const out = g(common.exprs);
    return common.dir && dependsOnT(out) ? singleCell(common.dir, out) : constantCell(out);
  }

  /** g of scalars: stays a ridge function while f has one direction; else an outer part h(s). */
  private scalarFunction(given: readonly ScalarValue[], e: Expr, g: (xs: readonly Scalar[]) => Scalar): ScalarValue {
    const args = given.map((a) => (a.parts.length === 0 ? { ...a, ridge: this.collapseLinear(a.ridge) } : a));
    const varying = args.filter((a) => !isConstantScalar(a));
    if (varying.length === 0) return scalarOf(g(args.map((a) => a.ridge.c)));
    const onlyRidge = varying.every((a) => a.parts.length === 0);
    if (onlyRidge) {
      // Each argument one function of one direction, all the same direction: g of them is again one.
      const common = onOneDirection(args.map((a) => a.ridge));
      if (common) {
        const out = g(common.exprs);
        return { kind: 'scalar', ridge: common.dir && dependsOnT(out) ? singleCell(common.dir, out) : constantCell(out), parts: [] };
      }
      if (varying.length === 1) {
        const s = varying[0]!;
        this.rules.add('outer');
        const h = g(args.map((a) => (a === s ? VAR : a.ridge.c)));
        return { kind: 'scalar', ridge: ZERO_CELL, parts: [{ kind: 'compose', weight: int(1), h, inner: s.ridge }] };
      }
    }
    if (varying.length === 1) {
      const v = varying[0]!;
      // g(c + w·h(s)) for one outer part: still one outer function of the same s.
      if (v.parts.length === 1 && v.ridge.atoms.length === 0) {
        const p = v.parts[0]!;
        if (p.kind === 'compose') {
          const inner = addS(v.ridge.c, mulS(p.weight, p.h));
          const h = g(args.map((a) => (a === v ? inner : a.ridge.c)));
          return { kind: 'scalar', ridge: ZERO_CELL, parts: [{ kind: 'compose', weight: int(1), h, inner: p.inner }] };
        }
        // g(c + T) for a norm or max T: an outer function of that part, T′(X; ·) composed with g′.
        this.rules.add('outer');
        const h = g(args.map((a) => (a === v ? addS(v.ridge.c, VAR) : a.ridge.c)));
        return { kind: 'scalar', ridge: ZERO_CELL, parts: [{ kind: 'outer', weight: int(1), h, inner: p }] };
      }
    }
    return this.refuse(`${this.text(e)}: a function of several reductions of X (or of a norm or max) is not supported yet`, e);
  }

  // ── binary operators ───────────────────────────────────────────────────

  private binary(e: Extract<Expr, { kind: 'binary' }>): Value {
    const { op, left, right } = e;
    if ((op === '^' || op === '.^') && left.kind === 'call' && left.name === 'norm') return this.normPower(left, right, e);
    const a = this.visit(left);
    if (op === '^' || op === '.^') {
      const k = this.constantExponent(right);
      if (op === '^' && a.kind !== 'scalar') return this.refuse(`'^' on a matrix is a matrix power; use '.^'`, e);
      return this.entryWise([a], e, ([x]) => powS(x!, k));
    }
    const b = this.visit(right);
    switch (op) {
      case '+':
        return this.add(a, b, e);
      case '-':
        return this.add(a, this.scale(b, int(-1), e), e);
      case '.*':
        return this.product(a, b, e, false);
      case '*':
        return this.product(a, b, e, true);
      case '/':
      case './':
        if (b.kind === 'scalar' && isConstantScalar(b)) return this.scale(a, powS(b.ridge.c, Q.MINUS_ONE), e);
        return this.entryWise([a, b], e, ([x, y]) => divS(x!, y!));
    }
  }

  private constantExponent(e: Expr): Rational {
    const v = dependsOnX(e) ? undefined : this.visit(e);
    const s = v?.kind === 'scalar' && isConstantScalar(v) ? v.ridge.c : undefined;
    const q = s && !dependsOnT(s) ? P.asRational(toPiecewise(s).pieces[0]!.nf) : undefined;
    if (!q) return this.refuse(`the exponent ${this.text(e)} must be a constant rational number`, e);
    return q;
  }

  private product(a: Value, b: Value, e: Expr, matrix: boolean): Value {
    if (a.kind === 'scalar' && isConstantScalar(a)) return this.scale(b, a.ridge.c, e);
    if (b.kind === 'scalar' && isConstantScalar(b)) return this.scale(a, b.ridge.c, e);
    if (!matrix || a.kind === 'scalar' || b.kind === 'scalar') return this.entryWise([a, b], e, ([x, y]) => mulS(x!, y!));
    return this.matrixProduct(a, b, e);
  }

  private constantRationals(v: MatrixValue): readonly (readonly Rational[])[] | undefined {
    return v.kind === 'grid' ? v.rational : undefined;
  }

  private matrixProduct(a: MatrixValue, b: MatrixValue, e: Expr): Value {
    if (a.cols !== b.rows) return this.refuse(`cannot multiply ${a.rows}x${a.cols} by ${b.rows}x${b.cols}`, e);
    const K = this.constantRationals(a);
    const L = this.constantRationals(b);
    if (K && L) return this.constantProduct(K, L);
    this.rules.add('linear');
    if (K && b.kind === 'linear') return this.leftMultiply(K, b, e);
    if (L && a.kind === 'linear') return this.rightMultiply(a, L, e);
    if (K || L || this.isConstantGrid(a) || this.isConstantGrid(b)) return this.combine(a, b, e);
    return this.refuse(`${this.text(e)} is a product of two matrices that depend on X; not supported`, e);
  }

  private constantProduct(K: readonly (readonly Rational[])[], L: readonly (readonly Rational[])[]): Grid {
    this.budget(K.length * L.length * (L[0]?.length ?? 0));
    const R = ratMul(K, L);
    return { kind: 'grid', rows: R.length, cols: R[0]?.length ?? 0, cells: R.map((r) => r.map((q) => constantCell(num(q)))), rational: R };
  }

  private budget(work: number): void {
    if (work > MAX_PRODUCT_WORK) throw new KinkproofError('limit', `a matrix product here needs more than ${MAX_PRODUCT_WORK} multiplications`);
  }

  private leftMultiply(K: readonly (readonly Rational[])[], z: Linear, e: Expr): Value {
    const A = z.A ? (this.budget(K.length * z.A.length * (z.A[0]?.length ?? 0)), ratMul(K, z.A)) : K;
    const C = z.C && this.constantTimes(K, z.C);
    return { ...z, rows: K.length, A, C, label: this.text(e) };
  }

  private rightMultiply(z: Linear, L: readonly (readonly Rational[])[], e: Expr): Value {
    const B = z.B ? (this.budget(z.B.length * L.length * (L[0]?.length ?? 0)), ratMul(z.B, L)) : L;
    const C = z.C && transposeOf(this.constantTimes(transposeOf(L), transposeOf(z.C)));
    return { ...z, cols: L[0]?.length ?? 0, B, C, label: this.text(e) };
  }

  private constantTimes(K: readonly (readonly Rational[])[], C: readonly (readonly Scalar[])[]): Scalar[][] {
    this.budget(K.length * C.length * (C[0]?.length ?? 0));
    return K.map((row) => Array.from({ length: C[0]?.length ?? 0 }, (_, j) => addS(...row.map((k, l) => mulS(num(k), C[l]![j]!)))));
  }

  /** A constant matrix times entries that are functions of X: each entry a linear combination of cells. */
  private combine(a: MatrixValue, b: MatrixValue, e: Expr): Grid {
    const ga = this.toGrid(a);
    const gb = this.toGrid(b);
    const atoms = (g: Grid): number => g.cells.reduce((s, r) => s + r.reduce((t, c) => t + c.atoms.length + 1, 0), 0);
    this.budget(ga.rows * gb.cols * ga.cols + atoms(ga) * gb.cols + atoms(gb) * ga.rows);
    const cells = ga.cells.map((row) =>
      Array.from({ length: gb.cols }, (_, j) => addCells(...row.map((x, k) => this.times(x, gb.cells[k]![j]!, e)))),
    );
    return { kind: 'grid', rows: ga.rows, cols: gb.cols, cells };
  }

  private times(x: Cell, y: Cell, e: Expr): Cell {
    if (x.atoms.length === 0) return scaleCell(y, x.c);
    if (y.atoms.length === 0) return scaleCell(x, y.c);
    return this.refuse(`${this.text(e)} multiplies two functions of X; not supported`, e);
  }

  // ── calls: primitives and reductions ───────────────────────────────────

  private call(e: Extract<Expr, { kind: 'call' }>): Value {
    const args = e.args;
    switch (e.name) {
      case 'sum':
        return this.sum(this.visit(args[0]!));
      case 'trace':
        return this.trace(this.visit(args[0]!), e);
      case 'norm':
        return this.norm(args[0]!, e, 1);
      case 'max':
      case 'min':
        if (args.length === 1) return this.extremum(e.name, this.visit(args[0]!), e);
        break;
      case 'sqrt':
        return this.sqrt(this.visit(args[0]!), e);
      default:
        break;
    }
    const prim = lookupPrimitive(e.name);
    if (!prim) return this.refuse(`unknown function '${e.name}'`, e);
    return this.entryWise(args.map((a) => this.visit(a)), e, (xs) => call(prim, ...xs));
  }

  private cellsOf(v: Value): Cell[] {
    if (v.kind === 'scalar') return [v.ridge];
    return this.toGrid(v).cells.flat();
  }

  private sum(v: Value): ScalarValue {
    if (v.kind === 'scalar') return v;
    this.rules.add('sum');
    return { kind: 'scalar', ridge: addCells(...this.cellsOf(v)), parts: [] };
  }

  private trace(v: Value, e: Expr): ScalarValue {
    if (v.kind === 'scalar') return v;
    if (v.rows !== v.cols) return this.refuse(`trace needs a square matrix, got ${v.rows}x${v.cols}`, e);
    // Only the diagonal: a linear map's m×m grid would be built to read m of its cells.
    const diagonal = v.kind === 'linear' ? Array.from({ length: v.rows }, (_, i) => this.linearCell(v, i, i)) : v.cells.map((r, i) => r[i]!);
    return { kind: 'scalar', ridge: addCells(...diagonal), parts: [] };
  }

  /** Each entry of R as one ridge function (what norms and maxima need). */
  private components(v: Value, e: Expr): Cell[] {
    return this.cellsOf(v).map((c) => {
      checkBudget();
      if ('clash' in asSingle(c)) return this.refuse(`an entry of ${this.text(e)} mixes several linear forms of X; not supported inside a norm or max`, e);
      return c;
    });
  }

  private norm(arg: Expr, e: Extract<Expr, { kind: 'call' }>, power: number): ScalarValue {
    const kind = e.args[1];
    if (!(kind?.kind === 'string' && kind.value === 'fro')) return this.refuse(`only norm(R,'fro') is supported here`, e);
    const comps = this.components(this.visit(arg), e);
    this.rules.add('norm');
    const squares = (): Cell => addCells(...comps.map((c) => this.mapSingle(c, (x) => powS(x, Q.rat(2)))));
    if (power === 2) return { kind: 'scalar', ridge: squares(), parts: [] };
    if (power === 1) return this.normPart(comps);
    const s = squares();
    return this.scalarFunction([{ kind: 'scalar', ridge: s, parts: [] }], e, ([x]) => powS(x!, Q.div(Q.rat(power), Q.rat(2))));
  }

  private normPart(comps: readonly Cell[]): ScalarValue {
    const varying = comps.filter((c) => c.atoms.length > 0);
    if (varying.length === 0) {
      const squares = addS(...comps.map((c) => powS(c.c, Q.rat(2))));
      return scalarOf(powS(squares, Q.HALF));
    }
    // One entry in all (a 1×1 R): ‖r‖_F = |r|, a ridge function.
    if (comps.length === 1) return { kind: 'scalar', ridge: this.mapSingle(comps[0]!, (x) => call('abs', x)), parts: [] };
    return { kind: 'scalar', ridge: ZERO_CELL, parts: [{ kind: 'norm', weight: int(1), components: comps }] };
  }

  private mapSingle(c: Cell, g: (x: Scalar) => Scalar): Cell {
    const s = asSingle(c) as { dir: Direction | null; expr: Scalar };
    const out = g(s.expr);
    return s.dir && dependsOnT(out) ? singleCell(s.dir, out) : constantCell(out);
  }

  private normPower(left: Extract<Expr, { kind: 'call' }>, right: Expr, e: Expr): Value {
    const k = this.constantExponent(right);
    if (!Q.isInteger(k) || Q.sign(k) <= 0) {
      const base = this.norm(left.args[0]!, left, 1);
      return this.scalarFunction([base], e, ([x]) => powS(x!, k));
    }
    return this.norm(left.args[0]!, left, Number(k.num));
  }

  private sqrt(v: Value, e: Expr): Value {
    // sqrt(Σ r²) is the Frobenius norm of (r): a norm part, Lipschitz where the square root alone is not.
    // sqrt(c + Σ r²) with a rational c ≥ 0 is the norm of (r, √c), convex and Lipschitz where the square root alone is not.
    const c = v.kind === 'scalar' && v.ridge.c.kind === 'const' ? v.ridge.c.value : undefined;
    if (v.kind === 'scalar' && v.parts.length === 0 && v.ridge.atoms.length > 1 && c && Q.sign(c) >= 0) {
      const roots = v.ridge.atoms.map((a) => (a.phi.kind === 'pow' && Q.equals(a.phi.exponent, Q.rat(2)) ? a.phi.base : undefined));
      if (roots.every((r) => r !== undefined)) {
        this.rules.add('norm');
        const extra = Q.isZero(c) ? [] : [constantCell(powS(num(c), Q.HALF))];
        return this.normPart([...v.ridge.atoms.map((a, i) => singleCell(a.dir, roots[i]!)), ...extra]);
      }
    }
    return this.entryWise([v], e, ([x]) => powS(x!, Q.HALF));
  }

  private extremum(which: 'max' | 'min', v: Value, e: Expr): ScalarValue {
    if (v.kind === 'scalar') return v;
    const comps = this.components(v, e);
    this.rules.add('extremum');
    if (comps.length === 1) return { kind: 'scalar', ridge: comps[0]!, parts: [] };
    if (comps.every((c) => c.atoms.length === 0)) {
      const fold = comps.map((c) => c.c).reduce((x, y) => call(which, x, y));
      return scalarOf(fold);
    }
    return { kind: 'scalar', ridge: ZERO_CELL, parts: [{ kind: 'extremum', which, weight: int(1), components: comps }] };
  }
}
